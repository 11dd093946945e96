// Runs the project's own tools (wrangler, vite) on the Node that runs this script, which the
// node guard has checked: calling node_modules/.bin/* directly could pick up an older system Node.
import { spawn } from 'node:child_process'
import { realpathSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Offline behaviour of wrangler (stack.md): no metrics, no request.cf fetch, no update check, no error reports. */
export const WRANGLER_OFFLINE = {
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
}

/** The environment for child tools: offline wrangler, and this Node first on PATH for their own children. */
export function toolEnv(extra = {}) {
  const path = [join(ROOT, 'node_modules', '.bin'), dirname(process.execPath), process.env.PATH ?? ''].join(delimiter)
  return { ...process.env, ...WRANGLER_OFFLINE, PATH: path, ...extra }
}

/** The JavaScript entry behind node_modules/.bin/<name>. */
function toolEntry(name) {
  return realpathSync(join(ROOT, 'node_modules', '.bin', name))
}

/** Starts a tool with its output on our terminal; the caller owns the child. */
export function spawnTool(name, args, options = {}) {
  return spawn(process.execPath, [toolEntry(name), ...args], { cwd: ROOT, env: toolEnv(options.env), stdio: options.stdio ?? 'inherit' })
}

/** Runs a tool to completion; rejects with the command line when it fails. */
export function runTool(name, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawnTool(name, args, options)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`${name} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`))
    })
  })
}
