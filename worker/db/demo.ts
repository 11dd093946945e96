import { and, eq } from 'drizzle-orm'
import { assessmentResults, assessmentSnapshots, assessments, closedRoundResults, memberships, orgDomains, organisations, respondents, responses, units, users } from '../../schema/tables'
import type { AssessmentRow } from './assessments'
import type { MemberRole } from '../../schema/enums'
import type { Db } from './client'
import type { OrgRow } from './organisations'
import type { UserRow } from './users'
import type { UnitRow } from './units'

// Every write here is INSERT … ON CONFLICT DO NOTHING on a unique key followed by a read, so a
// repeated (or concurrent) seed converges on the same rows instead of failing or duplicating.

/**
 * The organisation with this org number, created as given when missing; undefined when another
 * organisation already holds the slug (the insert is skipped on any unique key).
 */
export async function ensureDemoOrg(db: Db, org: typeof organisations.$inferInsert): Promise<OrgRow | undefined> {
  await db.insert(organisations).values(org).onConflictDoNothing()
  return db.select().from(organisations).where(eq(organisations.orgNumber, org.orgNumber)).get()
}

/** The user with this e-mail (created when missing) as a member with the given role (kept when already a member). */
export async function ensureDemoMember(
  db: Db,
  orgId: string,
  person: { userId: string; email: string; name: string; role: MemberRole },
  now: string,
): Promise<UserRow> {
  const email = person.email.toLowerCase()
  await db.insert(users).values({ id: person.userId, email, name: person.name, createdAt: now }).onConflictDoNothing({ target: users.email })
  const user = await db.select().from(users).where(eq(users.email, email)).get()
  if (!user) throw new Error(`demo user ${email} could not be created`)
  await db.insert(memberships).values({ orgId, userId: user.id, role: person.role, createdAt: now }).onConflictDoNothing()
  return user
}

/** The unit with this name in the organisation, created under `parentId` when missing. */
export async function ensureDemoUnit(db: Db, orgId: string, unit: { id: string; name: string; parentId: string | null }, now: string): Promise<UnitRow> {
  await db.insert(units).values({ ...unit, orgId, createdAt: now }).onConflictDoNothing({ target: [units.orgId, units.name] })
  const row = await db.select().from(units).where(and(eq(units.orgId, orgId), eq(units.name, unit.name))).get()
  if (!row) throw new Error(`demo unit ${unit.name} could not be created`)
  return row
}

/** The demo round of this name in the organisation, if any (names are the demo's own keys). */
export async function findDemoRound(db: Db, orgId: string, name: string): Promise<AssessmentRow | undefined> {
  return db.select().from(assessments).where(and(eq(assessments.orgId, orgId), eq(assessments.name, name))).get()
}

/**
 * Removes a demo round left half-made by an interrupted seed, with everything under it, so the
 * next seed builds it again from the start.
 */
export async function deleteDemoRound(db: Db, orgId: string, roundId: string): Promise<void> {
  await db.batch([
    db.delete(responses).where(and(eq(responses.orgId, orgId), eq(responses.assessmentId, roundId))),
    db.delete(respondents).where(and(eq(respondents.orgId, orgId), eq(respondents.assessmentId, roundId))),
    db.delete(assessmentSnapshots).where(and(eq(assessmentSnapshots.orgId, orgId), eq(assessmentSnapshots.assessmentId, roundId))),
    db.delete(closedRoundResults).where(and(eq(closedRoundResults.orgId, orgId), eq(closedRoundResults.assessmentId, roundId))),
    db.delete(assessmentResults).where(and(eq(assessmentResults.orgId, orgId), eq(assessmentResults.assessmentId, roundId))),
    db.delete(assessments).where(and(eq(assessments.orgId, orgId), eq(assessments.id, roundId))),
  ])
}

/** Marks a past demo round's respondents invited (its invitations are history: no mail is sent). */
export async function markDemoInvited(db: Db, orgId: string, roundId: string): Promise<void> {
  await db.update(respondents).set({ status: 'invited' }).where(and(eq(respondents.orgId, orgId), eq(respondents.assessmentId, roundId), eq(respondents.status, 'added'))).run()
}

/**
 * The demo's e-mail domain, proven for it without DNS (its addresses are fictitious and never
 * mailed outside development). Skipped when the organisation or another one already holds it.
 */
export async function ensureDemoDomain(db: Db, orgId: string, claim: { id: string; domain: string; token: string }, now: string): Promise<void> {
  await db.insert(orgDomains).values({ ...claim, orgId, createdAt: now, verifiedAt: now }).onConflictDoNothing()
}
