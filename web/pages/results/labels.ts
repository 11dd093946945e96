import { createMemo, createResource } from 'solid-js'
import { getInstrument, namesOf } from '../../data/instruments'
import { lang } from '../../i18n'

const OVERALL = { sv: 'Digital mognad', en: 'Digital maturity' }

/** The instrument of a version as names by id, and a label function that follows the language. */
export function useNames(version: () => string | undefined) {
  const [instrument] = createResource(version, getInstrument)
  const names = createMemo(() => (instrument.latest ? namesOf(instrument.latest, OVERALL) : undefined))
  const label = (id: string) => names()?.label(id, lang()) ?? id
  return { names, label, instrument }
}
