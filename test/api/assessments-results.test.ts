import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { createRound, openRoundWith, seedOrg, seedUnit, type SeededOrg } from '../helpers/seed'
import { publishRound } from '../../worker/domain'
import { formItems, getInstrument, LATEST_INSTRUMENT_VERSION } from '../../schema/instruments'
import type { RespondentRole } from '../../schema/enums'

const path = (org: SeededOrg, id: string, tail = '/results') => `/api/v1/orgs/${org.slug}/assessments/${id}${tail}`
const instrument = getInstrument(LATEST_INSTRUMENT_VERSION)!
const shortItems = formItems(instrument, 'short').map((i) => i.id)

/** Deterministic answers: respondent i gives item j the value 1 + (i + j) % 6, every 7th "dont_know". */
function answersOf(i: number) {
  return Object.fromEntries(shortItems.map((id, j) => [id, (i + j) % 7 === 6 ? 'dont_know' : 1 + ((i + j) % 6)])) as Record<string, 1 | 2 | 3 | 4 | 5 | 6 | 'dont_know'>
}

async function closedRoundWith(org: SeededOrg, rows: { email: string; role: string; unitId?: string }[], submitCount = rows.length) {
  const { round, tokens } = await openRoundWith(org, rows)
  for (const [i, r] of rows.entries()) {
    const token = tokens.get(r.email)!
    await call(`/api/v1/respond/${token}/answers`, { method: 'PUT', body: { answers: answersOf(i) } })
    if (i < submitCount) await call(`/api/v1/respond/${token}/submit`, { method: 'POST' })
  }
  expect((await call(path(org, round.id, '/close'), { key: org.writeKey, method: 'POST' })).status).toBe(200)
  return round
}

describe('GET …/results', () => {
  it('answers the stored scores, exactly the engine’s published cells, with breakdowns by role and unit', async () => {
    const org = await seedOrg({ k: 3 })
    const unit = await seedUnit(org.id, 'Stab')
    const rows = Array.from({ length: 7 }, (_, i) => ({ email: `res${i}@${org.domain}`, role: i < 4 ? 'it' : 'staff', ...(i % 2 ? { unitId: unit } : {}) }))
    const round = await closedRoundWith(org, rows, 6)
    const res = await call(path(org, round.id), { key: org.readKey })
    expect(res.status).toBe(200)
    const body = await json(res)
    const submitted = rows.slice(0, 6).map((r, i) => ({ answers: answersOf(i), role: r.role as RespondentRole, unitId: r.unitId ?? null }))
    const published = JSON.parse(JSON.stringify(publishRound(instrument, 'short', 3, submitted)))
    expect(body).toEqual(published.results)
    expect(body.n).toBe(6)
    const byRole = await json(await call(`${path(org, round.id)}?breakdown=role`, { cookie: org.analyst }))
    expect(byRole.breakdown).toEqual(published.breakdowns.role)
    const byUnit = await json(await call(`${path(org, round.id)}?breakdown=unit`, { key: org.readKey }))
    expect(byUnit.breakdown.map((g: { id: string }) => g.id)).toEqual([unit, 'unassigned'])
    expect((await call(`${path(org, round.id)}?breakdown=age`, { key: org.readKey })).status).toBe(400)
  })

  it('412 not_closed for drafts and open rounds', async () => {
    const org = await seedOrg()
    const draft = await createRound(org)
    const res = await call(path(org, draft.id), { key: org.readKey })
    expect(res.status).toBe(412)
    expect((await json(res)).reason).toBe('not_closed')
    const { round } = await openRoundWith(org, [{ email: `o@${org.domain}`, role: 'it' }])
    expect((await json(await call(path(org, round.id), { key: org.readKey }))).reason).toBe('not_closed')
  })

  it('follows the round’s k (the current k, floored at opening and at close): read from the kept bodies when k changes', async () => {
    const org = await seedOrg({ k: 3 })
    const rows = Array.from({ length: 4 }, (_, i) => ({ email: `k${i}@${org.domain}`, role: 'manager' }))
    const round = await closedRoundWith(org, rows)
    expect((await call(path(org, round.id), { key: org.readKey })).status).toBe(200)
    const patch = await call(`/api/v1/orgs/${org.slug}`, { cookie: org.owner, method: 'PATCH', body: { anonymityThreshold: 5 } })
    expect(patch.status).toBe(200)
    // The settings hook stored results for k = 5 (not the results endpoint healing itself).
    expect(await env.DB.prepare('SELECT k, n, body IS NOT NULL AS shown FROM assessment_results WHERE assessment_id = ?').bind(round.id).first()).toEqual({ k: 5, n: 4, shown: 0 })
    const below = await call(path(org, round.id), { key: org.readKey })
    expect(below.status).toBe(412)
    expect((await json(below)).reason).toBe('below_threshold')
    // The close deleted the round's answer rows: the recompute reads the kept bodies.
    expect(await env.DB.prepare('SELECT count(*) AS n FROM responses WHERE assessment_id = ?').bind(round.id).first()).toEqual({ n: 0 })
    await call(`/api/v1/orgs/${org.slug}`, { cookie: org.owner, method: 'PATCH', body: { anonymityThreshold: 4 } })
    const shown = await call(path(org, round.id), { key: org.readKey })
    expect(shown.status).toBe(200)
    expect((await json(shown)).n).toBe(4)
    await call(`/api/v1/orgs/${org.slug}`, { cookie: org.owner, method: 'PATCH', body: { anonymityThreshold: 5 } })
    expect((await json(await call(path(org, round.id), { key: org.readKey }))).reason).toBe('below_threshold')
  })

  it('gives org B 404 on org A’s results', async () => {
    const a = await seedOrg({ k: 3 })
    const b = await seedOrg({ k: 3 })
    const round = await closedRoundWith(a, Array.from({ length: 3 }, (_, i) => ({ email: `iso${i}@${a.domain}`, role: 'it' })))
    expect((await call(path(b, round.id), { key: b.readKey })).status).toBe(404)
    expect((await call(path(a, round.id), { cookie: b.owner })).status).toBe(404)
  })
})

describe('DELETE /orgs/:org with rounds', () => {
  it('removes every round, respondent, answer, snapshot, kept body and result row of the organisation', async () => {
    const org = await seedOrg({ k: 3 })
    const other = await seedOrg({ k: 3 })
    const gone = await closedRoundWith(org, Array.from({ length: 3 }, (_, i) => ({ email: `gone${i}@${org.domain}`, role: 'it' })))
    const kept = await closedRoundWith(other, Array.from({ length: 3 }, (_, i) => ({ email: `kept${i}@${other.domain}`, role: 'it' })))
    for (const [o, r] of [[org, gone], [other, kept]] as const) {
      // Answer rows live only while a round is open, snapshots only for rounds closed before
      // bodies were kept: each organisation gets both.
      const { tokens } = await openRoundWith(o, [{ email: `open@${o.domain}`, role: 'it' }])
      await call(`/api/v1/respond/${[...tokens.values()][0]}/answers`, { method: 'PUT', body: { answers: { 'E1.1': 3 } } })
      await env.DB.prepare("INSERT INTO assessment_snapshots (org_id, assessment_id, chunk, data) VALUES (?, ?, 0, '{}')").bind(o.id, r.id).run()
    }
    expect((await call(`/api/v1/orgs/${org.slug}`, { cookie: org.owner, method: 'DELETE' })).status).toBe(204)
    for (const table of ['assessments', 'respondents', 'responses', 'assessment_snapshots', 'closed_round_results', 'assessment_results']) {
      const left = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE org_id = ?`).bind(org.id).first()
      expect(left, table).toEqual({ n: 0 })
      const other = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE org_id <> ?`).bind(org.id).first<{ n: number }>()
      expect(other!.n, table).toBeGreaterThan(0)
    }
    expect((await call(path(other, kept.id), { key: other.readKey })).status).toBe(200)
  })

  it('lists every table with an org_id column among the org-owned tables', async () => {
    const { ORG_OWNED_TABLES } = await import('../../worker/db/org-delete')
    const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").all<{ name: string }>()
    for (const { name } of tables.results) {
      const cols = (await env.DB.prepare(`PRAGMA table_info("${name}")`).all<{ name: string }>()).results.map((c) => c.name)
      if (cols.includes('org_id')) expect(ORG_OWNED_TABLES as readonly string[], name).toContain(name)
    }
  })
})
