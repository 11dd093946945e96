import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { call, json } from '../helpers/http'
import { openRoundWith, seedOrg } from '../helpers/seed'
import { formItems, getInstrument, LATEST_INSTRUMENT_VERSION } from '../../schema/instruments'
import { DEMO_PEERS } from '../../worker/services/demo/peers'

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

// APP_ENV is 'test' here; where the dev routes answer 404 is test/api/dev-routes.test.ts.
describe('POST /api/v1/dev/seed', () => {
  it('creates the active demo organisation with its owner, members and unit tree, and signs the owner in', async () => {
    const started = performance.now()
    const res = await call('/api/v1/dev/seed', { method: 'POST' })
    console.log(`dev seed (first): ${(performance.now() - started).toFixed(0)} ms`)
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
  }, 120_000)

  it('adds nothing twice when called again, and sends a fresh working link each time', async () => {
    const first = await json<SeedResult>(await call('/api/v1/dev/seed', { method: 'POST' }))
    const second = await json<SeedResult>(await call('/api/v1/dev/seed', { method: 'POST' }))
    expect(second.organisation).toEqual(first.organisation)
    expect(second.signInLink).not.toBe(first.signInLink)

    const orgId = first.organisation.id
    expect(await count('SELECT count(*) AS n FROM organisations WHERE slug = ? OR demo = 1', 'demo')).toBe(1 + DEMO_PEERS.length)
    expect(await count('SELECT count(*) AS n FROM assessments WHERE org_id = ?', orgId)).toBe(3)
    expect(await count('SELECT count(*) AS n FROM respondents WHERE org_id = ?', orgId)).toBe(40 + 42 + 30)
    expect(await count('SELECT count(*) AS n FROM assessments a JOIN organisations o ON o.id = a.org_id WHERE o.demo = 1')).toBe(3 + DEMO_PEERS.length)
    expect(await count('SELECT count(*) AS n FROM memberships WHERE org_id = ?', orgId)).toBe(3)
    expect(await count("SELECT count(*) AS n FROM memberships WHERE org_id = ? AND role = 'owner'", orgId)).toBe(1)
    expect(await count("SELECT count(*) AS n FROM users WHERE email LIKE '%@demo.mognad.se'")).toBe(3)
    expect(await count('SELECT count(*) AS n FROM units WHERE org_id = ?', orgId)).toBe(7)
    // Its respondents' domain is proven for it, once, so adding demo respondents by hand works.
    expect(await count("SELECT count(*) AS n FROM org_domains WHERE org_id = ? AND domain = 'demo.mognad.se' AND verified_at IS NOT NULL", orgId)).toBe(1)

    const outbox = await json(await call('/api/v1/dev/outbox?to=AGARE@demo.mognad.se'))
    expect(outbox.items[0].links).toContain(second.signInLink)
    await signIn(second.signInLink)
    await signIn(first.signInLink)
  }, 60_000)

  it('gives the demo a history: two closed rounds with results, an open round in progress, trends and a benchmark', async () => {
    const started = performance.now()
    const seed = await json<SeedResult>(await call('/api/v1/dev/seed', { method: 'POST' }))
    console.log(`dev seed (already seeded): ${(performance.now() - started).toFixed(0)} ms`)
    const cookie = await signIn(seed.signInLink)
    const rounds = (await json(await call('/api/v1/orgs/demo/assessments', { cookie }))).items as { id: string; name: string; status: string; form: string; closedAt: string | null }[]
    const closed = rounds.filter((r) => r.status === 'closed').sort((a, b) => a.closedAt!.localeCompare(b.closedAt!))
    expect(closed).toHaveLength(2)
    const open = rounds.filter((r) => r.status === 'open')
    expect(open).toHaveLength(1)
    // Closed about twelve months and about one month ago.
    const monthsAgo = (at: string) => (Date.now() - Date.parse(at)) / (30.44 * 86_400_000)
    expect(monthsAgo(closed[0].closedAt!)).toBeGreaterThan(11)
    expect(monthsAgo(closed[0].closedAt!)).toBeLessThan(13)
    expect(monthsAgo(closed[1].closedAt!)).toBeGreaterThan(0.5)
    expect(monthsAgo(closed[1].closedAt!)).toBeLessThan(1.5)

    const results = []
    for (const r of closed) {
      const res = await call(`/api/v1/orgs/demo/assessments/${r.id}/results?breakdown=role`, { cookie })
      expect(res.status).toBe(200)
      const body = await json(res)
      expect(body.n).toBeGreaterThanOrEqual(30)
      expect(body.factors.every((f: { percent: number | null }) => f.percent !== null)).toBe(true)
      // Realistic: factors differ, some don't-knows, more than one role group shown.
      const percents = body.factors.map((f: { percent: number }) => f.percent)
      expect(Math.max(...percents) - Math.min(...percents)).toBeGreaterThan(10)
      const dk = body.dontKnowFactors.reduce((s: number, f: { share: number }) => s + f.share, 0) / body.dontKnowFactors.length
      expect(dk).toBeGreaterThan(0.03)
      expect(dk).toBeLessThan(0.12)
      expect(body.breakdown.filter((g: { suppressed?: true }) => !g.suppressed).length).toBeGreaterThan(1)
      results.push(body)
    }
    expect(results[1].overall.percent).toBeGreaterThan(results[0].overall.percent)

    const participation = await json(await call(`/api/v1/orgs/demo/assessments/${open[0].id}/participation`, { cookie }))
    expect(participation).toMatchObject({ invited: 30, started: 15, submitted: 9 })
    expect((await json(await call(`/api/v1/orgs/demo/assessments/${open[0].id}/results`, { cookie }))).reason).toBe('not_closed')

    const trends = (await json(await call('/api/v1/orgs/demo/trends', { cookie }))).items
    expect(trends.map((t: { assessmentId: string }) => t.assessmentId)).toEqual(closed.map((r) => r.id))
    expect(trends[1].change.overall).toBeCloseTo(results[1].overall.percent - results[0].overall.percent, 9)

    for (const r of closed) {
      const res = await call(`/api/v1/orgs/demo/assessments/${r.id}/benchmark`, { cookie })
      expect(res.status).toBe(200)
      const { groups } = await json(res)
      expect(groups.map((g: { group: string; size?: number }) => [g.group, g.size])).toEqual([['all', 12], ['kind', 12], ['size', 10], ['county', 10]])
      expect(groups[0].scores.find((s: { id: string }) => s.id === 'E1').p75).toEqual(expect.any(Number))
    }
  }, 120_000)

  it('never lets the demo peers into a real organisation’s benchmark', async () => {
    await call('/api/v1/dev/seed', { method: 'POST' })
    const org = await seedOrg({ k: 3 })
    await env.DB.prepare("UPDATE organisations SET share_benchmark = 1, county = '05', population = 60000 WHERE id = ?").bind(org.id).run()
    const items = formItems(getInstrument(LATEST_INSTRUMENT_VERSION)!, 'short').map((i) => i.id)
    const { round, tokens } = await openRoundWith(org, [1, 2, 3].map((i) => ({ email: `real${i}@${org.domain}`, role: 'it' })))
    for (const token of tokens.values()) {
      await call(`/api/v1/respond/${token}/answers`, { method: 'PUT', body: { answers: Object.fromEntries(items.map((id) => [id, 4])) } })
      await call(`/api/v1/respond/${token}/submit`, { method: 'POST' })
    }
    expect((await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/close`, { method: 'POST', key: org.writeKey })).status).toBe(200)
    const { groups } = await json(await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/benchmark`, { key: org.readKey }))
    // Eight demo organisations share in county 05 and the same size class; the real one is alone.
    expect(groups).toEqual([{ group: 'all', suppressed: true }, { group: 'kind', suppressed: true }, { group: 'size', suppressed: true }, { group: 'county', suppressed: true }])
  }, 60_000)
})
