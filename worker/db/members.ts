import { and, asc, eq, sql } from 'drizzle-orm'
import { memberships, users } from '../../schema/tables'
import type { MemberRole } from '../../schema/enums'
import type { Db } from './client'

export interface MemberRow {
  userId: string
  email: string
  name: string
  role: MemberRole
  createdAt: string
}

const memberColumns = { userId: users.id, email: users.email, name: users.name, role: memberships.role, createdAt: memberships.createdAt }

export async function listMembers(db: Db, orgId: string): Promise<MemberRow[]> {
  return db.select(memberColumns).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.orgId, orgId)).orderBy(asc(users.name), asc(users.id)).all()
}

export async function findMember(db: Db, orgId: string, userId: string): Promise<MemberRow | undefined> {
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .get()
}

export async function countOwners(db: Db, orgId: string): Promise<number> {
  const row = await db.select({ n: sql<number>`count(*)` }).from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'owner'))).get()
  return row?.n ?? 0
}

/**
 * Changes a role unless it would leave no owner: the guard sits inside the statement so two
 * concurrent demotions cannot both pass. Returns false when it was refused.
 */
export async function setMemberRole(db: Db, orgId: string, userId: string, role: MemberRole): Promise<boolean> {
  const rows = await db.run(sql`
    UPDATE memberships SET role = ${role}
    WHERE org_id = ${orgId} AND user_id = ${userId}
      AND (${role} = 'owner' OR role <> 'owner'
           OR (SELECT count(*) FROM memberships WHERE org_id = ${orgId} AND role = 'owner') > 1)`)
  return (rows.meta.changes ?? 0) > 0
}

/** Removes a member unless they are the last owner (guard in the statement). */
export async function removeMember(db: Db, orgId: string, userId: string): Promise<boolean> {
  const rows = await db.run(sql`
    DELETE FROM memberships
    WHERE org_id = ${orgId} AND user_id = ${userId}
      AND (role <> 'owner' OR (SELECT count(*) FROM memberships WHERE org_id = ${orgId} AND role = 'owner') > 1)`)
  return (rows.meta.changes ?? 0) > 0
}

export async function updateUserName(db: Db, userId: string, name: string): Promise<void> {
  await db.update(users).set({ name }).where(eq(users.id, userId))
}
