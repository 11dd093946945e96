/** Ranking, budget portfolio and uncovered gaps: the recommendations body of docs/api.md. */
import type { BalanceFlag, QuadrantType } from '../../../schema/enums'
import { ACTIVE_INITIATIVE_STATUSES } from '../../../schema/enums'
import type { Instrument } from '../../../schema/instruments'
import { compareCodePoints, round9 } from '../round'
import { emphasisedCategories, factorGaps, factorOrder } from './gaps'
import type { FactorGap } from './gaps'
import { scoreInitiative } from './initiative-score'
import { optimisePortfolio } from './optimiser'
import type { Candidate } from './optimiser'
import { suggestionsFor } from './suggestions'
import type {
  Band,
  Bands,
  Explanation,
  Initiative,
  LeftOutReason,
  Portfolio,
  RankedInitiative,
  Recommendations,
  UncoveredGap,
} from './types'

/** Default innovation-share bands per type (fractions, inclusive), adjustable per organisation. */
export const DEFAULT_BANDS: Bands = {
  A: { min: 0.2, max: 0.5 },
  B: { min: 0.3, max: 0.6 },
  C: { min: 0.2, max: 0.5 },
  D: { min: 0.3, max: 0.7 },
}
/** A round without a type accepts any innovation share. */
export const NO_TYPE_BAND: Band = { min: 0, max: 1 }

/** The band for a type: the organisation's override for that type, else the default. */
export function bandFor(type: QuadrantType | null, bands?: Partial<Bands> | null): Band {
  if (type === null) return NO_TYPE_BAND
  return bands?.[type] ?? DEFAULT_BANDS[type]
}

/** Whether the initiative takes part in ranking and portfolio (idea, planned, ongoing). */
export function isActive(i: Initiative): boolean {
  return (ACTIVE_INITIATIVE_STATUSES as readonly string[]).includes(i.status)
}

/** The cost when usable by the optimiser (a positive number), else null (`no_cost`). */
export function usableCost(i: Initiative): number | null {
  return typeof i.cost === 'number' && i.cost > 0 ? i.cost : null
}

export interface RecommendationInput {
  readonly instrument: Instrument
  /** The round's results (RoundResults fits): factor and category percents, type and flags. */
  readonly results: {
    readonly factors: readonly { readonly id: string; readonly percent: number | null }[]
    readonly categories: readonly { readonly id: string; readonly percent: number | null }[]
    readonly type: QuadrantType | null
    readonly flags: readonly BalanceFlag[]
  }
  /** The organisation's own targets per factor id (percent). */
  readonly targets?: Readonly<Record<string, number>>
  /** p75 per factor id of the `all` peer group when shown to this organisation, else null. */
  readonly peerP75?: Readonly<Record<string, number | null>> | null
  readonly initiatives: readonly Initiative[]
  /** Whole SEK; the portfolio is computed only when a budget is given. */
  readonly budget?: number | null
  readonly bands?: Partial<Bands> | null
}

interface Scored {
  initiative: Initiative
  score: number
  explanation: Explanation
}

function leftOutReason(s: Scored, portfolio: Omit<Portfolio, 'leftOut'>, budget: number): LeftOutReason {
  const cost = usableCost(s.initiative)
  if (s.initiative.pin === 'out') return 'pinned_out'
  if (cost === null) return 'no_cost'
  if (round9(s.score) === 0) return 'no_open_gap'
  if (!portfolio.budgetMet || portfolio.totalCost + cost > budget) return 'budget'
  // It fits the budget left over and would add score: only the band keeps it out.
  return 'band'
}

/** Recommendations for a closed round with results: active initiatives ranked by Score (ties by
 *  title in code-point order, then id), the others excluded with their status, the optimal
 *  portfolio when a budget is given, and weighted gaps no active initiative addresses. */
export function recommend(input: RecommendationInput): Recommendations {
  const { instrument, results, initiatives } = input
  const factorPercents = Object.fromEntries(results.factors.map((f) => [f.id, f.percent]))
  const categoryPercents = Object.fromEntries(results.categories.map((c) => [c.id, c.percent]))
  const emphasised = emphasisedCategories(instrument, results.type, results.flags, categoryPercents)
  const gaps = factorGaps(instrument, factorPercents, emphasised, input.targets ?? {}, input.peerP75 ?? null)
  const gapById = new Map<string, FactorGap>(gaps.map((g) => [g.factorId, g]))

  const active: Scored[] = initiatives
    .filter(isActive)
    .map((initiative) => ({ initiative, ...scoreInitiative(initiative, gapById) }))
    .sort(
      (a, b) =>
        round9(b.score) - round9(a.score) ||
        compareCodePoints(a.initiative.title, b.initiative.title) ||
        compareCodePoints(a.initiative.id, b.initiative.id),
    )
  const ranking: RankedInitiative[] = active.map((s) => {
    const cost = usableCost(s.initiative)
    return {
      initiativeId: s.initiative.id,
      score: s.score,
      ratio: cost === null ? null : s.score / cost,
      explanation: s.explanation,
    }
  })
  const excluded = initiatives
    .filter((i) => !isActive(i))
    .map((i) => ({ initiativeId: i.id, reason: i.status }))

  const out: Recommendations = { ranking, excluded, uncoveredGaps: uncoveredGaps(instrument, gaps, initiatives) }
  if (typeof input.budget === 'number') {
    const budget = input.budget
    const candidates: Candidate[] = active.flatMap((s) => {
      const cost = usableCost(s.initiative)
      if (cost === null || s.initiative.pin === 'out') return []
      return [
        {
          id: s.initiative.id,
          cost,
          innovation: s.initiative.kind === 'innovation',
          score: s.score,
          pinnedIn: s.initiative.pin === 'in',
        },
      ]
    })
    const best = optimisePortfolio(candidates, budget, bandFor(results.type, input.bands))
    const chosen = new Set(best.ids)
    const portfolio = {
      initiativeIds: best.ids,
      totalCost: best.totalCost,
      totalScore: best.totalScore,
      innovationShare: best.innovationShare,
      bandMet: best.bandMet,
      budgetMet: best.budgetMet,
      exact: best.exact,
      optimalityGap: best.optimalityGap,
    }
    out.portfolio = {
      ...portfolio,
      leftOut: active
        .filter((s) => !chosen.has(s.initiative.id))
        .map((s) => ({ initiativeId: s.initiative.id, reason: leftOutReason(s, portfolio, budget) })),
    }
  }
  return out
}

/** Factors with w·g > 0 (rounded) that no active initiative lists, by w·g descending then
 *  instrument order, each with suggested kinds of action. */
export function uncoveredGaps(
  instrument: Instrument,
  gaps: readonly FactorGap[],
  initiatives: readonly Initiative[],
): UncoveredGap[] {
  const covered = new Set(initiatives.filter(isActive).flatMap((i) => i.factors.map((f) => f.factorId)))
  const order = factorOrder(instrument)
  return gaps
    .filter((g) => round9(g.weight * g.gap) > 0 && !covered.has(g.factorId))
    .sort(
      (a, b) =>
        round9(b.weight * b.gap) - round9(a.weight * a.gap) ||
        (order.get(a.factorId) ?? 0) - (order.get(b.factorId) ?? 0),
    )
    .map((g) => ({ factorId: g.factorId, gap: g.gap, weight: g.weight, suggestions: suggestionsFor(g.factorId) }))
}
