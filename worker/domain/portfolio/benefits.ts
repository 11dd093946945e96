/** Benefits follow-up (docs/model.md §6): what was promised, what was realised, what is overdue,
 *  and how the targeted factors moved across a done initiative's completion. */
import { compareCodePoints } from '../round'

export interface ExpectedBenefit {
  text: string
  measure: string
  owner: string
  followUpDate: string
}

export interface RealisedBenefit {
  text: string
  measure?: string
  value?: number
  realisedOn: string
  expectedIndex?: number
}

/** Each expected benefit with whether a realised one points at it and whether it is overdue
 *  (its follow-up date before `today`, both YYYY-MM-DD, with nothing realised against it). */
export function followUp(expected: readonly ExpectedBenefit[], realised: readonly RealisedBenefit[], today: string) {
  const met = new Set(realised.map((r) => r.expectedIndex).filter((i): i is number => i !== undefined))
  return expected.map((e, index) => ({ index, ...e, realised: met.has(index), overdue: !met.has(index) && e.followUpDate < today }))
}

/** The date an initiative was last marked done (ISO time of the last `done` entry), else null. */
export function doneAt(history: readonly { status: string; at: string }[]): string | null {
  const done = history.filter((h) => h.status === 'done')
  return done.length ? done[done.length - 1].at : null
}

export interface ClosedRoundScores {
  id: string
  closedAt: string
  instrumentVersion: string
  form: string
  /** Factor percents by id, null when the round has no shown results (below the threshold). */
  factors: Readonly<Record<string, number | null>> | null
}

/** Latest first; two rounds closed at the same instant: the greater id is the later. */
const latestFirst = (a: ClosedRoundScores, b: ClosedRoundScores) =>
  compareCodePoints(b.closedAt, a.closedAt) || compareCodePoints(b.id, a.id)

/** The change of each targeted factor between the last closed round before `done` and the latest
 *  closed round after it on the same instrument version and form; null when either is missing
 *  or has no shown results. */
export function factorChange(done: string, rounds: readonly ClosedRoundScores[], factorIds: readonly string[]) {
  const sorted = [...rounds].sort(latestFirst)
  const before = sorted.find((r) => r.closedAt < done)
  if (!before?.factors) return null
  const after = sorted.find((r) => r.closedAt > done && r.instrumentVersion === before.instrumentVersion && r.form === before.form)
  if (!after?.factors) return null
  const from = before.factors
  const to = after.factors
  return {
    beforeAssessmentId: before.id,
    afterAssessmentId: after.id,
    factors: factorIds.map((factorId) => {
      const b = from[factorId] ?? null
      const a = to[factorId] ?? null
      return { factorId, before: b, after: a, change: a === null || b === null ? null : a - b }
    }),
  }
}
