import type { TokenRespondent } from '../../db/responses'

/**
 * Who a token belongs to, remembered per isolate for a short while so that a save costs one D1
 * round trip (the guarded write) instead of two. Staleness is harmless by construction: the write
 * itself checks in SQL that the round is open and the respondent has not submitted, and any
 * refusal drops the entry and resolves afresh. Reads (GET) never use it.
 */
const TTL_MS = 30_000
const MAX_ENTRIES = 10_000
const entries = new Map<string, { value: TokenRespondent; at: number }>()

export function cachedRespondent(tokenHash: string, now = Date.now()): TokenRespondent | undefined {
  const hit = entries.get(tokenHash)
  if (!hit) return undefined
  if (now - hit.at > TTL_MS) {
    entries.delete(tokenHash)
    return undefined
  }
  return hit.value
}

export function rememberRespondent(tokenHash: string, value: TokenRespondent, now = Date.now()): void {
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string)
  entries.set(tokenHash, { value, at: now })
}

export function forgetRespondent(tokenHash: string): void {
  entries.delete(tokenHash)
}
