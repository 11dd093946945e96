import type { Instrument, LocalText } from '../../schema/instruments'
import type { Lang } from '../../schema/enums'
import { api } from '../lib/api'

export type { Instrument, LocalText }

/** The version whose factors initiatives are tagged with (the one every round so far has used). */
export const FACTOR_VERSION = 'v1'

const instruments = new Map<string, Promise<Instrument>>()

/** The instrument's names and item texts; public, the same for every round of a version, fetched once per version. */
export function getInstrument(version: string): Promise<Instrument> {
  let p = instruments.get(version)
  if (!p) {
    p = api<Instrument>('GET', `/instruments/${encodeURIComponent(version)}`)
    p.catch(() => instruments.delete(version))
    instruments.set(version, p)
  }
  return p
}

export interface FactorInfo {
  id: string
  name: LocalText
  category: LocalText
}

/** The factors of a version with their names and categories, in instrument order. */
export async function instrumentFactors(version = FACTOR_VERSION): Promise<FactorInfo[]> {
  const i = await getInstrument(version)
  return i.dimensions.flatMap((d) => d.categories.flatMap((c) => c.factors.map((f) => ({ id: f.id, name: f.name, category: c.name }))))
}

/** Names and parents of every dimension, category, factor and item of an instrument, by id. */
export interface Names {
  label(id: string, lang: Lang): string
  dimensions: { id: string; categories: string[] }[]
  categories: string[]
  factors: string[]
  factorCategory: Map<string, string>
  itemFactor: Map<string, string>
}

export function namesOf(instrument: Instrument, overall: LocalText): Names {
  const text = new Map<string, LocalText>([['overall', overall]])
  const factorCategory = new Map<string, string>()
  const itemFactor = new Map<string, string>()
  for (const d of instrument.dimensions) {
    text.set(d.id, d.name)
    for (const c of d.categories) {
      text.set(c.id, c.name)
      for (const f of c.factors) {
        text.set(f.id, f.name)
        factorCategory.set(f.id, c.id)
        for (const i of f.items) {
          text.set(i.id, i.text)
          itemFactor.set(i.id, f.id)
        }
      }
    }
  }
  return {
    label: (id, lang) => text.get(id)?.[lang] ?? id,
    dimensions: instrument.dimensions.map((d) => ({ id: d.id, categories: d.categories.map((c) => c.id) })),
    categories: instrument.dimensions.flatMap((d) => d.categories.map((c) => c.id)),
    factors: [...factorCategory.keys()],
    factorCategory,
    itemFactor,
  }
}
