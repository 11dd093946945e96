import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { call } from '../helpers/http'
import { openRoundWith, seedOrg, seedUnit } from '../helpers/seed'
import { sha256 } from '../../worker/services/crypto'
import { answerKey } from '../../worker/services/respondent-tokens'
import type { Bindings } from '../../worker/env'

/**
 * api.md: "a copy of the database alone cannot tell whose answers are whose". This test answers
 * and submits in a known order in several rounds, copies EVERY table (as a backup would), and
 * looks for anything that links a respondent to an answer row: a shared value, a timestamp, or
 * the rows' order. Only with both secrets (TOKEN_SECRET and ANSWER_KEY_SECRET, which tests hold)
 * can the link be recomputed, which the test does to know the ground truth.
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
    const rounds: { roundId: string; insertionOrder: string[]; keyOf: Map<string, string>; secretsOf: Map<string, string[]> }[] = []
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
      await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/close`, { key: org.writeKey, method: 'POST' })
      rounds.push({ roundId: round.id, insertionOrder: order, keyOf, secretsOf })
    }

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

    // 5. The frozen snapshot is sorted strings without ids or e-mails.
    const snapshots = db.get('assessment_snapshots')!
    for (const r of rounds) {
      const chunk = snapshots.rows.find((row) => row.assessment_id === r.roundId)!
      const { rows } = JSON.parse(String(chunk.data)) as { rows: string[] }
      expect(rows).toHaveLength(8)
      expect(rows).toEqual([...rows].sort())
      for (const secrets of r.secretsOf.values()) for (const s of secrets) expect(String(chunk.data)).not.toContain(s)
    }
  }, 60_000)
})
