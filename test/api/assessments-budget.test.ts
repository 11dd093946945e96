import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { app } from '../../worker/index'
import { ORIGIN } from '../helpers/http'
import { openRoundWith, seedOrg, type SeededOrg } from '../helpers/seed'

/**
 * D1 cost of requests, measured with a counting proxy around the D1 binding: the Worker's app
 * is called with `app.request(path, init, { ...env, DB: proxy })`, so every statement of the
 * request (auth, organisation lookup, the route's own) passes through it. D1 reports
 * `meta.rows_read` / `rows_written` on all(), run() and batch(); drizzle's selects use raw(),
 * which hides meta, so the proxy runs a SELECT given to raw() once more through all() for its
 * meta (reads change nothing) and runs any other raw() statement (UPDATE … RETURNING) through
 * all() instead, returning its rows as arrays.
 */
interface Stats {
  rowsRead: number
  rowsWritten: number
  statements: number
}

function countingD1(d1: D1Database): { db: D1Database; stats: Stats } {
  const stats: Stats = { rowsRead: 0, rowsWritten: 0, statements: 0 }
  const real = new WeakMap<object, D1PreparedStatement>()
  const add = (meta: D1Meta | undefined) => {
    stats.rowsRead += meta?.rows_read ?? 0
    stats.rowsWritten += meta?.rows_written ?? 0
    stats.statements++
  }
  const wrap = (stmt: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const proxy = {
      bind: (...values: unknown[]) => wrap(stmt.bind(...values), sql),
      all: async () => {
        const r = await stmt.all()
        add(r.meta)
        return r
      },
      run: async () => {
        const r = await stmt.run()
        add(r.meta)
        return r
      },
      first: async (column?: string) => {
        const r = await stmt.all<Record<string, unknown>>()
        add(r.meta)
        const row = r.results[0]
        return row === undefined ? null : column ? (row[column] ?? null) : row
      },
      raw: async (options?: { columnNames?: boolean }) => {
        if (/^\s*select/i.test(sql)) {
          const rows = await stmt.raw(options as { columnNames: true })
          add((await stmt.all()).meta)
          return rows
        }
        const r = await stmt.all<Record<string, unknown>>()
        add(r.meta)
        const rows = r.results.map((row) => Object.values(row))
        return options?.columnNames ? [Object.keys(r.results[0] ?? {}), ...rows] : rows
      },
    }
    real.set(proxy, stmt)
    return proxy as unknown as D1PreparedStatement
  }
  const db = {
    prepare: (sql: string) => wrap(d1.prepare(sql), sql),
    batch: async (statements: D1PreparedStatement[]) => {
      const results = await d1.batch(statements.map((s) => real.get(s) ?? s))
      for (const r of results) add(r.meta)
      return results
    },
    exec: (sql: string) => d1.exec(sql),
  }
  return { db: db as unknown as D1Database, stats }
}

async function measure(path: string, init: { method?: string; cookie?: string; key?: string; body?: unknown } = {}) {
  const { db, stats } = countingD1(env.DB)
  const headers = new Headers({ Origin: ORIGIN, 'CF-Connecting-IP': '10.1.2.3' })
  if (init.cookie) headers.set('Cookie', init.cookie)
  if (init.key) headers.set('Authorization', `Bearer ${init.key}`)
  if (init.body !== undefined) headers.set('Content-Type', 'application/json')
  const res = await app.request(`${ORIGIN}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) }, { ...env, DB: db })
  return { res, stats }
}

const rows = (org: SeededOrg, tag: string, n: number) => Array.from({ length: n }, (_, i) => ({ email: `${tag}${i}@${org.domain}`, role: i % 2 ? 'it' : 'staff' }))

async function submittedRound(org: SeededOrg, submitted: number, unsubmitted: number) {
  const { round, people, tokens } = await openRoundWith(org, rows(org, `b${Math.random().toString(36).slice(2, 6)}`, submitted + unsubmitted))
  for (const [i, p] of people.entries()) {
    const token = tokens.get(p.email)!
    await app.request(`${ORIGIN}/api/v1/respond/${token}/answers`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ answers: { 'E1.1': 3, 'E2.1': 4 } }) }, env)
    if (i < submitted) await app.request(`${ORIGIN}/api/v1/respond/${token}/submit`, { method: 'POST' }, env)
  }
  return { round, tokens, people }
}

describe('D1 rows read per request', () => {
  it('close reads at most the submitted responses, the answer rows it deletes (the freeze) + 20 rows', async () => {
    const org = await seedOrg({ k: 3 })
    const { round } = await submittedRound(org, 40, 15)
    // Warm the session (its once-a-minute touch is not what this measures).
    const { res, stats } = await measure(`/api/v1/orgs/${org.slug}/assessments/${round.id}/close`, { method: 'POST', cookie: org.owner })
    expect(res.status).toBe(200)
    console.log(`close, 40 submitted + 15 unsubmitted: ${JSON.stringify(stats)}`)
    // Deleting the round's 55 answer rows (40 submitted, 15 drafts) reads each of them once more.
    expect(await env.DB.prepare('SELECT count(*) AS n FROM responses WHERE assessment_id = ?').bind(round.id).first()).toEqual({ n: 0 })
    expect(stats.rowsRead).toBeLessThanOrEqual(40 + 55 + 20)
  }, 60_000)

  it('results reads at most 20 rows, session and organisation lookups included', async () => {
    const org = await seedOrg({ k: 3 })
    const { round } = await submittedRound(org, 5, 0)
    await measure(`/api/v1/orgs/${org.slug}/assessments/${round.id}/close`, { method: 'POST', cookie: org.owner })
    for (const auth of [{ cookie: org.analyst }, { key: org.readKey }]) {
      const { res, stats } = await measure(`/api/v1/orgs/${org.slug}/assessments/${round.id}/results?breakdown=role`, auth)
      expect(res.status).toBe(200)
      console.log(`results (${auth.cookie ? 'session' : 'key'}): ${JSON.stringify(stats)}`)
      expect(stats.rowsRead).toBeLessThanOrEqual(20)
    }
  }, 60_000)

  it('respondent GET writes nothing; a save is one statement (two on the first save), the token remembered', async () => {
    const org = await seedOrg()
    const { people, tokens } = await openRoundWith(org, rows(org, 'rg', 3))
    const token = tokens.get(people[0].email)!
    const get = await measure(`/api/v1/respond/${token}`)
    expect(get.res.status).toBe(200)
    expect(get.stats.rowsWritten).toBe(0)
    console.log(`respondent GET: ${JSON.stringify(get.stats)}`)
    const first = await measure(`/api/v1/respond/${token}/answers`, { method: 'PUT', body: { answers: { 'E1.1': 2 } } })
    const second = await measure(`/api/v1/respond/${token}/answers`, { method: 'PUT', body: { answers: { 'E2.1': 5 } } })
    expect(second.res.status).toBe(200)
    console.log(`first save: ${JSON.stringify(first.stats)}; later save: ${JSON.stringify(second.stats)}`)
    // The GET looked the token up; the saves that follow within 30 s reuse it (the guarded write
    // re-checks the round and the respondent in SQL): the json_patch upsert alone on a later save,
    // plus marking the respondent started on the first.
    expect(second.stats.statements).toBe(1)
    expect(first.stats.statements).toBe(2)
    const again = await measure(`/api/v1/respond/${token}`)
    expect(again.stats.rowsWritten).toBe(0)
  }, 60_000)
})
