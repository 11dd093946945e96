/** Scores at every level for a set of submitted responses (docs/model.md §2.1–§2.7). */
import type { FormLayout } from './layout'
import { interval95 } from './stats'
import type { Score, ScoreSet, SubmittedResponse } from './types'

/** Item value in [0, 1] for an answer 1–6, or NaN for don't-know, a missing or an invalid answer
 *  ("don't know" is stored but never scored: not knowing says nothing about maturity). */
export function itemValue(answer: unknown): number {
  return typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= 6
    ? (answer - 1) / 5
    : Number.NaN
}

/** Row-major respondents × factors matrix of respondent factor scores in [0, 1]; NaN where the
 *  respondent does not qualify (fewer than min(2, m_f) answered items, §2.2). */
export function respondentFactorScores(
  layout: FormLayout,
  responses: readonly SubmittedResponse[],
): Float64Array {
  const F = layout.factors.length
  const out = new Float64Array(responses.length * F)
  for (let r = 0; r < responses.length; r++) {
    const answers = responses[r].answers
    for (let f = 0; f < F; f++) {
      const factor = layout.factors[f]
      let sum = 0
      let answered = 0
      for (const itemId of factor.itemIds) {
        const x = itemValue(answers[itemId])
        if (x === x) {
          sum += x
          answered++
        }
      }
      // A factor without items in the form never qualifies anyone (guards 0 / 0).
      out[r * F + f] = answered > 0 && answered >= factor.minAnswered ? sum / answered : Number.NaN
    }
  }
  return out
}

function score(id: string, value: number | null, respondentValues: number[]): Score {
  const percent = value === null ? null : value * 100
  const percents = respondentValues.map((v) => v * 100)
  return { id, percent, ci: interval95(percent, percents), n: respondentValues.length }
}

function meanOrNull(values: readonly number[]): number | null {
  if (values.length === 0) return null
  let s = 0
  for (const v of values) s += v
  return s / values.length
}

/** Scores at every level with threshold k: factors with n < k are suppressed and drop out of
 *  everything above them; category, dimension and overall n are informational (§2.3–§2.6). */
export function scoreSet(
  layout: FormLayout,
  responses: readonly SubmittedResponse[],
  k: number,
): ScoreSet {
  const F = layout.factors.length
  const R = responses.length
  const matrix = respondentFactorScores(layout, responses)

  const factorValue: (number | null)[] = []
  const factors: Score[] = []
  for (let f = 0; f < F; f++) {
    const values: number[] = []
    for (let r = 0; r < R; r++) {
      const v = matrix[r * F + f]
      if (v === v) values.push(v)
    }
    const id = layout.factors[f].id
    if (values.length < k) {
      factorValue.push(null)
      factors.push({ id, percent: null, ci: null, n: values.length, suppressed: true })
    } else {
      const value = meanOrNull(values)
      factorValue.push(value)
      factors.push(score(id, value, values))
    }
  }

  // Respondent-level category scores over the category's shown factors (NaN: none qualifying).
  const C = layout.categories.length
  const respCat = new Float64Array(R * C)
  const categoryValue: (number | null)[] = []
  const categories: Score[] = []
  for (let c = 0; c < C; c++) {
    const shown = layout.categories[c].factorIdx.filter((f) => factorValue[f] !== null)
    const perRespondent: number[] = []
    for (let r = 0; r < R; r++) {
      const own: number[] = []
      for (const f of shown) {
        const v = matrix[r * F + f]
        if (v === v) own.push(v)
      }
      const m = meanOrNull(own)
      respCat[r * C + c] = m === null ? Number.NaN : m
      if (m !== null) perRespondent.push(m)
    }
    const value = meanOrNull(shown.map((f) => factorValue[f] as number))
    categoryValue.push(value)
    categories.push(score(layout.categories[c].id, value, perRespondent))
  }

  const D = layout.dimensions.length
  const respDim = new Float64Array(R * D)
  const dimensionValue: (number | null)[] = []
  const dimensions: Score[] = []
  for (let d = 0; d < D; d++) {
    const catIdx = layout.dimensions[d].categoryIdx
    const perRespondent: number[] = []
    for (let r = 0; r < R; r++) {
      const own: number[] = []
      for (const c of catIdx) {
        const v = respCat[r * C + c]
        if (v === v) own.push(v)
      }
      const m = meanOrNull(own)
      respDim[r * D + d] = m === null ? Number.NaN : m
      if (m !== null) perRespondent.push(m)
    }
    const shownValues = catIdx.map((c) => categoryValue[c]).filter((v): v is number => v !== null)
    const value = meanOrNull(shownValues)
    dimensionValue.push(value)
    dimensions.push(score(layout.dimensions[d].id, value, perRespondent))
  }

  // Overall needs every dimension, at organisation and at respondent level alike.
  const overallValue = dimensionValue.some((v) => v === null)
    ? null
    : meanOrNull(dimensionValue as number[])
  const perRespondent: number[] = []
  for (let r = 0; r < R; r++) {
    const own: number[] = []
    for (let d = 0; d < D; d++) own.push(respDim[r * D + d])
    if (own.every((v) => v === v)) perRespondent.push(meanOrNull(own) as number)
  }
  const overall = score('overall', overallValue, perRespondent)
  return { n: R, overall, dimensions, categories, factors }
}
