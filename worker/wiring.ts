import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './env'
import { ORG_SETTINGS_HOOKS, RESULTS_STORED_HOOKS, ROUND_EVENT_HOOKS, UNIT_IN_USE_CHECKS } from './hooks'
import { SCHEDULED_TASKS } from './scheduled'
import { unitHasRespondents } from './db/respondents'
import { later } from './lib/background'
import { closeOverdueRounds, keepClosedRounds, recomputeResults } from './services/rounds/lifecycle'
import { refreshBenchmarkEntries, refreshEntryProfile } from './services/benchmark/entries'
import { sweepOutbox } from './services/mail/sweep'
import { dueByDb, onRoundEvent } from './services/webhooks/fan-out'
import { deliverDue, deliverWebhooks } from './services/webhooks/delivery'

/**
 * How the features plug into the app, in order: the hook lists stay in hooks.ts and scheduled.ts
 * so that the code raising a change need not know who reacts to it; this file, imported once by
 * index.ts, is the one place that fills them. Within a list, reactions run top-down as written.
 */

// A unit with respondents cannot be deleted.
UNIT_IN_USE_CHECKS.push((c, orgId, unitId) => unitHasRespondents(c.get('db'), orgId, unitId))

// A new anonymity threshold recomputes every closed round's stored results from its kept bodies
// (raising k hides more, never less). It runs before the profile hook below, so its recompute
// has already refreshed the benchmark entries.
ORG_SETTINGS_HOOKS.push(async (c, before, after) => {
  if (before.anonymityThreshold !== after.anonymityThreshold) await recomputeResults(c.get('db'), after.id, after.anonymityThreshold)
})

// The benchmark entries follow the stored results (any close, a new k) and the profile.
RESULTS_STORED_HOOKS.push(refreshBenchmarkEntries)
ORG_SETTINGS_HOOKS.push((c, before, after) => refreshEntryProfile(c.get('db'), before, after))

// Round events fan out to the organisation's webhooks.
ROUND_EVENT_HOOKS.push(onRoundEvent)

// The cron, after removing never-activated organisations: re-queue round mail stuck in the
// outbox, close overdue rounds, keep the results of closed rounds not kept yet, deliver due webhooks.
SCHEDULED_TASKS.push(sweepOutbox, closeOverdueRounds, keepClosedRounds, deliverWebhooks)

/**
 * After a request that raised events, attempts their deliveries at once, after the response
 * (waitUntil). Events raised without a request (the cron's closes) and every retry are the
 * cron's, within the minute.
 */
export const deliverRaisedWebhooks: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  const db = c.get('db')
  const ids = dueByDb.get(db)
  if (!ids) return
  dueByDb.delete(db)
  await later(c, deliverDue(c.env, db, Date.now(), ids))
}
