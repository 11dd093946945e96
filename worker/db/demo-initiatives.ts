import { initiatives } from '../../schema/tables'
import type { Db } from './client'
import type { NewInitiativeRow } from './initiatives'

type Batch = Parameters<Db['batch']>[0]

/** Inserts the rows whose ids are not there yet (one statement each, in one batch: a row has
 *  more columns than fit several under the 100-parameter cap). */
export async function ensureInitiatives(db: Db, rows: NewInitiativeRow[]): Promise<void> {
  if (rows.length === 0) return
  await db.batch(rows.map((r) => db.insert(initiatives).values(r).onConflictDoNothing()) as unknown as Batch)
}
