import { lang } from '../i18n'

/**
 * Numbers as people read them in the chosen language: Swedish uses a decimal comma, a narrow
 * space before the percent sign and a non-breaking space between thousands (`47,3 %`), English
 * `47.3%`. Intl does it right, so nothing here builds number strings by hand.
 */
const cache = new Map<string, Intl.NumberFormat>()

function formatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = lang() === 'en' ? 'en-GB' : 'sv-SE'
  const key = `${locale}|${JSON.stringify(options)}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.NumberFormat(locale, options)
    cache.set(key, f)
  }
  return f
}

/** A percent given on the 0–100 scale (as the API reports it), one decimal: `47,3 %`; a dash for null. */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return '–'
  return formatter({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value / 100)
}

/** A share given as a fraction 0–1: `12 %`. */
export function formatShare(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return '–'
  return formatter({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)
}

/** A plain number with the language's separators (`1 234,5`). */
export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined) return '–'
  return formatter({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)
}

/** A change in percentage points with its sign (`+2,1`, `−0,4`); a dash for null. */
export function formatChange(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return '–'
  return formatter({ minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(value)
}

/** A 95 % interval on the 0–100 scale: `41,2–53,4`; a dash when there is none. */
export function formatInterval(ci: readonly [number, number] | null | undefined, digits = 1): string {
  if (!ci) return '–'
  return `${formatNumber(ci[0], digits)}–${formatNumber(ci[1], digits)}`
}

/** A calendar date from an ISO time (`30 nov. 2026`). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  return new Date(iso).toLocaleDateString(lang() === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'medium' })
}
