/** The anonymity threshold that governs one round (docs/model.md §4). */
import { MIN_K } from './results'

/**
 * A round's effective k: the greater of the k in force when it opened and the organisation's
 * current k (never below 3). Lowering k after a round opened must not publish what was hidden
 * under the promise its respondents were given; raising k applies to every round at once.
 * A round not yet opened (no floor) follows the organisation's k.
 */
export function effectiveK(kAtOpen: number | null | undefined, orgK: number): number {
  return Math.max(MIN_K, orgK, kAtOpen ?? MIN_K)
}
