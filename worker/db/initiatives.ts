import { and, desc, eq, lt, or, sql } from 'drizzle-orm'
import { initiatives } from '../../schema/tables'
import type { InitiativeKind, InitiativeStatus } from '../../schema/enums'
import type { Db } from './client'

export type InitiativeRow = typeof initiatives.$inferSelect
export type NewInitiativeRow = typeof initiatives.$inferInsert

export interface InitiativeFilter {
  status?: InitiativeStatus
  kind?: InitiativeKind
  factor?: string
  /** Already normalised with ownerKeyOf. */
  ownerKey?: string
}

/** The key the `?owner=` filter matches: trimmed and lower-cased with Swedish rules in JS. */
export function ownerKeyOf(owner: string | null | undefined): string | null {
  return owner ? owner.trim().toLocaleLowerCase('sv') : null
}

/** A page of the organisation's initiatives, newest first, filtered in SQL (`limit + 1` rows for the cursor). */
export async function listInitiatives(db: Db, orgId: string, filter: InitiativeFilter, limit: number, after?: { createdAt: string; id: string }): Promise<InitiativeRow[]> {
  return db
    .select()
    .from(initiatives)
    .where(
      and(
        eq(initiatives.orgId, orgId),
        filter.status ? eq(initiatives.status, filter.status) : undefined,
        filter.kind ? eq(initiatives.kind, filter.kind) : undefined,
        filter.ownerKey ? eq(initiatives.ownerKey, filter.ownerKey) : undefined,
        filter.factor
          ? sql`exists (select 1 from json_each(${initiatives.factors}) where json_extract(json_each.value, '$.factorId') = ${filter.factor})`
          : undefined,
        after ? or(lt(initiatives.createdAt, after.createdAt), and(eq(initiatives.createdAt, after.createdAt), lt(initiatives.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(initiatives.createdAt), desc(initiatives.id))
    .limit(limit + 1)
    .all()
}

/** Every initiative of the organisation, for the recommendations engine (one org's portfolio is small). */
export async function listAllInitiatives(db: Db, orgId: string): Promise<InitiativeRow[]> {
  return db.select().from(initiatives).where(eq(initiatives.orgId, orgId)).orderBy(desc(initiatives.createdAt), desc(initiatives.id)).all()
}

export async function findInitiative(db: Db, orgId: string, id: string): Promise<InitiativeRow | undefined> {
  return db.select().from(initiatives).where(and(eq(initiatives.orgId, orgId), eq(initiatives.id, id))).get()
}

export async function insertInitiative(db: Db, row: NewInitiativeRow): Promise<InitiativeRow> {
  return db.insert(initiatives).values(row).returning().get()
}

/** Writes the whole row as computed by the route (read-compute-write; D1 has no interactive transactions). */
export async function replaceInitiative(db: Db, orgId: string, row: NewInitiativeRow): Promise<InitiativeRow | undefined> {
  const { id, orgId: _org, createdAt: _created, ...rest } = row
  return db.update(initiatives).set(rest).where(and(eq(initiatives.orgId, orgId), eq(initiatives.id, id))).returning().get()
}

/** True when a row was removed. */
export async function deleteInitiative(db: Db, orgId: string, id: string): Promise<boolean> {
  const removed = await db.delete(initiatives).where(and(eq(initiatives.orgId, orgId), eq(initiatives.id, id))).returning({ id: initiatives.id }).all()
  return removed.length > 0
}

const COLUMNS = [
  'id', 'org_id', 'title', 'description', 'kind', 'target', 'factors', 'cost', 'owner', 'owner_key', 'status', 'pin', 'pin_reason',
  'political_urgency', 'technical_urgency', 'societal_benefit', 'administration_benefit', 'risk',
  'expected_benefits', 'realised_benefits', 'status_history', 'created_at', 'updated_at',
] as const
const KEYS = [
  'id', 'orgId', 'title', 'description', 'kind', 'target', 'factors', 'cost', 'owner', 'ownerKey', 'status', 'pin', 'pinReason',
  'politicalUrgency', 'technicalUrgency', 'societalBenefit', 'administrationBenefit', 'risk',
  'expectedBenefits', 'realisedBenefits', 'statusHistory', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof NewInitiativeRow)[]

/** The JSON columns go in as their text, so json_extract hands SQLite the same string drizzle would write. */
const JSON_KEYS: ReadonlySet<string> = new Set(['factors', 'expectedBenefits', 'realisedBenefits', 'statusHistory'] satisfies (typeof KEYS)[number][])

/** Keeps each JSON parameter well under D1's 2 MB value cap (local D1 does not enforce it). */
const MAX_PARAM_CHARS = 900_000

/**
 * Inserts many rows in one atomic batch. Each statement is `INSERT … SELECT … FROM json_each(?)`
 * with one JSON array parameter, which sidesteps D1's 100-parameter cap. Every row carries orgId.
 */
export async function insertInitiatives(db: Db, orgId: string, rows: NewInitiativeRow[]): Promise<void> {
  if (rows.length === 0) return
  const chunks: string[] = []
  let current: string[] = []
  let size = 0
  for (const row of rows) {
    const item = JSON.stringify(KEYS.map((k) => (k === 'orgId' ? orgId : JSON_KEYS.has(k) ? JSON.stringify(row[k] ?? []) : (row[k] ?? null))))
    if (size + item.length > MAX_PARAM_CHARS && current.length) {
      chunks.push(`[${current.join(',')}]`)
      current = []
      size = 0
    }
    current.push(item)
    size += item.length + 1
  }
  chunks.push(`[${current.join(',')}]`)
  const select = COLUMNS.map((_, i) => `json_extract(value, '$[${i}]')`).join(', ')
  const statement = `INSERT INTO initiatives (${COLUMNS.join(', ')}) SELECT ${select} FROM json_each(?)`
  const d1 = db.$client
  await d1.batch(chunks.map((chunk) => d1.prepare(statement).bind(chunk)))
}
