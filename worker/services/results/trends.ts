import type { Db } from '../../db/client'
import type { OrgRow } from '../../db/organisations'
import { listTrendRows, type TrendRow } from '../../db/trends'
import { findResults } from '../../db/results'
import type { ScoreSet } from '../../domain'
import type { TrendItem } from '../../../schema/api/insights'
import { refreshResults, roundK, settleRound } from '../rounds/lifecycle'

export type { TrendItem }

/**
 * Rows as they should be: an overdue open round is closed first (the lazy close), and a round
 * whose stored results are missing or for another k (its own, model.md §4) is repaired from its kept bodies, as the
 * results route does. Both are rare; the common case is the one query.
 */
async function settledRows(db: Db, org: OrgRow): Promise<TrendRow[]> {
  const now = Date.now()
  const rows = await listTrendRows(db, org.id, new Date(now).toISOString())
  const stale = rows.filter((r) => r.round.status !== 'closed' || r.k !== roundK(r.round, org.anonymityThreshold))
  if (stale.length === 0) return rows
  for (const r of stale) {
    const round = await settleRound(db, r.round, org.anonymityThreshold, now)
    if (round.status !== 'closed') continue
    if (r.round.status === 'closed') await refreshResults(db, round, org.anonymityThreshold)
    const stored = await findResults(db, org.id, round.id)
    Object.assign(r, { round, k: stored?.k ?? null, body: stored?.body ?? null })
  }
  return rows
    .filter((r) => r.round.status === 'closed')
    .sort((a, b) => (a.round.closedAt! < b.round.closedAt! ? -1 : a.round.closedAt! > b.round.closedAt! ? 1 : a.round.id < b.round.id ? -1 : a.round.id > b.round.id ? 1 : 0))
}

/** Percent by id at every level. */
function percents(s: ScoreSet): Map<string, number | null> {
  return new Map([s.overall, ...s.dimensions, ...s.categories, ...s.factors].map((x) => [x.id, x.percent]))
}

/**
 * The organisation's closed rounds by closedAt ascending. A round below the threshold is only
 * `{ assessmentId, closedAt, suppressed: true }`. `change` holds percentage points against the
 * previous SHOWN round of the same instrument version and form (every id null when there is
 * none; null where either value is null): rounds on different versions or forms never compare.
 */
export async function trendsOf(db: Db, org: OrgRow): Promise<TrendItem[]> {
  const previous = new Map<string, Map<string, number | null>>()
  const items: TrendItem[] = []
  for (const { round, body } of await settledRows(db, org)) {
    const closedAt = round.closedAt!
    if (!body) {
      items.push({ assessmentId: round.id, closedAt, suppressed: true })
      continue
    }
    const results = (JSON.parse(body) as { results: ScoreSet }).results
    const now = percents(results)
    const key = `${round.instrumentVersion}\u0000${round.form}`
    const before = previous.get(key)
    const change: Record<string, number | null> = {}
    for (const [id, value] of now) {
      const old = before?.get(id)
      change[id] = value === null || old === null || old === undefined ? null : value - old
    }
    previous.set(key, now)
    items.push({
      assessmentId: round.id, name: round.name, closedAt, instrumentVersion: round.instrumentVersion, form: round.form,
      n: results.n, overall: results.overall, dimensions: results.dimensions, categories: results.categories, factors: results.factors, change,
    })
  }
  return items
}
