import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { validate } from '../validate'
import { op } from '../openapi/registry'
import { Me } from '../../schema/api/auth'
import { pageOf } from '../../schema/api/common'
import { MyInvitation, MyInvitationParams, OpenedInvitation, OpenInvitationRequest } from '../../schema/api/invitations'
import { acceptInvitation, declineInvitation, listInvitationsForEmail, useInvitationLink } from '../db/member-invitations'
import { findOrCreateUser, findUserById, listUserOrganisations, markEmailProven } from '../db/users'
import { requireSession } from '../middleware/principal'
import { failsOriginCheck } from '../middleware/origin'
import { forbidden } from '../middleware/org-access'
import { newId, sha256 } from '../lib/crypto'
import { startSession } from '../services/auth/session'
import { audit } from '../services/audit'

const openOp = op({ method: 'post', path: '/auth/invitations/open', summary: 'Open a membership invitation’s link: proves the address and signs in (once), without accepting', tag: 'auth', access: 'public', body: OpenInvitationRequest, responses: { 200: { description: 'Signed in; the invitation awaits an answer', schema: OpenedInvitation } } })
op({ method: 'get', path: '/auth/invitations', summary: 'The signed-in user’s pending membership invitations', tag: 'auth', access: 'session', responses: { 200: { description: 'Pending invitations', schema: pageOf(MyInvitation) } } })
const acceptOp = op({ method: 'post', path: '/auth/invitations/{id}/accept', summary: 'Accept a membership invitation addressed to the signed-in user', tag: 'auth', access: 'session', params: MyInvitationParams, responses: { 200: { description: 'A member now', schema: Me } } })
op({ method: 'post', path: '/auth/invitations/{id}/decline', summary: 'Decline a membership invitation addressed to the signed-in user', tag: 'auth', access: 'session', params: MyInvitationParams, responses: { 204: { description: 'Declined' } } })

const invalidLink = () =>
  new ApiError('UNAUTHENTICATED', {
    sv: 'Länken är ogiltig, redan använd eller har gått ut. Logga in för att se dina inbjudningar.',
    en: 'The link is invalid, already used or expired. Sign in to see your invitations.',
  })
const noInvitation = () => new ApiError('NOT_FOUND', { sv: 'Inbjudan finns inte eller är redan besvarad.', en: 'No such invitation, or it has been answered.' })

/**
 * The signed-in caller for an answer: a session that is not confined to one organisation by its
 * single sign-on (another organisation needs its own sign-in), and a write from the app's origin.
 */
async function answering(c: Parameters<typeof requireSession>[0]) {
  const p = await requireSession(c)
  if (failsOriginCheck(c)) throw forbidden('Begäran kommer inte från appens eget ursprung.', 'The request does not come from the app’s own origin.')
  if (p.scopeOrgId)
    throw forbidden(
      'Du är inloggad via en organisations inloggningstjänst. Logga in med en e-postlänk för att svara på inbjudningar.',
      'You are signed in through one organisation’s single sign-on. Sign in with an e-mail link to answer invitations.',
    )
  return p
}

async function meOf(c: Parameters<typeof requireSession>[0], userId: string) {
  const db = c.get('db')
  const user = (await findUserById(db, userId))!
  return { user: { id: user.id, email: user.email, name: user.name }, organisations: await listUserOrganisations(db, userId), scope: null }
}

export const memberInvitationRoutes = new Hono<AppEnv>()
  .post('/open', validate('json', openOp.body), async (c) => {
    const db = c.get('db')
    const nowIso = new Date().toISOString()
    const invitation = await useInvitationLink(db, await sha256(c.req.valid('json').token), nowIso)
    if (!invitation) throw invalidLink()
    // The link reached the invited address: that proves it, as a sign-in link does. It does not accept.
    const user = await findOrCreateUser(db, { id: newId('usr'), email: invitation.email, name: invitation.name }, nowIso)
    await markEmailProven(db, user.id, nowIso)
    await startSession(c, user.id)
    c.set('principal', { kind: 'session', userId: user.id, sessionHash: '', email: user.email, name: user.name, scopeOrgId: null })
    const me = await meOf(c, user.id)
    for (const org of me.organisations) await audit(c, org.id, 'auth.sign_in', user.id, { method: 'invitation' })
    const mine = (await listInvitationsForEmail(db, user.email, nowIso)).find((i) => i.id === invitation.id)
    if (!mine) throw invalidLink()
    return c.json({ invitation: mine, me }, 200)
  })
  .get('/', async (c) => {
    const p = await requireSession(c)
    // A single sign-on session answers no invitations (answering), so it lists none either.
    const items = p.scopeOrgId ? [] : await listInvitationsForEmail(c.get('db'), p.email, new Date().toISOString())
    return c.json({ items, nextCursor: null }, 200)
  })
  .post('/:id/accept', validate('param', acceptOp.params), async (c) => {
    const p = await answering(c)
    const accepted = await acceptInvitation(c.get('db'), c.req.valid('param').id, p.email, p.userId, new Date().toISOString())
    if (!accepted) throw noInvitation()
    await audit(c, accepted.orgId, 'member.invitation_accept', p.userId, { invitationId: accepted.id, role: accepted.role })
    return c.json(await meOf(c, p.userId), 200)
  })
  .post('/:id/decline', validate('param', acceptOp.params), async (c) => {
    const p = await answering(c)
    const declined = await declineInvitation(c.get('db'), c.req.valid('param').id, p.email, new Date().toISOString())
    if (!declined) throw noInvitation()
    await audit(c, declined.orgId, 'member.invitation_decline', declined.id, { email: declined.email, role: declined.role })
    return c.body(null, 204)
  })
