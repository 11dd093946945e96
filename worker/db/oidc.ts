import { and, eq, lt } from 'drizzle-orm'
import { memberships, oidcFlows, users } from '../../schema/tables'
import type { MemberRole } from '../../schema/enums'
import type { Db } from './client'

export type OidcFlowRow = typeof oidcFlows.$inferSelect

/** Stores a flow in flight and, in the same batch, drops flows that expired (nothing else removes them). */
export async function insertOidcFlow(db: Db, row: OidcFlowRow, now: string): Promise<void> {
  await db.batch([db.delete(oidcFlows).where(lt(oidcFlows.expiresAt, now)), db.insert(oidcFlows).values(row)])
}

/**
 * Deletes the flow and returns it, in ONE statement, so a state can be redeemed only once even
 * by two concurrent callbacks. The caller checks the expiry (an expired row is removed all the same).
 */
export async function consumeOidcFlow(db: Db, stateKey: string): Promise<OidcFlowRow | undefined> {
  return db.delete(oidcFlows).where(eq(oidcFlows.state, stateKey)).returning().get()
}

/** The member of this organisation with this (lower-cased) e-mail, or undefined: SSO never creates users. */
export async function findMemberByEmail(db: Db, orgId: string, email: string): Promise<{ userId: string; role: MemberRole; emailProvenAt: string | null } | undefined> {
  return db
    .select({ userId: users.id, role: memberships.role, emailProvenAt: users.emailProvenAt })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, orgId)))
    .where(eq(users.email, email))
    .get()
}
