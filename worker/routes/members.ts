import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { readBody, validate } from '../validate'
import { op } from '../openapi/registry'
import { CreateMember, Member, MemberParams, PatchMember } from '../../schema/api/members'
import { pageOf } from '../../schema/api/common'
import { findMember, listMembers, removeMember, setMemberRole, updateUserName, type MemberRow } from '../db/members'
import { findUserByEmail } from '../db/users'
import { deleteInvitation, findPendingInvitation, hasPendingInvitation, listPendingInvitations, type InvitationRow } from '../db/member-invitations'
import { allow, forbidden, MANAGE, requireOrgAccess, type Policy } from '../middleware/org-access'
import { createInvitation, sendInvitationMail } from '../services/organisation/member-invitations'
import { audit } from '../services/audit'

/** Every member may see the member list; API keys never touch members. */
const MEMBERS_READ: Policy = { key: false }

op({ method: 'get', path: '/orgs/{org}/members', summary: 'Members and roles', tag: 'members', access: 'org', responses: { 200: { description: 'Members', schema: pageOf(Member) } } })
const createOp = op({ method: 'post', path: '/orgs/{org}/members', summary: 'Invite a member (they become one when they accept through the link mailed to them)', tag: 'members', access: 'org', body: CreateMember, responses: { 201: { description: 'Invited: a pending invitation', schema: Member } } })
const patchOp = op({ method: 'patch', path: '/orgs/{org}/members/{userId}', summary: 'Change a member’s role or name', tag: 'members', access: 'org', params: MemberParams, body: PatchMember, responses: { 200: { description: 'The member', schema: Member } } })
op({ method: 'delete', path: '/orgs/{org}/members/{userId}', summary: 'Remove a member or withdraw a pending invitation', tag: 'members', access: 'org', params: MemberParams, responses: { 204: { description: 'Removed' } } })

const toMember = (m: MemberRow) => ({ id: m.userId, userId: m.userId, email: m.email, name: m.name, role: m.role, createdAt: m.createdAt, status: 'active' as const })
const toPending = (i: InvitationRow) => ({ id: i.id, userId: null, email: i.email, name: i.name, role: i.role, createdAt: i.createdAt, status: 'pending' as const, invitationId: i.id, expiresAt: i.expiresAt })
const alreadyInvited = () => new ApiError('CONFLICT', { sv: 'Personen har redan en inbjudan som väntar på svar.', en: 'This person already has an invitation awaiting an answer.' })
const notFound = () => new ApiError('NOT_FOUND', { sv: 'Medlemmen finns inte.', en: 'No such member.' })
const lastOwner = () => new ApiError('CONFLICT', { sv: 'Organisationen måste ha minst en ägare.', en: 'The organisation must keep at least one owner.' })
const adminOnOwner = () => forbidden('En administratör kan inte ändra en ägare eller utse ägare.', 'An admin cannot act on an owner or appoint owners.')

export const memberRoutes = new Hono<AppEnv>()
  .use(requireOrgAccess)
  .get('/', allow(MEMBERS_READ), async (c) => {
    const db = c.get('db')
    const orgId = c.get('org').id
    const [rows, pending] = await Promise.all([listMembers(db, orgId), listPendingInvitations(db, orgId, new Date().toISOString())])
    return c.json({ items: [...rows.map(toMember), ...pending.map(toPending)], nextCursor: null }, 200)
  })
  .post('/', allow(MANAGE), validate('json', createOp.body), async (c) => {
    const db = c.get('db')
    const org = c.get('org')
    const input = c.req.valid('json')
    if (input.role === 'owner' && c.get('role') !== 'owner') throw adminOnOwner()
    const existing = await findUserByEmail(db, input.email)
    if (existing && (await findMember(db, org.id, existing.id)))
      throw new ApiError('CONFLICT', { sv: 'Personen är redan medlem.', en: 'This person is already a member.' })
    // Nobody becomes a member without consent: this only invites, the person accepts through their own link.
    if (await hasPendingInvitation(db, org.id, input.email, new Date().toISOString())) throw alreadyInvited()
    const principal = c.get('principal')
    const invitation = await createInvitation(c, org.id, input, principal?.kind === 'session' ? principal.userId : null)
    if (!invitation) throw alreadyInvited()
    await sendInvitationMail(c, invitation, { orgName: org.name })
    await audit(c, org.id, 'member.invite', invitation.id, { email: invitation.email, role: invitation.role })
    return c.json(toPending(invitation), 201)
  })
  .patch('/:userId', allow(MANAGE), validate('param', MemberParams), async (c) => {
    const db = c.get('db')
    const org = c.get('org')
    const target = await findMember(db, org.id, c.req.valid('param').userId)
    if (!target) throw notFound()
    if (c.get('role') !== 'owner' && target.role === 'owner') throw adminOnOwner()
    const body = await readBody(c, patchOp.body)
    const patch = body.kind === 'json' ? body.data : {}
    if (patch.role === 'owner' && c.get('role') !== 'owner') throw adminOnOwner()
    if (patch.role && patch.role !== target.role && !(await setMemberRole(db, org.id, target.userId, patch.role))) throw lastOwner()
    if (patch.name) await updateUserName(db, target.userId, patch.name)
    await audit(c, org.id, 'member.update', target.userId, patch)
    return c.json(toMember((await findMember(db, org.id, target.userId))!), 200)
  })
  .delete('/:userId', allow(MANAGE), validate('param', MemberParams), async (c) => {
    const db = c.get('db')
    const org = c.get('org')
    const id = c.req.valid('param').userId
    const now = new Date().toISOString()
    const invitation = await findPendingInvitation(db, org.id, id, now)
    if (invitation) {
      if (c.get('role') !== 'owner' && invitation.role === 'owner') throw adminOnOwner()
      if (!(await deleteInvitation(db, org.id, id, now))) throw notFound()
      await audit(c, org.id, 'member.invitation_withdraw', id, { email: invitation.email, role: invitation.role })
      return c.body(null, 204)
    }
    const target = await findMember(db, org.id, id)
    if (!target) throw notFound()
    if (c.get('role') !== 'owner' && target.role === 'owner') throw adminOnOwner()
    if (!(await removeMember(db, org.id, target.userId))) throw lastOwner()
    await audit(c, org.id, 'member.remove', target.userId)
    return c.body(null, 204)
  })
