import type { Form } from '../enums'
import type {
  Instrument,
  InstrumentCategory,
  InstrumentDimension,
  InstrumentFactor,
  InstrumentItem,
} from './types'
import { INSTRUMENT_V1 } from './v1'

export type * from './types'
export { INSTRUMENT_V1 }

/** Every instrument version, oldest first (new versions are appended, never edited in place). */
export const INSTRUMENTS: readonly Instrument[] = [INSTRUMENT_V1]

/** The version new rounds get by default. */
export const LATEST_INSTRUMENT_VERSION: string = INSTRUMENTS[INSTRUMENTS.length - 1].version

/** The instrument with this version, or undefined (the API answers 404). */
export function getInstrument(version: string): Instrument | undefined {
  return INSTRUMENTS.find((i) => i.version === version)
}

/** All categories in instrument order. */
export function allCategories(instrument: Instrument): InstrumentCategory[] {
  return instrument.dimensions.flatMap((d) => d.categories)
}

/** All factors in instrument order. */
export function allFactors(instrument: Instrument): InstrumentFactor[] {
  return allCategories(instrument).flatMap((c) => c.factors)
}

/** All dimensions in instrument order (for symmetry with the other level helpers). */
export function allDimensions(instrument: Instrument): readonly InstrumentDimension[] {
  return instrument.dimensions
}

/** The items of a factor that belong to the form: all of them, or only the short-form ones. */
export function factorFormItems(factor: InstrumentFactor, form: Form): InstrumentItem[] {
  return form === 'full' ? [...factor.items] : factor.items.filter((i) => i.shortForm)
}

/** The form's items in instrument order, each with its factor id (what a respondent sees). */
export function formItems(
  instrument: Instrument,
  form: Form,
): (InstrumentItem & { readonly factorId: string })[] {
  return allFactors(instrument).flatMap((f) =>
    factorFormItems(f, form).map((i) => ({ ...i, factorId: f.id })),
  )
}

/** Every score id in benchmark order: overall, dimensions, categories, factors. */
export function scoreIds(instrument: Instrument): string[] {
  return [
    'overall',
    ...instrument.dimensions.map((d) => d.id),
    ...allCategories(instrument).map((c) => c.id),
    ...allFactors(instrument).map((f) => f.id),
  ]
}
