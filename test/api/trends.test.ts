import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { openRoundWith, seedOrg, type SeededOrg } from '../helpers/seed'
import { formItems, getInstrument, LATEST_INSTRUMENT_VERSION, scoreIds } from '../../schema/instruments'
import { newId } from '../../worker/lib/crypto'

const instrument = getInstrument(LATEST_INSTRUMENT_VERSION)!
const ids = scoreIds(instrument)
const itemsOf = (form: 'short' | 'full') => formItems(instrument, form).map((i) => i.id)

/** A round closed through the API: `answers(i)` for respondent i, the first `submit` submitted. */
async function closedRound(org: SeededOrg, form: 'short' | 'full', people: number, answers: (i: number) => Record<string, unknown>, submit = people) {
  const tag = Math.random().toString(36).slice(2, 8)
  const { round, tokens } = await openRoundWith(org, Array.from({ length: people }, (_, i) => ({ email: `${tag}${i}@${org.domain}`, role: i % 2 ? 'it' : 'staff' })), { form })
  for (const [i, token] of [...tokens.values()].entries()) {
    expect((await call(`/api/v1/respond/${token}/answers`, { method: 'PUT', body: { answers: answers(i) } })).status).toBe(200)
    if (i < submit) await call(`/api/v1/respond/${token}/submit`, { method: 'POST' })
  }
  expect((await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/close`, { method: 'POST', key: org.writeKey })).status).toBe(200)
  return round.id as string
}

const level = (form: 'short' | 'full', base: number) => (i: number) => Object.fromEntries(itemsOf(form).map((id, j) => [id, 1 + ((base + i + j) % 6)]))
const percentsOf = (r: { overall: { id: string; percent: number | null }; dimensions: { id: string; percent: number | null }[]; categories: { id: string; percent: number | null }[]; factors: { id: string; percent: number | null }[] }) =>
  new Map([r.overall, ...r.dimensions, ...r.categories, ...r.factors].map((s) => [s.id, s.percent]))

describe('GET /orgs/{org}/trends', () => {
  it('lists closed rounds oldest first, suppresses those below k, and compares only with the previous shown round of the same version and form', async () => {
    const org = await seedOrg({ k: 3 })
    const a = await closedRound(org, 'short', 4, level('short', 0))
    const b = await closedRound(org, 'full', 3, level('full', 2))
    const c = await closedRound(org, 'short', 3, level('short', 3), 2) // 2 submitted: below k
    // Nobody answers E1.1 in d, so E1 is suppressed there and its change is null.
    const d = await closedRound(org, 'short', 3, (i) => ({ ...level('short', 1)(i), 'E1.1': 'dont_know' }))
    // A round on another instrument version (stored as such) is never compared with v1 rounds.
    const e = newId('asm')
    const stored = await env.DB.prepare('SELECT k, n, body FROM assessment_results WHERE assessment_id = ?').bind(a).first<{ k: number; n: number; body: string }>()
    await env.DB.prepare("INSERT INTO assessments (id, org_id, name, form, language, instrument_version, status, created_at, closed_at) VALUES (?, ?, 'Ny version', 'short', 'sv', 'v2', 'closed', ?, '2999-01-01T00:00:00.000Z')").bind(e, org.id, new Date().toISOString()).run()
    await env.DB.prepare('INSERT INTO assessment_results (org_id, assessment_id, k, n, body) VALUES (?, ?, ?, ?, ?)').bind(org.id, e, stored!.k, stored!.n, stored!.body).run()
    // A draft and an open round are not listed.
    await openRoundWith(org, [{ email: `open@${org.domain}`, role: 'it' }])

    const res = await call(`/api/v1/orgs/${org.slug}/trends`, { key: org.readKey, headers: { 'X-Count-Rows': '1' } })
    expect(res.status).toBe(200)
    // Only the stored rows are read: no snapshots, no answers (a dozen rows for auth and rounds).
    expect(Number(res.headers.get('X-D1-Rows-Read'))).toBeLessThanOrEqual(30)
    const { items } = await json(res)
    expect(items.map((x: { assessmentId: string }) => x.assessmentId)).toEqual([a, b, c, d, e])
    expect(items[2]).toEqual({ assessmentId: c, closedAt: expect.any(String), suppressed: true })
    const results = async (id: string) => json(await call(`/api/v1/orgs/${org.slug}/assessments/${id}/results`, { key: org.readKey }))
    for (const [i, id] of [a, b, d].entries()) {
      const item = items[[0, 1, 3][i]]
      const r = await results(id)
      expect(item).toMatchObject({ assessmentId: id, instrumentVersion: 'v1', n: r.n, overall: r.overall, dimensions: r.dimensions, categories: r.categories, factors: r.factors })
      expect(item.form).toBe(i === 1 ? 'full' : 'short')
      expect(Object.keys(item.change)).toEqual(ids)
    }
    // a, b (a new form) and e (a new version) have nothing to compare with.
    for (const i of [0, 1, 4]) expect(Object.values(items[i].change).every((v) => v === null)).toBe(true)
    const before = percentsOf(await results(a))
    const after = percentsOf(await results(d))
    expect(after.get('E1')).toBeNull()
    expect(items[3].change.E1).toBeNull()
    for (const id of ids) if (id !== 'E1') expect(items[3].change[id]).toBe(after.get(id)! - before.get(id)!)
    expect(items[3].change.overall).not.toBe(0)
  }, 60_000)

  it('follows a new k, closes overdue rounds lazily, and shows only the caller’s organisation', async () => {
    const org = await seedOrg({ k: 3 })
    const a = await closedRound(org, 'short', 3, level('short', 0))
    const { round: late } = await openRoundWith(org, [1, 2, 3].map((i) => ({ email: `late${i}@${org.domain}`, role: 'it' })))
    await env.DB.prepare('UPDATE assessments SET closes_at = ? WHERE id = ?').bind(new Date(Date.now() - 60_000).toISOString(), late.id).run()
    // Closed at its closing time, a minute ago: before a, which closed just now.
    let items = (await json(await call(`/api/v1/orgs/${org.slug}/trends`, { cookie: org.analyst }))).items
    expect(items.map((x: { assessmentId: string; suppressed?: boolean }) => [x.assessmentId, !!x.suppressed])).toEqual([[late.id, true], [a, false]])
    expect((await call(`/api/v1/orgs/${org.slug}`, { method: 'PATCH', cookie: org.owner, body: { anonymityThreshold: 4 } })).status).toBe(200)
    items = (await json(await call(`/api/v1/orgs/${org.slug}/trends`, { key: org.readKey }))).items
    expect(items[1]).toEqual({ assessmentId: a, closedAt: expect.any(String), suppressed: true })

    const other = await seedOrg()
    expect((await json(await call(`/api/v1/orgs/${other.slug}/trends`, { key: other.readKey }))).items).toEqual([])
    expect((await call(`/api/v1/orgs/${org.slug}/trends`, { key: other.readKey })).status).toBe(404)
    expect((await call(`/api/v1/orgs/${org.slug}/trends`)).status).toBe(401)
  }, 60_000)
})
