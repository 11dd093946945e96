// Starts `wrangler dev` on its own port with an isolated database in a temp folder (never
// .wrangler/state), waits for /api/v1/health, and stops it by its process group (wrangler starts
// workerd beneath it). Used by the browser tests, the load run and the benchmark timing.
import { spawn, spawnSync } from 'node:child_process'
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, toolEnv } from './tools.mjs'
import { assertPortFree } from './port.mjs'

const wranglerBin = join(ROOT, 'node_modules/wrangler/bin/wrangler.js')

/** Fresh secrets for one run, passed as --var (never written to .dev.vars). */
export function runSecrets(appEnv = 'test') {
  const s = () => randomBytes(32).toString('base64url')
  return { APP_ENV: appEnv, TOKEN_SECRET: s(), ANSWER_KEY_SECRET: s(), DATA_KEY: s() }
}

/** Applies the migrations to a fresh local database in `stateDir`. */
export function migrate(stateDir) {
  const result = spawnSync(process.execPath, [wranglerBin, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stateDir], { cwd: ROOT, env: toolEnv(), encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`Migrations failed:\n${result.stdout}\n${result.stderr}`)
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

/**
 * Prepares a temporary database (`setup(stateDir)`, by default the migrations), starts wrangler
 * dev on 127.0.0.1:port with `vars`, and waits until it answers. A taken port is a clear error.
 */
export async function startWranglerDev({ port, vars = runSecrets(), prefix = 'mognad-dev-', setup = migrate }) {
  await assertPortFree(port, '127.0.0.1')
  // The assets binding needs its folder even when the web app was never built.
  mkdirSync(join(ROOT, 'dist/client'), { recursive: true })
  const stateDir = mkdtempSync(join(tmpdir(), prefix))
  const logFile = join(stateDir, 'wrangler.log')
  let child
  const server = {
    baseUrl: `http://127.0.0.1:${port}`,
    logFile,
    stateDir,
    async stop({ keepState = false } = {}) {
      if (child) await stopChild(child)
      if (!keepState) rmSync(stateDir, { recursive: true, force: true })
    },
  }
  try {
    await setup(stateDir)
    const args = Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`])
    const log = createWriteStream(logFile)
    child = spawn(process.execPath, [wranglerBin, 'dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', stateDir, ...args], {
      cwd: ROOT,
      env: toolEnv(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout.pipe(log)
    child.stderr.pipe(log)
    await waitForHealth(child, server.baseUrl, logFile)
  } catch (err) {
    await server.stop({ keepState: true })
    throw err
  }
  return server
}
