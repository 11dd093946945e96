import type { Context } from 'hono'
import type { AppEnv, Principal } from '../env'
import { ApiError } from '../errors'
import { findLiveSession, touchSession } from '../db/sessions'
import { findApiKeyBySecretHash, touchApiKey } from '../db/api-keys'
import { sha256 } from '../lib/crypto'
import { later } from '../lib/background'
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, readSessionCookie } from './session-cookie'

// Touch the session or key at most once a minute: keeps reads cheap and idle timeouts exact enough.
const TOUCH_EVERY_MS = 60_000

export const unauthenticated = () =>
  new ApiError('UNAUTHENTICATED', { sv: 'Logga in eller ange en giltig API-nyckel.', en: 'Sign in or send a valid API key.' })

/** Resolves the caller from a Bearer API key or the session cookie; undefined when neither is valid. */
export async function resolvePrincipal(c: Context<AppEnv>): Promise<Principal | undefined> {
  const cached = c.get('principal')
  if (cached) return cached
  const db = c.get('db')
  const now = Date.now()
  const auth = c.req.header('Authorization')
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth)
    if (!match) return undefined
    const key = await findApiKeyBySecretHash(db, await sha256(match[1]))
    if (!key) return undefined
    const { success } = await c.env.KEY_LIMITER.limit({ key: key.id })
    if (!success) throw new ApiError('RATE_LIMITED', { sv: 'För många anrop med denna nyckel.', en: 'Too many requests with this key.' }, { retryAfter: 60 })
    if (!key.lastUsedAt || now - Date.parse(key.lastUsedAt) > TOUCH_EVERY_MS) await later(c, touchApiKey(db, key.id, new Date(now).toISOString()))
    const principal: Principal = { kind: 'key', keyId: key.id, orgId: key.orgId, scope: key.scope }
    c.set('principal', principal)
    return principal
  }
  const cookie = readSessionCookie(c)
  if (!cookie) return undefined
  const idHash = await sha256(cookie)
  const session = await findLiveSession(db, idHash)
  if (!session) return undefined
  const lastSeen = Date.parse(session.lastSeenAt)
  if (now - lastSeen > IDLE_TIMEOUT_MS || now >= Date.parse(session.expiresAt)) return undefined
  if (now - lastSeen > TOUCH_EVERY_MS) await later(c, touchSession(db, idHash, new Date(now).toISOString()))
  const principal: Principal = { kind: 'session', userId: session.userId, sessionHash: idHash, email: session.email, name: session.name, scopeOrgId: session.orgId }
  c.set('principal', principal)
  return principal
}

/** The session's principal or a 401 (API keys cannot use session-only operations). */
export async function requireSession(c: Context<AppEnv>) {
  const p = await resolvePrincipal(c)
  if (!p || p.kind !== 'session') throw unauthenticated()
  return p
}

/** Session check for a fresh session created within ABSOLUTE_TIMEOUT_MS (exported for tests). */
export const SESSION_LIMITS = { IDLE_TIMEOUT_MS, ABSOLUTE_TIMEOUT_MS }
