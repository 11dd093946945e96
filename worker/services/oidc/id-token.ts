/**
 * The ID token from the token response: jose checks its signature against the provider's JWKS,
 * oauth4webapi the claims a relying party must check (OpenID Connect Core §3.1.3.7: issuer,
 * audience and authorised party, times, nonce).
 */
import * as oauth from 'oauth4webapi'
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose'
import { OidcFailure } from './errors'
import { CLOCK_TOLERANCE_SECONDS } from './client'

/**
 * Asymmetric algorithms only: `none` must never pass, and HS256 would make the client secret (which
 * we also send to the token endpoint) a signing key.
 */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384']

/**
 * A key id not in the cached JWKS (a key rotation) makes jose re-read it, at most this often. Only
 * the provider can hand us a token (over the authenticated code exchange), so this only keeps a
 * misbehaving provider from making us ask on every sign-in.
 */
export const JWKS_REFRESH_COOLDOWN_MS = 5000
const JWKS_CACHE_MS = 10 * 60 * 1000
/** An ID token comes straight from the token endpoint; one older than this is not fresh. */
const MAX_TOKEN_AGE_SECONDS = 3600

const keySets = new Map<string, JWTVerifyGetKey>()

/** The provider's signing keys, cached per isolate and re-read on an unknown key id. */
export function providerKeys(jwksUri: string): JWTVerifyGetKey {
  let keys = keySets.get(jwksUri)
  if (!keys) {
    keys = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 8000, cooldownDuration: JWKS_REFRESH_COOLDOWN_MS, cacheMaxAge: JWKS_CACHE_MS })
    keySets.set(jwksUri, keys)
  }
  return keys
}

export type IdTokenClaims = Record<string, unknown> & { sub: string }

/** A key set we could not read is the provider's fault; anything else about the token is the token's. */
function signatureFailure(err: unknown): OidcFailure {
  const unreachable =
    !(err instanceof errors.JOSEError) || err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid || err.code === errors.JOSEError.code
  return new OidcFailure(unreachable ? 'provider_unavailable' : 'invalid_id_token', `id token: ${String(err)}`)
}

/** The ID token's claims once its signature and every claim check out; `response` is the token endpoint's 200 answer. */
export async function validatedIdToken(as: oauth.AuthorizationServer, client: oauth.Client, response: Response, nonce: string, keys: JWTVerifyGetKey): Promise<IdTokenClaims> {
  const body = (await response.clone().json().catch(() => ({}))) as { id_token?: unknown }
  if (typeof body.id_token !== 'string') throw new OidcFailure('token_exchange_failed', 'no id_token in the token response')
  try {
    // maxTokenAge also makes jose refuse an iat in the future: the token was minted just now.
    await jwtVerify(body.id_token, keys, {
      issuer: as.issuer,
      audience: client.client_id,
      algorithms: ALGORITHMS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: MAX_TOKEN_AGE_SECONDS,
      requiredClaims: ['exp', 'iat', 'sub'],
    })
  } catch (err) {
    throw signatureFailure(err)
  }
  let claims: oauth.IDToken | undefined
  try {
    claims = oauth.getValidatedIdTokenClaims(await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: nonce, requireIdToken: true }))
  } catch (err) {
    throw new OidcFailure('invalid_id_token', String(err))
  }
  if (!claims || typeof claims.sub !== 'string' || claims.sub === '') throw new OidcFailure('invalid_id_token', 'sub missing')
  return claims as IdTokenClaims
}
