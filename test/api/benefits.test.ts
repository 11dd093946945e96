import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { seedOrg, type SeededOrg } from '../helpers/seed'
import { insertClosedRound } from '../helpers/closed-round'

const SLOW = { timeout: 30_000 }

async function add(org: SeededOrg, body: Record<string, unknown>): Promise<string> {
  const res = await call(`/api/v1/orgs/${org.slug}/initiatives`, {
    key: org.writeKey,
    body: { kind: 'efficiency', target: 'capability', politicalUrgency: 3, technicalUrgency: 3, societalBenefit: 3, administrationBenefit: 3, risk: 3, ...body },
  })
  if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`)
  return (await json(res)).id
}

/** Sets when an initiative was marked done (the API stamps the time of the request). */
async function doneOn(org: SeededOrg, id: string, at: string) {
  await env.DB.prepare('UPDATE initiatives SET status_history = ? WHERE org_id = ? AND id = ?').bind(JSON.stringify([{ status: 'idea', at: '2024-01-01T00:00:00.000Z' }, { status: 'done', at }]), org.id, id).run()
}

const expected = (followUpDate: string, text = 'Färre samtal') => ({ text, measure: 'Samtal per månad', owner: 'Kundtjänst', followUpDate })

describe('GET /orgs/{org}/benefits', () => {
  it('shows what was promised and realised, what is overdue, and the targeted factors’ change across done', SLOW, async () => {
    const org = await seedOrg()
    const before = await insertClosedRound(org, { closedAt: '2025-03-01T10:00:00.000Z', factors: { E1: 40, O1: 50 } })
    await insertClosedRound(org, { closedAt: '2025-09-01T10:00:00.000Z', form: 'full', factors: { E1: 99 } })
    const after = await insertClosedRound(org, { closedAt: '2026-03-01T10:00:00.000Z', factors: { E1: 55, O1: null } })
    await insertClosedRound(org, { closedAt: '2024-03-01T10:00:00.000Z', factors: { E1: 10 } })
    const done = await add(org, {
      title: 'E-tjänsteplattform',
      status: 'done',
      factors: [{ factorId: 'E1', strength: 3 }, { factorId: 'O1', strength: 1 }],
      expectedBenefits: [expected('2025-06-01'), expected('2999-01-01', 'Snabbare handläggning'), expected('2020-01-01', 'Nöjdare invånare')],
      realisedBenefits: [{ text: '30 % färre samtal', value: 30, realisedOn: '2025-07-01', expectedIndex: 0 }],
    })
    await doneOn(org, done, '2025-06-15T08:00:00.000Z')
    const idea = await add(org, { title: 'Idé', factors: [{ factorId: 'E2', strength: 1 }] })
    const res = await call(`/api/v1/orgs/${org.slug}/benefits`, { key: org.readKey })
    expect(res.status).toBe(200)
    const body = await json(res)
    expect(body.today).toBe(new Date().toISOString().slice(0, 10))
    expect(body.items.map((i: any) => i.initiativeId)).toEqual([idea, done])
    const item = body.items[1]
    expect(item.doneOn).toBe('2025-06-15')
    expect(item.expected.map((e: any) => [e.index, e.realised, e.overdue])).toEqual([[0, true, false], [1, false, false], [2, false, true]])
    expect(item.overdueCount).toBe(1)
    expect(item.realised).toHaveLength(1)
    // Before: the last closed round before done (2025-03); after: the latest after it with the same
    // form (2026-03; the full-form round of 2025-09 does not count).
    expect(item.factorChange).toEqual({
      beforeAssessmentId: before,
      afterAssessmentId: after,
      factors: [{ factorId: 'E1', before: 40, after: 55, change: 15 }, { factorId: 'O1', before: 50, after: null, change: null }],
    })
    expect(body.items[0]).toMatchObject({ doneOn: null, factorChange: null, expected: [], overdueCount: 0 })
  })

  it('gives no factor change without a shown round on both sides, and isolates organisations', SLOW, async () => {
    const org = await seedOrg()
    await insertClosedRound(org, { closedAt: '2025-03-01T10:00:00.000Z' })
    await insertClosedRound(org, { closedAt: '2026-03-01T10:00:00.000Z', belowThreshold: true })
    const id = await add(org, { title: 'Klar', status: 'done', factors: [{ factorId: 'E1', strength: 3 }] })
    await doneOn(org, id, '2025-06-15T08:00:00.000Z')
    const body = await json(await call(`/api/v1/orgs/${org.slug}/benefits`, { key: org.readKey }))
    expect(body.items[0].factorChange).toBeNull()
    const other = await seedOrg()
    expect((await json(await call(`/api/v1/orgs/${other.slug}/benefits`, { key: other.readKey }))).items).toEqual([])
    expect((await call(`/api/v1/orgs/${org.slug}/benefits`, { key: other.readKey })).status).toBe(404)
  })
})
