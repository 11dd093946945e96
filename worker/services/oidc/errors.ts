/**
 * Why a single sign-on attempt ended: each code is what the browser lands on as
 * `/sign-in?error=<code>`, so the web app can explain it in Swedish or English.
 */
export const OIDC_ERROR_CODES = [
  'unknown_organisation',
  'oidc_not_configured',
  'provider_unavailable',
  'provider_error',
  'invalid_state',
  'token_exchange_failed',
  'invalid_id_token',
  'email_not_verified',
  'domain_not_allowed',
  'domain_not_proven',
  'not_a_member',
  'identity_not_linked',
  'rate_limited',
] as const
export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number]

/** A failed step of the flow: `code` goes to the browser, `detail` only to the log. */
export class OidcFailure extends Error {
  constructor(
    readonly code: OidcErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`)
  }
}
