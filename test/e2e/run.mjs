// Browser tests: builds nothing (run `vite build` first), starts `wrangler dev` on its own port
// with an isolated database, drives Debian's Chromium through playwright-core, and stops wrangler.
// Run through npm (`npm run test:e2e`) so Node 24 from node_modules is used.
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { migrate, startWranglerDev } from '../../scripts/lib/wrangler-dev.mjs'

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const here = join(root, 'test/e2e')
const port = Number(process.env.E2E_PORT ?? 8788)
const screenshotDir = join(root, 'test-results/screenshots')

// Fixed secrets for the test run only (the same kind as vitest.config.ts binds); never written to .dev.vars.
const VARS = {
  APP_ENV: 'test',
  TOKEN_SECRET: 'NwNxSh9IpruDYtLiDx6e7zlJ4n0yFfXPgLNPbSj-Ong',
  ANSWER_KEY_SECRET: 'fM4HlU-lGtjq5Nxza2Jrm6C2wxSeHAtE1PxU-5wJRXQ',
  DATA_KEY: 'uz0mh5SBrLITgS040aFN6SABWOi8V72pnB1pH5YjSaw',
}
const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
]

function fail(message) {
  console.error(`\n${message}\n`)
  console.log('0 passed, 1 failed')
  process.exit(1)
}

if (Number(process.versions.node.split('.')[0]) < 22) fail(`Node ${process.versions.node} is too old: run through npm (npm run test:e2e).`)
if (!existsSync(join(root, 'dist/client/index.html'))) fail('dist/client/index.html is missing: run `vite build` first (npm run test:e2e does).')
const chrome = process.env.CHROME_PATH || '/usr/bin/chromium'
if (!existsSync(chrome)) fail(`Chromium not found at ${chrome}: apt-get install -y chromium, or set CHROME_PATH.`)

mkdirSync(screenshotDir, { recursive: true })
const only = process.argv.slice(2)
const files = readdirSync(here)
  .filter((f) => f.endsWith('.e2e.mjs') && (!only.length || only.some((o) => f.includes(o))))
  .sort()
const modules = new Map()
for (const file of files) modules.set(file, await import(pathToFileURL(join(here, file)).href))

let server
try {
  // A test file may export `prepare(stateDir)` to write rows the API cannot (before the server holds the database).
  const setup = async (stateDir) => {
    migrate(stateDir)
    for (const mod of modules.values()) await mod.prepare?.(stateDir)
  }
  server = await startWranglerDev({ port, vars: VARS, prefix: 'mognad-e2e-', setup })
} catch (err) {
  fail(`${err.message}${/in use/.test(err.message) ? ' (or set E2E_PORT to another port)' : ''}`)
}
const baseUrl = server.baseUrl

let passed = 0
let failed = 0
let browser
const cleanup = async () => {
  await browser?.close().catch(() => {})
}
process.on('SIGINT', async () => {
  await cleanup()
  await server.stop()
  process.exit(130)
})

try {
  browser = await chromium.launch({ executablePath: chrome, args: CHROME_ARGS })
  for (const [file, mod] of modules) {
    const started = Date.now()
    try {
      await mod.default({ baseUrl, browser, screenshotDir })
      passed++
      console.log(`ok   ${file} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
    } catch (err) {
      failed++
      console.log(`FAIL ${file}`)
      console.log(String(err?.stack ?? err).replace(/^/gm, '     '))
    }
  }
} catch (err) {
  failed++
  console.log(`FAIL setup\n${String(err?.stack ?? err)}`)
} finally {
  await cleanup()
  await server.stop({ keepState: failed > 0 })
  if (failed) console.log(`(wrangler log kept at ${server.logFile})`)
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
