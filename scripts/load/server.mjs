// Starts `wrangler dev` for the load run on its own port with an isolated, migrated database,
// and stops it by its process group (wrangler starts workerd beneath it).
import { spawn, spawnSync } from 'node:child_process'
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, toolEnv } from '../lib/tools.mjs'
import { assertPortFree } from '../lib/port.mjs'

const wranglerBin = join(ROOT, 'node_modules/wrangler/bin/wrangler.js')

/** Fresh secrets for this run only, passed as --var (never written to .dev.vars). */
function secrets() {
  const s = () => randomBytes(32).toString('base64url')
  return { APP_ENV: 'test', TOKEN_SECRET: s(), ANSWER_KEY_SECRET: s(), DATA_KEY: s() }
}

async function waitForHealth(child, baseUrl, logFile, timeoutMs = 60_000) {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${readFileSync(logFile, 'utf8')}`)
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`wrangler dev did not answer /api/v1/health within ${timeoutMs / 1000} s:\n${readFileSync(logFile, 'utf8')}`)
}

/** Migrates a temporary database, starts wrangler dev on 127.0.0.1:port and waits for health. */
export async function startServer(port) {
  await assertPortFree(port, '127.0.0.1')
  // The assets binding needs its folder even when the web app was never built; the API needs no page.
  mkdirSync(join(ROOT, 'dist/client'), { recursive: true })
  const stateDir = mkdtempSync(join(tmpdir(), 'mognad-load-'))
  const logFile = join(stateDir, 'wrangler.log')
  const env = toolEnv()
  const migrate = spawnSync(process.execPath, [wranglerBin, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stateDir], { cwd: ROOT, env, encoding: 'utf8' })
  if (migrate.status !== 0) throw new Error(`Migrations failed:\n${migrate.stdout}\n${migrate.stderr}`)
  const vars = Object.entries(secrets()).flatMap(([k, v]) => ['--var', `${k}:${v}`])
  const log = createWriteStream(logFile)
  const child = spawn(process.execPath, [wranglerBin, 'dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', stateDir, ...vars], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.pipe(log)
  child.stderr.pipe(log)
  const baseUrl = `http://127.0.0.1:${port}`
  const server = {
    baseUrl,
    logFile,
    async stop({ keepState = false } = {}) {
      await stopChild(child)
      if (!keepState) rmSync(stateDir, { recursive: true, force: true })
    },
  }
  try {
    await waitForHealth(child, baseUrl, logFile)
  } catch (err) {
    await server.stop({ keepState: true })
    throw err
  }
  return server
}

function stopChild(child) {
  if (child.exitCode !== null) return Promise.resolve()
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
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      done()
    }
  })
}
