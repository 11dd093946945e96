/** Shapes the engine consumes and produces (the results rows of docs/api.md). */
import type { BalanceFlag, HiddenReason, QuadrantType, RespondentRole } from '../../schema/enums'
import type { AnswerValue } from '../../schema/instruments'

/** One SUBMITTED response as frozen in the round's snapshot. */
export interface SubmittedResponse {
  readonly answers: Readonly<Record<string, AnswerValue>>
  readonly role: RespondentRole
  readonly unitId: string | null
}

/**
 * The same response in the compact form the snapshot stores: one character per item of the
 * round's form in instrument order, '1'–'6', 'x' for don't know, anything else unanswered.
 * Scoring reads it with charCodeAt instead of one keyed look-up per item (the hot loop of a close).
 */
export interface CompactResponse {
  readonly codes: string
  readonly role: RespondentRole
  readonly unitId: string | null
}

/** What the scoring functions take: either form, mixed freely. */
export type AnyResponse = SubmittedResponse | CompactResponse

/** A score at one level, in percent; `suppressed` marks a hidden cell (a factor with n < k, or a
 *  cell the disclosure rules withhold) and, in published results, `hidden` says why. */
export interface Score {
  id: string
  percent: number | null
  ci: [number, number] | null
  n: number
  suppressed?: true
  hidden?: HiddenReason
}

/** Scores at every level, arrays in instrument order; n = responses scored. */
export interface ScoreSet {
  n: number
  overall: Score
  dimensions: Score[]
  categories: Score[]
  factors: Score[]
}

/** The results body of GET …/results (without `breakdown`, which the route adds). */
export interface RoundResults extends ScoreSet {
  instrumentVersion: string
  type: QuadrantType | null
  borderline: boolean
  balance: number | null
  flags: BalanceFlag[]
  strengths: string[]
  weaknesses: string[]
  dontKnow: { itemId: string; share: number }[]
  dontKnowFactors: { factorId: string; share: number }[]
}

/** One breakdown group: scored, or hidden by the anonymity rules of §4 (with the reason). */
export type Group = ({ id: string } & ScoreSet) | { id: string; suppressed: true; hidden: HiddenReason }
