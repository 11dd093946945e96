/** Quadrant typology (docs/model.md §3): names and general directions as data, sv + en. */
import type { QuadrantType } from '../../schema/enums'
import type { LocalText } from '../../schema/instruments'
import { QUADRANT_TEXTS } from '../../schema/instruments/typology'
import { round9 } from './round'
import type { Score } from './types'

export interface Quadrant {
  readonly type: QuadrantType
  /** Which side of the 50 % cut-off each axis is on. */
  readonly capabilityHigh: boolean
  readonly legacyHigh: boolean
  readonly name: LocalText
  readonly direction: LocalText
}

/** The type cut-off on both axes, in percent. */
export const TYPE_CUTOFF = 50

/** Each type's axis sides with its texts (schema/instruments/typology.ts). */
export const QUADRANTS: Readonly<Record<QuadrantType, Quadrant>> = {
  A: { type: 'A', capabilityHigh: false, legacyHigh: false, ...QUADRANT_TEXTS.A },
  B: { type: 'B', capabilityHigh: false, legacyHigh: true, ...QUADRANT_TEXTS.B },
  C: { type: 'C', capabilityHigh: true, legacyHigh: false, ...QUADRANT_TEXTS.C },
  D: { type: 'D', capabilityHigh: true, legacyHigh: true, ...QUADRANT_TEXTS.D },
}

/** Type A–D from capability (DF) and legacy (DA) percents, ≥ 50 counting as high after rounding
 *  to 9 decimals; null when either dimension is null. */
export function quadrantType(capability: number | null, legacy: number | null): QuadrantType | null {
  if (capability === null || legacy === null) return null
  const capHigh = round9(capability) >= TYPE_CUTOFF
  const legHigh = round9(legacy) >= TYPE_CUTOFF
  return capHigh ? (legHigh ? 'D' : 'C') : legHigh ? 'B' : 'A'
}

/** True when the 95 % interval contains 50, bounds inclusive after rounding to 9 decimals. */
export function intervalContainsCutoff(ci: readonly [number, number] | null): boolean {
  return ci !== null && round9(ci[0]) <= TYPE_CUTOFF && TYPE_CUTOFF <= round9(ci[1])
}

/** Borderline when the type exists and either dimension's interval contains 50; a null type is
 *  never borderline (our choice: there is no type whose boundary could be near). */
export function isBorderline(capability: Score, legacy: Score): boolean {
  if (quadrantType(capability.percent, legacy.percent) === null) return false
  return intervalContainsCutoff(capability.ci) || intervalContainsCutoff(legacy.ci)
}
