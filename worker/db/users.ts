import { and, eq, isNull } from 'drizzle-orm'
import { memberships, organisations, users } from '../../schema/tables'
import type { MemberRole } from '../../schema/enums'
import type { Db } from './client'

export type UserRow = typeof users.$inferSelect

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.select().from(users).where(eq(users.email, email.toLowerCase())).get()
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.select().from(users).where(eq(users.id, id)).get()
}

export interface UserOrganisation {
  id: string
  slug: string
  name: string
  role: MemberRole
  status: string
  demo: boolean
}

/**
 * Records that the person proved the address by using an e-mail sign-in link; the first proof is
 * kept. Single sign-on links a provider identity only to such a user.
 */
export async function markEmailProven(db: Db, userId: string, now: string): Promise<void> {
  await db.update(users).set({ emailProvenAt: now }).where(and(eq(users.id, userId), isNull(users.emailProvenAt)))
}

/**
 * The active organisations a user belongs to, with the role in each; `onlyOrgId` narrows to one
 * (a single sign-on session). A pending one waits for its owner's consent (the first sign-in link
 * of an owner new at sign-up) and is in nobody's session.
 */
export async function listUserOrganisations(db: Db, userId: string, onlyOrgId?: string | null): Promise<UserOrganisation[]> {
  return db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      role: memberships.role,
      status: organisations.status,
      demo: organisations.demo,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(organisations.status, 'active'), onlyOrgId ? eq(memberships.orgId, onlyOrgId) : undefined))
    .orderBy(organisations.name)
    .all()
}

/** The caller's role in an organisation, or undefined when not a member. */
export async function findMembershipRole(db: Db, orgId: string, userId: string): Promise<MemberRole | undefined> {
  const row = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .get()
  return row?.role
}

/** The user with this (lower-cased) e-mail, created with `name` when there is none yet. */
export async function findOrCreateUser(db: Db, input: { id: string; email: string; name: string }, now: string): Promise<UserRow> {
  await db.insert(users).values({ ...input, createdAt: now }).onConflictDoNothing({ target: users.email })
  return (await findUserByEmail(db, input.email))!
}
