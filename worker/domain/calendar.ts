/** Calendar arithmetic on ISO 8601 UTC instants (pure: no clock is read). */

/** Epoch milliseconds of the instant `months` calendar months before `iso`, same day and time of
 *  day (UTC); a day missing in the target month is clamped to its last day (our choice: 24 months
 *  before 2024-02-29 is 2022-02-28, never a day in March). */
export function monthsBefore(iso: string, months: number): number {
  const t = new Date(Date.parse(iso))
  const y = t.getUTCFullYear()
  const m = t.getUTCMonth() - months
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  const day = Math.min(t.getUTCDate(), lastDay)
  return Date.UTC(
    y,
    m,
    day,
    t.getUTCHours(),
    t.getUTCMinutes(),
    t.getUTCSeconds(),
    t.getUTCMilliseconds(),
  )
}
