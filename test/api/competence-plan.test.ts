import { describe, expect, it } from 'vitest'
import { call, json } from '../helpers/http'
import { createRound, seedOrg, type SeededOrg } from '../helpers/seed'
import { insertClosedRound } from '../helpers/closed-round'
import { competenceAction } from '../../worker/domain/portfolio/competence'

const SLOW = { timeout: 30_000 }
const plan = (org: SeededOrg, id: string, tail = '') => `/api/v1/orgs/${org.slug}/assessments/${id}/competence-plan${tail}`

async function fixture() {
  const org = await seedOrg()
  expect((await call(`/api/v1/orgs/${org.slug}`, { cookie: org.owner, method: 'PATCH', body: { targets: { E2: 70, T1: 90 } } })).status).toBe(200)
  // Type C weighs ORG, USR and TEK factors 1.5. Weighted gaps: O1 52.5, T3 30, E1 25, U1 22.5,
  // T1 15, E2 10, B3 10, U2 7.5; B3 is also a weakness of the results.
  const round = await insertClosedRound(org, { type: 'C', factors: { E1: 50, E2: 60, O1: 40, T3: 55, U1: 60, U2: 70, B3: 65 }, weaknesses: ['O1', 'B3'] })
  return { org, round }
}

describe('GET …/competence-plan', () => {
  it('lists the weaknesses and the five largest weighted gaps with roles to train or recruit', SLOW, async () => {
    const { org, round } = await fixture()
    const res = await call(plan(org, round), { key: org.readKey })
    expect(res.status).toBe(200)
    const body = await json(res)
    expect(body.instrumentVersion).toBe('v1')
    expect(body.items.map((i: any) => [i.factorId, i.weightedGap, i.weakness])).toEqual([
      ['O1', 52.5, true], ['T3', 30, false], ['E1', 25, false], ['U1', 22.5, false], ['T1', 15, false], ['B3', 10, true],
    ])
    const o1 = body.items[0]
    expect(o1).toMatchObject({ name: { sv: expect.any(String), en: expect.any(String) }, score: 40, target: 75, gap: 35, weight: 1.5 })
    expect(o1.actions).toEqual([{ role: 'it', roleName: { sv: 'IT-personal', en: 'IT staff' }, mode: 'train_or_recruit', what: competenceAction('O1') }])
    expect(body.items[1].actions.map((a: any) => a.role)).toEqual(['architect', 'developer'])
  })

  it('downloads the same plan as CSV, one row per factor and role, and audits the export', SLOW, async () => {
    const { org, round } = await fixture()
    const res = await call(plan(org, round, '.csv'), { cookie: org.analyst })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toContain('text/csv')
    expect(res.headers.get('Content-Disposition')).toContain('attachment')
    const lines = (await res.text()).trimEnd().split('\r\n')
    expect(lines[0]).toBe('factor_id,factor_sv,factor_en,score,target,gap,weight,weakness,role,role_sv,role_en,mode,action_sv,action_en')
    // O1 1 role, T3 2, E1 1, U1 1, T1 1, B3 1.
    expect(lines).toHaveLength(1 + 7)
    expect(lines[1].startsWith('O1,')).toBe(true)
    expect(lines[1]).toContain(',40,75,35,1.5,true,it,IT-personal,IT staff,train_or_recruit,')
    const log = await json(await call(`/api/v1/orgs/${org.slug}/audit-log`, { cookie: org.owner }))
    expect(log.items.some((e: any) => e.action === 'export.competence_plan' && e.target === round)).toBe(true)
  })

  it('answers 412 as results do and 404 to another organisation', SLOW, async () => {
    const { org, round } = await fixture()
    const draft = await createRound(org)
    for (const tail of ['', '.csv']) {
      const res = await call(plan(org, draft.id, tail), { key: org.readKey })
      expect(res.status).toBe(412)
      expect((await json(res)).reason).toBe('not_closed')
      const few = await insertClosedRound(org, { belowThreshold: true })
      const below = await call(plan(org, few, tail), { key: org.readKey })
      expect((await json(below)).reason).toBe('below_threshold')
      const other = await seedOrg()
      expect((await call(plan(other, round, tail), { key: other.readKey })).status).toBe(404)
    }
  })
})
