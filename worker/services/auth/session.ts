import type { Context } from 'hono'
import type { AppEnv } from '../../env'
import { insertSession, revokeSession } from '../../db/sessions'
import { randomToken, sha256 } from '../../lib/crypto'
import { ABSOLUTE_TIMEOUT_MS, writeSessionCookie } from '../../middleware/session-cookie'
import { readSessionCookie } from '../../middleware/session-cookie'

/**
 * Starts a new session (always a new id: no fixation) and sets the cookie; revokes any previous
 * one. `scopeOrgId` confines it to one organisation (single sign-on through that organisation).
 */
export async function startSession(c: Context<AppEnv>, userId: string, scopeOrgId: string | null = null): Promise<void> {
  const db = c.get('db')
  const previous = readSessionCookie(c)
  const now = Date.now()
  if (previous) await revokeSession(db, await sha256(previous), new Date(now).toISOString())
  const value = randomToken()
  await insertSession(db, {
    idHash: await sha256(value),
    userId,
    orgId: scopeOrgId,
    createdAt: new Date(now).toISOString(),
    lastSeenAt: new Date(now).toISOString(),
    expiresAt: new Date(now + ABSOLUTE_TIMEOUT_MS).toISOString(),
  })
  writeSessionCookie(c, value)
}
