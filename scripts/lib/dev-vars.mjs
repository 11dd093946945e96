// Local secrets for `wrangler dev`, which reads .dev.vars (git-ignored) from the project root.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

export const SECRET_NAMES = ['TOKEN_SECRET', 'ANSWER_KEY_SECRET', 'DATA_KEY']

/**
 * Adds a fresh random value (32 bytes, base64url) for every secret the file lacks and keeps the
 * rest untouched: replacing TOKEN_SECRET or ANSWER_KEY_SECRET would orphan the local data.
 * Returns the names that were added.
 */
export function ensureDevVars(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : ''
  const present = new Set(
    text
      .split(/\r?\n/)
      .map((line) => /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1])
      .filter(Boolean),
  )
  const missing = SECRET_NAMES.filter((name) => !present.has(name))
  if (missing.length === 0) return []
  const lines = missing.map((name) => `${name}=${randomBytes(32).toString('base64url')}`)
  const head = text === '' ? '# Local development secrets written by npm start. Never commit this file.\n' : text.endsWith('\n') ? text : `${text}\n`
  writeFileSync(file, `${head}${lines.join('\n')}\n`, { mode: 0o600 })
  return missing
}
