import { and, desc, eq, lt, or } from 'drizzle-orm'
import { apiKeys } from '../../schema/tables'
import type { Db } from './client'

export type ApiKeyRow = typeof apiKeys.$inferSelect

export async function findApiKeyBySecretHash(db: Db, secretHash: string): Promise<ApiKeyRow | undefined> {
  return db.select().from(apiKeys).where(eq(apiKeys.secretHash, secretHash)).get()
}

export async function touchApiKey(db: Db, id: string, now: string): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id))
}

export async function insertApiKey(db: Db, row: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  return db.insert(apiKeys).values(row).returning().get()
}

/** A page of the organisation's keys, newest first (createdAt, then id). */
export async function listApiKeys(db: Db, orgId: string, limit: number, after?: { createdAt: string; id: string }): Promise<ApiKeyRow[]> {
  return db
    .select()
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.orgId, orgId),
        after ? or(lt(apiKeys.createdAt, after.createdAt), and(eq(apiKeys.createdAt, after.createdAt), lt(apiKeys.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(limit + 1)
    .all()
}

/** Deletes (revokes) a key of this organisation; false when it is not there. */
export async function deleteApiKey(db: Db, orgId: string, id: string): Promise<boolean> {
  const rows = await db.delete(apiKeys).where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id))).returning({ id: apiKeys.id }).all()
  return rows.length > 0
}
