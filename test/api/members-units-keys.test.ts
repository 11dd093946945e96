import { describe, expect, it } from 'vitest'
import { call, json } from '../helpers/http'
import { addMemberAndSignIn, createKey, latestLink, openInvitation, seedOrg, uniq } from '../helpers/seed-org'

describe('/api/v1/orgs/:org/members', () => {
  it('invites a member, who appears as pending until they accept; then lists, changes the role and removes', async () => {
    const org = await seedOrg()
    const email = `ny-${uniq()}@example.se`
    const res = await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie, body: { email: email.toUpperCase(), name: 'Ny Person', role: 'analyst' } })
    expect(res.status).toBe(201)
    const invited = await json(res)
    expect(invited).toMatchObject({ email, name: 'Ny Person', role: 'analyst', status: 'pending', userId: null })
    expect(invited.invitationId).toMatch(/^mbi_/)
    expect(invited.id).toBe(invited.invitationId)
    expect(await latestLink(email, /\/invitations\?token=/)).toMatch(/^http:\/\/app\.test\/invitations\?token=/)
    let list = await json(await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie }))
    expect(list.items.map((m: { status: string; email: string }) => `${m.status} ${m.email}`)).toEqual([`active ${org.ownerEmail}`, `pending ${email}`])
    // A pending invitation is not a member: no role to change.
    expect((await call(`/api/v1/orgs/${org.slug}/members/${invited.id}`, { method: 'PATCH', cookie: org.cookie, body: { role: 'admin' } })).status).toBe(404)

    const { cookie } = await openInvitation(email)
    const accepted = await json(await call(`/api/v1/auth/invitations/${invited.invitationId}/accept`, { method: 'POST', cookie }))
    const member = { userId: accepted.user.id as string }
    list = await json(await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie }))
    expect(list.items).toHaveLength(2)
    expect(list.items.find((m: { email: string }) => m.email === email)).toMatchObject({ status: 'active', userId: member.userId, id: member.userId, role: 'analyst' })
    const patched = await call(`/api/v1/orgs/${org.slug}/members/${member.userId}`, { method: 'PATCH', cookie: org.cookie, body: { role: 'admin' } })
    expect((await json(patched)).role).toBe('admin')
    expect((await call(`/api/v1/orgs/${org.slug}/members/${member.userId}`, { method: 'DELETE', cookie: org.cookie })).status).toBe(204)
    expect((await call(`/api/v1/orgs/${org.slug}/members/${member.userId}`, { method: 'DELETE', cookie: org.cookie })).status).toBe(404)
  })

  it('withdraws a pending invitation: its link no longer opens and the address can be invited again', async () => {
    const org = await seedOrg()
    const email = `dras-${uniq()}@example.se`
    const invited = await json(await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie, body: { email, name: 'Dras', role: 'analyst' } }))
    const token = new URL(await latestLink(email, /\/invitations\?token=/)).searchParams.get('token')!
    expect((await call(`/api/v1/orgs/${org.slug}/members/${invited.id}`, { method: 'DELETE', cookie: org.cookie })).status).toBe(204)
    expect((await call(`/api/v1/orgs/${org.slug}/members/${invited.id}`, { method: 'DELETE', cookie: org.cookie })).status).toBe(404)
    expect((await call('/api/v1/auth/invitations/open', { body: { token } })).status).toBe(401)
    const list = await json(await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie }))
    expect(list.items.map((m: { email: string }) => m.email)).toEqual([org.ownerEmail])
    expect((await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie, body: { email, name: 'Dras', role: 'analyst' } })).status).toBe(201)
  })

  it('answers 409 for an existing member and for removing or demoting the last owner', async () => {
    const org = await seedOrg()
    expect((await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie, body: { email: org.ownerEmail, name: 'X', role: 'admin' } })).status).toBe(409)
    const invitee = `dubbel-${uniq()}@example.se`
    expect((await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie, body: { email: invitee, name: 'X', role: 'analyst' } })).status).toBe(201)
    const again = await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie, body: { email: invitee.toUpperCase(), name: 'X', role: 'admin' } })
    expect(again.status).toBe(409)
    expect((await json(again)).code).toBe('CONFLICT')
    const me = await json(await call('/api/v1/auth/me', { cookie: org.cookie }))
    expect((await call(`/api/v1/orgs/${org.slug}/members/${me.user.id}`, { method: 'PATCH', cookie: org.cookie, body: { role: 'admin' } })).status).toBe(409)
    expect((await call(`/api/v1/orgs/${org.slug}/members/${me.user.id}`, { method: 'DELETE', cookie: org.cookie })).status).toBe(409)
    const second = await addMemberAndSignIn(org, 'owner')
    expect((await call(`/api/v1/orgs/${org.slug}/members/${me.user.id}`, { method: 'PATCH', cookie: second.cookie, body: { role: 'admin' } })).status).toBe(200)
  })

  it('forbids an admin to act on an owner or to appoint one', async () => {
    const org = await seedOrg()
    const admin = await addMemberAndSignIn(org, 'admin')
    const me = await json(await call('/api/v1/auth/me', { cookie: org.cookie }))
    expect((await call(`/api/v1/orgs/${org.slug}/members/${me.user.id}`, { method: 'DELETE', cookie: admin.cookie })).status).toBe(403)
    expect((await call(`/api/v1/orgs/${org.slug}/members/${me.user.id}`, { method: 'PATCH', cookie: admin.cookie, body: { role: 'analyst' } })).status).toBe(403)
    expect((await call(`/api/v1/orgs/${org.slug}/members`, { cookie: admin.cookie, body: { email: `o-${uniq()}@example.se`, name: 'O', role: 'owner' } })).status).toBe(403)
    const ownerInvite = await json(await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie, body: { email: `o-${uniq()}@example.se`, name: 'O', role: 'owner' } }))
    expect((await call(`/api/v1/orgs/${org.slug}/members/${ownerInvite.id}`, { method: 'DELETE', cookie: admin.cookie })).status).toBe(403)
    const analyst = await addMemberAndSignIn(org, 'analyst')
    expect((await call(`/api/v1/orgs/${org.slug}/members/${analyst.userId}`, { method: 'PATCH', cookie: admin.cookie, body: { role: 'owner' } })).status).toBe(403)
    expect((await call(`/api/v1/orgs/${org.slug}/members/${analyst.userId}`, { method: 'PATCH', cookie: admin.cookie, body: { role: 'admin' } })).status).toBe(200)
  })

  it('validates input and refuses keys', async () => {
    const org = await seedOrg()
    const res = await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie, body: { email: 'not-an-email', name: '', role: 'boss' } })
    expect(res.status).toBe(400)
    expect((await json(res)).errors.map((e: { path: string }) => e.path).sort()).toEqual(['/email', '/name', '/role'])
    const key = await createKey(org, 'write')
    expect((await call(`/api/v1/orgs/${org.slug}/members`, { key })).status).toBe(403)
  })
})

describe('/api/v1/orgs/:org/units', () => {
  it('builds a tree, renames, moves, and refuses cycles, duplicates and deleting parents', async () => {
    const org = await seedOrg()
    const path = `/api/v1/orgs/${org.slug}/units`
    const root = await json(await call(path, { cookie: org.cookie, body: { name: 'Socialförvaltningen' } }))
    const child = await json(await call(path, { cookie: org.cookie, body: { name: 'Äldreomsorg', parentId: root.id } }))
    const grandchild = await json(await call(path, { cookie: org.cookie, body: { name: 'Hemtjänst', parentId: child.id } }))
    expect(root).toMatchObject({ name: 'Socialförvaltningen', parentId: null })
    expect(grandchild.id).toMatch(/^unt_/)
    expect((await call(path, { cookie: org.cookie, body: { name: 'Äldreomsorg' } })).status).toBe(409)
    expect((await call(`${path}/${root.id}`, { method: 'PATCH', cookie: org.cookie, body: { parentId: grandchild.id } })).status).toBe(409)
    expect((await call(`${path}/${root.id}`, { method: 'PATCH', cookie: org.cookie, body: { parentId: root.id } })).status).toBe(409)
    const moved = await call(`${path}/${grandchild.id}`, { method: 'PATCH', cookie: org.cookie, body: { parentId: null, name: 'Hemtjänst Norr' } })
    expect(await json(moved)).toMatchObject({ parentId: null, name: 'Hemtjänst Norr' })
    expect((await call(`${path}/${root.id}`, { method: 'DELETE', cookie: org.cookie })).status).toBe(409)
    expect((await call(`${path}/${child.id}`, { method: 'DELETE', cookie: org.cookie })).status).toBe(204)
    expect((await json(await call(path, { cookie: org.cookie }))).items).toHaveLength(2)
  })

  it('validates names and parents', async () => {
    const org = await seedOrg()
    const path = `/api/v1/orgs/${org.slug}/units`
    expect((await call(path, { cookie: org.cookie, body: { name: '' } })).status).toBe(400)
    const res = await call(path, { cookie: org.cookie, body: { name: 'X', parentId: 'unt_missing' } })
    expect(res.status).toBe(400)
    expect((await json(res)).errors[0].path).toBe('/parentId')
    expect((await call(`${path}/unt_missing`, { method: 'PATCH', cookie: org.cookie, body: { name: 'Y' } })).status).toBe(404)
  })
})

describe('/api/v1/orgs/:org/api-keys', () => {
  it('shows the secret once, stores a hash, records last use and revokes', async () => {
    const org = await seedOrg()
    const path = `/api/v1/orgs/${org.slug}/api-keys`
    const created = await json(await call(path, { cookie: org.cookie, body: { name: 'Integration', scope: 'read' } }))
    expect(created).toMatchObject({ name: 'Integration', scope: 'read' })
    expect(created.secret.startsWith(created.prefix)).toBe(true)
    expect(created.secret.length).toBeGreaterThan(50)
    let list = await json(await call(path, { cookie: org.cookie }))
    expect(list.items[0]).toMatchObject({ id: created.id, lastUsedAt: null })
    expect(list.items[0].secret).toBeUndefined()
    expect((await call(`/api/v1/orgs/${org.slug}`, { key: created.secret })).status).toBe(200)
    list = await json(await call(path, { cookie: org.cookie }))
    expect(list.items[0].lastUsedAt).not.toBeNull()
    expect((await call(`${path}/${created.id}`, { method: 'DELETE', cookie: org.cookie })).status).toBe(204)
    expect((await call(`/api/v1/orgs/${org.slug}`, { key: created.secret })).status).toBe(401)
  })

  it('pages newest first and validates', async () => {
    const org = await seedOrg()
    const path = `/api/v1/orgs/${org.slug}/api-keys`
    for (const name of ['a', 'b', 'c']) await call(path, { cookie: org.cookie, body: { name, scope: 'write' } })
    const first = await json(await call(`${path}?limit=2`, { cookie: org.cookie }))
    expect(first.items.map((k: { name: string }) => k.name)).toEqual(['c', 'b'])
    const second = await json(await call(`${path}?limit=2&cursor=${first.nextCursor}`, { cookie: org.cookie }))
    expect(second.items.map((k: { name: string }) => k.name)).toEqual(['a'])
    expect(second.nextCursor).toBeNull()
    expect((await call(`${path}?limit=0`, { cookie: org.cookie })).status).toBe(400)
    expect((await call(path, { cookie: org.cookie, body: { name: 'x', scope: 'admin' } })).status).toBe(400)
  })
})
