// Runs the benchmark cases outside any test runner (no module-runner overhead in hot loops):
// bundles every test/bench/*.cases.ts with esbuild, runs each case until it has at least 25 samples
// and 1 s of work, and prints median, p95 and min against its budget. It never fails on time.
import { build } from 'esbuild'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const dir = resolve('test/bench')
// An optional argument keeps only the case files whose name contains it (`node test/bench/run.mjs optimiser`).
const only = process.argv[2] ?? ''
const files = readdirSync(dir).filter((f) => f.endsWith('.cases.ts') && f.includes(only))
const out = mkdtempSync(join(tmpdir(), 'mognad-bench-'))

function measure(run) {
  for (let i = 0; i < 5; i++) run()
  const samples = []
  const started = performance.now()
  while (samples.length < 25 || (performance.now() - started < 1000 && samples.length < 2000)) {
    const t = performance.now()
    run()
    samples.push(performance.now() - t)
  }
  samples.sort((a, b) => a - b)
  const at = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]
  return { median: at(0.5), p95: at(0.95), min: samples[0], n: samples.length }
}

const fmt = (ms) => (ms < 1 ? ms.toFixed(3) : ms.toFixed(2)).padStart(8)
try {
  for (const file of files) {
    const outfile = join(out, file.replace(/\.ts$/, '.mjs'))
    await build({ entryPoints: [join(dir, file)], bundle: true, format: 'esm', platform: 'node', outfile, loader: { '.tsv': 'text' }, logLevel: 'error' })
    const { cases } = await import(pathToFileURL(outfile).href)
    console.log(`\n${file}`)
    console.log(`${'case'.padEnd(58)}  median ms    p95 ms    min ms  runs  budget`)
    for (const c of cases) {
      const r = measure(c.run)
      const budget = c.budgetMs === undefined ? '' : `${r.median <= c.budgetMs ? 'within' : 'OVER'} ${c.budgetMs} ms`
      console.log(`${c.name.padEnd(58)} ${fmt(r.median)}  ${fmt(r.p95)}  ${fmt(r.min)}  ${String(r.n).padStart(4)}  ${budget}`)
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true })
}
