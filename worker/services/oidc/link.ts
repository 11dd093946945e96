/**
 * Who a verified ID token signs in. A provider identity (iss + sub) that is already linked names
 * its user; otherwise the vouched e-mail may link it, but only to a member of this organisation
 * who has proved the address with an e-mail sign-in link. One tenant's provider therefore can
 * never claim a person it did not first see prove their own mailbox.
 */
import type { Db } from '../../db/client'
import type { OrgRow } from '../../db/organisations'
import { findMemberByEmail } from '../../db/oidc'
import { findIdentity, linkIdentity } from '../../db/identities'
import { listVerifiedDomains } from '../../db/org-domains'
import { findMembershipRole } from '../../db/users'
import { OidcFailure } from './errors'
import { vouchedEmail } from './identity'

export interface VerifiedIdentity {
  issuer: string
  sub: string
  claims: Record<string, unknown>
}

/** The id of the member of `org` the identity belongs to, linking it on first use; throws an OidcFailure otherwise. */
export async function memberForIdentity(db: Db, org: OrgRow, allowedDomains: readonly string[], identity: VerifiedIdentity, now: string): Promise<string> {
  const linked = await findIdentity(db, identity.issuer, identity.sub)
  if (linked) {
    if (!(await findMembershipRole(db, org.id, linked.userId))) throw new OidcFailure('not_a_member', `the linked user is not a member of ${org.id}`)
    return linked.userId
  }
  const email = vouchedEmail(identity.claims, allowedDomains, await listVerifiedDomains(db, org.id))
  const member = await findMemberByEmail(db, org.id, email)
  if (!member) throw new OidcFailure('not_a_member', `the vouched address is not a member of ${org.id}`)
  if (!member.emailProvenAt) throw new OidcFailure('identity_not_linked', 'the member has never signed in with an e-mail link')
  const link = await linkIdentity(db, { iss: identity.issuer, sub: identity.sub, userId: member.userId, orgId: org.id, createdAt: now })
  if (link.userId !== member.userId) throw new OidcFailure('identity_not_linked', 'the identity was linked to another user meanwhile')
  return member.userId
}
