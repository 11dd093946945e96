import { COUNTY_CODES, ORG_KINDS } from '../../schema/enums'
import { countyName } from '../i18n/counties'
import type { Option } from './ui/fields'
import { enumLabel, ORG_KIND } from '../i18n/enums'

/** Options of the organisation's closed lists, named in the chosen language. */
export const kindOptions = (): Option[] => ORG_KINDS.map((k) => ({ value: k, label: enumLabel(ORG_KIND, k) }))
export const countyOptions = (): Option[] => COUNTY_CODES.map((c) => ({ value: c, label: `${countyName(c)} (${c})` }))
