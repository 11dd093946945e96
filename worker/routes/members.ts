import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { readBody, validate } from '../validate'
import { op } from '../openapi/registry'
import { CreateMember, Member, MemberParams, PatchMember } from '../../schema/api/members'
import { pageOf } from '../../schema/api/common'
import { addMember, findMember, listMembers, removeMember, setMemberRole, updateUserName, type MemberRow } from '../db/members'
import { findUserByEmail } from '../db/users'
import { allow, forbidden, MANAGE, requireOrgAccess, type Policy } from '../middleware/org-access'

/** Every member may see the member list; API keys never touch members. */
const MEMBERS_READ: Policy = { key: false }
import { newId } from '../services/crypto'
import { sendSignInLink } from '../services/sign-in'
import { audit } from '../services/audit'

op({ method: 'get', path: '/orgs/{org}/members', summary: 'Members and roles', tag: 'members', access: 'org', responses: { 200: { description: 'Members', schema: pageOf(Member) } } })
const createOp = op({ method: 'post', path: '/orgs/{org}/members', summary: 'Add a member (a sign-in link is sent)', tag: 'members', access: 'org', body: CreateMember, responses: { 201: { description: 'Added', schema: Member } } })
const patchOp = op({ method: 'patch', path: '/orgs/{org}/members/{userId}', summary: 'Change a member’s role or name', tag: 'members', access: 'org', params: MemberParams, body: PatchMember, responses: { 200: { description: 'The member', schema: Member } } })
op({ method: 'delete', path: '/orgs/{org}/members/{userId}', summary: 'Remove a member', tag: 'members', access: 'org', params: MemberParams, responses: { 204: { description: 'Removed' } } })

const toMember = (m: MemberRow) => ({ id: m.userId, userId: m.userId, email: m.email, name: m.name, role: m.role, createdAt: m.createdAt })
const notFound = () => new ApiError('NOT_FOUND', { sv: 'Medlemmen finns inte.', en: 'No such member.' })
const lastOwner = () => new ApiError('CONFLICT', { sv: 'Organisationen måste ha minst en ägare.', en: 'The organisation must keep at least one owner.' })
const adminOnOwner = () => forbidden('En administratör kan inte ändra en ägare eller utse ägare.', 'An admin cannot act on an owner or appoint owners.')

export const memberRoutes = new Hono<AppEnv>()
  .use(requireOrgAccess)
  .get('/', allow(MEMBERS_READ), async (c) => {
    const rows = await listMembers(c.get('db'), c.get('org').id)
    return c.json({ items: rows.map(toMember), nextCursor: null }, 200)
  })
  .post('/', allow(MANAGE), validate('json', createOp.body), async (c) => {
    const db = c.get('db')
    const org = c.get('org')
    const input = c.req.valid('json')
    if (input.role === 'owner' && c.get('role') !== 'owner') throw adminOnOwner()
    const existing = await findUserByEmail(db, input.email)
    if (existing && (await findMember(db, org.id, existing.id)))
      throw new ApiError('CONFLICT', { sv: 'Personen är redan medlem.', en: 'This person is already a member.' })
    const now = new Date().toISOString()
    const userId = await addMember(db, org.id, { userId: newId('usr'), ...input }, now)
    const member = (await findMember(db, org.id, userId))!
    await sendSignInLink(c, { id: userId, email: member.email, name: member.name }, { lang: c.get('lang'), orgId: org.id, kind: 'member_invite', orgName: org.name })
    await audit(c, org.id, 'member.add', userId, { role: input.role })
    return c.json(toMember(member), 201)
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
    const target = await findMember(db, org.id, c.req.valid('param').userId)
    if (!target) throw notFound()
    if (c.get('role') !== 'owner' && target.role === 'owner') throw adminOnOwner()
    if (!(await removeMember(db, org.id, target.userId))) throw lastOwner()
    await audit(c, org.id, 'member.remove', target.userId)
    return c.body(null, 204)
  })
