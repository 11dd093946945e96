/** Primary and secondary suppression within ONE tabulation (docs/model.md §4). A round's results
 *  are suppressed as one system across every tabulation in disclosure/publish.ts. */
import { compareCodePoints } from './round'

/** The group id of respondents attached to no unit. */
export const UNASSIGNED = 'unassigned'

/** Ids of the groups to hide, given each non-empty group's response count: every group below k,
 *  then (if any is hidden) the smallest shown group, ties lowest id in code-point order, while
 *  the hidden groups together hold fewer than k responses. Afterwards no hidden group is alone
 *  below k in the difference total − shown, so none can be computed by subtraction. */
export function hiddenGroups(counts: readonly { id: string; n: number }[], k: number): Set<string> {
  const hidden = new Set<string>()
  let hiddenTotal = 0
  for (const g of counts) {
    if (g.n < k) {
      hidden.add(g.id)
      hiddenTotal += g.n
    }
  }
  if (hidden.size === 0) return hidden
  const shown = counts
    .filter((g) => !hidden.has(g.id))
    .sort((a, b) => a.n - b.n || compareCodePoints(a.id, b.id))
  let next = 0
  while (hiddenTotal < k && next < shown.length) {
    hidden.add(shown[next].id)
    hiddenTotal += shown[next].n
    next++
  }
  return hidden
}
