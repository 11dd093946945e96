import { Hono } from 'hono'
import * as z from 'zod/mini'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { validate } from '../validate'
import { op } from '../openapi/registry'
import { Me, SignInLinkRequest, VerifyRequest } from '../../schema/api/auth'
import { findUserById, listUserOrganisations, markEmailProven } from '../db/users'
import { activateOwnedPendingOrgs } from '../db/organisations'
import { consumeSignInToken, revokeSession } from '../db/sessions'
import { limitSignInRequests, requestSignInLink } from '../services/auth/sign-in-link'
import { writeDeviceCookie } from '../services/auth/device-cookie'
import { startSession } from '../services/auth/session'
import { sha256 } from '../lib/crypto'
import { audit } from '../services/audit'
import { requireSession } from '../middleware/principal'
import { clearSessionCookie } from '../middleware/session-cookie'
import { failsOriginCheck } from '../middleware/origin'
import { forbidden } from '../middleware/org-access'

const linkOp = op({ method: 'post', path: '/auth/sign-in-link', summary: 'Request a one-time sign-in link by e-mail', tag: 'auth', access: 'public', body: SignInLinkRequest, responses: { 202: { description: 'Accepted (always, known address or not; the link is queued)' } } })
const verifyOp = op({ method: 'post', path: '/auth/verify', summary: 'Exchange a sign-in token for a session', tag: 'auth', access: 'public', body: VerifyRequest, responses: { 200: { description: 'Signed in; sets the session cookie', schema: Me } } })
op({ method: 'post', path: '/auth/logout', summary: 'Sign out (revokes the session)', tag: 'auth', access: 'session', responses: { 204: { description: 'Signed out' } } })
op({ method: 'get', path: '/auth/me', summary: 'The signed-in user and their organisations', tag: 'auth', access: 'session', responses: { 200: { description: 'The user', schema: Me } } })

const invalidToken = () => new ApiError('UNAUTHENTICATED', { sv: 'Länken är ogiltig, redan använd eller har gått ut.', en: 'The link is invalid, already used or expired.' })

/** The user and the organisations the session reaches: only its own one for a single sign-on session. */
async function meOf(c: Parameters<typeof audit>[0], userId: string, scopeOrgId: string | null): Promise<z.infer<typeof Me>> {
  const db = c.get('db')
  const user = await findUserById(db, userId)
  if (!user) throw invalidToken()
  return {
    user: { id: user.id, email: user.email, name: user.name },
    organisations: await listUserOrganisations(db, userId, scopeOrgId),
    scope: scopeOrgId ? { orgId: scopeOrgId } : null,
  }
}

export const authRoutes = new Hono<AppEnv>()
  .post('/sign-in-link', validate('json', linkOp.body), async (c) => {
    const { email } = c.req.valid('json')
    await limitSignInRequests(c, email)
    await requestSignInLink(c, email)
    return c.body(null, 202)
  })
  .post('/verify', validate('json', verifyOp.body), async (c) => {
    const db = c.get('db')
    const now = new Date().toISOString()
    const userId = await consumeSignInToken(db, await sha256(c.req.valid('json').token), now)
    if (!userId) throw invalidToken()
    await markEmailProven(db, userId, now)
    await activateOwnedPendingOrgs(db, userId, now)
    await startSession(c, userId)
    const me = await meOf(c, userId, null)
    await writeDeviceCookie(c, me.user)
    c.set('principal', { kind: 'session', userId, sessionHash: '', email: me.user.email, name: me.user.name, scopeOrgId: null })
    for (const org of me.organisations) await audit(c, org.id, 'auth.sign_in', userId, { method: 'link' })
    return c.json(me, 200)
  })
  .post('/logout', async (c) => {
    const p = await requireSession(c)
    if (failsOriginCheck(c)) throw forbidden('Begäran kommer inte från appens eget ursprung.', 'The request does not come from the app’s own origin.')
    await revokeSession(c.get('db'), p.sessionHash, new Date().toISOString())
    clearSessionCookie(c)
    return c.body(null, 204)
  })
  .get('/me', async (c) => {
    const p = await requireSession(c)
    return c.json(await meOf(c, p.userId, p.scopeOrgId), 200)
  })
