import { internalUrlReason } from '../../domain/internal-host'

/** Hosts for which a plain-http issuer is tolerated: only the machine itself (local dev, tests). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * Why `value` may not serve as an issuer or provider endpoint, or null when it may: https is
 * required, http only on loopback and never in production (a token endpoint over http would leak
 * the client secret and the code). Credentials, query and fragment are refused because the
 * issuer must compare exactly with the `iss` claim and discovery is built by appending a path.
 * In production an internal host (loopback, private, link-local, metadata …) is refused too, for
 * the issuer and for every endpoint its discovery names: a tenant's settings must never make the
 * Worker call into the network it runs in.
 */
export function providerUrlProblem(value: string, production: boolean): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'not a URL'
  }
  if (url.username || url.password) return 'must not carry credentials'
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname) && !production) return null
  if (url.protocol !== 'https:') return 'must use https (http only on 127.0.0.1 or localhost outside production)'
  const internal = production ? internalUrlReason(value) : null
  return internal ? `must be on a public host (not ${internal})` : null
}

/** The issuer problem plus the extra rule for issuers: no query or fragment (OIDC Discovery §4). */
export function issuerProblem(value: string, production: boolean): string | null {
  const problem = providerUrlProblem(value, production)
  if (problem) return problem
  const url = new URL(value)
  return url.search || url.hash ? 'must not have a query or fragment' : null
}
