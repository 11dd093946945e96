/** Index layout of one instrument form, precomputed once so scoring loops over plain arrays. */
import type { Form } from '../../schema/enums'
import { factorFormItems } from '../../schema/instruments'
import type { Instrument } from '../../schema/instruments'

export interface FormLayout {
  readonly form: Form
  readonly factors: readonly { id: string; itemIds: readonly string[]; minAnswered: number }[]
  /** Factor indices per category, categories in instrument order. */
  readonly categories: readonly { id: string; factorIdx: readonly number[] }[]
  /** Category indices per dimension. */
  readonly dimensions: readonly { id: string; categoryIdx: readonly number[] }[]
}

const cache = new WeakMap<Instrument, Partial<Record<Form, FormLayout>>>()

/** The form's layout (memoised per instrument object); minAnswered = min(2, m_f) per §2.2, so a
 *  one-item short-form factor qualifies on its single answer. */
export function formLayout(instrument: Instrument, form: Form): FormLayout {
  const entry = cache.get(instrument) ?? {}
  const hit = entry[form]
  if (hit) return hit
  const factors: { id: string; itemIds: string[]; minAnswered: number }[] = []
  const categories: { id: string; factorIdx: number[] }[] = []
  const dimensions: { id: string; categoryIdx: number[] }[] = []
  for (const d of instrument.dimensions) {
    const categoryIdx: number[] = []
    for (const c of d.categories) {
      const factorIdx: number[] = []
      for (const f of c.factors) {
        const itemIds = factorFormItems(f, form).map((i) => i.id)
        factorIdx.push(factors.length)
        factors.push({ id: f.id, itemIds, minAnswered: Math.min(2, itemIds.length) })
      }
      categoryIdx.push(categories.length)
      categories.push({ id: c.id, factorIdx })
    }
    dimensions.push({ id: d.id, categoryIdx })
  }
  const layout: FormLayout = { form, factors, categories, dimensions }
  entry[form] = layout
  cache.set(instrument, entry)
  return layout
}
