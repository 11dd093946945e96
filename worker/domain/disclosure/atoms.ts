/**
 * Complementary suppression over the cells of one level of a round (docs/model.md §4).
 *
 * A shown cell publishes an aggregate (a mean with its n, an interval) of one set of respondents.
 * Any linear combination of those aggregates weighs each respondent by a coefficient that depends
 * only on which shown cells the respondent is in, so it is constant on the "atoms" (respondents
 * with the same membership signature). A combination can therefore never single out fewer
 * respondents than the smallest non-empty atom. The rule is that every such atom holds 0 or ≥ k
 * respondents; cells are hidden until it holds.
 */
import type { HiddenReason } from '../../../schema/enums'

/** One published tabulation at one level: every respondent is counted in at most one of its cells
 *  (a breakdown partitions the respondents; the whole organisation is a tabulation of one cell). */
export interface Tabulation {
  /** Per respondent, the cell it is counted in at this level, or -1 (not in the group, or no value). */
  readonly cellOf: Int32Array
  /** Per cell: why it is hidden, or null while shown; suppress() fills it in. */
  readonly hidden: (HiddenReason | null)[]
  /** Per cell: its tie-break rank (code-point order of the group ids). */
  readonly rank: readonly number[]
}

interface Candidate {
  t: number
  c: number
  merged: number
  size: number
}

/** Sizes of every cell of every tabulation. */
function cellSizes(tabs: readonly Tabulation[]): number[][] {
  return tabs.map((tab) => {
    const sizes = Array.from({ length: tab.hidden.length }, () => 0)
    for (const c of tab.cellOf) if (c >= 0) sizes[c]++
    return sizes
  })
}

/** Mixed-radix weight of each tabulation in an atom key (digit = shown cell + 1, 0 for none). */
function radices(tabs: readonly Tabulation[]): number[] {
  const out: number[] = []
  let base = 1
  for (const tab of tabs) {
    out.push(base)
    base *= tab.hidden.length + 1
  }
  return out
}

/** Atom sizes by key; key 0 (in no shown cell) is left out: no shown number involves it. */
export function atomSizes(tabs: readonly Tabulation[]): Map<number, number> {
  const base = radices(tabs)
  const R = tabs[0]?.cellOf.length ?? 0
  const atoms = new Map<number, number>()
  for (let r = 0; r < R; r++) {
    let key = 0
    for (let t = 0; t < tabs.length; t++) {
      const c = tabs[t].cellOf[r]
      if (c >= 0 && tabs[t].hidden[c] === null) key += (c + 1) * base[t]
    }
    if (key !== 0) atoms.set(key, (atoms.get(key) ?? 0) + 1)
  }
  return atoms
}

/** The smallest atom with 0 < size < k (ties: smaller key, which follows the cells' order). */
function smallestViolation(atoms: Map<number, number>, k: number): { key: number; size: number } | null {
  let best: { key: number; size: number } | null = null
  for (const [key, size] of atoms) {
    if (size >= k) continue
    if (!best || size < best.size || (size === best.size && key < best.key)) best = { key, size }
  }
  return best
}

const before = (a: Candidate, b: Candidate, k: number, atom: number, rank: (x: Candidate) => number): boolean => {
  const ka = [a.merged >= k ? 0 : 1, a.merged > atom ? 0 : 1, a.size, rank(a), a.t]
  const kb = [b.merged >= k ? 0 : 1, b.merged > atom ? 0 : 1, b.size, rank(b), b.t]
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i]
  return false
}

/**
 * Hides cells until every atom holds 0 or ≥ k respondents. First every cell with 0 < n < k
 * (`below_k`); then, while an atom is too small, one cell of tabulation 1 or later (tabulation 0,
 * the whole organisation, is never hidden this way) is hidden as `differencing`. The cell chosen
 * is the one whose removal merges the smallest atom into one of ≥ k, else one that at least grows
 * it, else the smallest cell containing it; among those the smallest cell, then the lowest rank,
 * then the earlier tabulation. Deterministic: nothing depends on the order of the respondents.
 * Returns the cells hidden for differencing, in the order they were hidden.
 */
export function suppress(tabs: readonly Tabulation[], k: number): { t: number; c: number }[] {
  const sizes = cellSizes(tabs)
  tabs.forEach((tab, t) => {
    for (let c = 0; c < tab.hidden.length; c++) if (tab.hidden[c] === null && sizes[t][c] > 0 && sizes[t][c] < k) tab.hidden[c] = 'below_k'
  })
  const base = radices(tabs)
  const hiddenNow: { t: number; c: number }[] = []
  const rank = (x: Candidate) => tabs[x.t].rank[x.c]
  for (;;) {
    const atoms = atomSizes(tabs)
    const worst = smallestViolation(atoms, k)
    if (!worst) return hiddenNow
    let best: Candidate | null = null
    const consider = (x: Candidate) => {
      if (!best || before(x, best, k, worst.size, rank)) best = x
    }
    for (let t = 1; t < tabs.length; t++) {
      const digit = Math.floor(worst.key / base[t]) % (tabs[t].hidden.length + 1)
      if (digit > 0) {
        const c = digit - 1
        consider({ t, c, size: sizes[t][c], merged: worst.size + (atoms.get(worst.key - digit * base[t]) ?? 0) })
        continue
      }
      for (let c = 0; c < tabs[t].hidden.length; c++) {
        if (tabs[t].hidden[c] !== null || sizes[t][c] === 0) continue
        const merged = worst.size + (atoms.get(worst.key + (c + 1) * base[t]) ?? 0)
        if (merged > worst.size) consider({ t, c, size: sizes[t][c], merged })
      }
    }
    // No cell touches the atom: hide the smallest shown cell, which coarsens the partition.
    if (!best) {
      for (let t = 1; t < tabs.length; t++)
        for (let c = 0; c < tabs[t].hidden.length; c++)
          if (tabs[t].hidden[c] === null && sizes[t][c] > 0) consider({ t, c, size: sizes[t][c], merged: worst.size })
    }
    if (!best) throw new Error('no cell left to hide: the whole organisation holds fewer than k')
    const chosen: Candidate = best
    tabs[chosen.t].hidden[chosen.c] = 'differencing'
    hiddenNow.push({ t: chosen.t, c: chosen.c })
  }
}
