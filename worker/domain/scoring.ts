/** Scores at every level for a set of submitted responses (docs/model.md §2.1–§2.7). */
import type { FormLayout } from './layout'
import { interval95 } from './stats'
import type { Score, ScoreSet, AnyResponse } from './types'

/** Item value in [0, 1] for an answer 1–6, or NaN for don't-know, a missing or an invalid answer
 *  ("don't know" is stored but never scored: not knowing says nothing about maturity). */
export function itemValue(answer: unknown): number {
  return typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= 6
    ? (answer - 1) / 5
    : Number.NaN
}

/** One pass over the answers: the row-major respondents × factors matrix of respondent factor
 *  scores in [0, 1] (NaN where the respondent does not qualify: fewer than min(2, m_f) answered
 *  items, §2.2) and the don't-know count per form item (instrument order). */
export function scanResponses(
  layout: FormLayout,
  responses: readonly AnyResponse[],
): { matrix: Float64Array; dontKnowCounts: Int32Array } {
  const F = layout.factors.length
  const matrix = new Float64Array(responses.length * F)
  const itemCount = layout.factors.reduce((s, f) => s + f.itemIds.length, 0)
  const dontKnowCounts = new Int32Array(itemCount)
  for (let r = 0; r < responses.length; r++) {
    const response = responses[r]
    if ('codes' in response) {
      scanCodes(layout, response.codes, matrix, r * F, dontKnowCounts)
      continue
    }
    const answers = response.answers
    let item = 0
    for (let f = 0; f < F; f++) {
      const factor = layout.factors[f]
      let sum = 0
      let answered = 0
      for (const itemId of factor.itemIds) {
        const a = answers[itemId]
        const x = itemValue(a)
        if (x === x) {
          sum += x
          answered++
        } else if (a === 'dont_know') dontKnowCounts[item]++
        item++
      }
      // A factor without items in the form never qualifies anyone (guards 0 / 0).
      matrix[r * F + f] = answered > 0 && answered >= factor.minAnswered ? sum / answered : Number.NaN
    }
  }
  return { matrix, dontKnowCounts }
}

const CODE_1 = 49 // '1'
const CODE_DONT_KNOW = 120 // 'x'

/** scanResponses for one response in the compact code form (same rules, no keyed look-ups). */
function scanCodes(layout: FormLayout, codes: string, matrix: Float64Array, row: number, dontKnowCounts: Int32Array): void {
  let item = 0
  for (let f = 0; f < layout.factors.length; f++) {
    const factor = layout.factors[f]
    let sum = 0
    let answered = 0
    for (let i = 0; i < factor.itemIds.length; i++, item++) {
      const a = codes.charCodeAt(item) - CODE_1
      if (a >= 0 && a <= 5) {
        sum += a / 5
        answered++
      } else if (a === CODE_DONT_KNOW - CODE_1) dontKnowCounts[item]++
    }
    matrix[row + f] = answered > 0 && answered >= factor.minAnswered ? sum / answered : Number.NaN
  }
}

/** The respondent factor-score matrix alone (see scanResponses). */
export function respondentFactorScores(
  layout: FormLayout,
  responses: readonly AnyResponse[],
): Float64Array {
  return scanResponses(layout, responses).matrix
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
  responses: readonly AnyResponse[],
  k: number,
): ScoreSet {
  return scoreSetFromMatrix(layout, respondentFactorScores(layout, responses), responses.length, k)
}

/** scoreSet over a precomputed respondent factor-score matrix of R respondents; factors in
 *  `withheld` (indices) are suppressed whatever their n, as the disclosure rules require. */
export function scoreSetFromMatrix(
  layout: FormLayout,
  matrix: Float64Array,
  R: number,
  k: number,
  withheld?: ReadonlySet<number>,
): ScoreSet {
  const F = layout.factors.length

  const factorValue: (number | null)[] = []
  const factors: Score[] = []
  for (let f = 0; f < F; f++) {
    const values: number[] = []
    for (let r = 0; r < R; r++) {
      const v = matrix[r * F + f]
      if (v === v) values.push(v)
    }
    const id = layout.factors[f].id
    if (values.length < k || withheld?.has(f)) {
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
      let sum = 0
      let count = 0
      for (const f of shown) {
        const v = matrix[r * F + f]
        if (v === v) {
          sum += v
          count++
        }
      }
      const m = count === 0 ? Number.NaN : sum / count
      respCat[r * C + c] = m
      if (count > 0) perRespondent.push(m)
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
      let sum = 0
      let count = 0
      for (const c of catIdx) {
        const v = respCat[r * C + c]
        if (v === v) {
          sum += v
          count++
        }
      }
      const m = count === 0 ? Number.NaN : sum / count
      respDim[r * D + d] = m
      if (count > 0) perRespondent.push(m)
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
    let sum = 0
    let complete = true
    for (let d = 0; d < D; d++) {
      const v = respDim[r * D + d]
      if (v === v) sum += v
      else complete = false
    }
    if (complete) perRespondent.push(sum / D)
  }
  const overall = score('overall', overallValue, perRespondent)
  return { n: R, overall, dimensions, categories, factors }
}
