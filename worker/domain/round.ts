/** Float-noise guard shared by every cut-off and tie in the engine (docs/model.md §2.11). */

/** The value rounded to 9 decimals, half away from zero, so -x and x round symmetrically and
 *  float noise (0.1 + 0.2) never flips a cut-off or a tie; -0 is normalised to 0. */
export function round9(x: number): number {
  const r = (Math.sign(x) * Math.round(Math.abs(x) * 1e9)) / 1e9
  return r === 0 ? 0 : r
}

/** Negative, zero or positive as a < b, a ≈ b, a > b after rounding both to 9 decimals. */
export function compare9(a: number, b: number): number {
  const ra = round9(a)
  const rb = round9(b)
  return ra < rb ? -1 : ra > rb ? 1 : 0
}

/** Code-point order of two strings (not localeCompare: stable across runtimes and locales). */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
