/** Don't-know shares per item and factor (docs/model.md §2.10). */
import type { FormLayout } from './layout'
import type { SubmittedResponse } from './types'

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

/** Shares of "don't know" per form item and factor, in instrument order: per item over the
 *  submitted responses, per factor over responses × m_f; 0 when there are no responses. Every
 *  response in a round has the round's form, so each response counts for every form item. */
export function dontKnowShares(
  layout: FormLayout,
  responses: readonly SubmittedResponse[],
): {
  dontKnow: { itemId: string; share: number }[]
  dontKnowFactors: { factorId: string; share: number }[]
} {
  const n = responses.length
  const dontKnow: { itemId: string; share: number }[] = []
  const dontKnowFactors: { factorId: string; share: number }[] = []
  for (const factor of layout.factors) {
    let factorCount = 0
    for (const itemId of factor.itemIds) {
      let count = 0
      for (const r of responses) if (r.answers[itemId] === 'dont_know') count++
      factorCount += count
      dontKnow.push({ itemId, share: n === 0 ? 0 : count / n })
    }
    const m = factor.itemIds.length
    dontKnowFactors.push({ factorId: factor.id, share: n === 0 || m === 0 ? 0 : factorCount / (n * m) })
  }
  return { dontKnow, dontKnowFactors }
}
