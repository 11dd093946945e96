import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import worker from '../../worker/index'
import { call, json } from '../helpers/http'
import { openRoundWith, seedOrg, seedUnit, type SeededOrg } from '../helpers/seed'
import { sha256 } from '../../worker/services/crypto'
import { answerKey } from '../../worker/services/respondent-tokens'
import { decodeSnapshot, encodeSnapshot, formItemIds } from '../../worker/services/snapshot'
import { breakdown, scoreRound } from '../../worker/domain'
import { RESPONDENT_ROLES } from '../../schema/enums'
import { formItems, getInstrument, type AnswerValue } from '../../schema/instruments'
import type { Bindings } from '../../worker/env'

/**
 * api.md: "a copy of the database alone cannot tell whose answers are whose". This test answers
 * and submits in a known order in several rounds, copies EVERY table (as a backup would), and
 * looks for anything that links a respondent to an answer row: a shared value, a timestamp, or
 * the rows' order. Only with both secrets (TOKEN_SECRET and ANSWER_KEY_SECRET, which tests hold)
 * can the link be recomputed, which the test does to know the ground truth. Answer rows live only
 * while a round is open; after the close (the freeze, model.md §4) the copy holds aggregates only,
 * and the tests below attack that copy by joining it with the named respondents.
 */

type Row = Record<string, unknown>
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/
const DATE = /^\d{4}-\d{2}-\d{2}$/

async function copyDatabase(): Promise<Map<string, { columns: string[]; rows: Row[] }>> {
  const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").all<{ name: string }>()
  const copy = new Map<string, { columns: string[]; rows: Row[] }>()
  for (const { name } of tables.results) {
    const rows = await env.DB.prepare(`SELECT * FROM "${name}"`).all<Row>()
    const columns = (await env.DB.prepare(`PRAGMA table_info("${name}")`).all<{ name: string }>()).results.map((c) => c.name)
    copy.set(name, { columns, rows: rows.results })
  }
  return copy
}

describe('anonymity by construction (storage)', () => {
  it('leaves no value, timestamp or row order linking a respondent to their answer row', async () => {
    const rounds: { roundId: string; insertionOrder: string[]; keyOf: Map<string, string>; secretsOf: Map<string, string[]>; close: string; writeKey: string }[] = []
    for (let seed = 0; seed < 4; seed++) {
      const org = await seedOrg({ k: 3 })
      const unit = await seedUnit(org.id, `Enhet ${seed}`)
      const rows = Array.from({ length: 8 }, (_, i) => ({ email: `anon${seed}.${i}@${org.domain}`, name: `Anon ${i}`, role: i % 2 ? 'it' : 'staff', unitId: i % 3 ? unit : null }))
      const { round, people, tokens } = await openRoundWith(org, rows)
      // The order respondents were stored in (the participation table keeps insertion order).
      const order = (await env.DB.prepare('SELECT id FROM respondents WHERE assessment_id = ? ORDER BY rowid').bind(round.id).all<{ id: string }>()).results.map((r) => r.id)
      const keyOf = new Map<string, string>()
      const secretsOf = new Map<string, string[]>()
      for (const id of order) {
        const person = people.find((p) => p.id === id)!
        const token = tokens.get(person.email)!
        // Answer and submit strictly in insertion order, one after the other.
        await call(`/api/v1/respond/${token}/answers`, { method: 'PUT', body: { answers: { 'E1.1': 1 + (order.indexOf(id) % 6), 'I1.1': 'dont_know' } } })
        await call(`/api/v1/respond/${token}/submit`, { method: 'POST' })
        keyOf.set(id, await answerKey(env as unknown as Bindings, token))
        secretsOf.set(id, [id, person.email, token, await sha256(token)])
      }
      rounds.push({ roundId: round.id, insertionOrder: order, keyOf, secretsOf, close: `/api/v1/orgs/${org.slug}/assessments/${round.id}/close`, writeKey: org.writeKey })
    }

    // The answer rows exist only while a round is open: copied then, every one submitted.
    const db = await copyDatabase()
    const responses = db.get('responses')!
    const respondents = db.get('respondents')!

    // 1. The answer table has no timestamp column and no time-like value.
    expect(responses.columns.sort()).toEqual(['answers', 'assessment_id', 'key', 'org_id', 'role', 'submitted', 'unit_id'])
    for (const row of responses.rows) for (const value of Object.values(row)) expect(String(value)).not.toMatch(ISO_TIME)

    // 2. No answer-row value equals or contains a respondent's id, e-mail, token or token hash,
    //    and no other table holds an answer key (the only thing that identifies an answer row).
    const allKeys = rounds.flatMap((r) => [...r.keyOf.values()])
    for (const r of rounds) {
      for (const secrets of r.secretsOf.values()) {
        for (const row of responses.rows) for (const value of Object.values(row)) for (const s of secrets) expect(String(value)).not.toContain(s)
      }
    }
    for (const [name, table] of db) {
      if (name === 'responses') continue
      for (const row of table.rows) for (const value of Object.values(row)) for (const key of allKeys) expect(String(value)).not.toContain(key)
    }

    // 3. Participation records a date of submission, never a time of day.
    for (const row of respondents.rows.filter((r) => r.status === 'submitted')) expect(String(row.submitted_on)).toMatch(DATE)

    // 4. No insertion order: the table has no rowid, and its rows come back in key order, which
    //    is a keyed hash, so across rounds it does not follow the order people answered in.
    await expect(env.DB.prepare('SELECT rowid FROM responses').all()).rejects.toThrow()
    let permuted = 0
    for (const r of rounds) {
      const stored = responses.rows.filter((row) => row.assessment_id === r.roundId).map((row) => String(row.key))
      expect(stored).toEqual([...stored].sort())
      const answeredInOrder = r.insertionOrder.map((id) => r.keyOf.get(id)!)
      expect([...stored].sort()).toEqual([...answeredInOrder].sort())
      if (stored.join() !== answeredInOrder.join()) permuted++
    }
    expect(permuted).toBeGreaterThan(0)

    // 5. The close freezes each round: its answer rows and any snapshot go, and no value left in
    //    any table holds an answer key or a respondent's id, e-mail, token or token hash, apart
    //    from participation (who was invited, and whom the outbox mailed), where they belong.
    for (const r of rounds) expect((await call(r.close, { key: r.writeKey, method: 'POST' })).status).toBe(200)
    const after = await copyDatabase()
    const ids = new Set(rounds.map((r) => r.roundId))
    for (const table of ['responses', 'assessment_snapshots']) expect(after.get(table)!.rows.filter((row) => ids.has(String(row.assessment_id)))).toEqual([])
    expect(after.get('response_aggregates')!.rows.filter((row) => ids.has(String(row.assessment_id))).length).toBeGreaterThan(0)
    for (const [name, table] of after) {
      if (name === 'respondents' || name === 'outbox') continue
      for (const row of table.rows) {
        const text = Object.values(row).map(String).join('\u0000')
        for (const key of allKeys) expect(text).not.toContain(key)
        for (const r of rounds) for (const secrets of r.secretsOf.values()) for (const s of secrets) expect(text, name).not.toContain(s)
      }
    }
  }, 60_000)
})

const instrument = getInstrument('v1')!
const SHORT = formItems(instrument, 'short').map((i) => i.id)

/** Respondent i's answers: spread values; six don't know I1.1 (its n is 4) and two E2.1 (n 8). */
function answersOf(i: number): Record<string, AnswerValue> {
  const answers = Object.fromEntries(SHORT.map((id, j) => [id, (1 + ((i * 3 + j) % 6)) as AnswerValue]))
  if (i < 6) answers['I1.1'] = 'dont_know'
  if (i < 2) answers['E2.1'] = 'dont_know'
  return answers
}

/**
 * The attack of a copied database: unit U2 has one member (a manager, the only one), so any row
 * that carries U2 or `manager` with numbers is that person's. Ten submit: U1 3 staff + 2 IT, U2
 * the manager, no unit 2 staff + 2 IT; one more in U1 saves a draft and never submits.
 */
async function frozenRound(org: SeededOrg) {
  const u1 = await seedUnit(org.id, 'U1')
  const u2 = await seedUnit(org.id, 'U2')
  const people = [
    ...['staff', 'staff', 'staff', 'it', 'it'].map((role) => ({ role, unitId: u1 })),
    { role: 'manager', unitId: u2 },
    ...['staff', 'staff', 'it', 'it'].map((role) => ({ role, unitId: null })),
  ]
  const rows = [...people, { role: 'staff', unitId: u1 }].map((p, i) => ({ email: `frozen${i}@example.se`, name: `Person ${i}`, ...p, ...(p.unitId ? {} : { unitId: undefined }) }))
  const { round, tokens } = await openRoundWith(org, rows)
  for (const [i, r] of rows.entries()) {
    const token = tokens.get(r.email)!
    await call(`/api/v1/respond/${token}/answers`, { method: 'PUT', body: { answers: answersOf(i) } })
    if (i < people.length) await call(`/api/v1/respond/${token}/submit`, { method: 'POST' })
  }
  expect((await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/close`, { key: org.writeKey, method: 'POST' })).status).toBe(200)
  // What the engine gives for these answers at threshold k, in the order the freeze sums them.
  const submitted = people.map((p, i) => ({ answers: JSON.stringify(answersOf(i)), role: p.role, unitId: p.unitId }))
  const canonical = decodeSnapshot(encodeSnapshot('v1', 'short', submitted), formItemIds('v1', 'short'))
  const engine = (k: number) => JSON.parse(JSON.stringify({
    results: scoreRound(instrument, 'short', k, canonical),
    role: breakdown(instrument, 'short', k, canonical, 'role'),
    unit: breakdown(instrument, 'short', k, canonical, 'unit'),
  }))
  return { round, u1, u2, engine }
}

describe('the freeze: what a copy of the database holds after a round closed', () => {
  it('has no answer row, and no row that a join with the named respondents narrows to fewer than k', async () => {
    const org = await seedOrg({ k: 3 })
    const { round, u1, u2 } = await frozenRound(org)
    const db = await copyDatabase()
    const mine = (table: string) => db.get(table)!.rows.filter((row) => Object.values(row).includes(round.id))

    // No per-response row is left, the unsubmitted draft's included.
    expect(mine('responses')).toEqual([])
    expect(mine('assessment_snapshots')).toEqual([])

    // Ground truth from the participation table: who submitted, in which group.
    const submitted = db.get('respondents')!.rows.filter((r) => r.assessment_id === round.id && r.status === 'submitted')
    const sizeOf = (value: unknown) => submitted.filter((r) => r.role === value || (r.unit_id ?? 'unassigned') === value).length
    const groupValues = new Set<unknown>([...RESPONDENT_ROLES, u1, u2, 'unassigned'])
    expect([sizeOf('manager'), sizeOf(u2), sizeOf('staff'), sizeOf(u1)]).toEqual([1, 1, 5, 5])

    // The aggregates: the round, and only the groups shown at close (manager and U2 are alone;
    // IT (4) and no unit (4) are hidden with them, so that they cannot be subtracted out).
    const aggregates = mine('response_aggregates')
    expect(aggregates.map((r) => [r.breakdown, r.group_id, r.n]).sort()).toEqual([['role', 'staff', 5], ['round', '', 10], ['unit', u1, 5]])
    for (const by of ['role', 'unit']) {
      const shown = (await json(await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/results?breakdown=${by}`, { key: org.readKey }))).breakdown
        .filter((g: { suppressed?: true }) => !g.suppressed).map((g: { id: string }) => g.id)
      expect(aggregates.filter((r) => r.breakdown === by).map((r) => r.group_id)).toEqual(shown)
      // What the shown groups leave over (round − shown) holds at least k people.
      expect(10 - aggregates.filter((r) => r.breakdown === by).reduce((sum, r) => sum + Number(r.n), 0)).toBeGreaterThanOrEqual(3)
    }

    // Every table: any column value that names a group (a role code, a unit, `unassigned`) in a
    // row of this round names one with at least k submitted respondents.
    for (const [name, table] of db) {
      if (name === 'respondents') continue
      for (const row of table.rows.filter((r) => Object.values(r).includes(round.id))) {
        for (const value of Object.values(row)) if (groupValues.has(value)) expect(sizeOf(value), `${name} ${String(value)}`).toBeGreaterThanOrEqual(3)
      }
    }
    // Inside the aggregates, the groups hidden at close appear only as the ids the results list
    // as suppressed, never beside a number.
    for (const row of aggregates) {
      const data = JSON.parse(String(row.data)) as Record<string, unknown>
      if (row.breakdown === 'round') expect(data.groups).toEqual({ role: ['manager', 'it', 'staff'], unit: [...[u1, u2].sort(), 'unassigned'] })
      delete data.groups
      for (const hidden of ['manager', 'it', u2, 'unassigned']) expect(JSON.stringify(data)).not.toContain(`"${hidden}"`)
    }
  }, 60_000)

  it('raising k later gives the engine’s results from the aggregates, further suppressed, in results, trends, the benchmark entry, CSV and recommendations', async () => {
    const org = await seedOrg({ k: 3 })
    await env.DB.prepare('UPDATE organisations SET share_benchmark = 1 WHERE id = ?').bind(org.id).run()
    const { round, engine } = await frozenRound(org)
    const base = `/api/v1/orgs/${org.slug}/assessments/${round.id}`
    const atClose = await (await call(`${base}/results`, { key: org.readKey })).text()
    for (const k of [3, 4, 5, 6, 11]) {
      if (k > 3) expect((await call(`/api/v1/orgs/${org.slug}`, { cookie: org.owner, method: 'PATCH', body: { anonymityThreshold: k } })).status).toBe(200)
      expect(await env.DB.prepare('SELECT count(*) AS n FROM responses WHERE assessment_id = ?').bind(round.id).first()).toEqual({ n: 0 })
      const res = await call(`${base}/results`, { key: org.readKey })
      const entry = await env.DB.prepare('SELECT scores FROM benchmark_entries WHERE org_id = ?').bind(org.id).first<{ scores: string }>()
      const trend = (await json(await call(`/api/v1/orgs/${org.slug}/trends`, { key: org.readKey }))).items.find((x: { assessmentId: string }) => x.assessmentId === round.id)
      if (k > 10) {
        expect(res.status).toBe(412)
        expect(entry).toBeNull()
        expect(trend).toEqual({ assessmentId: round.id, closedAt: expect.any(String), suppressed: true })
        expect((await call(`${base}/recommendations`, { key: org.readKey })).status).toBe(412)
        continue
      }
      const expected = engine(k)
      const results = await json(res)
      expect(results, `k ${k}`).toEqual(expected.results)
      for (const by of ['role', 'unit'] as const) expect((await json(await call(`${base}/results?breakdown=${by}`, { key: org.readKey }))).breakdown, `${by} ${k}`).toEqual(expected[by])
      expect(trend).toMatchObject({ n: 10, overall: results.overall, dimensions: results.dimensions, categories: results.categories, factors: results.factors })
      expect(JSON.parse(entry!.scores).overall).toBe(results.overall.percent)
      const csv = (await (await call(`${base}/results.csv`, { key: org.readKey })).text()).trim().split('\n').slice(1).map((line) => line.split(','))
      for (const f of results.factors) expect(csv.find((cells) => cells[0] === 'factor' && cells[1] === f.id)![4]).toBe(f.percent === null ? '' : String(f.percent))
      expect((await call(`${base}/recommendations`, { key: org.readKey })).status).toBe(200)
    }
    // The suppression grew with k: I1 (n 4) from 5 on, and at 6 the staff group (5) as well.
    expect(engine(4).results.factors.find((f: { id: string }) => f.id === 'I1').suppressed).toBeUndefined()
    expect(engine(5).results.factors.find((f: { id: string }) => f.id === 'I1').suppressed).toBe(true)
    expect(engine(5).role.find((g: { id: string }) => g.id === 'staff').suppressed).toBeUndefined()
    expect(engine(6).role.every((g: { suppressed?: true }) => g.suppressed)).toBe(true)
    // Back at the k of the close, the same bytes as right after it.
    expect((await call(`/api/v1/orgs/${org.slug}`, { cookie: org.owner, method: 'PATCH', body: { anonymityThreshold: 3 } })).status).toBe(200)
    expect(await (await call(`${base}/results`, { key: org.readKey })).text()).toBe(atClose)
  }, 120_000)

  it('the cron freezes a round closed before aggregates existed: its answers and snapshot go, its results stay the engine’s', async () => {
    const org = await seedOrg({ k: 3 })
    const rows = ['staff', 'staff', 'it', 'it'].map((role, i) => ({ email: `legacy${i}@example.se`, role }))
    const { round, tokens } = await openRoundWith(org, rows)
    for (const [i, r] of rows.entries()) {
      await call(`/api/v1/respond/${tokens.get(r.email)!}/answers`, { method: 'PUT', body: { answers: answersOf(i) } })
      await call(`/api/v1/respond/${tokens.get(r.email)!}/submit`, { method: 'POST' })
    }
    // As the close stored it before: status closed, the answers kept, a snapshot beside them.
    const stored = (await env.DB.prepare('SELECT answers, role, unit_id AS unitId FROM responses WHERE assessment_id = ? AND submitted = 1').bind(round.id).all<{ answers: string; role: string; unitId: string | null }>()).results
    await env.DB.prepare("UPDATE assessments SET status = 'closed', closed_at = ? WHERE id = ?").bind(new Date().toISOString(), round.id).run()
    const chunks = encodeSnapshot('v1', 'short', stored)
    for (const [chunk, data] of chunks.entries()) await env.DB.prepare('INSERT INTO assessment_snapshots (org_id, assessment_id, chunk, data) VALUES (?, ?, ?, ?)').bind(org.id, round.id, chunk, data).run()

    const ctx = createExecutionContext()
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), env, ctx)
    await waitOnExecutionContext(ctx)
    for (const table of ['responses', 'assessment_snapshots']) expect(await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE assessment_id = ?`).bind(round.id).first(), table).toEqual({ n: 0 })
    expect(await env.DB.prepare('SELECT n FROM response_aggregates WHERE assessment_id = ? AND breakdown = ?').bind(round.id, 'round').first()).toEqual({ n: 4 })
    const canonical = decodeSnapshot(chunks, formItemIds('v1', 'short'))
    expect(await json(await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/results`, { key: org.readKey }))).toEqual(JSON.parse(JSON.stringify(scoreRound(instrument, 'short', 3, canonical))))
  }, 60_000)
})
