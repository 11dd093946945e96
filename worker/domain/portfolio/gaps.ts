/** Targets, gaps and weights per factor (docs/model.md §6.1–§6.3). */
import type { BalanceFlag, QuadrantType } from '../../../schema/enums'
import type { Instrument } from '../../../schema/instruments'
import { allFactors } from '../../../schema/instruments'
import { round9 } from '../round'

/** Target when neither the organisation nor the peer group gives one. */
export const DEFAULT_TARGET = 75
/** Weight of a factor in an emphasised category, and of any other factor. */
export const EMPHASIS_WEIGHT = 1.5
export const BASE_WEIGHT = 1

export interface FactorGap {
  factorId: string
  score: number | null
  target: number
  gap: number
  weight: number
}

/** Target per factor: the organisation's own, else the shown `all` group's non-null p75, else 75. */
export function factorTarget(
  factorId: string,
  targets: Readonly<Record<string, number>>,
  peerP75: Readonly<Record<string, number | null>> | null,
): number {
  const own = targets[factorId]
  if (typeof own === 'number') return own
  const peer = peerP75?.[factorId]
  if (typeof peer === 'number') return peer
  return DEFAULT_TARGET
}

/** Gap in percentage points: max(0, target − score), 0 for a suppressed (null) score. */
export function factorGap(score: number | null, target: number): number {
  return score === null ? 0 : Math.max(0, target - score)
}

/** Category ids emphasised by the type and flags: A → DA and BAL, B → INN and BAL, C → DA, D →
 *  the lowest non-null category of each dimension (all tied lowest, rounded), null type → none;
 *  efficiency_creep adds INN and innovation_without_base adds EFF. */
export function emphasisedCategories(
  instrument: Instrument,
  type: QuadrantType | null,
  flags: readonly BalanceFlag[],
  categoryPercents: Readonly<Record<string, number | null>>,
): Set<string> {
  const out = new Set<string>()
  const legacy = instrument.dimensions.find((d) => d.id === 'DA')?.categories.map((c) => c.id) ?? []
  if (type === 'A') for (const id of [...legacy, 'BAL']) out.add(id)
  if (type === 'B') for (const id of ['INN', 'BAL']) out.add(id)
  if (type === 'C') for (const id of legacy) out.add(id)
  if (type === 'D') {
    for (const d of instrument.dimensions) {
      const shown = d.categories
        .map((c) => ({ id: c.id, p: categoryPercents[c.id] ?? null }))
        .filter((c): c is { id: string; p: number } => c.p !== null)
      if (shown.length === 0) continue
      const lowest = Math.min(...shown.map((c) => round9(c.p)))
      for (const c of shown) if (round9(c.p) === lowest) out.add(c.id)
    }
  }
  if (flags.includes('efficiency_creep')) out.add('INN')
  if (flags.includes('innovation_without_base')) out.add('EFF')
  return out
}

/** Score, target, gap and weight of every factor in instrument order. */
export function factorGaps(
  instrument: Instrument,
  factorPercents: Readonly<Record<string, number | null>>,
  emphasised: ReadonlySet<string>,
  targets: Readonly<Record<string, number>>,
  peerP75: Readonly<Record<string, number | null>> | null,
): FactorGap[] {
  return instrument.dimensions.flatMap((d) =>
    d.categories.flatMap((c) =>
      c.factors.map((f) => {
        const score = factorPercents[f.id] ?? null
        const target = factorTarget(f.id, targets, peerP75)
        return {
          factorId: f.id,
          score,
          target,
          gap: factorGap(score, target),
          weight: emphasised.has(c.id) ? EMPHASIS_WEIGHT : BASE_WEIGHT,
        }
      }),
    ),
  )
}

/** Factor ids in instrument order (for stable sorting of uncovered gaps). */
export function factorOrder(instrument: Instrument): Map<string, number> {
  return new Map(allFactors(instrument).map((f, i) => [f.id, i]))
}
