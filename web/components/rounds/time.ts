/** The closing time moves between the user's local clock (datetime-local inputs) and UTC ISO (the API). */

const pad = (n: number) => String(n).padStart(2, '0')

/** `YYYY-MM-DDTHH:mm` in local time for a datetime-local input; empty for none. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/**
 * A datetime-local value (read as local time) as UTC ISO 8601; null when empty. Anything that is
 * not a time is passed on as typed, so the API's own message names the field.
 */
export function fromLocalInput(value: string): string | null {
  const text = value.trim()
  if (!text) return null
  const time = new Date(text).getTime()
  return Number.isNaN(time) ? text : new Date(time).toISOString()
}
