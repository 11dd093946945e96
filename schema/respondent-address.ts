/**
 * Who may be a respondent, judged by address alone (docs/model.md §4, planted respondents).
 * Shared by the server's import and the web app's preview so both give the same reason.
 */

/** Why an address is refused as a respondent; the server and the preview name the same codes. */
export type AddressRefusal = 'domain_unverified' | 'plus_alias' | 'same_mailbox' | 'admin_member'

/** The part after the last @ (addresses are already trimmed and lower-cased). */
export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1)
}

/**
 * The mailbox an address most likely reaches: lower-cased, the local part without dots and
 * without a `+suffix`. Many mail systems deliver `a.b+x@d` and `ab@d` to one inbox, so two
 * addresses with one key are treated as one person.
 */
export function mailboxKey(email: string): string {
  const at = email.lastIndexOf('@')
  const local = email.slice(0, at).toLowerCase().split('+')[0].replaceAll('.', '')
  return `${local}@${email.slice(at + 1).toLowerCase()}`
}

/**
 * The refusal an address earns on its own: outside every proven domain of the organisation,
 * or a plus-alias (`anna+1@…`), which exists only to reach one inbox under a second name.
 */
export function addressRefusal(email: string, verifiedDomains: ReadonlySet<string>): AddressRefusal | null {
  if (!verifiedDomains.has(domainOf(email))) return 'domain_unverified'
  if (email.slice(0, email.lastIndexOf('@')).includes('+')) return 'plus_alias'
  return null
}
