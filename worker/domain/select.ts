/** Linear-time order statistics (quickselect), so benchmark quantiles need no full sort. */

/** Reorders a[left..right] so that a[k] holds the value of rank k there, with no larger value
 *  before it and no smaller one after it (Hoare/Wirth selection, median-of-three pivot). */
export function selectInPlace(a: Float64Array, left: number, right: number, k: number): void {
  let l = left
  let r = right
  while (l < r) {
    const mid = (l + r) >>> 1
    // Median of three into a[k] keeps sorted and reversed inputs linear.
    if (a[mid] < a[l]) swap(a, mid, l)
    if (a[r] < a[l]) swap(a, r, l)
    if (a[r] < a[mid]) swap(a, r, mid)
    swap(a, mid, k)
    const x = a[k]
    let i = l
    let j = r
    do {
      while (a[i] < x) i++
      while (x < a[j]) j--
      if (i <= j) {
        swap(a, i, j)
        i++
        j--
      }
    } while (i <= j)
    if (j < k) l = i
    if (k < i) r = j
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]
  a[i] = a[j]
  a[j] = t
}

/** Quantile p of the n values in a[0..n−1] (reordered in place), numpy's default linear method
 *  bit for bit: the same two order statistics and the same lerp as quantileSorted. */
export function quantileInPlace(a: Float64Array, n: number, p: number): number | null {
  if (n === 0) return null
  const h = (n - 1) * p
  const lo = Math.floor(h)
  const t = h - lo
  selectInPlace(a, 0, n - 1, lo)
  const va = a[lo]
  if (t === 0 || lo + 1 >= n) return va
  let vb = a[lo + 1]
  for (let i = lo + 2; i < n; i++) if (a[i] < vb) vb = a[i]
  const diff = vb - va
  return t >= 0.5 ? vb - diff * (1 - t) : va + diff * t
}
