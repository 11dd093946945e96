import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import worker from '../../worker/index'
import { call, json } from '../helpers/http'
import { openRoundWith, seedOrg, seedUnit, type SeededOrg } from '../helpers/seed'
import { sha256 } from '../../worker/lib/crypto'
import { answerKey } from '../../worker/services/rounds/tokens'
import { decodeSnapshot, encodeSnapshot, formItemIds } from '../../worker/domain/snapshot'
import { MAX_K, publishRound } from '../../worker/domain'
import type { SubmittedResponse } from '../../worker/domain/types'
import { RESPONDENT_ROLES, type RespondentRole } from '../../schema/enums'
import { formItems, getInstrument, type AnswerValue } from '../../schema/instruments'
import type { Bindings } from '../../worker/env'

/**
 * api.md: "a copy of the database alone cannot tell whose answers are whose". This test answers
 * and submits in a known order in several rounds, copies EVERY table (as a backup would), and
 * looks for anything that links a respondent to an answer row: a shared value, a timestamp, or
 * the rows' order. Only with both secrets (TOKEN_SECRET and ANSWER_KEY_SECRET, which tests hold)
 * can the link be recomputed, which the test does to know the ground truth. Answer rows live only
 * while a round is open; after the close (model.md §4) the copy holds the round's published bodies
 * only, and the tests below attack that copy by joining it with the named respondents.
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

    // 5. The close keeps each round's bodies: its answer rows and any snapshot go, and no value left in
    //    any table holds an answer key or a respondent's id, e-mail, token or token hash, apart
    //    from participation (who was invited, whom the outbox mailed, and the audit of who was
    //    added), where they belong.
    for (const r of rounds) expect((await call(r.close, { key: r.writeKey, method: 'POST' })).status).toBe(200)
    const after = await copyDatabase()
    const ids = new Set(rounds.map((r) => r.roundId))
    for (const table of ['responses', 'assessment_snapshots']) expect(after.get(table)!.rows.filter((row) => ids.has(String(row.assessment_id)))).toEqual([])
    expect(after.get('closed_round_results')!.rows.filter((row) => ids.has(String(row.assessment_id))).length).toBeGreaterThan(0)
    for (const [name, table] of after) {
      if (name === 'respondents' || name === 'outbox' || name === 'audit_log') continue
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

/** The original answers in the one order every close sums them in (the snapshot's sorted order:
 *  publishRound's floating-point sums depend on the order in the last bit). */
function canonical(submitted: SubmittedResponse[]) {
  return decodeSnapshot(encodeSnapshot('v1', 'short', submitted.map((r) => ({ ...r, answers: JSON.stringify(r.answers) }))), formItemIds('v1', 'short'))
}

/** What publishRound gives from the original answers at k, as the results endpoint answers it. */
function publisher(submitted: SubmittedResponse[]) {
  return (k: number) => {
    const { results, breakdowns } = JSON.parse(JSON.stringify(publishRound(instrument, 'short', k, canonical(submitted)))) as { results: object; breakdowns: Record<'role' | 'unit', object[]> }
    return { results, ...breakdowns }
  }
}

/**
 * The attack of a copied database: unit U2 has one member (a manager, the only one), so any row
 * that carries U2 or `manager` with numbers is that person's. Ten submit: U1 3 staff + 2 IT, U2
 * the manager, no unit 2 staff + 2 IT; one more in U1 saves a draft and never submits.
 */
async function closedRound(org: SeededOrg, beforeClose: () => Promise<void> = async () => {}) {
  const u1 = await seedUnit(org.id, 'U1')
  const u2 = await seedUnit(org.id, 'U2')
  const people = [
    ...['staff', 'staff', 'staff', 'it', 'it'].map((role) => ({ role, unitId: u1 })),
    { role: 'manager', unitId: u2 },
    ...['staff', 'staff', 'it', 'it'].map((role) => ({ role, unitId: null })),
  ]
  const rows = [...people, { role: 'staff', unitId: u1 }].map((p, i) => ({ email: `kept${i}@${org.domain}`, name: `Person ${i}`, ...p, ...(p.unitId ? {} : { unitId: undefined }) }))
  const { round, tokens } = await openRoundWith(org, rows)
  for (const [i, r] of rows.entries()) {
    const token = tokens.get(r.email)!
    await call(`/api/v1/respond/${token}/answers`, { method: 'PUT', body: { answers: answersOf(i) } })
    if (i < people.length) await call(`/api/v1/respond/${token}/submit`, { method: 'POST' })
  }
  await beforeClose()
  expect((await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/close`, { key: org.writeKey, method: 'POST' })).status).toBe(200)
  const submitted = people.map((p, i) => ({ answers: answersOf(i), role: p.role as RespondentRole, unitId: p.unitId }))
  return { round, u1, u2, tokens, submitted, published: publisher(submitted) }
}

describe('what a copy of the database holds after a round closed', () => {
  it('has no answer row, no row narrowed below k by a join with the respondents, and bodies that are publishRound’s', async () => {
    const org = await seedOrg({ k: 3 })
    const { round, u1, u2, tokens, submitted: answers } = await closedRound(org)
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

    // Every table: any column value that names a group (a role code, a unit, `unassigned`) in a
    // row of this round names one with at least k submitted respondents.
    for (const [name, table] of db) {
      if (name === 'respondents') continue
      for (const row of table.rows.filter((r) => Object.values(r).includes(round.id))) {
        for (const value of Object.values(row)) if (groupValues.has(value)) expect(sizeOf(value), `${name} ${String(value)}`).toBeGreaterThanOrEqual(3)
      }
    }

    // The kept bodies cover k = 3…50 in ranges, each exactly publishRound's body at every k of
    // its range; the manager and U2 (one person) appear only as hidden ids, never with a number.
    const kept = mine('closed_round_results').map((r) => ({ kFrom: Number(r.k_from), kTo: Number(r.k_to), n: Number(r.n), body: r.body as string | null }))
    expect(kept[0].kFrom).toBe(3)
    expect(kept.at(-1)!.kTo).toBe(MAX_K)
    expect(kept.every((r, i) => i === 0 || r.kFrom === kept[i - 1].kTo + 1)).toBe(true)
    for (const r of kept) {
      for (let k = r.kFrom; k <= r.kTo; k++) {
        if (k > 10) expect(r.body, `k ${k}`).toBeNull()
        else expect(r.body, `k ${k}`).toBe(JSON.stringify(publishRound(instrument, 'short', k, canonical(answers))))
      }
      if (!r.body) continue
      const body = JSON.parse(r.body) as { breakdowns: Record<'role' | 'unit', Record<string, unknown>[]> }
      for (const g of [...body.breakdowns.role, ...body.breakdowns.unit].filter((x) => x.id === 'manager' || x.id === u2)) expect(Object.keys(g).sort()).toEqual(['hidden', 'id', 'suppressed'])
    }
    // Far fewer bodies than thresholds: consecutive k mostly publish the same cells.
    expect(kept.length).toBeLessThan(10)

    // Participation still counts the respondents' statuses; every respondent link is closed.
    const participation = await json(await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/participation`, { key: org.readKey }))
    expect(participation).toMatchObject({ invited: 11, submitted: 10, k: 3 })
    for (const token of tokens.values()) {
      const res = await call(`/api/v1/respond/${token}`)
      expect(res.status).toBe(404)
      expect((await json(res)).reason).toBe('closed')
    }
  }, 60_000)

  it('raising k later reads the kept bodies: publishRound over the original answers in results, breakdowns, trends, the benchmark entry, CSV and recommendations', async () => {
    const org = await seedOrg({ k: 3 })
    await env.DB.prepare('UPDATE organisations SET share_benchmark = 1 WHERE id = ?').bind(org.id).run()
    const { round, published } = await closedRound(org)
    const base = `/api/v1/orgs/${org.slug}/assessments/${round.id}`
    const atClose = await (await call(`${base}/results`, { key: org.readKey })).text()
    for (const k of [3, 4, 5, 6, 7, 11]) {
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
      const expected = published(k)
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
    const factor = (k: number) => (published(k).results as { factors: { id: string; hidden?: string }[] }).factors.find((f) => f.id === 'I1')!
    expect(factor(4).hidden).toBeUndefined()
    expect(factor(5).hidden).toBe('below_k')
    expect((published(6).role as { suppressed?: true }[]).every((g) => g.suppressed)).toBe(true)
    // Back at the k of the close, the same bytes as right after it.
    expect((await call(`/api/v1/orgs/${org.slug}`, { cookie: org.owner, method: 'PATCH', body: { anonymityThreshold: 3 } })).status).toBe(200)
    expect(await (await call(`${base}/results`, { key: org.readKey })).text()).toBe(atClose)
  }, 120_000)

  it('never goes below the k at close: k raised while open, lowered after close, still shows what the k at close showed', async () => {
    const org = await seedOrg({ k: 3 })
    const setK = async (k: number) => expect((await call(`/api/v1/orgs/${org.slug}`, { cookie: org.owner, method: 'PATCH', body: { anonymityThreshold: k } })).status).toBe(200)
    const { round, published } = await closedRound(org, () => setK(5))
    expect(await env.DB.prepare('SELECT k_at_open, k_at_close FROM assessments WHERE id = ?').bind(round.id).first()).toEqual({ k_at_open: 3, k_at_close: 5 })
    await setK(3)
    expect(await env.DB.prepare('SELECT k FROM assessment_results WHERE assessment_id = ?').bind(round.id).first()).toEqual({ k: 5 })
    const results = await json(await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/results?breakdown=role`, { key: org.readKey }))
    expect(results).toEqual({ ...published(5).results, breakdown: published(5).role })
    expect(results).not.toEqual({ ...published(3).results, breakdown: published(3).role })
    const participation = await json(await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/participation`, { key: org.readKey }))
    expect(participation.k).toBe(5)
  }, 60_000)

  it('the cron keeps a round closed before its bodies were: its answers and snapshot go, its results stay publishRound’s', async () => {
    const org = await seedOrg({ k: 3 })
    const rows = ['staff', 'staff', 'it', 'it'].map((role, i) => ({ email: `legacy${i}@${org.domain}`, role }))
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
    expect(await env.DB.prepare('SELECT min(k_from) AS k, max(k_to) AS top, min(n) AS n FROM closed_round_results WHERE assessment_id = ?').bind(round.id).first()).toEqual({ k: 3, top: MAX_K, n: 4 })
    const submitted = rows.map((r, i) => ({ answers: answersOf(i), role: r.role as RespondentRole, unitId: null }))
    expect(await json(await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/results`, { key: org.readKey }))).toEqual(publisher(submitted)(3).results)
  }, 60_000)
})
