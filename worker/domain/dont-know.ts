/** Don't-know shares per item and factor (docs/model.md §2.10). */
import type { FormLayout } from './layout'

/** Shares from don't-know counts per form item (instrument order, as scanResponses counts them). */
export function dontKnowFromCounts(
  layout: FormLayout,
  counts: Int32Array,
  n: number,
): {
  dontKnow: { itemId: string; share: number }[]
  dontKnowFactors: { factorId: string; share: number }[]
} {
  const dontKnow: { itemId: string; share: number }[] = []
  const dontKnowFactors: { factorId: string; share: number }[] = []
  let item = 0
  for (const factor of layout.factors) {
    let factorCount = 0
    for (const itemId of factor.itemIds) {
      const count = counts[item++]
      factorCount += count
      dontKnow.push({ itemId, share: n === 0 ? 0 : count / n })
    }
    const m = factor.itemIds.length
    dontKnowFactors.push({ factorId: factor.id, share: n === 0 || m === 0 ? 0 : factorCount / (n * m) })
  }
  return { dontKnow, dontKnowFactors }
}
