import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { call, json } from '../helpers/http'
import { CreateInitiative } from '../../schema/api/initiatives'
import { DEMO_INITIATIVES } from '../../worker/services/demo-initiatives'

const count = async (orgId: string) => (await env.DB.prepare('SELECT count(*) AS n FROM initiatives WHERE org_id = ?').bind(orgId).first<{ n: number }>())!.n

describe('demo seed: initiatives', () => {
  it('gives the demo organisation its initiatives once, each valid as the API would take it', async () => {
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
    expect(benefits.items.find((b: { initiativeId: string }) => b.initiativeId === done.id)).toMatchObject({ doneOn: '2025-09-30', overdueCount: 1 })
  })
})
