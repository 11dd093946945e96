import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { call, json } from '../helpers/http'
import { CreateInitiative } from '../../schema/api/initiatives'
import { DEMO_INITIATIVES, monthsFrom } from '../../worker/services/demo/initiatives'

const count = async (orgId: string) => (await env.DB.prepare('SELECT count(*) AS n FROM initiatives WHERE org_id = ?').bind(orgId).first<{ n: number }>())!.n

describe('demo seed: initiatives', () => {
  it('gives the demo organisation its initiatives once, each valid as the API would take it', { timeout: 60_000 }, async () => {
    const first = await json(await call('/api/v1/dev/seed', { method: 'POST' }))
    expect(await count(first.organisation.id)).toBe(DEMO_INITIATIVES.length)
    await call('/api/v1/dev/seed', { method: 'POST' })
    expect(await count(first.organisation.id)).toBe(DEMO_INITIATIVES.length)

    const token = new URL(first.signInLink).searchParams.get('token')
    const cookie = ((await call('/api/v1/auth/verify', { body: { token } })).headers.get('Set-Cookie') ?? '').split(';')[0]
    const items = (await json(await call('/api/v1/orgs/demo/initiatives?limit=200', { cookie }))).items
    expect(items).toHaveLength(DEMO_INITIATIVES.length)
    for (const i of items) {
      const { id: _id, statusHistory: _h, createdAt: _c, updatedAt: _u, ...input } = i
      expect(CreateInitiative.safeParse(input).success, i.title).toBe(true)
    }
    expect(items.filter((i: { pin: string }) => i.pin === 'in')).toHaveLength(1)
    const done = items.find((i: { status: string }) => i.status === 'done')
    expect(done.realisedBenefits[0].expectedIndex).toBe(0)
    const benefits = await json(await call('/api/v1/orgs/demo/benefits', { cookie }))
    // Done six months ago, between the demo's two closed rounds: the factor change shows.
    const followUp = benefits.items.find((b: { initiativeId: string }) => b.initiativeId === done.id)
    expect(followUp).toMatchObject({ doneOn: monthsFrom(new Date().toISOString(), -6).slice(0, 10), overdueCount: 1 })
    expect(followUp.factorChange.factors.map((f: { factorId: string }) => f.factorId)).toEqual(['I5', 'E2'])
    expect(followUp.factorChange.factors.every((f: { change: number | null }) => typeof f.change === 'number')).toBe(true)

    // A newcomer sees a ranked portfolio with explanations for the latest closed round.
    const rounds = (await json(await call('/api/v1/orgs/demo/assessments', { cookie }))).items as { id: string; status: string; closedAt: string }[]
    const latest = rounds.filter((r) => r.status === 'closed').sort((a, b) => b.closedAt.localeCompare(a.closedAt))[0]
    const recs = await json(await call(`/api/v1/orgs/demo/assessments/${latest.id}/recommendations?budget=3000000`, { cookie }))
    expect(recs.ranking).toHaveLength(DEMO_INITIATIVES.length - 1)
    expect(recs.ranking[0].score).toBeGreaterThan(0)
    expect(recs.ranking[0].explanation.gaps.length).toBeGreaterThan(0)
    expect(recs.portfolio.initiativeIds.length).toBeGreaterThan(1)
  })
})
