import { and, desc, eq, lt, or, sql } from 'drizzle-orm'
import { respondents } from '../../schema/tables'
import type { Db } from './client'
import { rawBatch } from './assessments'

export type RespondentRow = typeof respondents.$inferSelect

/** One new respondent as the bulk insert takes it. */
export interface NewRespondent {
  id: string
  email: string
  name: string | null
  role: string
  unitId: string | null
  tokenHash: string
}

// Production D1 caps a bound value at 2 MB: keep each JSON parameter well below it.
const MAX_PARAM_BYTES = 1_500_000

/** Splits rows into JSON arrays each under the parameter cap (one statement per part). */
export function jsonParts<T>(rows: readonly T[]): string[] {
  const parts: string[] = []
  let current: string[] = []
  let size = 2
  for (const row of rows) {
    const text = JSON.stringify(row)
    if (current.length && size + text.length + 1 > MAX_PARAM_BYTES) {
      parts.push(`[${current.join(',')}]`)
      current = []
      size = 2
    }
    current.push(text)
    size += text.length + 1
  }
  if (current.length) parts.push(`[${current.join(',')}]`)
  return parts
}

/**
 * Inserts respondents with `INSERT … SELECT … FROM json_each(?)`: one bound parameter per
 * statement whatever the row count (D1 binds at most 100). A duplicate e-mail that slipped past
 * the caller's check (a concurrent upload) is ignored by the unique index. Returns rows added.
 */
export async function insertRespondents(db: Db, orgId: string, assessmentId: string, rows: NewRespondent[], now: string): Promise<number> {
  if (rows.length === 0) return 0
  const statements = jsonParts(rows).map((json): [string, ...unknown[]] => [
    `INSERT OR IGNORE INTO respondents (id, org_id, assessment_id, email, name, role, unit_id, status, token_hash, created_at)
      SELECT json_extract(value, '$.id'), ?1, ?2, json_extract(value, '$.email'), json_extract(value, '$.name'),
        json_extract(value, '$.role'), json_extract(value, '$.unitId'), 'added', json_extract(value, '$.tokenHash'), ?3
      FROM json_each(?4)`,
    orgId, assessmentId, now, json,
  ])
  const results = await rawBatch(db, statements)
  return results.reduce((sum, r) => sum + (r.meta?.changes ?? 0), 0)
}

/** The e-mails already in the round (lower-cased), for duplicate detection before inserting. */
export async function listRespondentEmails(db: Db, orgId: string, assessmentId: string): Promise<string[]> {
  const rows = await db.select({ email: respondents.email }).from(respondents).where(and(eq(respondents.orgId, orgId), eq(respondents.assessmentId, assessmentId))).all()
  return rows.map((r) => r.email)
}

/** A page of the round's respondents, newest first (createdAt, then id). */
export async function listRespondents(db: Db, orgId: string, assessmentId: string, limit: number, after?: { createdAt: string; id: string }): Promise<RespondentRow[]> {
  return db
    .select()
    .from(respondents)
    .where(
      and(
        eq(respondents.orgId, orgId),
        eq(respondents.assessmentId, assessmentId),
        after ? or(lt(respondents.createdAt, after.createdAt), and(eq(respondents.createdAt, after.createdAt), lt(respondents.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(respondents.createdAt), desc(respondents.id))
    .limit(limit + 1)
    .all()
}

export async function findRespondent(db: Db, orgId: string, assessmentId: string, id: string): Promise<RespondentRow | undefined> {
  return db
    .select()
    .from(respondents)
    .where(and(eq(respondents.orgId, orgId), eq(respondents.assessmentId, assessmentId), eq(respondents.id, id)))
    .get()
}

/**
 * Deletes a respondent not yet invited (who therefore has no link and no answers). Returns false
 * when they were invited by then (the caller answers 409).
 */
export async function deleteUninvitedRespondent(db: Db, orgId: string, assessmentId: string, id: string): Promise<boolean> {
  const [gone] = await rawBatch(db, [[`DELETE FROM respondents WHERE org_id = ?1 AND assessment_id = ?2 AND id = ?3 AND status = 'added'`, orgId, assessmentId, id]])
  return (gone.meta?.changes ?? 0) > 0
}

/** Ids of respondents of the round still waiting for their invitation. */
export async function listAddedRespondentIds(db: Db, orgId: string, assessmentId: string): Promise<string[]> {
  const rows = await db
    .select({ id: respondents.id })
    .from(respondents)
    .where(and(eq(respondents.orgId, orgId), eq(respondents.assessmentId, assessmentId), eq(respondents.status, 'added')))
    .all()
  return rows.map((r) => r.id)
}

/** Ids of respondents who may be reminded: invited or started, not reminded since `cutoff`. */
export async function listRemindableIds(db: Db, orgId: string, assessmentId: string, cutoff: string): Promise<string[]> {
  const rows = await db
    .select({ id: respondents.id })
    .from(respondents)
    .where(
      and(
        eq(respondents.orgId, orgId),
        eq(respondents.assessmentId, assessmentId),
        sql`${respondents.status} IN ('invited', 'started')`,
        sql`(${respondents.remindedAt} IS NULL OR ${respondents.remindedAt} <= ${cutoff})`,
      ),
    )
    .all()
  return rows.map((r) => r.id)
}

/** True when some respondent (of any round) is attached to the unit. */
export async function unitHasRespondents(db: Db, orgId: string, unitId: string): Promise<boolean> {
  const row = await db.select({ id: respondents.id }).from(respondents).where(and(eq(respondents.orgId, orgId), eq(respondents.unitId, unitId))).limit(1).get()
  return !!row
}

/** Respondent counts of the round by role, unit and status (participation; never answers). */
export async function countParticipation(db: Db, orgId: string, assessmentId: string) {
  return db
    .select({ role: respondents.role, unitId: respondents.unitId, status: respondents.status, n: sql<number>`count(*)` })
    .from(respondents)
    .where(and(eq(respondents.orgId, orgId), eq(respondents.assessmentId, assessmentId)))
    .groupBy(respondents.role, respondents.unitId, respondents.status)
    .all()
}

/** What an invitation or reminder renders from (names and ids only, never a credential). */
export interface RoundMail {
  kind: 'invitation' | 'reminder'
  orgId: string
  assessmentId: string
  lang: string
  orgName: string
  assessmentName: string
  closesAt: string | null
  origin: string
}

/**
 * Queues invitations (respondents still `added`, who become `invited`) or reminders (invited or
 * started, not reminded since `cutoff`, whose reminded_at is set) in the outbox, in bulk: one
 * json_each INSERT … SELECT per part plus one UPDATE, all in one atomic batch, and only while the
 * round is open. The conditions repeat in every statement so a concurrent run queues nothing
 * twice. `pairs` are [outboxId, respondentId]; returns the number of messages queued.
 */
export async function queueRoundMail(db: Db, mail: RoundMail, pairs: [string, string][], now: string, cutoff?: string): Promise<number> {
  if (pairs.length === 0) return 0
  // ?1 org, ?2 round, ?3 now, ?4 reminder cutoff, ?5 pairs JSON; then the rendering names.
  // CROSS JOIN keeps json_each as the outer loop (one primary-key lookup per pair); left to
  // itself the planner may scan json_each once per respondent, quadratic at 5,000.
  const eligible =
    mail.kind === 'invitation' ? `r.status = 'added'` : `r.status IN ('invited', 'started') AND (r.reminded_at IS NULL OR r.reminded_at <= ?4)`
  const open = `EXISTS (SELECT 1 FROM assessments a WHERE a.id = ?2 AND a.org_id = ?1 AND a.status = 'open')`
  const change = mail.kind === 'invitation' ? `status = 'invited'` : `reminded_at = ?3`
  const cut = cutoff ?? now
  const statements = jsonParts(pairs).flatMap((json): [string, ...unknown[]][] => [
    [
      `INSERT INTO outbox (id, org_id, batch_id, to_email, kind, lang, payload, status, attempts, created_at)
      SELECT json_extract(j.value, '$[0]'), r.org_id, r.assessment_id, r.email, ?6, ?7,
        json_object('respondentId', r.id, 'orgName', ?8, 'assessmentName', ?9, 'closesAt', ?10, 'origin', ?11),
        'queued', 0, ?3
      FROM json_each(?5) j CROSS JOIN respondents r ON r.id = json_extract(j.value, '$[1]')
      WHERE r.org_id = ?1 AND r.assessment_id = ?2 AND ${eligible} AND ${open}`,
      mail.orgId, mail.assessmentId, now, cut, json, mail.kind, mail.lang, mail.orgName, mail.assessmentName, mail.closesAt, mail.origin,
    ],
    [
      `UPDATE respondents AS r SET ${change}
      WHERE r.id IN (SELECT json_extract(value, '$[1]') FROM json_each(?5))
        AND r.org_id = ?1 AND r.assessment_id = ?2 AND ${eligible} AND ${open}`,
      mail.orgId, mail.assessmentId, now, cut, json,
    ],
  ])
  const results = await rawBatch(db, statements)
  return results.filter((_, i) => i % 2 === 0).reduce((sum, r) => sum + (r.meta?.changes ?? 0), 0)
}
