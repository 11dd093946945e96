import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { seedOrg } from '../helpers/seed'
import { benchmark, scoreRound, type BenchmarkRecord } from '../../worker/domain'
import { formItems, getInstrument, LATEST_INSTRUMENT_VERSION, scoreIds } from '../../schema/instruments'
import { createDb } from '../../worker/db/client'
import { refreshBenchmarkEntries, scoresOf } from '../../worker/services/benchmark/entries'
import { newId } from '../../worker/lib/crypto'

const instrument = getInstrument(LATEST_INSTRUMENT_VERSION)!
const ids = scoreIds(instrument)
const COUNTIES = ['01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14', '17', '18', '19', '20', '21', '22', '23', '24', '25']
const KINDS = ['municipality', 'municipality', 'municipality', 'region', 'agency', 'company', 'other'] as const

/** A deterministic generator (mulberry32) for the synthetic peers' scores. */
function rng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('benchmark D1 budget', () => {
  it('1,500 sharing organisations: one entry each is read, ≤ 1,600 rows in all, and the answer is the engine’s', async () => {
    const asked = '2030-03-01T12:00:00.000Z'
    const random = rng(42)
    const records: BenchmarkRecord[] = Array.from({ length: 1500 }, (_, i) => {
      const scores: Record<string, number | null> = {}
      for (const id of ids) scores[id] = random() < 0.03 ? null : 20 + 60 * random()
      const kind = KINDS[i % KINDS.length]
      return {
        orgId: `org_peer${String(i).padStart(5, '0')}`,
        kind,
        population: kind === 'municipality' ? 3_000 + Math.floor(random() * 400_000) : null,
        county: COUNTIES[i % COUNTIES.length],
        demo: false,
        verified: true,
        shareBenchmark: true,
        round: { roundId: `asm_peer${i}`, closedAt: new Date(Date.parse(asked) - Math.floor(random() * 700) * 86_400_000).toISOString(), instrumentVersion: 'v1', scores },
      }
    })
    // One bulk insert of every entry through json_each (one parameter, well under 2 MB).
    const payload = JSON.stringify(records.map((r) => [r.orgId, r.kind, r.population, r.county, r.round.roundId, r.round.closedAt, JSON.stringify(r.round.scores)]))
    expect(payload.length).toBeLessThan(2_000_000)
    await env.DB.prepare(
      `INSERT INTO benchmark_entries (org_id, instrument_version, kind, population, county, demo, share, verified, round_id, closed_at, scores)
       SELECT value->>0, 'v1', value->>1, value->>2, value->>3, 0, 1, 1, value->>4, value->>5, value->>6 FROM json_each(?)`,
    ).bind(payload).run()

    // The asker: a real organisation (not verified: it takes part, it does not count) with a
    // real closed round and its stored results.
    const org = await seedOrg()
    await env.DB.prepare("UPDATE organisations SET share_benchmark = 1, county = '05', population = 60000 WHERE id = ?").bind(org.id).run()
    const roundId = newId('asm')
    await env.DB.prepare("INSERT INTO assessments (id, org_id, name, form, language, instrument_version, status, created_at, closed_at) VALUES (?, ?, 'M', 'short', 'sv', 'v1', 'closed', ?, ?)")
      .bind(roundId, org.id, asked, asked).run()
    const items = formItems(instrument, 'short').map((i) => i.id)
    const responses = Array.from({ length: 8 }, (_, r) => ({ role: 'staff' as const, unitId: null, answers: Object.fromEntries(items.map((id, j) => [id, (1 + ((r + j) % 6)) as 1])) }))
    const results = scoreRound(instrument, 'short', 5, responses)
    await env.DB.prepare('INSERT INTO assessment_results (org_id, assessment_id, k, n, body) VALUES (?, ?, 5, 8, ?)').bind(org.id, roundId, JSON.stringify({ results, breakdowns: { role: [], unit: [] } })).run()
    await refreshBenchmarkEntries(createDb(env.DB), org.id)

    const path = `/api/v1/orgs/${org.slug}/assessments/${roundId}/benchmark`
    await call(path, { cookie: org.analyst }) // warms the session's once-a-minute touch
    const res = await call(path, { cookie: org.analyst, headers: { 'X-Count-Rows': '1' } })
    expect(res.status).toBe(200)
    const rowsRead = Number(res.headers.get('X-D1-Rows-Read'))
    const timing = res.headers.get('Server-Timing')
    console.log(`benchmark over 1,500 organisations: X-D1-Rows-Read ${rowsRead}, X-D1-Rows-Written ${res.headers.get('X-D1-Rows-Written')}, Server-Timing ${timing}`)
    expect(rowsRead).toBeGreaterThanOrEqual(1500)
    expect(rowsRead).toBeLessThanOrEqual(1600)
    expect(timing).toMatch(/app;dur=\d/)

    const asker = { orgId: org.id, kind: 'municipality' as const, population: 60_000, county: '05', demo: false, verified: false, round: { roundId, closedAt: asked, instrumentVersion: 'v1', scores: scoresOf(results) } }
    const body = await json(res)
    expect(body).toEqual(JSON.parse(JSON.stringify(benchmark(instrument, asker, records))))
    expect(body.groups.map((g: { group: string; size?: number }) => [g.group, g.size])).toEqual([
      ['all', 1501],
      ['kind', records.filter((r) => r.kind === 'municipality').length + 1],
      ['size', expect.any(Number)],
      ['county', records.filter((r) => r.county === '05').length + 1],
    ])
  }, 60_000)
})
