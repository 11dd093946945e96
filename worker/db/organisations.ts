import { and, eq, or, sql } from 'drizzle-orm'
import { memberships, organisations, users } from '../../schema/tables'
import type { Db } from './client'

export type OrgRow = typeof organisations.$inferSelect
export type NewOrg = typeof organisations.$inferInsert

/** The organisation addressed by its slug or its id in a path, or undefined. */
export async function findOrgByRef(db: Db, ref: string): Promise<OrgRow | undefined> {
  return db.select().from(organisations).where(or(eq(organisations.slug, ref), eq(organisations.id, ref))).get()
}

export async function findOrgById(db: Db, id: string): Promise<OrgRow | undefined> {
  return db.select().from(organisations).where(eq(organisations.id, id)).get()
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  return !!(await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug)).get())
}

/** Slugs that start with `base`, to pick the next free numeric suffix in one read. */
export async function listSlugsLike(db: Db, base: string): Promise<string[]> {
  const rows = await db
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(sql`${organisations.slug} = ${base} OR ${organisations.slug} LIKE ${base + '-%'}`)
    .all()
  return rows.map((r) => r.slug)
}

export async function orgNumberTaken(db: Db, orgNumber: string): Promise<boolean> {
  return !!(await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.orgNumber, orgNumber)).get())
}

/**
 * Creates a pending organisation, its owner as a NEW user and the membership, atomically. An
 * existing user is never made a member here (they must accept an invitation): if the address was
 * taken meanwhile, the batch fails on the unique e-mail.
 */
export async function insertOrgWithOwner(
  db: Db,
  org: NewOrg,
  owner: { id: string; email: string; name: string },
  now: string,
): Promise<{ userId: string }> {
  const userId = owner.id
  const statements = [
    db.insert(organisations).values(org),
    db.insert(users).values({ id: userId, email: owner.email, name: owner.name, createdAt: now }),
    db.insert(memberships).values({ orgId: org.id, userId, role: 'owner', createdAt: now }),
  ] as const
  await db.batch(statements as unknown as Parameters<typeof db.batch>[0])
  return { userId }
}

export async function updateOrg(db: Db, orgId: string, patch: Partial<NewOrg>): Promise<OrgRow | undefined> {
  if (Object.keys(patch).length === 0) return findOrgById(db, orgId)
  return db.update(organisations).set(patch).where(eq(organisations.id, orgId)).returning().get()
}

/**
 * Activates every pending organisation this user owns (the owner's first sign-in); `onlyOrgId`
 * narrows it to one, for a sign-in that reaches only that organisation.
 */
export async function activateOwnedPendingOrgs(db: Db, userId: string, now: string, onlyOrgId?: string): Promise<string[]> {
  const rows = await db
    .update(organisations)
    .set({ status: 'active', activatedAt: now })
    .where(
      and(
        eq(organisations.status, 'pending'),
        onlyOrgId ? eq(organisations.id, onlyOrgId) : undefined,
        sql`${organisations.id} IN (SELECT org_id FROM memberships WHERE user_id = ${userId} AND role = 'owner')`,
      ),
    )
    .returning({ id: organisations.id })
    .all()
  return rows.map((r) => r.id)
}

/** Pending organisations created before `cutoff` (ISO): removed by the scheduled clean-up. */
export async function listStalePendingOrgIds(db: Db, cutoff: string): Promise<string[]> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.status, 'pending'), sql`${organisations.createdAt} < ${cutoff}`))
    .all()
  return rows.map((r) => r.id)
}
