import type { Lang } from '../../schema/enums'

/** zod issues rendered as messages of our own in Swedish and English (zod/mini only says "Invalid input"). */
export interface IssueLike {
  code: string
  path: PropertyKey[]
  message?: string
  expected?: string
  minimum?: number | bigint
  maximum?: number | bigint
  origin?: string
  format?: string
  keys?: string[]
  values?: unknown[]
  input?: unknown
}

export function issueMessage(issue: IssueLike, lang: Lang): string {
  const sv = lang === 'sv'
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return sv ? 'Fältet krävs.' : 'This field is required.'
      return sv ? `Fel typ: förväntade ${issue.expected}.` : `Wrong type: expected ${issue.expected}.`
    case 'too_small':
      if (issue.origin === 'string')
        return sv ? `Minst ${issue.minimum} tecken.` : `At least ${issue.minimum} characters.`
      if (issue.origin === 'array')
        return sv ? `Minst ${issue.minimum} poster.` : `At least ${issue.minimum} entries.`
      return sv ? `Minsta värde är ${issue.minimum}.` : `The minimum is ${issue.minimum}.`
    case 'too_big':
      if (issue.origin === 'string')
        return sv ? `Högst ${issue.maximum} tecken.` : `At most ${issue.maximum} characters.`
      if (issue.origin === 'array')
        return sv ? `Högst ${issue.maximum} poster.` : `At most ${issue.maximum} entries.`
      return sv ? `Högsta värde är ${issue.maximum}.` : `The maximum is ${issue.maximum}.`
    case 'invalid_format':
      if (issue.format === 'email') return sv ? 'Ogiltig e-postadress.' : 'Invalid e-mail address.'
      return sv ? 'Ogiltigt format.' : 'Invalid format.'
    case 'unrecognized_keys':
      return sv ? 'Okänt fält.' : 'Unknown field.'
    case 'invalid_value':
      return sv
        ? `Ogiltigt värde; tillåtna: ${(issue.values ?? []).join(', ')}.`
        : `Invalid value; allowed: ${(issue.values ?? []).join(', ')}.`
    case 'invalid_union':
      return sv ? 'Ogiltigt värde.' : 'Invalid value.'
    case 'not_multiple_of':
      return sv ? 'Måste vara ett heltal.' : 'Must be a whole number.'
    case 'custom':
      return localisedCustom(issue.message, lang)
    default:
      return sv ? 'Ogiltigt värde.' : 'Invalid value.'
  }
}

/** Custom refinements carry "sv|en" in their message so both languages travel with the schema. */
function localisedCustom(message: string | undefined, lang: Lang): string {
  if (!message) return lang === 'sv' ? 'Ogiltigt värde.' : 'Invalid value.'
  const [sv, en] = message.split('|')
  return lang === 'sv' ? sv : (en ?? sv)
}

/** RFC 6901 JSON Pointer of an issue path. */
export function jsonPointer(path: PropertyKey[]): string {
  return path.map((seg) => '/' + String(seg).replaceAll('~', '~0').replaceAll('/', '~1')).join('')
}
