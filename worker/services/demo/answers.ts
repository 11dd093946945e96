import type { AnswerValue } from '../../../schema/instruments'

/**
 * Deterministic synthetic answers for the demo: the same seed gives the same demo on every
 * machine, so screenshots and walkthroughs stay comparable. Nothing here is real data.
 */

/** mulberry32: a small, fast 32-bit generator; plenty for synthetic survey answers. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A standard normal draw (Box–Muller). */
export function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12)
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())
}

/**
 * Organisation-level factor means on the 1–6 scale: a general level, a tilt between the two
 * dimensions and a spread per factor, so factors clearly differ (strengths and weaknesses show).
 */
export function factorMeans(random: () => number, factorIds: readonly string[], level: number, legacyTilt: number): Map<string, number> {
  const means = new Map<string, number>()
  for (const id of factorIds) {
    const legacy = /^[OUT]\d/.test(id)
    means.set(id, level + (legacy ? legacyTilt : 0) + (random() - 0.5) * 1.8)
  }
  return means
}

/** The same means a year later: most factors a little better, a few unchanged or slightly worse. */
export function improved(random: () => number, means: Map<string, number>): Map<string, number> {
  return new Map([...means].map(([id, m]) => [id, m + (random() * 0.6 - 0.12)]))
}

export interface AnswerStyle {
  /** Share of items answered "don't know" (about 5–10 %). */
  dontKnow: number
  /** Share of items left unanswered. */
  skip: number
}

/**
 * One respondent's answers: their own offset from the organisation's means (people see the
 * same organisation differently) plus item noise, rounded onto the scale; some don't-knows and a
 * few unanswered items.
 */
export function respondentAnswers(
  random: () => number,
  items: readonly { id: string; factorId: string }[],
  means: Map<string, number>,
  style: AnswerStyle,
): Record<string, AnswerValue> {
  const offset = normal(random) * 0.55
  const answers: Record<string, AnswerValue> = {}
  for (const item of items) {
    const p = random()
    if (p < style.dontKnow) answers[item.id] = 'dont_know'
    else if (p < style.dontKnow + style.skip) continue
    else {
      const value = Math.round((means.get(item.factorId) ?? 3.5) + offset + normal(random) * 0.75)
      answers[item.id] = Math.min(6, Math.max(1, value)) as AnswerValue
    }
  }
  return answers
}
