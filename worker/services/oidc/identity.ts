import { OidcFailure } from './errors'

/**
 * The e-mail address the provider vouches for, lower-cased, once it may identify a member:
 * the provider must say it verified the address (`email_verified: true`; Entra ID does not send
 * that for organisational accounts and sends `xms_edov: true` when the domain owner is verified),
 * and its domain must be one of the organisation's allowed domains (exact match: a subdomain must
 * be listed itself) that the organisation has also proven it holds. An allowed domain is only the
 * organisation's own word: without the proof, any tenant could list another's domain and have its
 * own provider vouch for that tenant's people.
 */
export function vouchedEmail(claims: Record<string, unknown>, allowedDomains: readonly string[], provenDomains: readonly string[]): string {
  if (typeof claims.email !== 'string' || !claims.email.includes('@')) throw new OidcFailure('email_not_verified', 'no email claim')
  if (claims.email_verified !== true && claims.xms_edov !== true) throw new OidcFailure('email_not_verified', 'the provider does not vouch for the address')
  const email = claims.email.trim().toLowerCase()
  const domain = email.slice(email.lastIndexOf('@') + 1)
  if (!allowedDomains.map((d) => d.toLowerCase()).includes(domain)) throw new OidcFailure('domain_not_allowed', `domain ${domain}`)
  if (!provenDomains.includes(domain)) throw new OidcFailure('domain_not_proven', `domain ${domain} is allowed but not proven by the organisation`)
  return email
}
