/**
 * The protocol steps of single sign-on on oauth4webapi: discovery, PKCE and the other per-attempt
 * secrets, the authorisation response and the code exchange. We keep only what is ours: which
 * URLs are acceptable, how failures map to our codes, and the caches.
 */
import * as oauth from 'oauth4webapi'
import type { OidcTokenAuthMethod } from '../../../schema/enums'
import { OidcFailure } from './errors'
import { issuerProblem, providerUrlProblem } from './url'

const FETCH_TIMEOUT_MS = 8000
/** Providers change their metadata rarely; an isolate re-reads it every 10 minutes. */
const CACHE_TTL_MS = 10 * 60 * 1000
/** Clock difference tolerated between us and the provider for the ID token's times. */
export const CLOCK_TOLERANCE_SECONDS = 120

const metadataCache = new Map<string, { value: oauth.AuthorizationServer; until: number }>()

/**
 * Fetch options for a provider. Plain http is let through only outside production, and by then the
 * URL has passed `providerUrlProblem` (loopback only). oauth4webapi never follows redirects, so a
 * redirect cannot lead away from the vetted host.
 */
export function requestOptions(production: boolean) {
  return { [oauth.allowInsecureRequests]: !production, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) }
}

function checkEndpoint(as: oauth.AuthorizationServer, key: 'authorization_endpoint' | 'token_endpoint' | 'jwks_uri', production: boolean): void {
  const value = as[key]
  const problem = typeof value === 'string' ? providerUrlProblem(value, production) : 'missing'
  if (problem) throw new OidcFailure('provider_unavailable', `discovery ${key} ${problem}`)
}

/**
 * The issuer's metadata from `${issuer}/.well-known/openid-configuration`: its `issuer` must name
 * ours (OIDC Discovery §4.3, so one provider cannot speak for another, checked by oauth4webapi),
 * and every endpoint must pass the same https rule as the issuer.
 */
export async function discover(issuer: string, production: boolean): Promise<oauth.AuthorizationServer> {
  const problem = issuerProblem(issuer, production)
  if (problem) throw new OidcFailure('oidc_not_configured', `issuer ${problem}`)
  const cached = metadataCache.get(issuer)
  if (cached && cached.until > Date.now()) return cached.value
  let as: oauth.AuthorizationServer
  try {
    const url = new URL(issuer)
    as = await oauth.processDiscoveryResponse(url, await oauth.discoveryRequest(url, { algorithm: 'oidc', ...requestOptions(production) }))
  } catch (err) {
    throw new OidcFailure('provider_unavailable', `discovery: ${String(err)}`)
  }
  for (const key of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) checkEndpoint(as, key, production)
  metadataCache.set(issuer, { value: as, until: Date.now() + CACHE_TTL_MS })
  return as
}

/** The per-attempt secrets: state (CSRF and flow key), nonce (binds the ID token), PKCE verifier and its S256 challenge. */
export async function newFlowSecrets() {
  const codeVerifier = oauth.generateRandomCodeVerifier()
  return { state: oauth.generateRandomState(), nonce: oauth.generateRandomNonce(), codeVerifier, codeChallenge: await oauth.calculatePKCECodeChallenge(codeVerifier) }
}

/** Our client at the provider, with our clock tolerance. */
export function oauthClient(clientId: string): oauth.Client {
  return { client_id: clientId, [oauth.clockTolerance]: CLOCK_TOLERANCE_SECONDS }
}

/**
 * How we authenticate at the token endpoint: the organisation's setting when it has one,
 * otherwise client_secret_basic unless the provider's discovery offers only client_secret_post
 * (absent, the list defaults to basic: RFC 8414 §2).
 */
export function tokenAuthMethod(as: oauth.AuthorizationServer, setting: OidcTokenAuthMethod | null): OidcTokenAuthMethod {
  if (setting) return setting
  const offered = as.token_endpoint_auth_methods_supported ?? ['client_secret_basic']
  if (offered.includes('client_secret_basic')) return 'client_secret_basic'
  if (offered.includes('client_secret_post')) return 'client_secret_post'
  throw new OidcFailure('token_exchange_failed', `no supported client authentication in ${offered.join(',')}`)
}

/**
 * The callback's parameters once they are a success answer of the issuer this flow went to
 * (RFC 9207 `iss` when the provider sends it, mix-up defence); an error answer is provider_error.
 */
export function authorisationResponse(as: oauth.AuthorizationServer, client: oauth.Client, callback: URLSearchParams, state: string): URLSearchParams {
  try {
    const params = oauth.validateAuthResponse(as, client, callback, state)
    if (!params.get('code')) throw new Error('no code in the callback')
    return params
  } catch (err) {
    const detail = err instanceof oauth.AuthorizationResponseError ? `provider answered ${err.error}` : String(err)
    throw new OidcFailure('provider_error', detail)
  }
}

export interface CodeExchange {
  params: URLSearchParams
  codeVerifier: string
  redirectUri: string
  clientSecret: string
  method: OidcTokenAuthMethod
  production: boolean
}

/** Redeems the authorisation code at the token endpoint; any answer other than 200 is token_exchange_failed. */
export async function exchangeCode(as: oauth.AuthorizationServer, client: oauth.Client, input: CodeExchange): Promise<Response> {
  const auth = input.method === 'client_secret_post' ? oauth.ClientSecretPost(input.clientSecret) : oauth.ClientSecretBasic(input.clientSecret)
  let res: Response
  try {
    res = await oauth.authorizationCodeGrantRequest(as, client, auth, input.params, input.redirectUri, input.codeVerifier, requestOptions(input.production))
  } catch (err) {
    throw new OidcFailure('token_exchange_failed', String(err))
  }
  if (res.status !== 200) {
    const body = await res.text().catch(() => '')
    throw new OidcFailure('token_exchange_failed', `HTTP ${res.status} ${body.slice(0, 200)}`)
  }
  return res
}
