// npm start: build the web app, prepare local secrets and the local D1, run `wrangler dev`, seed
// the demo organisation and print a sign-in link for its owner. Ctrl-C stops wrangler.
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { ROOT, runTool, spawnTool } from './lib/tools.mjs'
import { ensureDevVars } from './lib/dev-vars.mjs'
import { assertPortFree } from './lib/port.mjs'

const HOST = '127.0.0.1'
const PORT = Number(process.env.PORT ?? 8787)
const ORIGIN = `http://${HOST}:${PORT}`
const READY_TIMEOUT_MS = 90_000

const say = (text) => console.log(`\n[mognad] ${text}`)

function fail(message) {
  console.error(`\n[mognad] ${message}\n`)
  process.exit(1)
}

async function buildWebApp() {
  if (!existsSync(join(ROOT, 'vite.config.ts'))) {
    console.warn('\n[mognad] WARNING: vite.config.ts does not exist yet, so the web app is not built; only the API is served.')
    // wrangler's assets binding needs its folder even when it is empty.
    mkdirSync(join(ROOT, 'dist', 'client'), { recursive: true })
    return
  }
  say('Building the web app (vite build)')
  await runTool('vite', ['build'])
}

/** Polls the health endpoint until it answers 200; fails early when wrangler has exited. */
async function waitForHealth(wrangler) {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (wrangler.exitCode !== null || wrangler.signalCode !== null) throw new Error('wrangler dev exited before the app answered')
    const res = await fetch(`${ORIGIN}/api/v1/health`).catch(() => null) // null: not listening yet
    if (res?.ok) return
    // The Worker refuses to run with a missing or weak secret: say which, and how to fix it.
    const { status, missing = [] } = res?.status === 503 ? await res.json().catch(() => ({})) : {}
    if (status === 'misconfigured') {
      throw new Error(`the Worker reports missing or weak secrets: ${missing.join(', ')}. Each needs at least 32 random bytes as base64, base64url or hex; remove its line from .dev.vars to get a fresh one (local links and answers made with the old value stop working).`)
    }
    await sleep(250)
  }
  throw new Error(`${ORIGIN}/api/v1/health did not answer within ${READY_TIMEOUT_MS / 1000} s`)
}

async function seedDemo() {
  const res = await fetch(`${ORIGIN}/api/v1/dev/seed`, { method: 'POST' })
  const body = await res.text()
  if (!res.ok) throw new Error(`POST /api/v1/dev/seed answered ${res.status}: ${body}`)
  return JSON.parse(body)
}

if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65535) fail(`PORT must be a port number, not "${process.env.PORT}"`)

try {
  await assertPortFree(PORT, HOST)
  await buildWebApp()
  const added = ensureDevVars(join(ROOT, '.dev.vars'))
  if (added.length) say(`Wrote new local secrets to .dev.vars: ${added.join(', ')}`)
  say('Applying migrations to the local D1')
  await runTool('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local'], { env: { CI: 'true' } })
} catch (err) {
  fail(err.message)
}

say(`Starting wrangler dev on ${ORIGIN}`)
const wrangler = spawnTool('wrangler', ['dev', '--local', '--ip', HOST, '--port', String(PORT)])
let stopping = false
let failed = false

// Ctrl-C reaches wrangler from the terminal too; we stay alive until it has shut workerd down.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopping = true
    wrangler.kill(signal)
  })
}
wrangler.on('exit', (code, signal) => {
  if (!stopping && code !== 0) console.error(`\n[mognad] wrangler dev stopped (${signal ?? `exit ${code}`})`)
  process.exit(failed ? 1 : stopping ? 0 : (code ?? 1))
})

try {
  await waitForHealth(wrangler)
  const seed = await seedDemo()
  console.log(
    [
      '',
      `Mognad is running at ${ORIGIN}`,
      `Demo organisation: ${seed.organisation.name} (slug ${seed.organisation.slug})`,
      `Sign in as ${seed.owner.email} (single use, valid 15 minutes):`,
      `  ${seed.signInLink}`,
      `More links: POST ${ORIGIN}/api/v1/dev/seed, or the dev outbox ${ORIGIN}/api/v1/dev/outbox?to=${encodeURIComponent(seed.owner.email)}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  )
} catch (err) {
  console.error(`\n[mognad] ${err.message}\n`)
  stopping = true
  failed = true
  wrangler.kill('SIGTERM')
}
