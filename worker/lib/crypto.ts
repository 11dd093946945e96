/** Small Web Crypto helpers: random ids and tokens, SHA-256, HMAC, AES-GCM for stored secrets. */

const encoder = new TextEncoder()
const ID_ALPHABET = 'abcdefghijkmnopqrstuvwxyz23456789'

export function base64url(bytes: Uint8Array): string {
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replaceAll('-', '+').replaceAll('_', '/') + '==='.slice((text.length + 3) % 4)
  const bin = atob(b64)
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0))
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n))
}

/** A random, prefixed, non-sequential id such as `org_k3j…` (~103 bits). */
export function newId(prefix: string): string {
  const bytes = randomBytes(20)
  let out = ''
  for (const b of bytes) out += ID_ALPHABET[b % ID_ALPHABET.length]
  return `${prefix}_${out}`
}

/** A 256-bit random secret, base64url. */
export function randomToken(): string {
  return base64url(randomBytes(32))
}

export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text))
  return base64url(new Uint8Array(digest))
}

const hmacKeys = new Map<string, Promise<CryptoKey>>()
/** A key is never derived from nothing: an unset secret must fail, not sign with a known key. */
function refuseEmpty(secret: string): void {
  if (!secret) throw new Error('refusing to derive a key from an empty secret')
}

function hmacKey(secret: string): Promise<CryptoKey> {
  refuseEmpty(secret)
  let key = hmacKeys.get(secret)
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
    hmacKeys.set(secret, key)
  }
  return key
}

export async function hmacBytes(secret: string, message: string): Promise<Uint8Array> {
  const sig = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(message))
  return new Uint8Array(sig)
}

export async function hmac(secret: string, message: string): Promise<string> {
  return base64url(await hmacBytes(secret, message))
}

/** Constant-time comparison of two strings of equal length. */
export function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

async function aesKey(dataKey: string): Promise<CryptoKey> {
  refuseEmpty(dataKey)
  const raw = await crypto.subtle.digest('SHA-256', encoder.encode(dataKey))
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt'])
}

/** Encrypts a stored secret (OIDC client secrets, webhook secrets) with DATA_KEY. */
export async function encryptSecret(dataKey: string, plain: string): Promise<string> {
  const iv = randomBytes(12)
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await aesKey(dataKey), encoder.encode(plain))
  return `${base64url(iv)}.${base64url(new Uint8Array(cipher))}`
}

export async function decryptSecret(dataKey: string, sealed: string): Promise<string> {
  const [iv, data] = sealed.split('.')
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64url(iv) }, await aesKey(dataKey), fromBase64url(data))
  return new TextDecoder().decode(plain)
}
