/** Types of a versioned instrument, serialised as-is by GET /api/v1/instruments/{version}. */

export interface LocalText {
  readonly sv: string
  readonly en: string
}

export interface InstrumentItem {
  readonly id: string
  readonly text: LocalText
  /** Item N.1 of each factor forms the short form. */
  readonly shortForm: boolean
}

export interface InstrumentFactor {
  readonly id: string
  readonly name: LocalText
  readonly items: readonly InstrumentItem[]
}

export interface InstrumentCategory {
  readonly id: string
  readonly name: LocalText
  readonly factors: readonly InstrumentFactor[]
}

export interface InstrumentDimension {
  readonly id: string
  readonly name: LocalText
  readonly categories: readonly InstrumentCategory[]
}

export type ScaleValue = 1 | 2 | 3 | 4 | 5 | 6
export type AnswerValue = ScaleValue | 'dont_know'

export interface ScalePoint {
  readonly value: AnswerValue
  readonly label: LocalText
}

export interface Instrument {
  readonly version: string
  readonly dimensions: readonly InstrumentDimension[]
  readonly scale: readonly ScalePoint[]
}
