import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { randomOrgNumber } from '../helpers/org-number'
import { latestLink, requestLink, seedOrg, signIn, uniq } from '../helpers/seed-org'
import { eventually } from '../helpers/seed'

const signupBody = (over: Record<string, unknown> = {}, owner: Record<string, unknown> = {}): { organisation: Record<string, any>; owner: Record<string, any> } => ({
  organisation: { name: `Åre Ö kommun ${uniq()}`, orgNumber: randomOrgNumber(), kind: 'municipality', ...over },
  owner: { name: 'Anna', email: `anna-${uniq()}@example.se`, ...owner },
})

describe('POST /api/v1/signup', () => {
  it('creates a pending organisation with a derived slug and sends a sign-in link', async () => {
    const body = signupBody({ name: 'Åsele Östra Kommun' })
    const res = await call('/api/v1/signup', { body })
    expect(res.status).toBe(201)
    const out = await json(res)
    expect(out.organisation.status).toBe('pending')
    expect(out.organisation.id).toMatch(/^org_/)
    expect(out.organisation.slug).toMatch(/^asele-ostra-kommun(-\d+)?$/)
    expect(await latestLink(body.owner.email)).toMatch(/^http:\/\/app\.test\/auth\/verify\?token=/)
  })

  it('adds a numeric suffix when the derived slug is taken', async () => {
    const name = `Samma Namn ${uniq()}`
    const a = await json(await call('/api/v1/signup', { body: signupBody({ name }) }))
    const b = await json(await call('/api/v1/signup', { body: signupBody({ name }) }))
    expect(b.organisation.slug).toBe(`${a.organisation.slug}-2`)
  })

  it('rejects a taken slug and a duplicate org number with 409', async () => {
    const first = signupBody({ slug: `slug-${uniq()}` })
    expect((await call('/api/v1/signup', { body: first })).status).toBe(201)
    const sameSlug = await call('/api/v1/signup', { body: signupBody({ slug: first.organisation.slug }) })
    expect(sameSlug.status).toBe(409)
    expect((await json(sameSlug)).code).toBe('CONFLICT')
    const sameNumber = await call('/api/v1/signup', { body: signupBody({ orgNumber: first.organisation.orgNumber }) })
    expect(sameNumber.status).toBe(409)
  })

  it.each([
    ['a wrong check digit', { orgNumber: '212000-0143' }, '/organisation/orgNumber'],
    ['a malformed org number', { orgNumber: '2120000142' }, '/organisation/orgNumber'],
    ['an unknown kind', { kind: 'city' }, '/organisation/kind'],
    ['an unknown county', { county: '02' }, '/organisation/county'],
    ['a zero population', { population: 0 }, '/organisation/population'],
    ['a bad slug', { slug: 'AB' }, '/organisation/slug'],
    ['an unknown field', { colour: 'red' }, '/organisation/colour'],
  ])('rejects %s with 400 and a JSON Pointer', async (_label, over, path) => {
    const res = await call('/api/v1/signup', { body: signupBody(over) })
    expect(res.status).toBe(400)
    expect(res.headers.get('Content-Type')).toContain('application/problem+json')
    const problem = await json(res)
    expect(problem.code).toBe('VALIDATION_FAILED')
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path)
  })

  it('accepts a valid org number (212000-0142) and defaults shareBenchmark to false', async () => {
    const org = await seedOrg()
    const res = await call(`/api/v1/orgs/${org.slug}`, { cookie: org.cookie })
    const body = await json(res)
    expect(body.shareBenchmark).toBe(false)
    expect(body.status).toBe('active')
  })

  it('answers 429 and creates nothing when the owner address is rate limited', async () => {
    const email = `limited-${uniq()}@example.se`
    for (let i = 0; i < 5; i++) expect((await call('/api/v1/auth/sign-in-link', { body: { email } })).status).toBe(202)
    const body = signupBody({}, { email })
    const res = await call('/api/v1/signup', { body })
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0)
    const again = await call('/api/v1/signup', { body: signupBody({ orgNumber: body.organisation.orgNumber }) })
    expect(again.status).toBe(201)
  })
})

describe('sign-in links and sessions', () => {
  it('answers 202 for unknown addresses, sends nothing and keeps no row of the address', { timeout: 30_000 }, async () => {
    const email = `nobody-${uniq()}@example.se`
    expect((await call('/api/v1/auth/sign-in-link', { body: { email } })).status).toBe(202)
    // The request queued the address as typed; the consumer finds no account and drops the row.
    await eventually(async () => (await env.DB.prepare('SELECT count(*) AS n FROM outbox WHERE to_email = ?').bind(email).first<{ n: number }>())!.n === 0)
    const box = await json(await call(`/api/v1/dev/outbox?to=${email}`))
    expect(box.items).toEqual([])
  })

  it('limits links to 5 per address per 15 minutes, known or not', async () => {
    const email = `x-${uniq()}@example.se`
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push((await call('/api/v1/auth/sign-in-link', { body: { email } })).status)
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429])
  })

  it('limits links to 100 per client address per hour', { timeout: 60_000 }, async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`
    let last = 0
    for (let i = 0; i < 101; i++) last = (await call('/api/v1/auth/sign-in-link', { body: { email: `ip-${i}-${uniq()}@example.se` }, ip })).status
    expect(last).toBe(429)
  })

  it('verifies a link once, activates the organisation and sets an HttpOnly Lax cookie', async () => {
    const body = signupBody()
    await call('/api/v1/signup', { body })
    const token = new URL(await latestLink(body.owner.email)).searchParams.get('token')!
    const res = await call('/api/v1/auth/verify', { body: { token } })
    expect(res.status).toBe(200)
    const me = await json(res)
    expect(me.user.email).toBe(body.owner.email)
    expect(me.organisations[0]).toMatchObject({ role: 'owner', status: 'active' })
    const cookie = res.headers.get('Set-Cookie')!
    expect(cookie).toMatch(/^mognad_session=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).not.toMatch(/Secure/i)
    const reuse = await call('/api/v1/auth/verify', { body: { token } })
    expect(reuse.status).toBe(401)
    expect((await call('/api/v1/auth/verify', { body: { token: 'nonsense' } })).status).toBe(401)
  })

  it('gives a new session id at every sign-in and revokes on logout', { timeout: 30_000 }, async () => {
    const org = await seedOrg()
    await requestLink(org.ownerEmail)
    const second = await signIn(org.ownerEmail)
    expect(second).not.toBe(org.cookie)
    expect((await call('/api/v1/auth/me', { cookie: second })).status).toBe(200)
    expect((await call('/api/v1/auth/logout', { method: 'POST', cookie: second, origin: null })).status).toBe(403)
    expect((await call('/api/v1/auth/logout', { method: 'POST', cookie: second })).status).toBe(204)
    expect((await call('/api/v1/auth/me', { cookie: second })).status).toBe(401)
    expect((await call('/api/v1/auth/me', { cookie: org.cookie })).status).toBe(200)
  })

  it('answers 401 problem+json without a session', async () => {
    const res = await call('/api/v1/auth/me')
    expect(res.status).toBe(401)
    expect((await json(res)).code).toBe('UNAUTHENTICATED')
  })

  it('expires sessions after 8 idle hours and after 7 days in all', async () => {
    const org = await seedOrg()
    const hash = async (cookie: string) => {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(cookie.split('=')[1]))
      return btoa(String.fromCharCode(...new Uint8Array(digest))).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
    }
    const idHash = await hash(org.cookie)
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString()
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').bind(ago(7.9 * 3600e3), idHash).run()
    expect((await call('/api/v1/auth/me', { cookie: org.cookie })).status).toBe(200)
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').bind(ago(8.1 * 3600e3), idHash).run()
    expect((await call('/api/v1/auth/me', { cookie: org.cookie })).status).toBe(401)
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?').bind(ago(0), ago(1000), idHash).run()
    expect((await call('/api/v1/auth/me', { cookie: org.cookie })).status).toBe(401)
  })

  it('refuses a sign-in link after 15 minutes and stores only its hash', { timeout: 30_000 }, async () => {
    const org = await seedOrg()
    const token = new URL((await requestLink(org.ownerEmail)).link).searchParams.get('token')!
    const stored = await env.DB.prepare('SELECT * FROM sign_in_tokens').all()
    expect(JSON.stringify(stored.results)).not.toContain(token)
    await env.DB.prepare("UPDATE sign_in_tokens SET expires_at = ? WHERE used_at IS NULL").bind(new Date(Date.now() - 1000).toISOString()).run()
    expect((await call('/api/v1/auth/verify', { body: { token } })).status).toBe(401)
  })
})
