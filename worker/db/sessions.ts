import { and, eq, isNull, sql } from 'drizzle-orm'
import { sessions, signInTokens, users } from '../../schema/tables'
import type { Db } from './client'

export type SessionWithUser = { idHash: string; userId: string; orgId: string | null; lastSeenAt: string; expiresAt: string; email: string; name: string }

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row)
}

/** A live (not revoked) session with its user, or undefined; timeouts are checked by the caller. */
export async function findLiveSession(db: Db, idHash: string): Promise<SessionWithUser | undefined> {
  return db
    .select({
      idHash: sessions.idHash,
      userId: sessions.userId,
      orgId: sessions.orgId,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      email: users.email,
      name: users.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt)))
    .get()
}

export async function touchSession(db: Db, idHash: string, now: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash))
}

export async function revokeSession(db: Db, idHash: string, now: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.idHash, idHash))
}

export async function insertSignInToken(db: Db, row: typeof signInTokens.$inferInsert): Promise<void> {
  await db.insert(signInTokens).values(row)
}

/**
 * Marks an unused, unexpired sign-in token used and returns its user id, in ONE statement so two
 * concurrent verifications of the same link cannot both succeed.
 */
export async function consumeSignInToken(db: Db, tokenHash: string, now: string): Promise<string | undefined> {
  const row = await db
    .update(signInTokens)
    .set({ usedAt: now })
    .where(and(eq(signInTokens.tokenHash, tokenHash), isNull(signInTokens.usedAt), sql`${signInTokens.expiresAt} > ${now}`))
    .returning({ userId: signInTokens.userId })
    .get()
  return row?.userId
}
