/**
 * ID token verification with Web Crypto alone: JWS compact signature against the provider's JWKS
 * and the claims OpenID Connect Core §3.1.3.7 requires of a relying party.
 */
import { fromBase64url, timingSafeEqual } from './crypto'
import { OidcFailure } from './oidc-errors'

/** A public key as a JWKS publishes it (only the members we read). */
export interface Jwk {
  kty: string
  kid?: string
  use?: string
  alg?: string
  key_ops?: string[]
  n?: string
  e?: string
  crv?: string
  x?: string
  y?: string
}

type Alg = { kty: 'RSA' | 'EC'; crv?: string; importAs: RsaHashedImportParams | EcKeyImportParams; verifyAs: AlgorithmIdentifier | RsaPssParams | EcdsaParams }

const rsa = (hash: string): Alg => ({ kty: 'RSA', importAs: { name: 'RSASSA-PKCS1-v1_5', hash }, verifyAs: { name: 'RSASSA-PKCS1-v1_5' } })
const ec = (crv: string, hash: string): Alg => ({ kty: 'EC', crv, importAs: { name: 'ECDSA', namedCurve: crv }, verifyAs: { name: 'ECDSA', hash } })

/**
 * Asymmetric algorithms only: `none` must never pass, and HS256 would make the client secret (which
 * we also send to the token endpoint) a signing key.
 */
const ALGORITHMS: Record<string, Alg> = {
  RS256: rsa('SHA-256'),
  RS384: rsa('SHA-384'),
  RS512: rsa('SHA-512'),
  PS256: { kty: 'RSA', importAs: { name: 'RSA-PSS', hash: 'SHA-256' }, verifyAs: { name: 'RSA-PSS', saltLength: 32 } },
  ES256: ec('P-256', 'SHA-256'),
  ES384: ec('P-384', 'SHA-384'),
}

/** Tolerated clock difference between us and the provider. */
const SKEW_SECONDS = 120

export interface IdTokenExpectations {
  issuer: string
  clientId: string
  nonce: string
  /** Milliseconds since the epoch. */
  now: number
}

export type IdTokenClaims = Record<string, unknown> & { sub: string }

const invalid = (detail: string) => new OidcFailure('invalid_id_token', detail)

function decodeJson(part: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(fromBase64url(part)))
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
  } catch {
    // falls through to the same answer as a non-object
  }
  throw invalid(`${what} is not a JSON object`)
}

function candidates(keys: Jwk[], alg: Alg, algName: string, kid: unknown): Jwk[] {
  return keys.filter(
    (k) =>
      k.kty === alg.kty &&
      (!alg.crv || k.crv === alg.crv) &&
      (k.use === undefined || k.use === 'sig') &&
      (k.alg === undefined || k.alg === algName) &&
      (k.key_ops === undefined || k.key_ops.includes('verify')) &&
      (kid === undefined || k.kid === kid),
  )
}

async function verifiesWith(jwk: Jwk, alg: Alg, signature: Uint8Array<ArrayBuffer>, signed: Uint8Array<ArrayBuffer>): Promise<boolean> {
  // Only the key material: a published `alg` or `key_ops` we already checked must not trip importKey.
  const material: JsonWebKey = alg.kty === 'RSA' ? { kty: 'RSA', n: jwk.n, e: jwk.e } : { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y }
  try {
    const key = await crypto.subtle.importKey('jwk', material, alg.importAs, false, ['verify'])
    return await crypto.subtle.verify(alg.verifyAs, key, signature, signed)
  } catch {
    return false
  }
}

/** Checks the JWS signature; `keys(true)` re-reads the JWKS once when no published key matches the token's key id. */
async function verifySignature(token: string, keys: (refresh: boolean) => Promise<Jwk[]>): Promise<Record<string, unknown>> {
  const parts = token.split('.')
  if (parts.length !== 3) throw invalid('not a compact JWS')
  const header = decodeJson(parts[0], 'header')
  const payload = decodeJson(parts[1], 'payload')
  const algName = String(header.alg)
  const alg = ALGORITHMS[algName]
  if (!alg) throw invalid(`algorithm ${algName} is not accepted`)
  if (header.crit !== undefined) throw invalid('critical header parameters are not understood')
  let signature: Uint8Array<ArrayBuffer>
  try {
    signature = fromBase64url(parts[2])
  } catch {
    throw invalid('signature is not base64url')
  }
  const signed = new TextEncoder().encode(`${parts[0]}.${parts[1]}`)
  let matching = candidates(await keys(false), alg, algName, header.kid)
  if (matching.length === 0 && header.kid !== undefined) matching = candidates(await keys(true), alg, algName, header.kid)
  if (matching.length === 0) throw invalid(`no ${algName} key ${String(header.kid ?? '')} in the provider's JWKS`)
  for (const jwk of matching) if (await verifiesWith(jwk, alg, signature, signed)) return payload
  throw invalid('signature does not verify')
}

/** The token's claims once its signature, issuer, audience, times and nonce all check out. */
export async function verifyIdToken(token: string, expected: IdTokenExpectations, keys: (refresh: boolean) => Promise<Jwk[]>): Promise<IdTokenClaims> {
  const claims = await verifySignature(token, keys)
  const now = Math.floor(expected.now / 1000)
  if (claims.iss !== expected.issuer) throw invalid(`iss ${String(claims.iss)}`)
  const audiences = typeof claims.aud === 'string' ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : []
  if (!audiences.includes(expected.clientId)) throw invalid('aud does not name this client')
  // With several audiences (or an azp at all) the authorised party must be us (Core §3.1.3.7 items 4–5).
  if ((audiences.length > 1 || claims.azp !== undefined) && claims.azp !== expected.clientId) throw invalid('azp is not this client')
  if (typeof claims.exp !== 'number' || claims.exp + SKEW_SECONDS <= now) throw invalid('expired or without exp')
  if (typeof claims.iat !== 'number' || claims.iat - SKEW_SECONDS > now) throw invalid('iat missing or in the future')
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf - SKEW_SECONDS > now)) throw invalid('not yet valid')
  if (typeof claims.nonce !== 'string' || !timingSafeEqual(claims.nonce, expected.nonce)) throw invalid('nonce does not match the flow')
  if (typeof claims.sub !== 'string' || claims.sub === '') throw invalid('sub missing')
  return claims as IdTokenClaims
}
