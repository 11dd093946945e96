/** RFC 7396 on a flat map: null as the whole patch clears it, a null value removes that key. */
export function mergeMap<T>(current: Record<string, T>, patch: Partial<Record<string, T | null>> | null): Record<string, T> {
  if (patch === null) return {}
  const out: Record<string, T> = { ...current }
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) delete out[key]
    else out[key] = value
  }
  return out
}
