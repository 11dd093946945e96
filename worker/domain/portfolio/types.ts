/** Shapes of initiatives and recommendations (docs/model.md §6, the recommendations row). */
import type {
  InitiativeKind,
  InitiativeStatus,
  InitiativeTarget,
  Pin,
  QuadrantType,
} from '../../../schema/enums'

export interface Initiative {
  readonly id: string
  readonly title: string
  readonly kind: InitiativeKind
  readonly target: InitiativeTarget
  readonly factors: readonly { readonly factorId: string; readonly strength: number }[]
  /** Whole SEK > 0; absent or null when not estimated. */
  readonly cost?: number | null
  readonly status: InitiativeStatus
  readonly pin: Pin
  readonly politicalUrgency: number
  readonly technicalUrgency: number
  readonly societalBenefit: number
  readonly administrationBenefit: number
  /** 1–5, higher is worse. */
  readonly risk: number
}

/** Inclusive bounds of the innovation share (innovation cost / chosen cost), fractions 0–1. */
export interface Band {
  readonly min: number
  readonly max: number
}

export type Bands = Readonly<Record<QuadrantType, Band>>

export interface GapContribution {
  factorId: string
  /** The factor's percent, null when suppressed. */
  score: number | null
  target: number
  gap: number
  weight: number
  strength: number
  /** w · g · strength / 3. */
  contribution: number
}

export interface Explanation {
  gaps: GapContribution[]
  impact: number
  valueFactor: number
  riskFactor: number
}

export type LeftOutReason = 'budget' | 'band' | 'no_open_gap' | 'no_cost' | 'pinned_out'

export interface RankedInitiative {
  initiativeId: string
  score: number
  ratio: number | null
  explanation: Explanation
}

export interface Portfolio {
  initiativeIds: string[]
  totalCost: number
  totalScore: number
  /** Null for an empty portfolio (0 / 0). */
  innovationShare: number | null
  bandMet: boolean
  budgetMet: boolean
  exact: boolean
  /** (proven upper bound − totalScore) / upper bound, 9 decimals; 0 when exact. */
  optimalityGap: number
  leftOut: { initiativeId: string; reason: LeftOutReason }[]
}

export interface UncoveredGap {
  factorId: string
  gap: number
  weight: number
  suggestions: { sv: string; en: string }[]
}

export interface Recommendations {
  ranking: RankedInitiative[]
  excluded: { initiativeId: string; reason: InitiativeStatus }[]
  portfolio?: Portfolio
  uncoveredGaps: UncoveredGap[]
}
