import type { Context } from 'hono'
import type { AppEnv } from '../../env'
import type { OrgRow } from '../../db/organisations'
import { getInstrument, allFactors } from '../../../schema/instruments'
import { benchmarkFor } from './compute'

/**
 * The peer targets of docs/model.md §6.1: the p75 per factor id of the `all` peer group when that
 * group is shown to this organisation for this round (a closed round with results, the
 * organisation sharing, at least 10 verified organisations), else null. A factor whose statistics
 * are null (fewer than 10 values) maps to null, so the caller falls back to 75.
 */
export async function peerP75(c: Context<AppEnv>, org: OrgRow, assessmentId: string): Promise<Record<string, number | null> | null> {
  const outcome = await benchmarkFor(c, org, assessmentId)
  if (!outcome?.ok) return null
  const all = outcome.groups.find((g) => g.group === 'all')
  if (!all || !('scores' in all)) return null
  const factorIds = new Set(allFactors(getInstrument(outcome.instrumentVersion)!).map((f) => f.id))
  const out: Record<string, number | null> = {}
  for (const s of all.scores) if (factorIds.has(s.id)) out[s.id] = s.p75
  return out
}
