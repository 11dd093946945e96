/**
 * Standard Webhooks signing: the secret is `whsec_` + base64 of 24 random bytes, the HMAC key is
 * those bytes, and `webhook-signature` is `v1,` + base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)).
 */
import { randomBytes } from '../../lib/crypto'

const PREFIX = 'whsec_'

function toBase64(bytes: Uint8Array): string {
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin)
}

export function newWebhookSecret(): string {
  return `${PREFIX}${toBase64(randomBytes(24))}`
}

export async function signWebhook(secret: string, id: string, timestamp: number, body: string): Promise<string> {
  const raw = Uint8Array.from(atob(secret.slice(PREFIX.length)), (ch) => ch.charCodeAt(0))
  const key = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${timestamp}.${body}`))
  return `v1,${toBase64(new Uint8Array(mac))}`
}
