/** The respondent sets behind category, dimension and overall cells (docs/model.md §2.6, §4). */
import type { FormLayout } from '../layout'

/** Ids of the levels above the factors, in the order levelValues fills them. */
export function upperLevelIds(layout: FormLayout): string[] {
  return [...layout.categories.map((c) => c.id), ...layout.dimensions.map((d) => d.id), 'overall']
}

/**
 * Whether respondent r has a score at each upper level when its group shows the factors marked in
 * `shown`: a category score needs a qualifying shown factor of the category, a dimension score a
 * category score in it, the overall score every dimension, exactly as the scoring computes them.
 * Writes 1 or 0 into `out` (categories, then dimensions, then overall).
 */
export function levelValues(layout: FormLayout, matrix: Float64Array, r: number, shown: readonly boolean[], out: Uint8Array): void {
  const F = layout.factors.length
  const C = layout.categories.length
  layout.categories.forEach((cat, c) => {
    out[c] = cat.factorIdx.some((f) => shown[f] && matrix[r * F + f] === matrix[r * F + f]) ? 1 : 0
  })
  let all = 1
  layout.dimensions.forEach((dim, d) => {
    const has = dim.categoryIdx.some((c) => out[c] === 1) ? 1 : 0
    out[C + d] = has
    all &= has
  })
  out[C + layout.dimensions.length] = all
}
