/** Signs ID tokens in the test with keys made on the spot, to probe the verifier's refusals. */
import { base64url } from '../../worker/lib/crypto'
import type { JWK as Jwk } from 'jose'

export interface TestKeys {
  rsa: CryptoKey
  ec: CryptoKey
  publicJwks: Jwk[]
}

export async function testKeys(): Promise<TestKeys> {
  const rsa = (await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify'])) as CryptoKeyPair
  const ec = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair
  const rsaJwk = (await crypto.subtle.exportKey('jwk', rsa.publicKey)) as Jwk
  const ecJwk = (await crypto.subtle.exportKey('jwk', ec.publicKey)) as Jwk
  return {
    rsa: rsa.privateKey,
    ec: ec.privateKey,
    publicJwks: [
      { ...rsaJwk, kid: 'rsa', use: 'sig', alg: 'RS256' },
      { ...ecJwk, kid: 'ec', use: 'sig', alg: 'ES256' },
    ],
  }
}

const part = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)))

/** A compact JWS over `claims` (undefined members are dropped by JSON). */
export async function signedToken(keys: TestKeys, alg: 'RS256' | 'ES256', claims: Record<string, unknown>, kid?: string): Promise<string> {
  const header = { alg, typ: 'JWT', kid: kid ?? (alg === 'RS256' ? 'rsa' : 'ec') }
  const input = `${part(header)}.${part(claims)}`
  const params = alg === 'RS256' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: 'SHA-256' }
  const signature = await crypto.subtle.sign(params, alg === 'RS256' ? keys.rsa : keys.ec, new TextEncoder().encode(input))
  return `${input}.${base64url(new Uint8Array(signature))}`
}
