import type { Context } from 'hono'
import type { AppEnv } from './env'
import type { OrgRow } from './db/organisations'
import type { Db } from './db/client'
import type { AssessmentRow } from './db/assessments'

/**
 * Reactions of later features to organisation changes, listed in wiring.ts (e.g. a new
 * anonymity threshold recomputes stored results) so the organisation routes need not know them.
 */
export const ORG_SETTINGS_HOOKS: ((c: Context<AppEnv>, before: OrgRow, after: OrgRow) => Promise<void>)[] = []
export const ORG_DELETE_HOOKS: ((c: Context<AppEnv>, org: OrgRow) => Promise<void>)[] = []

/** Checks that keep a unit from being deleted while something refers to it (respondents). */
export const UNIT_IN_USE_CHECKS: ((c: Context<AppEnv>, orgId: string, unitId: string) => Promise<boolean>)[] = []

/**
 * Reactions to a change of an organisation's stored results (a round closed by any path, or
 * recomputed for a new threshold), e.g. the benchmark entry. They get the database only: the cron
 * closes rounds without a request.
 */
export const RESULTS_STORED_HOOKS: ((db: Db, orgId: string) => Promise<void>)[] = []
/** A change in a round's life that later features (webhooks) react to. */
export interface RoundEvent {
  type: 'assessment.opened' | 'assessment.closed' | 'response.submitted'
  round: AssessmentRow
}

/**
 * Reactions to round events, listed in wiring.ts. They take only the database: a round
 * also closes lazily on read and from the cron, where no request context exists.
 */
export const ROUND_EVENT_HOOKS: ((db: Db, event: RoundEvent) => Promise<void>)[] = []

/** Runs the round event hooks; a failing reaction is logged and never undoes or fails the change. */
export async function emitRoundEvent(db: Db, event: RoundEvent): Promise<void> {
  for (const hook of ROUND_EVENT_HOOKS) {
    try {
      await hook(db, event)
    } catch (err) {
      console.error(JSON.stringify({ roundEvent: event.type, assessment: event.round.id, error: String(err) }))
    }
  }
}
