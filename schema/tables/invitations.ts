import { sqliteTable, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { sql } from 'drizzle-orm'
import { MEMBER_ROLES } from '../enums'

/**
 * Invitations to become a member: nobody is a member of an organisation before they accept
 * through a link to their own address or, signed in, with the accept button. An invitation is
 * pending while neither accepted nor declined (and not expired); at most one is pending per
 * address and organisation. A withdrawn invitation is deleted.
 */
export const memberInvitations = sqliteTable(
  'member_invitations',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    /** Lower-cased. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: MEMBER_ROLES }).notNull(),
    /** SHA-256 of the link's token (the token is derived from TOKEN_SECRET and the id). */
    tokenHash: text('token_hash').notNull(),
    /** The inviting user; null for the owner named at sign-up. */
    invitedBy: text('invited_by'),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    /** The link signs in once; afterwards the invitee answers signed in. */
    linkUsedAt: text('link_used_at'),
    acceptedAt: text('accepted_at'),
    declinedAt: text('declined_at'),
  },
  (t) => [
    index('member_invitations_org').on(t.orgId, t.createdAt),
    uniqueIndex('member_invitations_pending').on(t.orgId, t.email).where(sql`${t.acceptedAt} IS NULL AND ${t.declinedAt} IS NULL`),
    uniqueIndex('member_invitations_token').on(t.tokenHash),
    index('member_invitations_email').on(t.email),
  ],
)
