import { ORG_SETTINGS_HOOKS, RESULTS_STORED_HOOKS, UNIT_IN_USE_CHECKS } from '../hooks'
import { refreshBenchmarkEntries, refreshEntryProfile } from './benchmark/entries'
import { SCHEDULED_TASKS } from '../scheduled'
import { unitHasRespondents } from '../db/respondents'
import { closeOverdueRounds, keepClosedRounds, recomputeResults } from './rounds/lifecycle'

/**
 * How assessment rounds hook into features that must not know them: a unit with respondents
 * cannot be deleted; a new anonymity threshold recomputes every closed round's stored results
 * from its kept bodies (raising k hides more, never less); the cron closes overdue rounds and
 * keeps the results of closed rounds not kept yet.
 */
UNIT_IN_USE_CHECKS.push((c, orgId, unitId) => unitHasRespondents(c.get('db'), orgId, unitId))

ORG_SETTINGS_HOOKS.push(async (c, before, after) => {
  if (before.anonymityThreshold !== after.anonymityThreshold) await recomputeResults(c.get('db'), after.id, after.anonymityThreshold)
})

SCHEDULED_TASKS.push(closeOverdueRounds, keepClosedRounds)

// The benchmark entries follow the stored results (any close, a new k) and the profile. The
// k hook above runs first (registration order), so its recompute has already refreshed them.
RESULTS_STORED_HOOKS.push(refreshBenchmarkEntries)
ORG_SETTINGS_HOOKS.push((c, before, after) => refreshEntryProfile(c.get('db'), before, after))
