import { drizzle } from 'drizzle-orm/d1'
import * as schema from '../../schema/tables'

/** A drizzle handle over the request's D1 binding. */
export function createDb(d1: D1Database) {
  return drizzle(d1, { schema })
}

export type Db = ReturnType<typeof createDb>

/** D1 binds at most 100 parameters per statement: split multi-row inserts accordingly. */
export function chunk<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

/** Whether a failed statement broke a unique index (drizzle wraps D1's error as `cause`). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if (String((e as { message?: unknown }).message ?? e).includes('UNIQUE')) return true
  }
  return false
}
