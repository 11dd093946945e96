/**
 * The relying parties registered at the test identity provider. Shared by the Node setup that
 * starts the provider and by the tests that configure organisations with them.
 */
export const OIDC_CALLBACK = 'http://app.test/api/v1/auth/oidc/callback'

/** Signs ID tokens with RS256; the secret has characters that Basic auth must form-encode. */
export const RS_CLIENT = { clientId: 'mognad-rs256', clientSecret: 'rs secret/+:%=1', alg: 'RS256' } as const

/** Signs ID tokens with ES256. */
export const ES_CLIENT = { clientId: 'mognad-es256', clientSecret: 'es-secret-0123456789', alg: 'ES256' } as const

/** Registered for client_secret_post (oidc-provider accepts Basic from it all the same: tests observe the method). */
export const POST_CLIENT = { clientId: 'mognad-post', clientSecret: 'post-secret-0123456789', alg: 'RS256', authMethod: 'client_secret_post' } as const

/** Where a test makes the second provider replace its signing key by one with a new key id. */
export const ROTATE_KEYS_PATH = '/__test/rotate-keys'

/** Where a test reads how the last token request at the second provider authenticated. */
export const LAST_TOKEN_AUTH_PATH = '/__test/last-token-auth'

/** Where a test tells the test provider the address an account has now (see `claimsForAccount`). */
export const ACCOUNT_EMAIL_PATH = '/__test/account-email'

/**
 * Account ids at the test provider are e-mail addresses and the subject too, unless a test has
 * given the account another address through ACCOUNT_EMAIL_PATH (the subject stays while the
 * address changes). The local part's prefix decides what the provider says about them, so each
 * test can make up fresh accounts: `unverified.` → email_verified false, `edov.` → no
 * email_verified but Entra ID's xms_edov true.
 */
export function claimsForAccount(accountId: string, emailOverride?: string): Record<string, unknown> {
  const email = emailOverride ?? accountId
  const local = email.split('@')[0]
  const claims: Record<string, unknown> = { sub: accountId, email, name: local }
  if (local.startsWith('unverified.')) claims.email_verified = false
  else if (local.startsWith('edov.')) claims.xms_edov = true
  else claims.email_verified = true
  return claims
}
