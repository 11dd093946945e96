import { and, eq } from 'drizzle-orm'
import { userIdentities } from '../../schema/tables'
import type { Db } from './client'

export type IdentityRow = typeof userIdentities.$inferSelect

/** The user a provider identity is linked to, or undefined: the pair (iss, sub) is unique. */
export async function findIdentity(db: Db, iss: string, sub: string): Promise<IdentityRow | undefined> {
  return db.select().from(userIdentities).where(and(eq(userIdentities.iss, iss), eq(userIdentities.sub, sub))).get()
}

/**
 * Links the identity to the user unless it is already linked, and returns the link that holds:
 * of two concurrent first sign-ins only one insert wins, and both read the same row.
 */
export async function linkIdentity(db: Db, row: IdentityRow): Promise<IdentityRow> {
  await db.insert(userIdentities).values(row).onConflictDoNothing()
  return (await findIdentity(db, row.iss, row.sub)) ?? row
}
