import { and, asc, eq, sql } from 'drizzle-orm'
import { units } from '../../schema/tables'
import type { Db } from './client'

export type UnitRow = typeof units.$inferSelect

/** Every unit of the organisation (one page up to 200, by name). */
export async function listUnits(db: Db, orgId: string): Promise<UnitRow[]> {
  return db.select().from(units).where(eq(units.orgId, orgId)).orderBy(asc(units.name), asc(units.id)).limit(200).all()
}

export async function findUnit(db: Db, orgId: string, id: string): Promise<UnitRow | undefined> {
  return db.select().from(units).where(and(eq(units.orgId, orgId), eq(units.id, id))).get()
}

export async function findUnitByName(db: Db, orgId: string, name: string): Promise<UnitRow | undefined> {
  return db.select().from(units).where(and(eq(units.orgId, orgId), eq(units.name, name))).get()
}

export async function insertUnit(db: Db, row: typeof units.$inferInsert): Promise<UnitRow> {
  return db.insert(units).values(row).returning().get()
}

export async function updateUnit(db: Db, orgId: string, id: string, patch: { name?: string; parentId?: string | null }): Promise<UnitRow | undefined> {
  return db.update(units).set(patch).where(and(eq(units.orgId, orgId), eq(units.id, id))).returning().get()
}

export async function deleteUnit(db: Db, orgId: string, id: string): Promise<void> {
  await db.delete(units).where(and(eq(units.orgId, orgId), eq(units.id, id)))
}

/** Number of units whose parent is this unit. */
export async function countChildren(db: Db, orgId: string, id: string): Promise<number> {
  const row = await db.select({ n: sql<number>`count(*)` }).from(units).where(and(eq(units.orgId, orgId), eq(units.parentId, id))).get()
  return row?.n ?? 0
}
