import { describe, expect, it, inject } from 'vitest'
import { env } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { randomOrgNumber } from '../helpers/org-number'
import { latestLink, openInvitation, requestLink, seedOrg, signIn, uniq, type SeededOrg } from '../helpers/seed-org'
import { signInAtProvider } from '../helpers/oidc-browser'
import { navigate } from '../helpers/oidc-http'
import { RS_CLIENT } from '../helpers/oidc-clients'
import { encryptSecret, newId } from '../../worker/lib/crypto'

const issuer = inject('oidcIssuer')
const INVITATION_LINK = /\/invitations\?token=/

/** An organisation signed up through the API whose owner (new at sign-up) is signed in. */
async function victimOwner(domain: string) {
  const email = `anna.${uniq()}@${domain}`
  const res = await call('/api/v1/signup', {
    body: { organisation: { name: `Victim ${uniq()}`, orgNumber: randomOrgNumber(), kind: 'municipality' }, owner: { name: 'Anna', email } },
  })
  expect(res.status).toBe(201)
  const { organisation } = await json(res)
  return { email, org: organisation as { id: string; slug: string }, cookie: await signIn(email) }
}

const slugsOf = async (cookie: string) => ((await json(await call('/api/v1/auth/me', { cookie }))).organisations as { slug: string; role: string }[]).map((o) => `${o.slug} ${o.role}`)
const actionsOf = async (org: SeededOrg) => ((await json(await call(`/api/v1/orgs/${org.slug}/audit-log`, { cookie: org.cookie }))).items as { action: string }[]).map((e) => e.action)

/** What the attacker does to X's settings: its own provider, the victim's domain as allowed and proven. */
async function pointSsoAt(org: SeededOrg, domain: string) {
  const secret = await encryptSecret(env.DATA_KEY, RS_CLIENT.clientSecret)
  await env.DB.batch([
    env.DB.prepare('UPDATE organisations SET oidc_issuer = ?, oidc_client_id = ?, oidc_client_secret_enc = ?, oidc_allowed_domains = ? WHERE id = ?').bind(issuer, RS_CLIENT.clientId, secret, JSON.stringify([domain]), org.id),
    env.DB.prepare('INSERT INTO org_domains (id, org_id, domain, token, created_at, verified_at) VALUES (?, ?, ?, ?, ?, ?)').bind(newId('dom'), org.id, domain, 'proof', new Date().toISOString(), new Date().toISOString()),
  ])
}

/** A sign-in through the organisation's provider as `account`; returns the Worker's answer to the callback. */
async function ssoAs(slug: string, account: string): Promise<Response> {
  const started = await navigate(`/api/v1/auth/oidc/${slug}/start`)
  const binding = started.headers.getSetCookie().find((c) => c.startsWith('mognad_oidc='))!.split(';')[0]
  const back = await signInAtProvider(started.headers.get('Location')!, account)
  return navigate(`${back.pathname}${back.search}`, binding)
}

describe('membership without consent (the attack)', () => {
  it('adds an existing owner elsewhere only as a pending invitation: not in her session, not a member, not signed in through the attacker’s provider; she accepts with her own link', async () => {
    const domain = `victim-${uniq()}.test`
    const anna = await victimOwner(domain)
    const attacker = await seedOrg()

    const added = await call(`/api/v1/orgs/${attacker.slug}/members`, { cookie: attacker.cookie, body: { email: anna.email, name: 'Anna', role: 'analyst' } })
    expect(added.status).toBe(201)
    const invitation = await json(added)
    // Pending, and nothing tells the attacker whether the address has an account.
    expect(invitation).toMatchObject({ status: 'pending', userId: null, email: anna.email, role: 'analyst' })

    expect(await slugsOf(anna.cookie)).toEqual([`${anna.org.slug} owner`])
    expect((await call(`/api/v1/orgs/${attacker.slug}`, { cookie: anna.cookie })).status).toBe(404)
    const seen = (await json(await call(`/api/v1/orgs/${attacker.slug}/members`, { cookie: attacker.cookie }))).items as { email: string; status: string; userId: string | null }[]
    expect(seen.filter((m) => m.email === anna.email)).toEqual([expect.objectContaining({ status: 'pending', userId: null })])
    expect(seen.filter((m) => m.status === 'active').map((m) => m.email)).toEqual([attacker.ownerEmail])

    // The attacker's provider vouches for her address: she is no member of X, so no session.
    await pointSsoAt(attacker, domain)
    const sso = await ssoAs(attacker.slug, anna.email)
    expect(sso.status).toBe(302)
    expect(sso.headers.get('Location')).toBe('/sign-in?error=not_a_member')
    expect(sso.headers.getSetCookie().some((c) => c.startsWith('mognad_session='))).toBe(false)
    // Nor can the attacker answer the invitation in her place.
    expect((await call(`/api/v1/auth/invitations/${invitation.invitationId}/accept`, { method: 'POST', cookie: attacker.cookie })).status).toBe(404)
    expect((await json(await call('/api/v1/auth/invitations', { cookie: attacker.cookie }))).items).toEqual([])

    // Her own link signs her in but accepts nothing by itself.
    const opened = await openInvitation(anna.email)
    expect(opened.body.invitation).toMatchObject({ id: invitation.invitationId, role: 'analyst', organisation: { slug: attacker.slug } })
    expect(opened.body.me.organisations.map((o: { slug: string }) => o.slug)).toEqual([anna.org.slug])
    expect(await slugsOf(opened.cookie)).toEqual([`${anna.org.slug} owner`])
    const mine = (await json(await call('/api/v1/auth/invitations', { cookie: anna.cookie }))).items
    expect(mine).toEqual([expect.objectContaining({ id: invitation.invitationId, organisation: expect.objectContaining({ slug: attacker.slug }) })])

    const accepted = await call(`/api/v1/auth/invitations/${invitation.invitationId}/accept`, { method: 'POST', cookie: anna.cookie })
    expect(accepted.status).toBe(200)
    expect((await json(accepted)).organisations.map((o: { slug: string }) => o.slug).sort()).toEqual([anna.org.slug, attacker.slug].sort())
    expect((await slugsOf(anna.cookie)).sort()).toEqual([`${anna.org.slug} owner`, `${attacker.slug} analyst`].sort())
    // Once answered, the invitation is gone: a second accept finds nothing.
    expect((await call(`/api/v1/auth/invitations/${invitation.invitationId}/accept`, { method: 'POST', cookie: anna.cookie })).status).toBe(404)
    expect(await actionsOf(attacker)).toEqual(expect.arrayContaining(['member.invite', 'member.invitation_accept']))
  })

  it('lets the invitee decline: the organisation never appears and the invitation leaves the list', async () => {
    const anna = await victimOwner(`victim-${uniq()}.test`)
    const attacker = await seedOrg()
    const invitation = await json(await call(`/api/v1/orgs/${attacker.slug}/members`, { cookie: attacker.cookie, body: { email: anna.email, name: 'Anna', role: 'admin' } }))
    expect((await call(`/api/v1/auth/invitations/${invitation.invitationId}/decline`, { method: 'POST', cookie: anna.cookie, origin: 'http://evil.test' })).status).toBe(403)
    expect((await call(`/api/v1/auth/invitations/${invitation.invitationId}/decline`, { method: 'POST', cookie: anna.cookie })).status).toBe(204)
    expect(await slugsOf(anna.cookie)).toEqual([`${anna.org.slug} owner`])
    expect((await call(`/api/v1/auth/invitations/${invitation.invitationId}/accept`, { method: 'POST', cookie: anna.cookie })).status).toBe(404)
    const token = new URL(await latestLink(anna.email, INVITATION_LINK)).searchParams.get('token')!
    expect((await call('/api/v1/auth/invitations/open', { body: { token } })).status).toBe(401)
    const members = (await json(await call(`/api/v1/orgs/${attacker.slug}/members`, { cookie: attacker.cookie }))).items as { email: string }[]
    expect(members.map((m) => m.email)).toEqual([attacker.ownerEmail])
    expect(await actionsOf(attacker)).toEqual(expect.arrayContaining(['member.invite', 'member.invitation_decline']))
  })

  it('signs in once per link, never after expiry, and records a withdrawal', async () => {
    const org = await seedOrg()
    const email = `ny.${uniq()}@example.se`
    const invitation = await json(await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie, body: { email, name: 'Ny', role: 'analyst' } }))
    const token = new URL(await latestLink(email, INVITATION_LINK)).searchParams.get('token')!
    expect((await call('/api/v1/auth/invitations/open', { body: { token } })).status).toBe(200)
    const reused = await call('/api/v1/auth/invitations/open', { body: { token } })
    expect(reused.status).toBe(401)
    expect(reused.headers.get('Set-Cookie')).toBeNull()
    expect((await call('/api/v1/auth/invitations/open', { body: { token: 'nonsense' } })).status).toBe(401)
    expect((await call('/api/v1/auth/invitations/open', { body: {} })).status).toBe(400)

    const later = `sen.${uniq()}@example.se`
    const expiring = await json(await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie, body: { email: later, name: 'Sen', role: 'analyst' } }))
    await env.DB.prepare('UPDATE member_invitations SET expires_at = ? WHERE id = ?').bind(new Date(Date.now() - 1000).toISOString(), expiring.invitationId).run()
    const expiredToken = new URL(await latestLink(later, INVITATION_LINK)).searchParams.get('token')!
    expect((await call('/api/v1/auth/invitations/open', { body: { token: expiredToken } })).status).toBe(401)
    // Expired: gone from the list, and the address can be invited again.
    const list = (await json(await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie }))).items as { email: string }[]
    expect(list.map((m) => m.email)).not.toContain(later)
    expect((await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie, body: { email: later, name: 'Sen', role: 'analyst' } })).status).toBe(201)

    // Another organisation's owner cannot withdraw it: 404, and it stays.
    const other = await seedOrg()
    expect((await call(`/api/v1/orgs/${other.slug}/members/${invitation.id}`, { method: 'DELETE', cookie: other.cookie })).status).toBe(404)
    expect((await call(`/api/v1/orgs/${org.slug}/members/${invitation.id}`, { method: 'DELETE', cookie: other.cookie })).status).toBe(404)
    expect((await call(`/api/v1/orgs/${org.slug}/members/${invitation.id}`, { method: 'DELETE', cookie: org.cookie })).status).toBe(204)
    expect(await actionsOf(org)).toContain('member.invitation_withdraw')
  })

  it('accepts once under two concurrent requests: one membership', async () => {
    const org = await seedOrg()
    const email = `samtidig.${uniq()}@example.se`
    const invitation = await json(await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie, body: { email, name: 'Samtidig', role: 'admin' } }))
    const { cookie } = await openInvitation(email)
    const path = `/api/v1/auth/invitations/${invitation.invitationId}/accept`
    const answers = await Promise.all([call(path, { method: 'POST', cookie }), call(path, { method: 'POST', cookie })])
    expect(answers.map((r) => r.status).sort()).toEqual([200, 404])
    expect(await env.DB.prepare('SELECT count(*) AS n FROM memberships WHERE org_id = ?').bind(org.id).first('n')).toBe(2)
    expect(await slugsOf(cookie)).toEqual([`${org.slug} admin`])
  })
})

describe('POST /api/v1/signup naming an existing user as owner', () => {
  it('creates the organisation pending with an owner invitation: not in her session until she accepts', async () => {
    const anna = await victimOwner('example.se')
    const res = await call('/api/v1/signup', {
      body: { organisation: { name: `Attacker ${uniq()}`, orgNumber: randomOrgNumber(), kind: 'company' }, owner: { name: 'Anna', email: anna.email } },
    })
    expect(res.status).toBe(201)
    const { organisation } = await json(res)
    expect(organisation.status).toBe('pending')
    expect(await slugsOf(anna.cookie)).toEqual([`${anna.org.slug} owner`])
    expect((await call(`/api/v1/orgs/${organisation.slug}`, { cookie: anna.cookie })).status).toBe(404)
    expect(await env.DB.prepare('SELECT count(*) AS n FROM memberships WHERE org_id = ?').bind(organisation.id).first('n')).toBe(0)

    // A plain sign-in link is no consent to it either.
    await requestLink(anna.email)
    const again = await signIn(anna.email)
    expect(await slugsOf(again)).toEqual([`${anna.org.slug} owner`])

    const mine = (await json(await call('/api/v1/auth/invitations', { cookie: anna.cookie }))).items
    expect(mine).toEqual([expect.objectContaining({ role: 'owner', invitedBy: null, organisation: expect.objectContaining({ slug: organisation.slug }) })])
    expect(await latestLink(anna.email, INVITATION_LINK)).toMatch(/^http:\/\/app\.test\/invitations\?token=/)
    const accepted = await call(`/api/v1/auth/invitations/${mine[0].id}/accept`, { method: 'POST', cookie: anna.cookie })
    expect(accepted.status).toBe(200)
    expect((await slugsOf(anna.cookie)).sort()).toEqual([`${anna.org.slug} owner`, `${organisation.slug} owner`].sort())
    expect((await json(await call(`/api/v1/orgs/${organisation.slug}`, { cookie: anna.cookie }))).status).toBe('active')
  })

  it('keeps a new address’s sign-up pending and out of sessions until the sign-in link sent to that address', async () => {
    const email = `ny.${uniq()}@example.se`
    const res = await call('/api/v1/signup', { body: { organisation: { name: `Ny ${uniq()}`, orgNumber: randomOrgNumber(), kind: 'agency' }, owner: { name: 'Ny', email } } })
    const { organisation } = await json(res)
    // The address also gets an invitation elsewhere and opens that link first: the sign-up stays out of the session.
    const other = await seedOrg()
    await call(`/api/v1/orgs/${other.slug}/members`, { cookie: other.cookie, body: { email, name: 'Ny', role: 'analyst' } })
    const opened = await openInvitation(email)
    expect(opened.body.me.organisations).toEqual([])
    expect((await call(`/api/v1/orgs/${organisation.slug}`, { cookie: opened.cookie })).status).toBe(404)
    // The sign-up's own link, sent only to the address, is the owner's consent and activates it.
    const cookie = await signIn(email)
    expect(await slugsOf(cookie)).toEqual([`${organisation.slug} owner`])
  })
})
