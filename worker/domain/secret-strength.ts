/** The secrets the Worker cannot run without (README, Configuration). */
export const REQUIRED_SECRETS = ['TOKEN_SECRET', 'ANSWER_KEY_SECRET', 'DATA_KEY'] as const
export type SecretName = (typeof REQUIRED_SECRETS)[number]

/** 256 bits: what `openssl rand -base64 32` or `npm start` gives. */
export const MIN_SECRET_BYTES = 32
/**
 * 32 random bytes show ~30 distinct values (fewer than 16 happens with a probability far below
 * 1e-9), so fewer betrays a pattern such as `aaaa…` that decodes to enough bytes but is no secret.
 */
const MIN_DISTINCT_BYTES = 16

const HEX = /^(?:[0-9a-f]{2})+$/i
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/

/**
 * The bytes a secret encodes, or null when it is neither hex, base64 nor base64url. A string of
 * hex digits is read as hex even though it is valid base64 too: it carries 4 bits a character,
 * and counting it as base64 would credit it with 6.
 */
export function secretBytes(value: string): Uint8Array | null {
  if (HEX.test(value)) return Uint8Array.from(value.match(/../g)!, (pair) => parseInt(pair, 16))
  if (!BASE64.test(value) && !BASE64URL.test(value)) return null
  const body = value.replace(/=+$/, '')
  if (body.length % 4 === 1) return null
  if (value.includes('=') && value.length % 4 !== 0) return null
  const standard = body.replaceAll('-', '+').replaceAll('_', '/')
  const bin = atob(standard + '='.repeat((4 - (standard.length % 4)) % 4))
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0))
}

/** True when the value decodes to at least 32 bytes that do not repeat a short pattern. */
export function isStrongSecret(value: unknown): boolean {
  if (typeof value !== 'string') return false
  const bytes = secretBytes(value)
  return !!bytes && bytes.length >= MIN_SECRET_BYTES && new Set(bytes).size >= MIN_DISTINCT_BYTES
}

/** The required secrets that are missing or weak, in the order of REQUIRED_SECRETS (names only). */
export function weakSecrets(env: Partial<Record<SecretName, unknown>>): SecretName[] {
  return REQUIRED_SECRETS.filter((name) => !isStrongSecret(env[name]))
}
