import { texts } from '.'
import { sv } from './rounds-sv'
import { en } from './rounds-en'

/** Texts of the assessment rounds pages ("undersökningar" to the key user). */
export const t = texts(sv, en)

type Key = Parameters<typeof t>[0]
/** The texts that have a `.one` form for exactly one. */
const COUNTED = ['openText', 'openedStatus', 'closeText', 'deleteText', 'remindText', 'reminded'] as const

/** A counted text: the `.one` form for exactly one ("1 respondent", not "1 respondenter"). */
export function tn(key: (typeof COUNTED)[number], count: number, vars: Record<string, string | number> = {}): string {
  return t((count === 1 ? `${key}.one` : key) as Key, { ...vars, count })
}
