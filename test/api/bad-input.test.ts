import { describe, expect, it } from 'vitest'
import { call, json, type CallInit } from '../helpers/http'
import { createRound, openRoundWith, people, seedOrg } from '../helpers/seed'

/** Bad input is never a 500 (api.md, Conventions): two requests that used to answer one. */
describe('PATCH /api/v1/orgs/:org/units/:id with an empty merge patch', () => {
  it('answers 200 with the unit unchanged', async () => {
    const org = await seedOrg()
    const path = `/api/v1/orgs/${org.slug}/units`
    const unit = await json(await call(path, { key: org.writeKey, body: { name: 'Kultur' } }))
    const res = await call(`${path}/${unit.id}`, { method: 'PATCH', key: org.writeKey, body: {} })
    expect(res.status).toBe(200)
    expect(await json(res)).toEqual(unit)
    const empty = await call(`${path}/${unit.id}`, { method: 'PATCH', key: org.writeKey })
    expect(empty.status).toBe(200)
    expect(await json(empty)).toEqual(unit)
  })
})

describe('PATCH with an empty merge patch on every resource', () => {
  it('answers 200 with the resource unchanged', async () => {
    const org = await seedOrg()
    const round = await createRound(org)
    const initiative = await json(
      await call(`/api/v1/orgs/${org.slug}/initiatives`, {
        key: org.writeKey,
        body: { title: 'Tom patch', kind: 'efficiency', target: 'capability', factors: [{ factorId: 'E1', strength: 2 }], politicalUrgency: 3, technicalUrgency: 3, societalBenefit: 3, administrationBenefit: 3, risk: 3 },
      }),
    )
    const members = await json(await call(`/api/v1/orgs/${org.slug}/members`, { cookie: org.owner }))
    const analyst = members.items.find((m: { role: string }) => m.role === 'analyst')
    // [path to patch, credential, the resource as it was]
    const cases: [string, CallInit, unknown][] = [
      [`/api/v1/orgs/${org.slug}`, { cookie: org.owner }, await json(await call(`/api/v1/orgs/${org.slug}`, { cookie: org.owner }))],
      [`/api/v1/orgs/${org.slug}/members/${analyst.userId}`, { cookie: org.owner }, analyst],
      [`/api/v1/orgs/${org.slug}/assessments/${round.id}`, { key: org.writeKey }, round],
      [`/api/v1/orgs/${org.slug}/initiatives/${initiative.id}`, { key: org.writeKey }, initiative],
    ]
    for (const [path, cred, before] of cases) {
      const res = await call(path, { ...cred, method: 'PATCH', body: {} })
      expect(res.status, path).toBe(200)
      expect(await json(res), path).toEqual(before)
    }
  })
})

describe('X-Count-Rows on the respondent routes (outside production)', () => {
  it('reads, saves and submits with the row counts in the answer', async () => {
    const org = await seedOrg()
    const { people: ps, tokens } = await openRoundWith(org, people(org, 'count-rows', 1))
    const token = tokens.get(ps[0].email)!
    const headers = { 'X-Count-Rows': '1' }
    const read = await call(`/api/v1/respond/${token}`, { headers, origin: null })
    expect(read.status).toBe(200)
    expect(Number(read.headers.get('X-D1-Rows-Read'))).toBeGreaterThan(0)
    // Counting changes nothing in the answer: the joined columns are all there.
    expect(await json(read)).toEqual(await json(await call(`/api/v1/respond/${token}`, { origin: null })))
    const saved = await call(`/api/v1/respond/${token}/answers`, { method: 'PUT', body: { answers: { 'E1.1': 3 } }, headers, origin: null })
    expect(saved.status).toBe(200)
    expect(await json(saved)).toMatchObject({ answers: { 'E1.1': 3 }, answeredCount: 1 })
    expect(Number(saved.headers.get('X-D1-Rows-Written'))).toBeGreaterThan(0)
    const submitted = await call(`/api/v1/respond/${token}/submit`, { method: 'POST', headers, origin: null })
    expect(submitted.status).toBe(200)
    expect(Number(submitted.headers.get('X-D1-Rows-Written'))).toBeGreaterThan(0)
  })
})
