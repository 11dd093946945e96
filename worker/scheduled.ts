import type { Bindings } from './env'
import { createDb, type Db } from './db/client'
import { listStalePendingOrgIds } from './db/organisations'
import { deleteOrganisationCascade } from './db/org-delete'

export const PENDING_ORG_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000

/**
 * Periodic work the features bring (re-queuing stuck mail, closing overdue rounds, …), listed in
 * order by wiring.ts.
 */
export const SCHEDULED_TASKS: ((env: Bindings, now: number) => Promise<void>)[] = []

/** Removes organisations whose owner never signed in within 7 days of signing up. */
export async function removeStalePendingOrgs(db: Db, now: number): Promise<void> {
  const stale = await listStalePendingOrgIds(db, new Date(now - PENDING_ORG_LIFETIME_MS).toISOString())
  for (const id of stale) await deleteOrganisationCascade(db, id)
}

/** The cron backstop: removes organisations never activated within 7 days, then the features' tasks. */
export async function runScheduled(env: Bindings, now: number): Promise<void> {
  await removeStalePendingOrgs(createDb(env.DB), now)
  // One failing task (a provider down, a bad row) must not hold back the others.
  for (const task of SCHEDULED_TASKS) {
    try {
      await task(env, now)
    } catch (err) {
      console.error(JSON.stringify({ scheduled: task.name, error: String(err) }))
    }
  }
}
