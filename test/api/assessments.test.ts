import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { createRound, seedOrg } from '../helpers/seed'
import { LATEST_INSTRUMENT_VERSION } from '../../schema/instruments'

const future = (days = 7) => new Date(Date.now() + days * 86400_000).toISOString()
const base = (slug: string) => `/api/v1/orgs/${slug}/assessments`

describe('POST /api/v1/orgs/:org/assessments', () => {
  it('creates a draft with defaults (language sv, newest instrument)', async () => {
    const org = await seedOrg()
    const res = await call(base(org.slug), { cookie: org.owner, body: { name: 'Höstens mätning', form: 'full' } })
    expect(res.status).toBe(201)
    const body = await json(res)
    expect(body).toMatchObject({ name: 'Höstens mätning', status: 'draft', form: 'full', language: 'sv', instrumentVersion: LATEST_INSTRUMENT_VERSION, closesAt: null, openedAt: null, closedAt: null })
    expect(body.id).toMatch(/^asm_/)
    expect(body.createdAt).toMatch(/Z$/)
  })

  it('stores closesAt as UTC and takes language en', async () => {
    const org = await seedOrg()
    const res = await call(base(org.slug), { key: org.writeKey, body: { name: 'R', form: 'short', language: 'en', closesAt: '2099-06-01T12:00:00+02:00' } })
    expect(res.status).toBe(201)
    expect(await json(res)).toMatchObject({ language: 'en', closesAt: '2099-06-01T10:00:00.000Z' })
  })

  it('rejects bad input with JSON Pointer paths', async () => {
    const org = await seedOrg()
    const cases: [unknown, string][] = [
      [{ form: 'full' }, '/name'],
      [{ name: 'R', form: 'long' }, '/form'],
      [{ name: 'R', form: 'full', language: 'de' }, '/language'],
      [{ name: 'R', form: 'full', closesAt: 'tomorrow' }, '/closesAt'],
      [{ name: 'R', form: 'full', closesAt: '2001-01-01T00:00:00Z' }, '/closesAt'],
      [{ name: 'R', form: 'full', instrumentVersion: 'v9' }, '/instrumentVersion'],
      [{ name: 'R', form: 'full', status: 'open' }, '/status'],
    ]
    for (const [body, path] of cases) {
      const res = await call(base(org.slug), { key: org.writeKey, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      const problem = await json(res)
      expect(problem.code).toBe('VALIDATION_FAILED')
      expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path)
    }
  })

  it('needs write access: analysts and read keys get 403, no credential 401', async () => {
    const org = await seedOrg()
    expect((await call(base(org.slug), { cookie: org.analyst, body: { name: 'R', form: 'full' } })).status).toBe(403)
    expect((await call(base(org.slug), { key: org.readKey, body: { name: 'R', form: 'full' } })).status).toBe(403)
    expect((await call(base(org.slug), { body: { name: 'R', form: 'full' } })).status).toBe(401)
  })
})

describe('GET /api/v1/orgs/:org/assessments', () => {
  it('pages newest first with a cursor', async () => {
    const org = await seedOrg()
    const ids: string[] = []
    for (let i = 0; i < 3; i++) ids.push((await createRound(org, { name: `R${i}` })).id)
    const first = await json(await call(`${base(org.slug)}?limit=2`, { key: org.readKey }))
    expect(first.items.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]])
    const second = await json(await call(`${base(org.slug)}?limit=2&cursor=${first.nextCursor}`, { cookie: org.analyst }))
    expect(second.items.map((r: { id: string }) => r.id)).toEqual([ids[0]])
    expect(second.nextCursor).toBeNull()
    expect((await call(`${base(org.slug)}?limit=0`, { key: org.readKey })).status).toBe(400)
  })
})

describe('PATCH /api/v1/orgs/:org/assessments/:id', () => {
  it('changes any field of a draft; null removes closesAt', async () => {
    const org = await seedOrg()
    const round = await createRound(org, { closesAt: future() })
    const res = await call(`${base(org.slug)}/${round.id}`, { key: org.writeKey, method: 'PATCH', body: { form: 'full', language: 'en', closesAt: null, name: 'Ny' } })
    expect(res.status).toBe(200)
    expect(await json(res)).toMatchObject({ form: 'full', language: 'en', closesAt: null, name: 'Ny' })
  })

  it('allows only name and closesAt while open, nothing once closed', async () => {
    const org = await seedOrg()
    const round = await createRound(org)
    await call(`${base(org.slug)}/${round.id}/open`, { key: org.writeKey, method: 'POST' })
    const ok = await call(`${base(org.slug)}/${round.id}`, { key: org.writeKey, method: 'PATCH', body: { name: 'Öppen', closesAt: future(3) } })
    expect(ok.status).toBe(200)
    expect((await call(`${base(org.slug)}/${round.id}`, { key: org.writeKey, method: 'PATCH', body: { form: 'full' } })).status).toBe(409)
    const past = await call(`${base(org.slug)}/${round.id}`, { key: org.writeKey, method: 'PATCH', body: { closesAt: '2020-01-01T00:00:00Z' } })
    expect(past.status).toBe(400)
    expect((await json(past)).errors[0].path).toBe('/closesAt')
    await call(`${base(org.slug)}/${round.id}/close`, { key: org.writeKey, method: 'POST' })
    expect((await call(`${base(org.slug)}/${round.id}`, { key: org.writeKey, method: 'PATCH', body: { name: 'X' } })).status).toBe(409)
  })
})

describe('DELETE, open and close', () => {
  it('deletes only drafts', async () => {
    const org = await seedOrg()
    const draft = await createRound(org)
    expect((await call(`${base(org.slug)}/${draft.id}`, { key: org.writeKey, method: 'DELETE' })).status).toBe(204)
    expect((await call(`${base(org.slug)}/${draft.id}`, { key: org.readKey })).status).toBe(404)
    const open = await createRound(org)
    await call(`${base(org.slug)}/${open.id}/open`, { key: org.writeKey, method: 'POST' })
    expect((await call(`${base(org.slug)}/${open.id}`, { key: org.writeKey, method: 'DELETE' })).status).toBe(409)
  })

  it('opens a draft once and closes an open round once', async () => {
    const org = await seedOrg()
    const round = await createRound(org)
    expect((await call(`${base(org.slug)}/${round.id}/close`, { key: org.writeKey, method: 'POST' })).status).toBe(409)
    const opened = await call(`${base(org.slug)}/${round.id}/open`, { cookie: org.owner, method: 'POST' })
    expect(opened.status).toBe(200)
    expect(await json(opened)).toMatchObject({ status: 'open', openedAt: expect.stringMatching(/Z$/) })
    expect((await call(`${base(org.slug)}/${round.id}/open`, { key: org.writeKey, method: 'POST' })).status).toBe(409)
    const closed = await call(`${base(org.slug)}/${round.id}/close`, { key: org.writeKey, method: 'POST' })
    expect(closed.status).toBe(200)
    expect(await json(closed)).toMatchObject({ status: 'closed', closedAt: expect.stringMatching(/Z$/) })
    expect((await call(`${base(org.slug)}/${round.id}/close`, { key: org.writeKey, method: 'POST' })).status).toBe(409)
    expect((await call(`${base(org.slug)}/${round.id}/open`, { key: org.writeKey, method: 'POST' })).status).toBe(409)
  })

  it('puts 404 (no such round) before 403 (scope), as api.md orders them', async () => {
    const org = await seedOrg()
    const round = await createRound(org)
    expect((await call(`${base(org.slug)}/asm_missing/open`, { key: org.readKey, method: 'POST' })).status).toBe(404)
    expect((await call(`${base(org.slug)}/${round.id}/open`, { key: org.readKey, method: 'POST' })).status).toBe(403)
    expect((await call(`${base(org.slug)}/${round.id}`, { cookie: org.analyst, method: 'PATCH', body: { name: 'x' } })).status).toBe(403)
    expect((await call(`${base(org.slug)}/${round.id}/respondents/rsp_missing`, { key: org.readKey, method: 'DELETE' })).status).toBe(404)
  })

  it('refuses a cookie write without the app origin (403)', async () => {
    const org = await seedOrg()
    const round = await createRound(org)
    expect((await call(`${base(org.slug)}/${round.id}/open`, { cookie: org.owner, method: 'POST', origin: 'http://evil.test' })).status).toBe(403)
  })
})

describe('lazy close on closesAt', () => {
  it('closes an open round whose closing time has passed on its next read, at that time', async () => {
    const org = await seedOrg()
    const round = await createRound(org, { closesAt: future() })
    await call(`${base(org.slug)}/${round.id}/open`, { key: org.writeKey, method: 'POST' })
    const passed = new Date(Date.now() - 1000).toISOString()
    await env.DB.prepare('UPDATE assessments SET closes_at = ? WHERE id = ?').bind(passed, round.id).run()
    const res = await json(await call(`${base(org.slug)}/${round.id}`, { key: org.readKey }))
    expect(res).toMatchObject({ status: 'closed', closedAt: passed })
    const stored = await env.DB.prepare('SELECT n, k FROM assessment_results WHERE assessment_id = ?').bind(round.id).first()
    expect(stored).toEqual({ n: 0, k: 5 })
  })

  it('is closed by the cron backstop too', async () => {
    const org = await seedOrg()
    const round = await createRound(org, { closesAt: future() })
    await call(`${base(org.slug)}/${round.id}/open`, { key: org.writeKey, method: 'POST' })
    await env.DB.prepare('UPDATE assessments SET closes_at = ? WHERE id = ?').bind(new Date(Date.now() - 1000).toISOString(), round.id).run()
    const { runScheduled } = await import('../../worker/scheduled')
    await import('../../worker/index')
    await runScheduled(env, Date.now())
    const row = await env.DB.prepare('SELECT status FROM assessments WHERE id = ?').bind(round.id).first()
    expect(row).toEqual({ status: 'closed' })
  })
})

describe('tenant isolation', () => {
  it('gives a member or key of org B 404 on org A’s round ids', async () => {
    const a = await seedOrg()
    const b = await seedOrg()
    const round = await createRound(a)
    // B's credentials on B's own path with A's round id.
    for (const auth of [{ cookie: b.owner }, { key: b.writeKey }]) {
      expect((await call(`${base(b.slug)}/${round.id}`, auth)).status).toBe(404)
      expect((await call(`${base(b.slug)}/${round.id}`, { ...auth, method: 'PATCH', body: { name: 'x' } })).status).toBe(404)
      expect((await call(`${base(b.slug)}/${round.id}/open`, { ...auth, method: 'POST' })).status).toBe(404)
      expect((await call(`${base(b.slug)}/${round.id}`, { ...auth, method: 'DELETE' })).status).toBe(404)
    }
    // B's credentials on A's path: A is not visible to them.
    expect((await call(`${base(a.slug)}/${round.id}`, { key: b.readKey })).status).toBe(404)
    expect((await call(base(a.slug), { cookie: b.owner })).status).toBe(404)
    const listB = await json(await call(base(b.slug), { key: b.readKey }))
    expect(listB.items).toEqual([])
  })
})

describe('OpenAPI', () => {
  it('documents the rounds, respondents and respondent operations', async () => {
    const doc = await json(await call('/api/v1/openapi.json'))
    for (const [p, method] of [
      ['/api/v1/orgs/{org}/assessments', 'post'],
      ['/api/v1/orgs/{org}/assessments/{id}/respondents', 'post'],
      ['/api/v1/orgs/{org}/assessments/{id}/participation', 'get'],
      ['/api/v1/orgs/{org}/assessments/{id}/results', 'get'],
      ['/api/v1/respond/{token}/answers', 'put'],
    ] as const) expect(doc.paths[p]?.[method], `${method} ${p}`).toBeDefined()
    expect(doc.paths['/api/v1/orgs/{org}/assessments/{id}/respondents'].post.requestBody.content['text/csv']).toBeDefined()
    expect(doc.paths['/api/v1/respond/{token}'].get['x-access']).toBe('respondent')
  })
})
