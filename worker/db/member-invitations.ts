import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm'
import { memberInvitations, organisations, users } from '../../schema/tables'
import type { MemberRole } from '../../schema/enums'
import { isUniqueViolation, type Db } from './client'

export type InvitationRow = typeof memberInvitations.$inferSelect

/** Neither accepted nor declined, and not expired at `now`. */
const pendingAt = (now: string) => and(isNull(memberInvitations.acceptedAt), isNull(memberInvitations.declinedAt), gt(memberInvitations.expiresAt, now))

/**
 * Inserts a pending invitation; returns false when one is already pending for the address. An
 * expired pending one is dropped in the same batch, since it still holds the unique index.
 */
export async function insertInvitation(db: Db, row: typeof memberInvitations.$inferInsert, now: string): Promise<boolean> {
  const expired = and(
    eq(memberInvitations.orgId, row.orgId),
    eq(memberInvitations.email, row.email),
    isNull(memberInvitations.acceptedAt),
    isNull(memberInvitations.declinedAt),
    lte(memberInvitations.expiresAt, now),
  )
  try {
    await db.batch([db.delete(memberInvitations).where(expired), db.insert(memberInvitations).values(row)])
    return true
  } catch (err) {
    if (isUniqueViolation(err)) return false
    throw err
  }
}

/** The organisation's pending invitations, oldest first. */
export async function listPendingInvitations(db: Db, orgId: string, now: string): Promise<InvitationRow[]> {
  return db
    .select()
    .from(memberInvitations)
    .where(and(eq(memberInvitations.orgId, orgId), pendingAt(now)))
    .orderBy(asc(memberInvitations.createdAt), asc(memberInvitations.id))
    .all()
}

export async function findPendingInvitation(db: Db, orgId: string, id: string, now: string): Promise<InvitationRow | undefined> {
  return db
    .select()
    .from(memberInvitations)
    .where(and(eq(memberInvitations.orgId, orgId), eq(memberInvitations.id, id), pendingAt(now)))
    .get()
}

/** Whether a pending invitation exists for the address in the organisation. */
export async function hasPendingInvitation(db: Db, orgId: string, email: string, now: string): Promise<boolean> {
  const row = await db
    .select({ id: memberInvitations.id })
    .from(memberInvitations)
    .where(and(eq(memberInvitations.orgId, orgId), eq(memberInvitations.email, email), pendingAt(now)))
    .get()
  return !!row
}

/** Withdraws (deletes) a pending invitation; false when there was none. */
export async function deleteInvitation(db: Db, orgId: string, id: string, now: string): Promise<boolean> {
  const rows = await db
    .delete(memberInvitations)
    .where(and(eq(memberInvitations.orgId, orgId), eq(memberInvitations.id, id), pendingAt(now)))
    .returning({ id: memberInvitations.id })
    .all()
  return rows.length > 0
}

/**
 * Uses up the sign-in power of an invitation's link and returns the invitation, in ONE statement,
 * so the link signs in once even under two concurrent requests; undefined when unknown, used,
 * answered or expired.
 */
export async function useInvitationLink(db: Db, tokenHash: string, now: string): Promise<InvitationRow | undefined> {
  return db
    .update(memberInvitations)
    .set({ linkUsedAt: now })
    .where(and(eq(memberInvitations.tokenHash, tokenHash), isNull(memberInvitations.linkUsedAt), pendingAt(now)))
    .returning()
    .get()
}

export interface UserInvitation {
  id: string
  organisation: { id: string; slug: string; name: string }
  role: MemberRole
  invitedBy: string | null
  createdAt: string
  expiresAt: string
}

/** The pending invitations addressed to an e-mail (lower-cased), oldest first, with their organisation. */
export async function listInvitationsForEmail(db: Db, email: string, now: string): Promise<UserInvitation[]> {
  const rows = await db
    .select({
      id: memberInvitations.id,
      orgId: organisations.id,
      slug: organisations.slug,
      orgName: organisations.name,
      role: memberInvitations.role,
      invitedBy: users.name,
      createdAt: memberInvitations.createdAt,
      expiresAt: memberInvitations.expiresAt,
    })
    .from(memberInvitations)
    .innerJoin(organisations, eq(organisations.id, memberInvitations.orgId))
    .leftJoin(users, eq(users.id, memberInvitations.invitedBy))
    .where(and(eq(memberInvitations.email, email), pendingAt(now)))
    .orderBy(asc(memberInvitations.createdAt), asc(memberInvitations.id))
    .all()
  return rows.map((r) => ({
    id: r.id,
    organisation: { id: r.orgId, slug: r.slug, name: r.orgName },
    role: r.role,
    invitedBy: r.invitedBy,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
  }))
}

const PENDING_SQL = 'accepted_at IS NULL AND declined_at IS NULL AND expires_at > ?'

/**
 * Accepts the pending invitation `id` addressed to `email` for the user: the membership, the
 * activation of an organisation pending its owner, and the mark, in one atomic batch whose every
 * statement repeats the pending condition (so a second accept changes nothing). Returns the
 * invitation as it was, or undefined when there was nothing to accept.
 */
export async function acceptInvitation(db: Db, id: string, email: string, userId: string, now: string): Promise<InvitationRow | undefined> {
  const d1 = db.$client as D1Database
  const results = await d1.batch([
    d1
      .prepare(`INSERT OR IGNORE INTO memberships (org_id, user_id, role, created_at) SELECT org_id, ?, role, ? FROM member_invitations WHERE id = ? AND email = ? AND ${PENDING_SQL}`)
      .bind(userId, now, id, email, now),
    d1
      .prepare(
        `UPDATE organisations SET status = 'active', activated_at = ? WHERE status = 'pending'
         AND id IN (SELECT org_id FROM member_invitations WHERE id = ? AND email = ? AND role = 'owner' AND ${PENDING_SQL})`,
      )
      .bind(now, id, email, now),
    d1.prepare(`UPDATE member_invitations SET accepted_at = ? WHERE id = ? AND email = ? AND ${PENDING_SQL} RETURNING *`).bind(now, id, email, now),
  ])
  const row = results[2]?.results[0] as Record<string, string | null> | undefined
  return row ? fromSql(row) : undefined
}

/** Declines the pending invitation `id` addressed to `email`; returns it, or undefined. */
export async function declineInvitation(db: Db, id: string, email: string, now: string): Promise<InvitationRow | undefined> {
  return db
    .update(memberInvitations)
    .set({ declinedAt: now })
    .where(and(eq(memberInvitations.id, id), eq(memberInvitations.email, email), pendingAt(now)))
    .returning()
    .get()
}

function fromSql(r: Record<string, string | null>): InvitationRow {
  return {
    id: r.id!,
    orgId: r.org_id!,
    email: r.email!,
    name: r.name!,
    role: r.role as MemberRole,
    tokenHash: r.token_hash!,
    invitedBy: r.invited_by,
    createdAt: r.created_at!,
    expiresAt: r.expires_at!,
    linkUsedAt: r.link_used_at,
    acceptedAt: r.accepted_at,
    declinedAt: r.declined_at,
  }
}

/** Creates a pending organisation and its owner's invitation atomically: no membership until accepted. */
export async function insertOrgWithOwnerInvitation(db: Db, org: typeof organisations.$inferInsert, invitation: typeof memberInvitations.$inferInsert): Promise<void> {
  await db.batch([db.insert(organisations).values(org), db.insert(memberInvitations).values(invitation)])
}
