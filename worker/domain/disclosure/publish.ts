/**
 * The published cells of a closed round: the overall results and every breakdown, suppressed as
 * one system (docs/model.md §4). This is the one computation the stored results hold, so the
 * results, breakdowns, trends, benchmark, exports, recommendations and the competence plan all
 * read the same shown and hidden cells.
 */
import type { Form, HiddenReason } from '../../../schema/enums'
import type { Instrument } from '../../../schema/instruments'
import { partitionIndices, type BreakdownBy } from '../breakdown'
import { formLayout, type FormLayout } from '../layout'
import { compareCodePoints } from '../round'
import { MIN_K, resultsFromScan } from '../results'
import { scanResponses, scoreSetFromMatrix } from '../scoring'
import type { AnyResponse, Group, RoundResults, Score, ScoreSet } from '../types'
import { suppress, type Tabulation } from './atoms'
import { levelValues, upperLevelIds } from './levels'

/** Every breakdown a round publishes, in the order of the tabulations after the organisation. */
export const BREAKDOWNS = ['role', 'unit'] as const satisfies readonly BreakdownBy[]

export interface PublishedRound {
  results: RoundResults
  breakdowns: Record<BreakdownBy, Group[]>
}

/** A tabulation's groups: tabulation 0 is the whole organisation (one group), then BREAKDOWNS. */
interface Groups {
  ids: string[]
  groupOf: Int32Array
  rank: number[]
  hidden: (HiddenReason | null)[]
  members: number[][]
}

function groupsOf(responses: readonly AnyResponse[]): Groups[] {
  const R = responses.length
  const all = Array.from({ length: R }, (_, i) => i)
  const parts = [[{ id: 'overall', members: all }], ...BREAKDOWNS.map((by) => partitionIndices(responses, by))]
  return parts.map((groups) => {
    const groupOf = new Int32Array(R).fill(-1)
    groups.forEach((g, i) => g.members.forEach((r) => (groupOf[r] = i)))
    const ids = groups.map((g) => g.id)
    const byId = [...ids].sort(compareCodePoints)
    return { ids, groupOf, rank: ids.map((id) => byId.indexOf(id)), hidden: ids.map(() => null), members: groups.map((g) => g.members) }
  })
}

/** One level's tabulations: a respondent counts in its group's cell when `has(r)`; the cells of
 *  hidden groups start hidden. */
function levelTabs(groups: readonly Groups[], has: (t: number, r: number) => boolean): Tabulation[] {
  return groups.map((g, t) => ({
    cellOf: g.groupOf.map((c, r) => (c >= 0 && has(t, r) ? c : -1)),
    hidden: g.hidden.slice(),
    rank: g.rank,
  }))
}

/** The factor rows of a group's members, in their order (the scoring sums in that order). */
function rowsOf(matrix: Float64Array, F: number, members: readonly number[]): Float64Array {
  const out = new Float64Array(members.length * F)
  members.forEach((r, i) => out.set(matrix.subarray(r * F, r * F + F), i * F))
  return out
}

/** The score as published: a hidden cell has no percent and no interval, and says why. */
function withReason(s: Score, reason: HiddenReason | null | undefined): Score {
  if (reason) return { id: s.id, percent: null, ci: null, n: s.n, suppressed: true, hidden: reason }
  return s.suppressed ? { ...s, hidden: 'below_k' } : s
}

function annotate<T extends ScoreSet>(set: T, factorHidden: readonly (HiddenReason | null)[], upperHidden: Map<string, HiddenReason>): T {
  return {
    ...set,
    overall: withReason(set.overall, upperHidden.get('overall')),
    dimensions: set.dimensions.map((s) => withReason(s, upperHidden.get(s.id))),
    categories: set.categories.map((s) => withReason(s, upperHidden.get(s.id))),
    factors: set.factors.map((s, f) => withReason(s, factorHidden[f])),
  }
}

/**
 * Publishes a round with threshold k (raised to 3) from its submitted responses (caller checks
 * hasResults). Order of the system: whole groups (their respondent counts), then each factor's
 * cells (whose respondents differ by "don't know"), then each upper level over the respondents
 * that have a score there; a hidden factor drops out of its group's upper levels, and an upper
 * cell that fails the atom rule hides its whole group. Hiding only ever merges atoms, so a level
 * that held keeps holding while later levels hide more.
 */
export function publishRound(instrument: Instrument, form: Form, k: number, responses: readonly AnyResponse[]): PublishedRound {
  const kk = Math.max(MIN_K, k)
  const layout = formLayout(instrument, form)
  const F = layout.factors.length
  const scan = scanResponses(layout, responses)
  const { matrix } = scan
  const groups = groupsOf(responses)

  suppress(
    groups.map((g) => ({ cellOf: g.groupOf, hidden: g.hidden, rank: g.rank })),
    kk,
  )

  // factorHidden[t][group][factor]: why the group's factor cell is hidden, or null.
  const factorHidden = groups.map((g) => g.ids.map(() => Array.from({ length: F }, (): HiddenReason | null => null)))
  for (let f = 0; f < F; f++) {
    const tabs = levelTabs(groups, (_, r) => matrix[r * F + f] === matrix[r * F + f])
    suppress(tabs, kk)
    tabs.forEach((tab, t) => tab.hidden.forEach((reason, g) => (factorHidden[t][g][f] = reason)))
  }

  const upperHidden = groups.map((g) => g.ids.map(() => new Map<string, HiddenReason>()))
  publishUpperLevels(layout, matrix, groups, factorHidden, upperHidden, kk)

  const scored = (t: number, g: number): ScoreSet => {
    const members = groups[t].members[g]
    const withheld = new Set<number>()
    factorHidden[t][g].forEach((reason, f) => reason && withheld.add(f))
    return scoreSetFromMatrix(layout, rowsOf(matrix, F, members), members.length, kk, withheld)
  }
  const results = annotate(resultsFromScan(instrument, layout, scan, responses.length, kk), factorHidden[0][0], upperHidden[0][0])
  const breakdowns = Object.fromEntries(
    BREAKDOWNS.map((by, i) => {
      const t = i + 1
      const list: Group[] = groups[t].ids.map((id, g) => {
        const reason = groups[t].hidden[g]
        return reason ? { id, suppressed: true as const, hidden: reason } : { id, ...annotate(scored(t, g), factorHidden[t][g], upperHidden[t][g]) }
      })
      return [by, list]
    }),
  ) as Record<BreakdownBy, Group[]>
  return { results, breakdowns }
}

/** The upper levels of every shown group (categories, dimensions, overall), one system each. */
function publishUpperLevels(
  layout: FormLayout,
  matrix: Float64Array,
  groups: Groups[],
  factorHidden: readonly (HiddenReason | null)[][][],
  upperHidden: Map<string, HiddenReason>[][],
  k: number,
): void {
  const ids = upperLevelIds(layout)
  const R = matrix.length / layout.factors.length
  // values[t][r * L + level]: whether r has a score at the level in its group of tabulation t.
  const L = ids.length
  const values = groups.map((g, t) => {
    const out = new Uint8Array(R * L)
    const shown = g.ids.map((_, c) => factorHidden[t][c].map((reason) => reason === null))
    for (let r = 0; r < R; r++) {
      const c = g.groupOf[r]
      if (c >= 0 && g.hidden[c] === null) levelValues(layout, matrix, r, shown[c], out.subarray(r * L, r * L + L))
    }
    return out
  })
  for (let level = 0; level < L; level++) {
    const tabs = levelTabs(groups, (t, r) => values[t][r * L + level] === 1)
    const differencing = suppress(tabs, k)
    for (const { t, c } of differencing) groups[t].hidden[c] = 'differencing'
    tabs.forEach((tab, t) =>
      tab.hidden.forEach((reason, c) => {
        if (reason === 'below_k' && groups[t].hidden[c] === null) upperHidden[t][c].set(ids[level], reason)
      }),
    )
  }
}

/** One breakdown's groups as the round publishes them: hidden ones as `{ id, suppressed, hidden }`,
 *  shown ones scored with the organisation's k, suppressed together with the other breakdown and
 *  the whole organisation. */
export function breakdown(instrument: Instrument, form: Form, k: number, responses: readonly AnyResponse[], by: BreakdownBy): Group[] {
  return publishRound(instrument, form, k, responses).breakdowns[by]
}
