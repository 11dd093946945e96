import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { addMemberAndSignIn, createKey, seedOrg } from '../helpers/seed-org'

describe('GET /api/v1/orgs/:org', () => {
  it('returns the profile and settings with defaults, by slug or id', async () => {
    const org = await seedOrg()
    const bySlug = await json(await call(`/api/v1/orgs/${org.slug}`, { cookie: org.cookie }))
    expect(bySlug).toMatchObject({ id: org.id, slug: org.slug, kind: 'municipality', county: '01', population: 40000, status: 'active', demo: false, shareBenchmark: false, anonymityThreshold: 5, targets: {} })
    expect(bySlug.innovationBands).toEqual({ A: { min: 0.2, max: 0.5 }, B: { min: 0.3, max: 0.6 }, C: { min: 0.2, max: 0.5 }, D: { min: 0.3, max: 0.7 } })
    expect(bySlug.oidc).toMatchObject({ issuer: null, clientId: null, allowedDomains: [] })
    const byId = await json(await call(`/api/v1/orgs/${org.id}`, { cookie: org.cookie }))
    expect(byId.slug).toBe(org.slug)
  })

  it('is readable with an API key', async () => {
    const org = await seedOrg()
    const key = await createKey(org, 'read')
    expect((await call(`/api/v1/orgs/${org.slug}`, { key })).status).toBe(200)
  })
})

describe('PATCH /api/v1/orgs/:org', () => {
  it('merges settings: targets key by key, null removes, bands and OIDC', async () => {
    const org = await seedOrg()
    const path = `/api/v1/orgs/${org.slug}`
    let res = await call(path, { method: 'PATCH', cookie: org.cookie, body: { anonymityThreshold: 7, shareBenchmark: true, targets: { E1: 80, I2: 60 }, innovationBands: { A: { min: 0.1, max: 0.4 } } } })
    expect(res.status).toBe(200)
    res = await call(path, { method: 'PATCH', cookie: org.cookie, body: { targets: { E1: null, B3: 70 }, population: null, oidc: { issuer: 'https://login.example.se', clientId: 'abc', clientSecret: 's3cret', allowedDomains: ['Example.se'], tokenAuthMethod: 'client_secret_post' } } })
    const body = await json(res)
    expect(body).toMatchObject({ anonymityThreshold: 7, shareBenchmark: true, targets: { I2: 60, B3: 70 }, population: null })
    expect(body.targets.E1).toBeUndefined()
    expect(body.innovationBands.A).toEqual({ min: 0.1, max: 0.4 })
    expect(body.oidc).toEqual({ issuer: 'https://login.example.se', clientId: 'abc', allowedDomains: ['example.se'], allowedDomainStatus: [{ domain: 'example.se', verified: false }], clientSecretSet: true, tokenAuthMethod: 'client_secret_post' })
    expect(JSON.stringify(body)).not.toContain('s3cret')
  })

  it('says per allowed sign-on domain whether the organisation has proven it', async () => {
    const org = await seedOrg()
    const other = await seedOrg()
    const path = `/api/v1/orgs/${org.slug}`
    // Its own proven domain counts; an unproven one and one another organisation proved do not.
    const allowedDomains = [org.domain, 'unproven-kommun.se', other.domain]
    const res = await call(path, { method: 'PATCH', cookie: org.cookie, body: { oidc: { allowedDomains } } })
    expect(res.status).toBe(200)
    const expected = [{ domain: org.domain, verified: true }, { domain: 'unproven-kommun.se', verified: false }, { domain: other.domain, verified: false }]
    expect((await json(res)).oidc.allowedDomainStatus).toEqual(expected)
    expect((await json(await call(path, { cookie: org.cookie }))).oidc.allowedDomainStatus).toEqual(expected)
  })

  it.each([
    [{ anonymityThreshold: 2 }, '/anonymityThreshold'],
    [{ anonymityThreshold: 51 }, '/anonymityThreshold'],
    [{ targets: { E1: 101 } }, '/targets/E1'],
    [{ targets: { X9: 50 } }, '/targets/X9'],
    [{ innovationBands: { A: { min: 0.6, max: 0.4 } } }, '/innovationBands/A'],
    [{ orgNumber: '212000-0142' }, '/orgNumber'],
    [{ oidc: { issuer: 'http://login.example.se' } }, '/oidc/issuer'],
    [{ oidc: { issuer: 'https://login.example.se/?x=1' } }, '/oidc/issuer'],
    [{ oidc: { tokenAuthMethod: 'private_key_jwt' } }, '/oidc/tokenAuthMethod'],
  ])('rejects %j with 400 at %s', async (patch, path) => {
    const org = await seedOrg()
    const res = await call(`/api/v1/orgs/${org.slug}`, { method: 'PATCH', cookie: org.cookie, body: patch })
    expect(res.status).toBe(400)
    expect((await json(res)).errors.map((e: { path: string }) => e.path)).toContain(path)
  })

  it('is refused to analysts and API keys with 403 and audited for admins', async () => {
    const org = await seedOrg()
    const analyst = await addMemberAndSignIn(org, 'analyst')
    const admin = await addMemberAndSignIn(org, 'admin')
    const key = await createKey(org, 'write')
    expect((await call(`/api/v1/orgs/${org.slug}`, { method: 'PATCH', cookie: analyst.cookie, body: { population: 5 } })).status).toBe(403)
    expect((await call(`/api/v1/orgs/${org.slug}`, { method: 'PATCH', key, body: { population: 5 } })).status).toBe(403)
    expect((await call(`/api/v1/orgs/${org.slug}`, { method: 'PATCH', cookie: admin.cookie, body: { population: 5 } })).status).toBe(200)
    const log = await json(await call(`/api/v1/orgs/${org.slug}/audit-log`, { cookie: org.cookie }))
    expect(log.items.map((e: { action: string }) => e.action)).toContain('org.settings')
    expect(log.items.find((e: { action: string }) => e.action === 'org.settings').actor).toBe(admin.email)
  })
})

describe('DELETE /api/v1/orgs/:org', () => {
  it('lets only an owner delete, and removes every row the organisation owns', async () => {
    const org = await seedOrg()
    const other = await seedOrg()
    const admin = await addMemberAndSignIn(org, 'admin')
    await call(`/api/v1/orgs/${org.slug}/units`, { cookie: org.cookie, body: { name: 'Enhet' } })
    await createKey(org, 'read')
    expect((await call(`/api/v1/orgs/${org.slug}`, { method: 'DELETE', cookie: admin.cookie })).status).toBe(403)
    expect((await call(`/api/v1/orgs/${org.slug}`, { method: 'DELETE', cookie: org.cookie })).status).toBe(204)
    expect((await call(`/api/v1/orgs/${org.slug}`, { cookie: org.cookie })).status).toBe(401)
    // Every table with an org_id column holds nothing of the deleted organisation.
    const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'd1_%'").all<{ name: string }>()
    for (const { name } of tables.results) {
      const cols = await env.DB.prepare(`PRAGMA table_info(${name})`).all<{ name: string }>()
      if (!cols.results.some((c) => c.name === 'org_id')) continue
      const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${name} WHERE org_id = ?`).bind(org.id).first<{ n: number }>()
      expect(row?.n, name).toBe(0)
    }
    expect(await env.DB.prepare('SELECT count(*) AS n FROM organisations WHERE id = ?').bind(org.id).first('n')).toBe(0)
    expect((await call(`/api/v1/orgs/${other.slug}`, { cookie: other.cookie })).status).toBe(200)
  })
})

describe('rows read per request (X-Count-Rows, outside production)', () => {
  it('reads a handful of D1 rows for an organisation lookup with a session and with a key', async () => {
    const org = await seedOrg()
    const key = await createKey(org, 'read')
    // Warm up so the session and key are touched (those writes happen at most once a minute).
    await call(`/api/v1/orgs/${org.slug}`, { cookie: org.cookie })
    await call(`/api/v1/orgs/${org.slug}`, { key })
    for (const cred of [{ cookie: org.cookie }, { key }]) {
      const res = await call(`/api/v1/orgs/${org.slug}`, { ...cred, headers: { 'X-Count-Rows': '1' } })
      expect(res.status).toBe(200)
      expect((await json(res)).id).toBe(org.id)
      const read = Number(res.headers.get('X-D1-Rows-Read'))
      expect(read).toBeGreaterThan(0)
      expect(read).toBeLessThanOrEqual(5)
    }
    expect((await call(`/api/v1/orgs/${org.slug}`, { cookie: org.cookie })).headers.get('X-D1-Rows-Read')).toBeNull()
  })
})
