import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { openRoundWith, seedOrg, type SeededOrg } from '../helpers/seed'
import { benchmark, scoreRound, type BenchmarkRecord, type SubmittedResponse } from '../../worker/domain'
import { formItems, getInstrument, LATEST_INSTRUMENT_VERSION } from '../../schema/instruments'
import { createDb } from '../../worker/db/client'
import { refreshBenchmarkEntries, scoresOf } from '../../worker/services/benchmark/entries'
import { newId } from '../../worker/lib/crypto'
import { peerP75 } from '../../worker/services/benchmark/peer-targets'
import { findOrgById } from '../../worker/db/organisations'
import type { Context } from 'hono'
import type { AppEnv } from '../../worker/env'

/**
 * Storage is shared by the tests of this file, so each test dates its rounds in its own era
 * (the window looks back only 24 months from the asked round): no test sees another's peers.
 */
const instrument = getInstrument(LATEST_INSTRUMENT_VERSION)!
const items = formItems(instrument, 'short').map((i) => i.id)
const path = (org: SeededOrg, id: string) => `/api/v1/orgs/${org.slug}/assessments/${id}/benchmark`

interface Profile {
  kind?: string
  population?: number | null
  county?: string | null
  share?: boolean
  demo?: boolean
  /** Approved by an operator (default): only verified organisations are peers. */
  verified?: boolean
}

/** Five respondents around `level` (1–6); a little spread per item so factors differ. */
function responsesAt(level: number): SubmittedResponse[] {
  return Array.from({ length: 5 }, (_, r) => ({
    role: 'staff',
    unitId: null,
    answers: Object.fromEntries(items.map((id, j) => [id, Math.min(6, Math.max(1, Math.round(level + ((r + j) % 3) - 1))) as 1])),
  }))
}

async function profileOrg(org: SeededOrg, p: Profile) {
  await env.DB.prepare('UPDATE organisations SET kind = ?, population = ?, county = ?, share_benchmark = ?, demo = ?, operator_verified_at = ? WHERE id = ?')
    .bind(p.kind ?? 'municipality', p.population === undefined ? 40_000 : p.population, p.county === undefined ? '01' : p.county, p.share === false ? 0 : 1, p.demo ? 1 : 0, p.verified === false ? null : '2020-01-01T00:00:00.000Z', org.id)
    .run()
}

/** A closed round with stored results, written as the close stores it, then the entry refreshed. */
async function closedRound(org: SeededOrg, closedAt: string, level: number, k = 5): Promise<{ id: string; scores: Record<string, number | null> }> {
  const id = newId('asm')
  await env.DB.prepare(
    "INSERT INTO assessments (id, org_id, name, form, language, instrument_version, status, created_at, opened_at, closed_at) VALUES (?, ?, 'Mätning', 'short', 'sv', ?, 'closed', ?, ?, ?)",
  ).bind(id, org.id, LATEST_INSTRUMENT_VERSION, closedAt, closedAt, closedAt).run()
  const results = scoreRound(instrument, 'short', k, responsesAt(level))
  const body = JSON.stringify({ results, breakdowns: { role: [], unit: [] } })
  await env.DB.prepare('INSERT INTO assessment_results (org_id, assessment_id, k, n, body) VALUES (?, ?, ?, 5, ?)').bind(org.id, id, k, body).run()
  await refreshBenchmarkEntries(createDb(env.DB), org.id)
  return { id, scores: scoresOf(results) }
}

async function peer(p: Profile, closedAt: string, level: number) {
  const org = await seedOrg()
  await profileOrg(org, p)
  const round = await closedRound(org, closedAt, level)
  return { org, round, profile: p, closedAt }
}

/** The engine's view of a peer seeded above (its first round). */
const record = (x: Awaited<ReturnType<typeof peer>>): BenchmarkRecord => ({
  orgId: x.org.id,
  kind: (x.profile.kind ?? 'municipality') as 'municipality',
  population: x.profile.population === undefined ? 40_000 : x.profile.population,
  county: x.profile.county === undefined ? '01' : x.profile.county,
  demo: !!x.profile.demo,
  verified: x.profile.verified !== false,
  shareBenchmark: x.profile.share !== false,
  round: { roundId: x.round.id, closedAt: x.closedAt, instrumentVersion: 'v1', scores: x.round.scores },
})

async function groupsOf(org: SeededOrg, roundId: string) {
  const res = await call(path(org, roundId), { key: org.readKey })
  expect(res.status).toBe(200)
  return (await json(res)).groups as { group: string; size?: number; suppressed?: true; scores?: { id: string; p25: number | null; median: number | null; p75: number | null; percentileRank: number | null }[] }[]
}

describe('GET …/benchmark', () => {
  it('shows all, kind, size and county groups with the engine’s statistics, and suppresses groups under 10', async () => {
    const at = '2040-06-01T10:00:00.000Z'
    const asker = await peer({ county: '05', population: 60_000 }, at, 4)
    const peers = [
      await peer({ county: '05', population: 55_000 }, '2040-01-01T00:00:00.000Z', 3),
      await peer({ county: '05', population: 70_000 }, '2039-03-01T00:00:00.000Z', 5),
      await peer({ county: '05', population: 120_000 }, '2040-05-01T00:00:00.000Z', 2),
      await peer({ county: '01', population: 300_000 }, '2039-09-01T00:00:00.000Z', 4.5),
      await peer({ county: '05', population: 10_000 }, '2040-02-01T00:00:00.000Z', 3.5),
      await peer({ county: '05', population: 20_000 }, '2040-02-01T00:00:00.000Z', 4.2),
      await peer({ county: '05', population: 30_000 }, '2040-02-01T00:00:00.000Z', 2.8),
      await peer({ county: '05', population: 12_000 }, '2040-02-01T00:00:00.000Z', 3.9),
      await peer({ county: '05', population: 40_000 }, '2040-02-01T00:00:00.000Z', 4.8),
      await peer({ county: '05', population: 8_000 }, '2040-02-01T00:00:00.000Z', 3.1),
      await peer({ kind: 'agency', population: null, county: '05' }, '2040-02-01T00:00:00.000Z', 2.5),
      await peer({ kind: 'region', population: null, county: '01' }, '2040-03-01T00:00:00.000Z', 5.5),
    ]
    // An organisation that is not verified shares too but is no peer.
    await peer({ county: '05', population: 61_000, verified: false }, '2040-02-01T00:00:00.000Z', 6)
    const groups = await groupsOf(asker.org, asker.round.id)
    expect(groups.map((g) => [g.group, g.size ?? 'suppressed'])).toEqual([
      ['all', 13],
      ['kind', 11],
      ['size', 'suppressed'], // 50 000–199 999: the asker and three verified peers
      ['county', 11],
    ])
    const expected = benchmark(instrument, record(asker), peers.map(record))
    expect(groups).toEqual(JSON.parse(JSON.stringify(expected.groups)))
    // Scores are listed overall, dimensions, categories, factors; the asker ranks among all.
    const all = groups[0].scores!
    expect(all[0].id).toBe('overall')
    expect(all.slice(1, 3).map((s) => s.id)).toEqual(['DF', 'DA'])
    expect(all[0].percentileRank).toBeGreaterThan(0)
    // Nothing names an organisation.
    const text = JSON.stringify(groups)
    for (const p of [asker, ...peers]) expect(text).not.toContain(p.org.id)
  }, 60_000)

  it('a tenth member shows the size group; organisations without county or population get no such group', async () => {
    const at = '2045-06-01T10:00:00.000Z'
    const asker = await peer({ county: null, population: 20_000 }, at, 4)
    for (const level of [2, 3, 4, 5, 2.5, 3.5, 4.5, 5.5]) await peer({ county: '07', population: 30_000 + level }, '2045-01-01T00:00:00.000Z', level)
    const sizes = async () => (await groupsOf(asker.org, asker.round.id)).map((g) => [g.group, g.size ?? 'suppressed'])
    expect(await sizes()).toEqual([['all', 'suppressed'], ['kind', 'suppressed'], ['size', 'suppressed']])
    await peer({ county: '07', population: 31_000 }, '2045-01-01T00:00:00.000Z', 3)
    expect(await sizes()).toEqual([['all', 10], ['kind', 10], ['size', 10]])
    const agency = await peer({ kind: 'agency', population: null, county: null }, at, 3)
    expect((await groupsOf(agency.org, agency.round.id)).map((g) => [g.group, g.size ?? 'suppressed'])).toEqual([['all', 11], ['kind', 'suppressed']])
  }, 60_000)

  it('412 not_closed, below_threshold and not_sharing (reciprocity); a non-sharing peer is left out', async () => {
    const at = '2050-06-01T10:00:00.000Z'
    const asker = await peer({}, at, 4)
    const { round: open } = await openRoundWith(asker.org, [{ email: `x@${asker.org.domain}`, role: 'it' }])
    const reason = async (org: SeededOrg, id: string) => {
      const res = await call(path(org, id), { key: org.readKey })
      expect(res.status).toBe(412)
      return (await json(res)).reason
    }
    expect(await reason(asker.org, open.id)).toBe('not_closed')
    const low = newId('asm')
    await env.DB.prepare("INSERT INTO assessments (id, org_id, name, form, language, instrument_version, status, created_at, closed_at) VALUES (?, ?, 'Låg', 'short', 'sv', 'v1', 'closed', ?, ?)").bind(low, asker.org.id, at, at).run()
    await env.DB.prepare('INSERT INTO assessment_results (org_id, assessment_id, k, n, body) VALUES (?, ?, 5, 2, NULL)').bind(asker.org.id, low).run()
    expect(await reason(asker.org, low)).toBe('below_threshold')

    for (const level of [2, 3, 5, 2.5, 3.5, 4.5, 5.5, 3.2]) await peer({}, '2050-01-01T00:00:00.000Z', level)
    const hidden = await peer({ share: false }, '2050-01-01T00:00:00.000Z', 6)
    expect(await reason(hidden.org, hidden.round.id)).toBe('not_sharing')
    // Nine sharing organisations: the all group is suppressed (the non-sharing one does not count).
    expect((await groupsOf(asker.org, asker.round.id))[0]).toEqual({ group: 'all', suppressed: true })
    // Sharing again through the API brings it in at once (its entry follows the profile).
    expect((await call(`/api/v1/orgs/${hidden.org.slug}`, { method: 'PATCH', cookie: hidden.org.owner, body: { shareBenchmark: true } })).status).toBe(200)
    expect((await groupsOf(asker.org, asker.round.id))[0].size).toBe(10)
    expect((await call(`/api/v1/orgs/${asker.org.slug}`, { method: 'PATCH', cookie: asker.org.owner, body: { shareBenchmark: false } })).status).toBe(200)
    expect(await reason(asker.org, asker.round.id)).toBe('not_sharing')
  }, 60_000)

  it('demo organisations compare only with demo organisations, and never enter a real one’s benchmark', async () => {
    const at = '2055-06-01T10:00:00.000Z'
    const demos = []
    for (const level of [2, 3, 4, 5, 6, 2.5, 3.5, 4.5, 5.5]) demos.push(await peer({ demo: true }, '2055-01-01T00:00:00.000Z', level))
    const reals = []
    for (const level of [2.5, 3.5, 4.5]) reals.push(await peer({}, '2055-01-01T00:00:00.000Z', level))
    const realAsker = await peer({}, at, 4)
    // Three real peers + the asker: suppressed, although nine demo organisations share too.
    expect((await groupsOf(realAsker.org, realAsker.round.id))[0]).toEqual({ group: 'all', suppressed: true })
    const demoAsker = await peer({ demo: true }, at, 4)
    const groups = await groupsOf(demoAsker.org, demoAsker.round.id)
    expect(groups[0].size).toBe(10)
    const expected = benchmark(instrument, record(demoAsker), demos.map(record))
    expect(groups).toEqual(JSON.parse(JSON.stringify(expected.groups)))
  }, 60_000)

  it('takes each peer’s latest round within 24 months of the asked round, also an older one than its current entry', async () => {
    const asked = '2060-06-15T12:00:00.000Z'
    const asker = await peer({}, asked, 4)
    // In the window: its latest round before the asked one counts, a later one does not.
    const moved = await peer({}, '2059-01-01T00:00:00.000Z', 2)
    await closedRound(moved.org, '2061-01-01T00:00:00.000Z', 6)
    const edge = await peer({}, '2058-06-15T12:00:00.000Z', 3) // exactly 24 months before: in
    const early = await peer({}, '2058-06-15T11:59:59.999Z', 5) // a millisecond earlier: out
    const late = await peer({}, '2060-06-15T12:00:00.001Z', 5) // after the asked round: out
    const inside = await peer({}, '2060-01-01T00:00:00.000Z', 3)
    const third = await peer({}, '2059-06-01T00:00:00.000Z', 4)
    const more = []
    for (const level of [2.5, 3.5, 4.5, 5.5, 3.2]) more.push(await peer({}, '2060-02-01T00:00:00.000Z', level))
    const groups = await groupsOf(asker.org, asker.round.id)
    expect(groups[0].size).toBe(10)
    // The engine given every round: the same participants (early and late out of the window).
    const expected = benchmark(instrument, record(asker), [moved, edge, early, late, inside, third, ...more].map(record))
    expect(groups).toEqual(JSON.parse(JSON.stringify(expected.groups)))
  }, 60_000)

  it('keeps entries current through the real close, a new k and deletion; another organisation’s round is 404', async () => {
    const org = await seedOrg({ k: 3 })
    await profileOrg(org, {})
    const { round, people, tokens } = await openRoundWith(org, [1, 2, 3].map((i) => ({ email: `e${i}@${org.domain}`, role: 'it' })))
    for (const p of people) {
      const token = tokens.get(p.email)!
      await call(`/api/v1/respond/${token}/answers`, { method: 'PUT', body: { answers: Object.fromEntries(items.map((id) => [id, 5])) } })
      await call(`/api/v1/respond/${token}/submit`, { method: 'POST' })
    }
    const entry = () => env.DB.prepare('SELECT round_id, scores, kind, county FROM benchmark_entries WHERE org_id = ?').bind(org.id).first<{ round_id: string; scores: string; kind: string; county: string }>()
    expect(await entry()).toBeNull()
    expect((await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/close`, { method: 'POST', key: org.writeKey })).status).toBe(200)
    const closed = (await entry())!
    expect(closed.round_id).toBe(round.id)
    expect(JSON.parse(closed.scores).overall).toBeCloseTo(80, 9)
    expect((await call(`/api/v1/orgs/${org.slug}`, { method: 'PATCH', cookie: org.owner, body: { county: '12', kind: 'region' } })).status).toBe(200)
    expect(await entry()).toMatchObject({ kind: 'region', county: '12' })
    // k above the 3 responses: no results any more, so no entry.
    expect((await call(`/api/v1/orgs/${org.slug}`, { method: 'PATCH', cookie: org.owner, body: { anonymityThreshold: 4 } })).status).toBe(200)
    expect(await entry()).toBeNull()
    expect((await call(`/api/v1/orgs/${org.slug}`, { method: 'PATCH', cookie: org.owner, body: { anonymityThreshold: 3 } })).status).toBe(200)
    expect((await entry())!.round_id).toBe(round.id)

    const other = await seedOrg()
    expect((await call(path(other, round.id), { key: other.readKey })).status).toBe(404)
    expect((await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/benchmark`, { key: other.readKey })).status).toBe(404)
    expect((await call(`/api/v1/orgs/${org.slug}`, { method: 'DELETE', cookie: org.owner })).status).toBe(204)
    expect(await entry()).toBeNull()
  }, 60_000)

  it('peerP75: the all group’s p75 per factor when that group is shown to the organisation, else null', async () => {
    const db = createDb(env.DB)
    // The service reads only the database from the request context.
    const c = { get: (key: string) => (key === 'db' ? db : undefined), env } as unknown as Context<AppEnv>
    const at = '2065-06-01T10:00:00.000Z'
    const asker = await peer({}, at, 4)
    const org = async () => (await findOrgById(db, asker.org.id))!
    for (const level of [2, 3, 5, 2.5, 3.5, 4.5, 5.5, 3.2]) await peer({}, '2065-01-01T00:00:00.000Z', level)
    expect(await peerP75(c, await org(), asker.round.id)).toBeNull() // nine organisations: suppressed
    await peer({}, '2065-02-01T00:00:00.000Z', 6)
    const p75 = (await peerP75(c, await org(), asker.round.id))!
    const all = (await groupsOf(asker.org, asker.round.id))[0].scores!
    const factorIds = instrument.dimensions.flatMap((d) => d.categories.flatMap((cat) => cat.factors.map((f) => f.id)))
    expect(Object.keys(p75)).toEqual(factorIds)
    for (const id of factorIds) expect(p75[id]).toBe(all.find((s) => s.id === id)!.p75)
    expect(await peerP75(c, await org(), 'asm_missing')).toBeNull()
    await env.DB.prepare('UPDATE organisations SET share_benchmark = 0 WHERE id = ?').bind(asker.org.id).run()
    expect(await peerP75(c, await org(), asker.round.id)).toBeNull() // not sharing: nothing shown
  }, 60_000)

  it("the attack: four self-registered organisations with the victim's profile learn nothing of the victim's scores", async () => {
    const at = '2070-06-01T10:00:00.000Z'
    const victim = await peer({ county: '09', population: 25_000 }, '2070-01-01T00:00:00.000Z', 4.4)
    // The attacker signs up four organisations (not verified) copying the victim's profile.
    const fakes = []
    for (const level of [4.4, 4.4, 4.4, 4.4]) fakes.push(await peer({ county: '09', population: 25_000, verified: false }, at, level))
    for (const fake of fakes) {
      const groups = await groupsOf(fake.org, fake.round.id)
      expect(groups.every((g) => g.suppressed === true)).toBe(true)
      expect(JSON.stringify(groups)).not.toMatch(/"median"/)
    }
    // Eight verified others and the victim make nine: still suppressed. A ninth verified other
    // shows the groups, quantiles in whole points; the fakes are still no peers.
    for (const level of [2, 3, 5, 2.5, 3.5, 4.5, 5.5, 3.2]) await peer({ county: '09', population: 26_000 }, '2069-06-01T00:00:00.000Z', level)
    expect((await groupsOf(victim.org, victim.round.id)).every((g) => g.suppressed === true)).toBe(true)
    // Nine verified organisations and an unverified asker make ten members, but the asker does
    // not count towards the ten: a fake still sees nothing.
    expect((await groupsOf(fakes[0].org, fakes[0].round.id)).every((g) => g.suppressed === true)).toBe(true)
    await peer({ county: '09', population: 27_000 }, '2069-07-01T00:00:00.000Z', 3.8)
    const groups = await groupsOf(victim.org, victim.round.id)
    expect(groups.map((g) => [g.group, g.size])).toEqual([['all', 10], ['kind', 10], ['size', 10], ['county', 10]])
    for (const s of groups[0].scores!) for (const q of [s.p25, s.median, s.p75]) expect(q === null || Number.isInteger(q)).toBe(true)
  }, 90_000)

  it('an organisation number and kind found in the shipped registry extract verify the organisation; another kind does not', async () => {
    const at = '2075-06-01T10:00:00.000Z'
    const org = await seedOrg()
    await profileOrg(org, { verified: false })
    const read = async () => (await json(await call(`/api/v1/orgs/${org.slug}`, { cookie: org.owner }))).verification
    expect(await read()).toBeNull()
    // Umeå kommun's organisation number, as a municipality.
    await env.DB.prepare("UPDATE organisations SET org_number = '212000-2627' WHERE id = ?").bind(org.id).run()
    expect(await read()).toBe('registry')
    await closedRound(org, at, 4)
    const entry = () => env.DB.prepare('SELECT verified FROM benchmark_entries WHERE org_id = ?').bind(org.id).first<{ verified: number }>()
    expect((await entry())!.verified).toBe(1)
    // Claimed as a region the number does not match the registry: no longer a peer, at once.
    expect((await call(`/api/v1/orgs/${org.slug}`, { method: 'PATCH', cookie: org.owner, body: { kind: 'region' } })).status).toBe(200)
    expect(await read()).toBeNull()
    expect((await entry())!.verified).toBe(0)
    await env.DB.prepare('DELETE FROM organisations WHERE id = ?').bind(org.id).run()
  }, 60_000)
})
