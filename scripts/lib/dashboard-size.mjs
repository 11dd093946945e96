// The results dashboard's JavaScript budget (≤ 80 KB gzip): the page chunk and every chunk it
// imports statically, the app shell included (a first visit straight to the dashboard downloads
// all of it). Dynamic imports (the XLSX writer, loaded when its button is pressed) are not counted.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileSizes, kb } from './sizes.mjs'

const BUDGET_KB = 80
// A text only the dashboard page renders: finds its chunk whatever name the bundler gives it.
const MARKER = 'sec-benchmark'
const STATIC_IMPORT = /(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g

/** Files reached from `start` through static imports only. */
function closure(dir, start) {
  const seen = new Set()
  const stack = [start]
  while (stack.length) {
    const name = stack.pop()
    if (seen.has(name) || !existsSync(join(dir, name))) continue
    seen.add(name)
    for (const m of readFileSync(join(dir, name), 'utf8').matchAll(STATIC_IMPORT)) stack.push(m[1])
  }
  return seen
}

/** Prints the dashboard's gzip size against its budget; returns false when over it or not found. */
export function reportDashboardSize(assetsDir) {
  const js = readdirSync(assetsDir).filter((n) => n.endsWith('.js'))
  const page = js.find((n) => readFileSync(join(assetsDir, n), 'utf8').includes(MARKER))
  if (!page) {
    console.log('\nDashboard: page chunk not found')
    return false
  }
  const files = [...closure(assetsDir, page)]
  const gzip = files.reduce((sum, n) => sum + fileSizes(join(assetsDir, n)).gzip, 0)
  const ok = gzip / 1024 <= BUDGET_KB
  console.log(`\nDashboard JavaScript (${page} + ${files.length - 1} static imports, XLSX chunk excluded): ${kb(gzip)} KB gzip of ${BUDGET_KB} KB ${ok ? 'ok' : 'OVER BUDGET'}`)
  return ok
}
