import { OidcFailure } from './oidc-errors'
import { issuerProblem, providerUrlProblem } from './oidc-url'
import type { Jwk } from './oidc-jwt'

/** What the flow needs from the provider's discovery document. */
export interface ProviderMetadata {
  issuer: string
  authorizationEndpoint: string
  tokenEndpoint: string
  jwksUri: string
  tokenAuthMethods: string[]
}

const FETCH_TIMEOUT_MS = 8000
/** Providers change their metadata and keys rarely; an isolate re-reads them every 10 minutes. */
const CACHE_TTL_MS = 10 * 60 * 1000
/** A key id we have not seen triggers a JWKS re-read at most this often (rotation, not abuse). */
const JWKS_REFRESH_MIN_MS = 60 * 1000

const metadataCache = new Map<string, { value: ProviderMetadata; until: number }>()
const jwksCache = new Map<string, { keys: Jwk[]; until: number; fetchedAt: number }>()

/** GETs JSON from the provider without following redirects: a redirect could leave the vetted host. */
async function getJson(url: string, what: string): Promise<unknown> {
  let res: Response
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' }, redirect: 'manual', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })
  } catch (err) {
    throw new OidcFailure('provider_unavailable', `${what}: ${String(err)}`)
  }
  if (res.status !== 200) {
    await res.body?.cancel()
    throw new OidcFailure('provider_unavailable', `${what}: HTTP ${res.status}`)
  }
  try {
    return await res.json()
  } catch {
    throw new OidcFailure('provider_unavailable', `${what}: not JSON`)
  }
}

function endpoint(doc: Record<string, unknown>, key: string, production: boolean): string {
  const value = doc[key]
  const problem = typeof value === 'string' ? providerUrlProblem(value, production) : 'missing'
  if (problem) throw new OidcFailure('provider_unavailable', `discovery ${key} ${problem}`)
  return value as string
}

/**
 * The issuer's metadata from `${issuer}/.well-known/openid-configuration`, checked: its `issuer`
 * must equal ours exactly (OIDC Discovery §4.3, so one provider cannot speak for another), and
 * every endpoint must pass the same https rule as the issuer.
 */
export async function discover(issuer: string, production: boolean): Promise<ProviderMetadata> {
  const problem = issuerProblem(issuer, production)
  if (problem) throw new OidcFailure('oidc_not_configured', `issuer ${problem}`)
  const cached = metadataCache.get(issuer)
  if (cached && cached.until > Date.now()) return cached.value
  const doc = await getJson(`${issuer}/.well-known/openid-configuration`, 'discovery')
  if (!doc || typeof doc !== 'object') throw new OidcFailure('provider_unavailable', 'discovery is not an object')
  const fields = doc as Record<string, unknown>
  if (fields.issuer !== issuer) throw new OidcFailure('provider_unavailable', `discovery names issuer ${String(fields.issuer)}`)
  const methods = fields.token_endpoint_auth_methods_supported
  const value: ProviderMetadata = {
    issuer,
    authorizationEndpoint: endpoint(fields, 'authorization_endpoint', production),
    tokenEndpoint: endpoint(fields, 'token_endpoint', production),
    jwksUri: endpoint(fields, 'jwks_uri', production),
    // The spec's default when the provider does not say.
    tokenAuthMethods: Array.isArray(methods) ? methods.filter((m): m is string => typeof m === 'string') : ['client_secret_basic'],
  }
  metadataCache.set(issuer, { value, until: Date.now() + CACHE_TTL_MS })
  return value
}

/**
 * The provider's signing keys. `refresh` asks for a fresh copy (an unknown key id after a key
 * rotation), honoured at most once a minute so forged key ids cannot make us hammer the provider.
 */
export async function providerKeys(jwksUri: string, refresh = false): Promise<Jwk[]> {
  const cached = jwksCache.get(jwksUri)
  const now = Date.now()
  if (cached && cached.until > now && !(refresh && now - cached.fetchedAt > JWKS_REFRESH_MIN_MS)) return cached.keys
  const doc = await getJson(jwksUri, 'jwks')
  const keys = (doc as { keys?: unknown })?.keys
  if (!Array.isArray(keys)) throw new OidcFailure('provider_unavailable', 'jwks has no keys array')
  const valid = keys.filter((k): k is Jwk => !!k && typeof k === 'object' && typeof (k as Jwk).kty === 'string')
  jwksCache.set(jwksUri, { keys: valid, until: now + CACHE_TTL_MS, fetchedAt: now })
  return valid
}
