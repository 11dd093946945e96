// Browser tests: builds nothing (run `vite build` first), starts `wrangler dev` on its own port
// with an isolated database, drives Debian's Chromium through playwright-core, and stops wrangler.
// Run through npm (`npm run test:e2e`) so Node 24 from node_modules is used.
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, createWriteStream, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const here = join(root, 'test/e2e')
const port = Number(process.env.E2E_PORT ?? 8788)
const baseUrl = `http://127.0.0.1:${port}`
const screenshotDir = join(root, 'test-results/screenshots')
const wranglerBin = join(root, 'node_modules/wrangler/bin/wrangler.js')

// Fixed secrets for the test run only (the same kind as vitest.config.ts binds); never written to .dev.vars.
const VARS = {
  APP_ENV: 'test',
  TOKEN_SECRET: 'e2e-token-secret-0123456789abcdef0123456789abcdef',
  ANSWER_KEY_SECRET: 'e2e-answer-key-secret-0123456789abcdef012345678',
  DATA_KEY: 'ZTJlLWRhdGEta2V5LTAxMjM0NTY3ODlhYmNkZWYwMTIzNDU=',
}
const OFFLINE_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
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

/** Resolves when nothing listens on the port; a taken port is a clear error, never a silent other one. */
function checkPortFree(p) {
  return new Promise((ok, no) => {
    const server = createServer()
    server.once('error', (err) => no(err))
    server.listen(p, '127.0.0.1', () => server.close(() => ok()))
  })
}

async function waitForHealth(child, logFile, timeoutMs = 60_000) {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${readFileSync(logFile, 'utf8')}`)
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`)
      if (res.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`wrangler dev did not answer /api/v1/health within ${timeoutMs / 1000} s:\n${readFileSync(logFile, 'utf8')}`)
}

function stop(child) {
  if (!child || child.exitCode !== null) return Promise.resolve()
  return new Promise((done) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {}
      done()
    }, 5000)
    child.once('exit', () => {
      clearTimeout(timer)
      done()
    })
    // The whole process group: wrangler starts workerd beneath it.
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      done()
    }
  })
}

try {
  await checkPortFree(port)
} catch (err) {
  fail(`Port ${port} is taken (${err.code}). Stop what listens there or set E2E_PORT to another port.`)
}

const stateDir = mkdtempSync(join(tmpdir(), 'mognad-e2e-'))
const logFile = join(stateDir, 'wrangler.log')
mkdirSync(screenshotDir, { recursive: true })

const migrate = spawnSync(process.execPath, [wranglerBin, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stateDir], { cwd: root, env: OFFLINE_ENV, encoding: 'utf8' })
if (migrate.status !== 0) fail(`Migrations failed:\n${migrate.stdout}\n${migrate.stderr}`)

const vars = Object.entries(VARS).flatMap(([k, v]) => ['--var', `${k}:${v}`])
const log = createWriteStream(logFile)
const wrangler = spawn(process.execPath, [wranglerBin, 'dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', stateDir, ...vars], {
  cwd: root,
  env: OFFLINE_ENV,
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
})
wrangler.stdout.pipe(log)
wrangler.stderr.pipe(log)

let passed = 0
let failed = 0
let browser
const cleanup = async () => {
  await browser?.close().catch(() => {})
  await stop(wrangler)
}
process.on('SIGINT', async () => {
  await cleanup()
  process.exit(130)
})

try {
  await waitForHealth(wrangler, logFile)
  browser = await chromium.launch({ executablePath: chrome, args: CHROME_ARGS })
  const only = process.argv.slice(2)
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.e2e.mjs') && (!only.length || only.some((o) => f.includes(o))))
    .sort()
  for (const file of files) {
    const mod = await import(pathToFileURL(join(here, file)).href)
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
  if (failed) console.log(`(wrangler log kept at ${logFile})`)
  else rmSync(stateDir, { recursive: true, force: true })
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
