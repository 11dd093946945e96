/** Balance index, flags and relative strengths and weaknesses (docs/model.md §2.8–§2.9). */
import type { BalanceFlag } from '../../schema/enums'
import { round9 } from './round'
import type { Score } from './types'

/** Balance flags fire at exactly ±10 too. */
export const BALANCE_LIMIT = 10

/** INN % − EFF %, or null when either is null (full precision; flags round it). */
export function balanceIndex(innovation: number | null, efficiency: number | null): number | null {
  return innovation === null || efficiency === null ? null : innovation - efficiency
}

/** `efficiency_creep` at ≤ −10, `innovation_without_base` at ≥ +10, after rounding to 9 decimals. */
export function balanceFlags(balance: number | null): BalanceFlag[] {
  if (balance === null) return []
  const b = round9(balance)
  if (b <= -BALANCE_LIMIT) return ['efficiency_creep']
  if (b >= BALANCE_LIMIT) return ['innovation_without_base']
  return []
}

/** Ids of the up to three highest (strengths) and lowest (weaknesses, lowest first) non-null
 *  factors, ties by instrument order; with fewer than six shown factors the lists may overlap. */
export function strengthsAndWeaknesses(factors: readonly Score[]): {
  strengths: string[]
  weaknesses: string[]
} {
  const shown = factors
    .map((f, index) => ({ id: f.id, value: f.percent === null ? null : round9(f.percent), index }))
    .filter((f): f is { id: string; value: number; index: number } => f.value !== null)
  const strengths = [...shown].sort((a, b) => b.value - a.value || a.index - b.index)
  const weaknesses = [...shown].sort((a, b) => a.value - b.value || a.index - b.index)
  return {
    strengths: strengths.slice(0, 3).map((f) => f.id),
    weaknesses: weaknesses.slice(0, 3).map((f) => f.id),
  }
}
