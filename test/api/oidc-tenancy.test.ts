/**
 * One tenant's identity provider can never authenticate a person for another tenant: the attack
 * an organisation's own admin could mount with single sign-on, played through the HTTP API
 * against a real OpenID provider that vouches for whatever account it is told to.
 */
import { describe, expect, it, inject } from 'vitest'
import { env } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { ACCOUNT_EMAIL_PATH, RS_CLIENT } from '../helpers/oidc-clients'
import { cookieFrom, errorOf, ssoSignIn } from '../helpers/oidc-flow'
import { freshDomain, freshEmail, proveDomain, seedOidcOrg } from '../helpers/oidc-seed'
import { openInvitation, requestLink, seedOrg, signIn, uniq, type SeededOrg } from '../helpers/seed-org'

const issuer = inject('oidcIssuer')

/** The attacker's organisation X pointed at the attacker's provider, vouching within `domains`. */
async function configureAttackerSso(x: SeededOrg, domains: string[]) {
  const res = await call(`/api/v1/orgs/${x.slug}`, {
    method: 'PATCH',
    cookie: x.cookie,
    body: { oidc: { issuer, clientId: RS_CLIENT.clientId, clientSecret: RS_CLIENT.clientSecret, allowedDomains: domains } },
  })
  expect(res.status).toBe(200)
}

/** Adds a member: a pending invitation until the person accepts it with their own link. */
async function addMember(org: SeededOrg, email: string, role: 'owner' | 'admin' | 'analyst' = 'analyst') {
  const res = await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.cookie, body: { email, name: email.split('@')[0], role } })
  expect(res.status).toBe(201)
  return json<{ userId: string | null; status: string; invitationId: string }>(res)
}

/** The invited person opens their own invitation link and accepts it. */
async function accept(email: string, invitationId: string) {
  const { cookie } = await openInvitation(email)
  expect((await call(`/api/v1/auth/invitations/${invitationId}/accept`, { method: 'POST', cookie })).status).toBe(200)
}

const count = async (sql: string, ...params: unknown[]) => (await env.DB.prepare(sql).bind(...params).first<{ n: number }>())!.n

describe('single sign-on across tenants', () => {
  it('refuses the attacker’s provider vouching for anna@victim.se: no session, no link, no key in V', async () => {
    // 1. Anna owns V and has signed in with her e-mail link.
    const v = await seedOrg({ name: `Victim ${uniq()}`, ownerEmail: 'anna@victim.se' })
    const annaId = (await json(await call('/api/v1/auth/me', { cookie: v.cookie }))).user.id
    // 2. The attacker signs up X, adds Anna as an analyst and points X's sign-on at their own provider.
    const x = await seedOrg({ name: `Attacker ${uniq()}` })
    // Membership needs her consent: the attacker gets only a pending invitation (no user id).
    expect(await addMember(x, 'anna@victim.se')).toMatchObject({ status: 'pending', userId: null })
    await configureAttackerSso(x, ['victim.se'])
    const keysBefore = await count('SELECT count(*) AS n FROM api_keys WHERE org_id = ?', v.id)
    // 3. The attacker's provider vouches for anna@victim.se, email_verified true.
    const { res, session } = await ssoSignIn(x.slug, 'anna@victim.se')
    // 4. X never proved victim.se, so its provider speaks for nobody there.
    expect(errorOf(res)).toBe('domain_not_proven')
    expect(session).toBeUndefined()
    expect(await count('SELECT count(*) AS n FROM sessions WHERE user_id = ? AND org_id IS NOT NULL', annaId)).toBe(0)
    expect(await count('SELECT count(*) AS n FROM user_identities WHERE user_id = ?', annaId)).toBe(0)
    const key = await call(`/api/v1/orgs/${v.slug}/api-keys`, { body: { name: 'stolen', scope: 'write' } })
    expect(key.status).toBe(401)
    expect(await count('SELECT count(*) AS n FROM api_keys WHERE org_id = ?', v.id)).toBe(keysBefore)
  })

  it('scopes the session to X when X’s provider vouches for its member who owns W: W is 404, no key in W', async () => {
    const domain = freshDomain()
    const bob = freshEmail('bob.', domain)
    const w = await seedOrg({ name: `Owned ${uniq()}`, ownerEmail: bob })
    const x = await seedOrg({ name: `Attacker ${uniq()}` })
    await proveDomain(x.id, domain)
    // Bob really is a member of X: he accepts its invitation with his own link.
    await accept(bob, (await addMember(x, bob)).invitationId)
    await configureAttackerSso(x, [domain])

    const { res, session } = await ssoSignIn(x.slug, bob)
    expect(res.headers.get('Location')).toBe(`/o/${x.slug}`)
    expect(session).toBeDefined()
    const me = await json(await call('/api/v1/auth/me', { cookie: session }))
    expect(me.user.email).toBe(bob)
    expect(me.organisations.map((o: { id: string }) => o.id)).toEqual([x.id])
    expect(me.scope).toEqual({ orgId: x.id })
    expect((await call(`/api/v1/orgs/${x.slug}`, { cookie: session })).status).toBe(200)
    for (const ref of [w.slug, w.id]) {
      expect((await call(`/api/v1/orgs/${ref}`, { cookie: session })).status).toBe(404)
      expect((await call(`/api/v1/orgs/${ref}/members`, { cookie: session })).status).toBe(404)
      const key = await call(`/api/v1/orgs/${ref}/api-keys`, { cookie: session, body: { name: 'stolen', scope: 'write' } })
      expect(key.status).toBe(404)
      expect(key.headers.get('Content-Type')).toMatch(/application\/problem\+json/)
    }
    expect(await count('SELECT count(*) AS n FROM api_keys WHERE org_id = ?', w.id)).toBe(0)
    // Bob's own e-mail-link session stays unscoped and reaches both.
    const own = await json(await call('/api/v1/auth/me', { cookie: w.cookie }))
    expect(own.scope).toBeNull()
    expect(own.organisations.map((o: { id: string }) => o.id).sort()).toEqual([w.id, x.id].sort())
  })

  it('honours only proven domains among the allowed ones', async () => {
    const proven = freshDomain()
    const unproven = freshDomain()
    const inProven = freshEmail('ok.', proven)
    const inUnproven = freshEmail('nope.', unproven)
    const org = await seedOidcOrg({ issuer, client: RS_CLIENT, domains: [proven, unproven], proven: [proven], members: [{ email: inProven }, { email: inUnproven }] })
    expect(errorOf((await ssoSignIn(org.slug, inUnproven)).res)).toBe('domain_not_proven')
    expect((await ssoSignIn(org.slug, inProven)).res.headers.get('Location')).toBe(`/o/${org.slug}`)
  })
})

describe('identity linking', () => {
  it('links an identity only after the member has used an e-mail sign-in link', async () => {
    const email = freshEmail('new.')
    const org = await seedOidcOrg({ issuer, client: RS_CLIENT, members: [{ email, proven: false }] })
    const first = await ssoSignIn(org.slug, email)
    expect(errorOf(first.res)).toBe('identity_not_linked')
    expect(first.session).toBeUndefined()
    expect(await count('SELECT count(*) AS n FROM user_identities WHERE org_id = ?', org.id)).toBe(0)

    await requestLink(email)
    await signIn(email)
    const second = await ssoSignIn(org.slug, email)
    expect(second.res.headers.get('Location')).toBe(`/o/${org.slug}`)
    const link = await env.DB.prepare('SELECT iss, sub, user_id FROM user_identities WHERE org_id = ?').bind(org.id).first<{ iss: string; sub: string; user_id: string }>()
    expect(link).toEqual({ iss: issuer, sub: email, user_id: org.userIds[0] })
  })

  it('matches a linked identity by issuer and subject, not by the address the provider sends later', async () => {
    const email = freshEmail('linked.')
    const org = await seedOidcOrg({ issuer, client: RS_CLIENT, members: [{ email }] })
    expect((await ssoSignIn(org.slug, email)).res.headers.get('Location')).toBe(`/o/${org.slug}`)
    // The same subject with a new address outside every allowed domain: still the same person.
    expect((await fetch(`${issuer}${ACCOUNT_EMAIL_PATH}?account=${encodeURIComponent(email)}&email=${encodeURIComponent(freshEmail('renamed.'))}`, { method: 'POST' })).status).toBe(204)
    const renamed = await ssoSignIn(org.slug, email)
    expect(renamed.res.headers.get('Location')).toBe(`/o/${org.slug}`)
    expect((await json(await call('/api/v1/auth/me', { cookie: renamed.session }))).user.id).toBe(org.userIds[0])
  })

  it('refuses a linked identity whose user is no longer a member', async () => {
    const email = freshEmail('gone.')
    const org = await seedOidcOrg({ issuer, client: RS_CLIENT, members: [{ email }, { email: freshEmail('stays.'), role: 'owner' }] })
    expect(cookieFrom((await ssoSignIn(org.slug, email)).res, 'mognad_session')).toBeDefined()
    await env.DB.prepare('DELETE FROM memberships WHERE org_id = ? AND user_id = ?').bind(org.id, org.userIds[0]).run()
    expect(errorOf((await ssoSignIn(org.slug, email)).res)).toBe('not_a_member')
  })
})
