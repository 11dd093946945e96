import { and, asc, eq, isNotNull } from 'drizzle-orm'
import { orgDomains } from '../../schema/tables'
import type { Db } from './client'

export type OrgDomainRow = typeof orgDomains.$inferSelect

/** The organisation's domain claims, proven or not, by domain. */
export async function listDomains(db: Db, orgId: string): Promise<OrgDomainRow[]> {
  return db.select().from(orgDomains).where(eq(orgDomains.orgId, orgId)).orderBy(asc(orgDomains.domain)).limit(100).all()
}

/** Only the proven domains: what single sign-on and respondent addresses may rely on. */
export async function listVerifiedDomains(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .select({ domain: orgDomains.domain })
    .from(orgDomains)
    .where(and(eq(orgDomains.orgId, orgId), isNotNull(orgDomains.verifiedAt)))
    .orderBy(asc(orgDomains.domain))
    .all()
  return rows.map((r) => r.domain)
}

export async function findDomain(db: Db, orgId: string, id: string): Promise<OrgDomainRow | undefined> {
  return db.select().from(orgDomains).where(and(eq(orgDomains.orgId, orgId), eq(orgDomains.id, id))).get()
}

export async function findDomainClaim(db: Db, orgId: string, domain: string): Promise<OrgDomainRow | undefined> {
  return db.select().from(orgDomains).where(and(eq(orgDomains.orgId, orgId), eq(orgDomains.domain, domain))).get()
}

/** The organisation that has proven this domain, if any (at most one can: a unique index). */
export async function findVerifiedDomainOwner(db: Db, domain: string): Promise<string | undefined> {
  const row = await db
    .select({ orgId: orgDomains.orgId })
    .from(orgDomains)
    .where(and(eq(orgDomains.domain, domain), isNotNull(orgDomains.verifiedAt)))
    .get()
  return row?.orgId
}

export async function insertDomain(db: Db, row: typeof orgDomains.$inferInsert): Promise<OrgDomainRow> {
  return db.insert(orgDomains).values(row).returning().get()
}

/** Marks a claim proven. Throws a unique-constraint error when another organisation proved it first. */
export async function markDomainVerified(db: Db, orgId: string, id: string, at: string): Promise<OrgDomainRow | undefined> {
  return db
    .update(orgDomains)
    .set({ verifiedAt: at })
    .where(and(eq(orgDomains.orgId, orgId), eq(orgDomains.id, id)))
    .returning()
    .get()
}

export async function deleteDomain(db: Db, orgId: string, id: string): Promise<void> {
  await db.delete(orgDomains).where(and(eq(orgDomains.orgId, orgId), eq(orgDomains.id, id)))
}
