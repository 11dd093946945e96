/** Which organisations count in peer groups (docs/model.md §5). */
import type { OrgKind } from '../../schema/enums'
import { publicBody } from '../../schema/registry/public-bodies'

export interface VerifiableOrg {
  readonly orgNumber: string
  readonly kind: OrgKind
  /** Set when a platform operator approved the organisation. */
  readonly operatorVerifiedAt: string | null
}

export type Verification = 'registry' | 'operator' | null

/**
 * How the organisation is verified: by the shipped registry extract (organisation number AND kind
 * match, so a number claimed under another kind does not pass), by an operator, or not at all.
 * Derived at read time, so a change of kind or a new registry extract takes effect at once.
 */
export function verificationOf(org: VerifiableOrg): Verification {
  const entry = publicBody(org.orgNumber)
  if (entry && entry.kind === org.kind) return 'registry'
  if (org.operatorVerifiedAt) return 'operator'
  return null
}

export const isVerifiedOrg = (org: VerifiableOrg): boolean => verificationOf(org) !== null
