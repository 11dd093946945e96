import type { Form } from '../../schema/enums'
import { getInstrument } from '../../schema/instruments'
import type { AggregateRow } from '../db/aggregates'
import {
  aggregateRound, BREAKDOWNS, resultsFromAggregate,
  type AnyResponse, type BreakdownBy, type GroupAggregate, type RoundAggregate, type SetAggregate,
} from '../domain'

/**
 * How a frozen round's aggregates are stored: the round's row holds the threshold at close, the
 * don't-know counts per item, the round's own aggregates and the ids of every breakdown group in
 * order (those hidden at close are listed by id only, as the results list them); each group shown
 * at close has its own row. A round without results at close keeps only its count.
 */
interface RoundData {
  k: number
  round?: SetAggregate
  dontKnowItems?: number[]
  groups?: Record<BreakdownBy, string[]>
}

interface GroupData {
  hiddenFrom: number | null
  aggregate: SetAggregate
}

function instrumentOf(version: string) {
  const instrument = getInstrument(version)
  if (!instrument) throw new Error(`unknown instrument ${version}`)
  return instrument
}

/** The aggregates of a round's submitted responses frozen at threshold k, as rows. */
export function freezeToRows(version: string, form: Form, k: number, responses: readonly AnyResponse[]): AggregateRow[] {
  const agg = aggregateRound(instrumentOf(version), form, k, responses)
  const round: RoundData = agg.round
    ? { k: agg.k, round: agg.round, dontKnowItems: agg.dontKnowItems, groups: { role: agg.breakdowns.role.map((g) => g.id), unit: agg.breakdowns.unit.map((g) => g.id) } }
    : { k: agg.k }
  const rows: AggregateRow[] = [{ breakdown: 'round', groupId: '', n: agg.n, data: JSON.stringify(round) }]
  for (const by of BREAKDOWNS) {
    for (const g of agg.breakdowns[by]) {
      if ('hidden' in g) continue
      rows.push({ breakdown: by, groupId: g.id, n: g.aggregate.n, data: JSON.stringify({ hiddenFrom: g.hiddenFrom, aggregate: g.aggregate } satisfies GroupData) })
    }
  }
  return rows
}

/** The round's aggregates read back from its rows, or undefined before its freeze. */
export function aggregateFromRows(rows: readonly AggregateRow[]): RoundAggregate | undefined {
  const top = rows.find((r) => r.breakdown === 'round')
  if (!top) return undefined
  const data = JSON.parse(top.data) as RoundData
  const shown = new Map(rows.filter((r) => r.breakdown !== 'round').map((r) => [`${r.breakdown}|${r.groupId}`, JSON.parse(r.data) as GroupData]))
  const groups = (by: BreakdownBy): GroupAggregate[] =>
    (data.groups?.[by] ?? []).map((id) => {
      const g = shown.get(`${by}|${id}`)
      return g ? { id, ...g } : { id, hidden: true as const }
    })
  return { k: data.k, n: top.n, round: data.round ?? null, dontKnowItems: data.dontKnowItems ?? [], breakdowns: { role: groups('role'), unit: groups('unit') } }
}

/** What the results row stores: everything the results endpoint answers, for one k. */
export interface StoredResults {
  k: number
  n: number
  /** null below the threshold: nothing is computed that could later leak. */
  body: string | null
}

/** A frozen round's results and both breakdowns for the organisation's threshold k (scored with
 *  k, or with the k of the freeze when that is higher). */
export function storedResultsFrom(version: string, form: Form, agg: RoundAggregate, k: number): StoredResults {
  const body = resultsFromAggregate(instrumentOf(version), form, agg, k)
  return { k, n: agg.n, body: body ? JSON.stringify(body) : null }
}
