import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { createRound, openRoundWith, seedOrg, type SeededOrg } from '../helpers/seed'
import { formItems, getInstrument, LATEST_INSTRUMENT_VERSION } from '../../schema/instruments'

const instrument = getInstrument(LATEST_INSTRUMENT_VERSION)!
const shortItems = formItems(instrument, 'short').map((i) => i.id)
const csvPath = (org: SeededOrg, id: string) => `/api/v1/orgs/${org.slug}/assessments/${id}/results.csv`

async function closedRound(org: SeededOrg, people: number, submit = people) {
  const { round, tokens } = await openRoundWith(org, Array.from({ length: people }, (_, i) => ({ email: `csv${i}.${Math.random().toString(36).slice(2, 7)}@${org.domain}`, role: 'staff' })))
  for (const [i, token] of [...tokens.values()].entries()) {
    // Nobody answers I2.1, so factor I2 is suppressed; the rest spread over the scale.
    const answers = Object.fromEntries(shortItems.map((id, j) => [id, id === 'I2.1' ? 'dont_know' : 1 + ((i * 2 + j) % 6)]))
    await call(`/api/v1/respond/${token}/answers`, { method: 'PUT', body: { answers } })
    if (i < submit) await call(`/api/v1/respond/${token}/submit`, { method: 'POST' })
  }
  expect((await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/close`, { method: 'POST', key: org.writeKey })).status).toBe(200)
  return round.id as string
}

describe('GET …/results.csv', () => {
  it('exports every score in full precision: overall, dimensions, categories, factors; suppressed cells empty', async () => {
    const org = await seedOrg({ k: 3 })
    const id = await closedRound(org, 4)
    const res = await call(csvPath(org, id), { key: org.readKey })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('Content-Disposition')).toMatch(new RegExp(`^attachment; filename="resultat-${org.slug}-\\d{4}-\\d{2}-\\d{2}-${id}\\.csv"$`))
    const text = await res.text()
    expect(text.endsWith('\n')).toBe(true)
    const lines = text.trimEnd().split('\n')
    expect(lines[0]).toBe('level,id,name_sv,name_en,percent,ci_low,ci_high,n')
    const rows = lines.slice(1).map((l) => l.split(','))
    const results = await json(await call(`/api/v1/orgs/${org.slug}/assessments/${id}/results`, { key: org.readKey }))
    const expected = [
      ['overall', results.overall],
      ...results.dimensions.map((s: object) => ['dimension', s]),
      ...results.categories.map((s: object) => ['category', s]),
      ...results.factors.map((s: object) => ['factor', s]),
    ] as [string, { id: string; percent: number | null; ci: [number, number] | null; n: number }][]
    expect(rows).toHaveLength(1 + 2 + 6 + 26)
    for (const [i, [level, s]] of expected.entries()) {
      const [lvl, rid, , , percent, low, high, n] = rows[i]
      expect([lvl, rid, n]).toEqual([level, s.id, String(s.n)])
      // Full precision: each cell parses back to exactly the JSON number; null is an empty cell.
      expect(percent === '' ? null : Number(percent)).toBe(s.percent)
      expect(low === '' ? null : Number(low)).toBe(s.ci?.[0] ?? null)
      expect(high === '' ? null : Number(high)).toBe(s.ci?.[1] ?? null)
    }
    expect(rows[0].slice(0, 4)).toEqual(['overall', 'overall', 'Digital mognad', 'Digital maturity'])
    expect(rows.find((r) => r[1] === 'DF')!.slice(2, 4)).toEqual(['Digital förmåga', 'Digital capability'])
    expect(rows.find((r) => r[1] === 'I2')!.slice(4, 8)).toEqual(['', '', '', '0'])
    expect(text).toContain('factor,E1,Strategisk koppling,Strategic alignment,')

    const audit = await env.DB.prepare("SELECT target FROM audit_log WHERE org_id = ? AND action = 'export.results_csv'").bind(org.id).all<{ target: string }>()
    expect(audit.results.map((r) => r.target)).toEqual([id])
  }, 60_000)

  it('answers the same 412s as results, and 404 for another organisation', async () => {
    const org = await seedOrg({ k: 3 })
    const draft = await createRound(org)
    const res = await call(csvPath(org, draft.id), { key: org.readKey })
    expect(res.status).toBe(412)
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    expect((await json(res)).reason).toBe('not_closed')
    const low = await closedRound(org, 3, 2)
    expect((await json(await call(csvPath(org, low), { cookie: org.analyst }))).reason).toBe('below_threshold')
    const other = await seedOrg()
    expect((await call(csvPath(other, low), { key: other.readKey })).status).toBe(404)
    expect((await call(csvPath(org, low), { key: other.readKey })).status).toBe(404)
  }, 60_000)
})
