/** Small numeric helpers: means, sample deviation, intervals and numpy-compatible quantiles. */

/** Arithmetic mean, or null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null
  let sum = 0
  for (const v of values) sum += v
  return sum / values.length
}

/** Sample standard deviation (divisor n − 1), or null when n < 2. */
export function sampleSd(values: readonly number[]): number | null {
  const n = values.length
  if (n < 2) return null
  const m = (mean(values) as number)
  let ss = 0
  for (const v of values) ss += (v - m) * (v - m)
  return Math.sqrt(ss / (n - 1))
}

/** 95 % interval centred on the reported percent from respondent-level percents (§2.7): null when
 *  fewer than 2 respondents or no percent; never clamped to [0, 100] because it is a statistic. */
export function interval95(
  percent: number | null,
  respondentPercents: readonly number[],
): [number, number] | null {
  if (percent === null) return null
  const s = sampleSd(respondentPercents)
  if (s === null) return null
  const half = (1.96 * s) / Math.sqrt(respondentPercents.length)
  return [percent - half, percent + half]
}

/** Quantile p of ascending-sorted values by linear interpolation between order statistics,
 *  bit-for-bit as numpy's default (h = (n − 1)p and numpy's two-sided lerp); null when empty. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length
  if (n === 0) return null
  const h = (n - 1) * p
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, n - 1)
  const t = h - lo
  const a = sorted[lo]
  const b = sorted[hi]
  const diff = b - a
  // numpy._lerp: a + diff·t, but b − diff·(1 − t) when t ≥ 0.5 (monotone near b).
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
}
