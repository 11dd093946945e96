import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { openRoundWith, seedOrg, seedUnit, type SeededOrg } from '../helpers/seed'
import { formItems, getInstrument, LATEST_INSTRUMENT_VERSION } from '../../schema/instruments'

const instrument = getInstrument(LATEST_INSTRUMENT_VERSION)!
const shortItems = formItems(instrument, 'short').map((i) => i.id)
const legacyFactors = new Set(instrument.dimensions.find((d) => d.id === 'DA')!.categories.flatMap((c) => c.factors.map((f) => f.id)))
const roundPath = (org: SeededOrg, id: string, tail = '') => `/api/v1/orgs/${org.slug}/assessments/${id}${tail}`

type Answers = Record<string, number | 'dont_know'>
type Score = { id: string; percent: number | null; ci: [number, number] | null; n: number; hidden?: string }
type Group = { id: string; n?: number; suppressed?: true; hidden?: string; factors?: Score[] }

const every = (value: number | 'dont_know'): Answers => Object.fromEntries(shortItems.map((id) => [id, value]))

/** A short-form round in which each person answers as given, submits, and the round is closed. */
async function closedRound(org: SeededOrg, people: { role: string; unitId?: string; answers: Answers }[]): Promise<string> {
  const tag = Math.random().toString(36).slice(2, 8)
  const rows = people.map((p, i) => ({ email: `p${i}.${tag}@${org.domain}`, role: p.role, ...(p.unitId ? { unitId: p.unitId } : {}) }))
  const { round, tokens } = await openRoundWith(org, rows)
  for (const [i, p] of people.entries()) {
    const token = tokens.get(rows[i].email)!
    expect((await call(`/api/v1/respond/${token}/answers`, { method: 'PUT', body: { answers: p.answers } })).status).toBe(200)
    expect((await call(`/api/v1/respond/${token}/submit`, { method: 'POST' })).status).toBe(200)
  }
  expect((await call(roundPath(org, round.id, '/close'), { key: org.writeKey, method: 'POST' })).status).toBe(200)
  return round.id
}

async function breakdownOf(org: SeededOrg, id: string, by: 'role' | 'unit'): Promise<Group[]> {
  const res = await call(`${roundPath(org, id, '/results')}?breakdown=${by}`, { key: org.readKey })
  expect(res.status).toBe(200)
  return (await json(res)).breakdown
}

/** factor percent × n of a group, or null when the API does not show it. */
const total = (g: Group | undefined, f: number): number | null => (g?.factors?.[f].percent == null ? null : g.factors[f].percent! * g.factors[f].n)

describe('differencing the published tabulations of a round', () => {
  it('managers (n = 6) by role and U1 (5 managers) by unit are never both shown, so U2’s one manager cannot be computed', async () => {
    const org = await seedOrg({ k: 5 })
    const u1 = await seedUnit(org.id, 'U1')
    const u2 = await seedUnit(org.id, 'U2')
    const id = await closedRound(org, [
      ...Array.from({ length: 5 }, () => ({ role: 'manager', unitId: u1, answers: every(3) })),
      ...Array.from({ length: 5 }, () => ({ role: 'staff', unitId: u2, answers: every(3) })),
      { role: 'manager', unitId: u2, answers: every(6) },
    ])
    const role = await breakdownOf(org, id, 'role')
    const unit = await breakdownOf(org, id, 'unit')
    const group = (list: Group[], gid: string) => list.find((g) => g.id === gid)
    // The attack: managers × 6 − U1 × 5, and U2 × 6 − staff × 5, factor by factor.
    for (let f = 0; f < shortItems.length; f++) {
      const viaManagers = [total(group(role, 'manager'), f), total(group(unit, u1), f)]
      const viaStaff = [total(group(unit, u2), f), total(group(role, 'staff'), f)]
      expect(viaManagers.includes(null)).toBe(true)
      expect(viaStaff.includes(null)).toBe(true)
    }
    const hidden = [...role, ...unit].filter((g) => g.suppressed)
    expect(hidden.length).toBeGreaterThan(0)
    for (const g of hidden) expect(g).toEqual({ id: g.id, suppressed: true, hidden: 'differencing' })
    // What stays shown is exact: the organisation's total is untouched.
    const results = await json(await call(roundPath(org, id, '/results'), { key: org.readKey }))
    expect(results.n).toBe(11)
    expect(results.factors[0].percent).toBeCloseTo(((5 * 0.4 + 5 * 0.4 + 1) / 11) * 100, 9)
  })

  it('a factor hidden inside a group: overall (n = 6) minus staff (n = 5) no longer gives the one manager who answered', async () => {
    const org = await seedOrg({ k: 5 })
    const firstItem = shortItems[0]
    const id = await closedRound(org, [
      ...Array.from({ length: 5 }, () => ({ role: 'staff', answers: every(2) })),
      { role: 'management', answers: every(6) },
      ...Array.from({ length: 4 }, () => ({ role: 'management', answers: { ...every(4), [firstItem]: 'dont_know' as const } })),
    ])
    const results = await json(await call(roundPath(org, id, '/results'), { key: org.readKey }))
    const role = await breakdownOf(org, id, 'role')
    const management = role.find((g) => g.id === 'management')!
    const staff = role.find((g) => g.id === 'staff')!
    expect(results.factors[0]).toMatchObject({ n: 6 })
    expect(results.factors[0].percent).not.toBeNull()
    expect(management.factors![0]).toMatchObject({ n: 1, percent: null, hidden: 'below_k' })
    // The attack: overall × 6 − staff × 5.
    expect(total(staff, 0)).toBeNull()
    expect(staff.factors![0]).toMatchObject({ n: 5, percent: null, ci: null, suppressed: true, hidden: 'differencing' })
    // Factors everyone answered stay shown in both groups, exactly.
    expect(staff.factors![1].percent).toBeCloseTo(20, 9)
    expect(management.factors![1].percent).toBeCloseTo(((0.6 * 4 + 1) / 5) * 100, 9)
  })
})

describe('every reader reads the same published cells', () => {
  it('results, CSV, trends and the benchmark entry all hide the overall score that only one respondent has', async () => {
    const org = await seedOrg({ k: 5 })
    const capabilityOnly = Object.fromEntries(shortItems.map((item) => [item, legacyFactors.has(item.split('.')[0]) ? 'dont_know' : 4])) as Answers
    const legacyOnly = Object.fromEntries(shortItems.map((item) => [item, legacyFactors.has(item.split('.')[0]) ? 5 : 'dont_know'])) as Answers
    const id = await closedRound(org, [
      ...Array.from({ length: 4 }, () => ({ role: 'staff', answers: capabilityOnly })),
      ...Array.from({ length: 5 }, () => ({ role: 'staff', answers: legacyOnly })),
      { role: 'staff', answers: every(6) },
    ])
    const results = await json(await call(roundPath(org, id, '/results'), { key: org.readKey }))
    // Both dimensions are shown (5 and 6 respondents), but only one person has an overall score.
    expect(results.dimensions.map((d: Score) => d.percent === null)).toEqual([false, false])
    expect(results.overall).toEqual({ id: 'overall', percent: null, ci: null, n: 1, suppressed: true, hidden: 'below_k' })

    const csv = (await (await call(roundPath(org, id, '/results.csv'), { key: org.readKey })).text()).split('\n')
    expect(csv[1]).toBe('overall,overall,Digital mognad,Digital maturity,,,,1')

    const trends = await json(await call(`/api/v1/orgs/${org.slug}/trends`, { key: org.readKey }))
    const item = trends.items.find((i: { assessmentId: string }) => i.assessmentId === id)
    expect(item.overall).toEqual(results.overall)
    expect(item.factors).toEqual(results.factors)
    expect(item.dimensions).toEqual(results.dimensions)

    const entry = await env.DB.prepare('SELECT scores FROM benchmark_entries WHERE org_id = ?').bind(org.id).first<{ scores: string }>()
    const scores = JSON.parse(entry!.scores) as Record<string, number | null>
    expect(scores.overall).toBeNull()
    for (const f of results.factors as Score[]) expect(scores[f.id]).toBe(f.percent)
  })
})
