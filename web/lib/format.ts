import { lang } from '../i18n'

/**
 * Numbers as people read them in the chosen language: Swedish uses a decimal comma, a narrow
 * space before the percent sign and a non-breaking space between thousands (`47,3 %`), English
 * `47.3%`. Intl does it right, so nothing here builds number strings by hand.
 */
const cache = new Map<string, Intl.NumberFormat>()

/** The one place that maps the chosen language to a locale: every number and date goes through it. */
const localeOf = () => (lang() === 'en' ? 'en-GB' : 'sv-SE')

function formatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = localeOf()
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
  return new Date(iso).toLocaleDateString(localeOf(), { dateStyle: 'medium' })
}

/** A date and time of day from an ISO time (`30 nov. 2026 14:05`); empty for none. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return ''
  return new Date(iso).toLocaleString(localeOf(), { dateStyle: 'medium', timeStyle: 'short' })
}

/** A UTC date (YYYY-MM-DD) as people read it, e.g. "30 november 2026". */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(localeOf(), { dateStyle: 'long', timeZone: 'UTC' })
}

/** A closing time with its date and time of day in the reader's zone, written out in full. */
export function formatClosing(iso: string): string {
  return new Date(iso).toLocaleString(localeOf(), { dateStyle: 'long', timeStyle: 'short' })
}

/** A number with at most `digits` decimals (`1 234,5`, `0,25`). */
export function formatDecimal(n: number, digits = 1): string {
  return formatter({ maximumFractionDigits: digits }).format(n)
}

/** Whole kronor as people read them: "1 250 000 kr" / "1,250,000 SEK". */
export function formatMoney(n: number): string {
  const amount = formatter({}).format(n)
  return lang() === 'en' ? `${amount} SEK` : `${amount} kr`
}
