import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { call, json } from '../helpers/http'

interface SeedResult {
  organisation: { id: string; slug: string; name: string }
  owner: { email: string }
  signInLink: string
}

/** Exchanges a sign-in link for a session cookie, as the web app's /auth/verify page does. */
async function signIn(link: string): Promise<string> {
  const token = new URL(link).searchParams.get('token')
  const res = await call('/api/v1/auth/verify', { body: { token } })
  expect(res.status).toBe(200)
  const cookie = res.headers.get('Set-Cookie') ?? ''
  expect(cookie).toMatch(/^mognad_session=/)
  return cookie.split(';')[0]
}

const count = async (sql: string, ...params: unknown[]) => (await env.DB.prepare(sql).bind(...params).first<{ n: number }>())!.n

// APP_ENV is 'test' here; the production 404 is the same guard as GET /api/v1/dev/outbox.
describe('POST /api/v1/dev/seed', () => {
  it('creates the active demo organisation with its owner, members and unit tree, and signs the owner in', async () => {
    const res = await call('/api/v1/dev/seed', { method: 'POST' })
    expect(res.status).toBe(200)
    const seed = await json<SeedResult>(res)
    expect(seed.organisation).toMatchObject({ slug: 'demo', name: 'Demo kommun' })
    expect(seed.organisation.id).toMatch(/^org_/)
    expect(seed.owner).toEqual({ email: 'agare@demo.mognad.se' })
    expect(seed.signInLink).toMatch(/^http:\/\/app\.test\/auth\/verify\?token=/)

    const cookie = await signIn(seed.signInLink)
    const org = await json(await call('/api/v1/orgs/demo', { cookie }))
    expect(org).toMatchObject({ id: seed.organisation.id, kind: 'municipality', status: 'active', demo: true, shareBenchmark: true, population: 60000 })
    expect(org.orgNumber).toMatch(/^\d{6}-\d{4}$/)

    const members = await json(await call('/api/v1/orgs/demo/members', { cookie }))
    expect(members.items.map((m: { email: string; role: string }) => `${m.role} ${m.email}`).sort()).toEqual([
      'admin admin@demo.mognad.se',
      'analyst analytiker@demo.mognad.se',
      'owner agare@demo.mognad.se',
    ])

    const units = (await json(await call('/api/v1/orgs/demo/units', { cookie }))).items as { id: string; name: string; parentId: string | null }[]
    const byName = new Map(units.map((u) => [u.name, u]))
    const parentOf = (name: string) => units.find((u) => u.id === byName.get(name)?.parentId)?.name ?? null
    expect(units).toHaveLength(7)
    expect(parentOf('Kommunledningskontoret')).toBeNull()
    expect(parentOf('Äldreomsorg')).toBe('Socialförvaltningen')
    expect(parentOf('Individ- och familjeomsorg')).toBe('Socialförvaltningen')
    expect(parentOf('Grundskola')).toBe('Utbildningsförvaltningen')
    expect(parentOf('Samhällsbyggnad')).toBeNull()
  })

  it('adds nothing twice when called again, and sends a fresh working link each time', async () => {
    const first = await json<SeedResult>(await call('/api/v1/dev/seed', { method: 'POST' }))
    const second = await json<SeedResult>(await call('/api/v1/dev/seed', { method: 'POST' }))
    expect(second.organisation).toEqual(first.organisation)
    expect(second.signInLink).not.toBe(first.signInLink)

    const orgId = first.organisation.id
    expect(await count('SELECT count(*) AS n FROM organisations WHERE slug = ? OR demo = 1', 'demo')).toBe(1)
    expect(await count('SELECT count(*) AS n FROM memberships WHERE org_id = ?', orgId)).toBe(3)
    expect(await count("SELECT count(*) AS n FROM memberships WHERE org_id = ? AND role = 'owner'", orgId)).toBe(1)
    expect(await count("SELECT count(*) AS n FROM users WHERE email LIKE '%@demo.mognad.se'")).toBe(3)
    expect(await count('SELECT count(*) AS n FROM units WHERE org_id = ?', orgId)).toBe(7)

    const outbox = await json(await call('/api/v1/dev/outbox?to=AGARE@demo.mognad.se'))
    expect(outbox.items[0].links).toContain(second.signInLink)
    await signIn(second.signInLink)
    await signIn(first.signInLink)
  })
})
