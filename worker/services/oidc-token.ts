import { OidcFailure } from './oidc-errors'
import type { ProviderMetadata } from './oidc-discovery'

const FETCH_TIMEOUT_MS = 8000

export interface CodeExchange {
  code: string
  codeVerifier: string
  redirectUri: string
  clientId: string
  clientSecret: string
}

/** RFC 6749 §2.3.1: the id and secret are form-encoded before they go into Basic credentials. */
function basicCredentials(id: string, secret: string): string {
  const enc = (v: string) => new URLSearchParams({ v }).toString().slice(2)
  return `Basic ${btoa(`${enc(id)}:${enc(secret)}`)}`
}

/**
 * Redeems the authorisation code at the token endpoint and returns the ID token. Authenticates
 * with client_secret_basic unless the provider only offers client_secret_post.
 */
export async function exchangeCode(meta: ProviderMetadata, input: CodeExchange): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri, code_verifier: input.codeVerifier })
  const headers = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' })
  if (meta.tokenAuthMethods.includes('client_secret_basic')) {
    headers.set('Authorization', basicCredentials(input.clientId, input.clientSecret))
  } else if (meta.tokenAuthMethods.includes('client_secret_post')) {
    form.set('client_id', input.clientId)
    form.set('client_secret', input.clientSecret)
  } else {
    throw new OidcFailure('token_exchange_failed', `no supported client authentication in ${meta.tokenAuthMethods.join(',')}`)
  }
  let res: Response
  try {
    res = await fetch(meta.tokenEndpoint, { method: 'POST', headers, body: form.toString(), redirect: 'manual', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })
  } catch (err) {
    throw new OidcFailure('token_exchange_failed', String(err))
  }
  let body: Record<string, unknown> = {}
  try {
    body = (await res.json()) as Record<string, unknown>
  } catch {
    // a non-JSON answer is reported by status below
  }
  if (res.status !== 200) throw new OidcFailure('token_exchange_failed', `HTTP ${res.status} ${String(body.error ?? '')} ${String(body.error_description ?? '')}`.trim())
  if (typeof body.id_token !== 'string') throw new OidcFailure('token_exchange_failed', 'no id_token in the token response')
  return body.id_token
}
