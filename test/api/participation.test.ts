import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { listAllRespondents, openRoundWith, people, seedOrg, seedUnit, type SeededOrg } from '../helpers/seed'

const round = (org: SeededOrg, id: string, tail = '') => `/api/v1/orgs/${org.slug}/assessments/${id}${tail}`
const participation = async (org: SeededOrg, id: string) => json(await call(round(org, id, '/participation'), { key: org.readKey }))
const submit = (token: string) => call(`/api/v1/respond/${token}/submit`, { method: 'POST' })
const MINUTE = 60_000

/** Moves the stored participation snapshot `ms` into the past, as if that much time had passed. */
async function ageSnapshot(id: string, ms: number) {
  const row = await env.DB.prepare('SELECT participation_as_of AS asOf FROM assessments WHERE id = ?').bind(id).first<{ asOf: string }>()
  await env.DB.prepare('UPDATE assessments SET participation_as_of = ? WHERE id = ?').bind(new Date(Date.parse(row!.asOf) - ms).toISOString(), id).run()
}

describe('watching participation', () => {
  it('polling the respondent list never shows a named person flip to submitted', async () => {
    const org = await seedOrg()
    const { round: r, people: ps, tokens } = await openRoundWith(org, people(org, 'watch', 6))
    const before = await call(`${round(org, r.id, '/respondents')}?limit=200`, { key: org.readKey })
    const listBefore = await json(before)
    const target = ps[2]
    await call(`/api/v1/respond/${tokens.get(target.email)!}/answers`, { method: 'PUT', body: { answers: { 'E1.1': 2 } } })
    expect((await submit(tokens.get(target.email)!)).status).toBe(200)
    const listAfter = await json(await call(`${round(org, r.id, '/respondents')}?limit=200`, { key: org.readKey }))
    // The attack: diff the two lists. Nothing changed, for the submitter or anyone.
    expect(listAfter).toEqual(listBefore)
    expect(listAfter.items.find((x: { email: string }) => x.email === target.email)).toEqual({ id: target.id, email: target.email, name: target.name, role: 'staff', unitId: null, status: 'invited' })
    for (const item of listAfter.items) expect(Object.keys(item).sort()).toEqual(['email', 'id', 'name', 'role', 'status', 'unitId'])
    // Nor does removing them tell: the same refusal as for anyone invited.
    const res = await call(round(org, r.id, `/respondents/${target.id}`), { key: org.writeKey, method: 'DELETE' })
    expect(res.status).toBe(409)
    const other = await call(round(org, r.id, `/respondents/${ps[3].id}`), { key: org.writeKey, method: 'DELETE' })
    expect(await json(other)).toEqual(await json(res))
  })

  it('serves one snapshot for 10 minutes: two polls around a submission give the same numbers', async () => {
    const org = await seedOrg({ k: 3 })
    const { round: r, people: ps, tokens } = await openRoundWith(org, people(org, 'snap', 6))
    const first = await participation(org, r.id)
    expect(first).toMatchObject({ invited: 6, submitted: 0 })
    expect(Date.now() - Date.parse(first.asOf)).toBeLessThan(MINUTE)
    expect((await submit(tokens.get(ps[0].email)!)).status).toBe(200)
    const second = await participation(org, r.id)
    expect(second).toEqual(first)
    // Nine minutes on, still the same snapshot.
    await ageSnapshot(r.id, 9 * MINUTE)
    const third = await participation(org, r.id)
    expect({ ...third, asOf: first.asOf }).toEqual(first)
    expect(Date.parse(first.asOf) - Date.parse(third.asOf)).toBe(9 * MINUTE)
    // Ten minutes after it was taken, it is recounted.
    await ageSnapshot(r.id, 1 * MINUTE)
    const fourth = await participation(org, r.id)
    expect(fourth).toMatchObject({ invited: 6, started: 1, submitted: 1 })
    expect(Date.parse(fourth.asOf)).toBeGreaterThan(Date.parse(first.asOf))
    expect(fourth.byRole).toEqual([{ role: 'staff', invited: 6, started: 1, submitted: 1, rate: 1 / 6 }])
  })

  it('shows groups only when they meet k, hides one more so none follows by subtraction, and drops roles that would cross units', async () => {
    const org = await seedOrg({ k: 5 })
    const [a, b, c] = [await seedUnit(org.id, 'A'), await seedUnit(org.id, 'B'), await seedUnit(org.id, 'C')]
    const rows = [
      ...Array.from({ length: 6 }, (_, i) => ({ email: `a${i}@${org.domain}`, role: 'staff', unitId: a })),
      ...Array.from({ length: 5 }, (_, i) => ({ email: `b${i}@${org.domain}`, role: 'staff', unitId: b })),
      ...Array.from({ length: 2 }, (_, i) => ({ email: `c${i}@${org.domain}`, role: 'staff', unitId: c })),
    ]
    const { round: r, tokens } = await openRoundWith(org, rows)
    await submit(tokens.get(`c0@${org.domain}`)!)
    const p = await participation(org, r.id)
    expect(p).toMatchObject({ invited: 13, submitted: 1, k: 5 })
    const byId = Object.fromEntries(p.byUnit.map((u: { unitId: string }) => [u.unitId, u]))
    expect(byId[a]).toMatchObject({ invited: 6, submitted: 0 })
    expect(byId[c]).toEqual({ unitId: c, suppressed: true }) // 2 people: below k
    expect(byId[b]).toEqual({ unitId: b, suppressed: true }) // else C = total − A − B
    expect(p.byRole).toEqual([{ role: 'staff', invited: 13, started: 1, submitted: 1, rate: 1 / 13 }])
  })

  it('does not let roles and units together single out one person (a unit’s only manager)', async () => {
    const org = await seedOrg({ k: 5 })
    const [u1, u2] = [await seedUnit(org.id, 'U1'), await seedUnit(org.id, 'U2')]
    const rows = [
      ...Array.from({ length: 5 }, (_, i) => ({ email: `m${i}@${org.domain}`, role: 'manager', unitId: u1 })),
      ...Array.from({ length: 5 }, (_, i) => ({ email: `s${i}@${org.domain}`, role: 'staff', unitId: u2 })),
      { email: `lone.manager@${org.domain}`, role: 'manager', unitId: u2 },
    ]
    const { round: r, tokens } = await openRoundWith(org, rows)
    await submit(tokens.get(`lone.manager@${org.domain}`)!)
    const p = await participation(org, r.id)
    // managers (6) − U1 (5) would be the U2 manager: the role groups are hidden, units stay.
    expect(p.byRole).toEqual([
      { role: 'manager', suppressed: true },
      { role: 'staff', suppressed: true },
    ])
    const units = Object.fromEntries(p.byUnit.map((u: { unitId: string; invited?: number }) => [u.unitId, u.invited]))
    expect(units).toEqual({ [u1]: 5, [u2]: 6 })
  })

  it('hides every count but the invitations of a round smaller than k; reminders still reach the unsubmitted', async () => {
    const org = await seedOrg({ k: 5 })
    const { round: r, people: ps, tokens } = await openRoundWith(org, people(org, 'tiny', 3))
    await submit(tokens.get(ps[0].email)!)
    const p = await participation(org, r.id)
    expect(p).toMatchObject({ invited: 3, started: null, submitted: null, rate: null, suppressed: true })
    expect(p.byRole).toEqual([{ role: 'staff', suppressed: true }])
    expect(p.byUnit).toEqual([{ unitId: null, suppressed: true }])
    // The server picks whom to remind: the two who have not submitted.
    const sent = await call(round(org, r.id, '/reminders'), { key: org.writeKey, method: 'POST' })
    expect(await json(sent)).toEqual({ sent: 2 })
    expect((await listAllRespondents(org, r.id)).map((x) => x.status)).toEqual(['invited', 'invited', 'invited'])
  })
})
