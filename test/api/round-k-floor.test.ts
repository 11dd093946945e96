import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { openRoundWith, people, seedOrg, type SeededOrg } from '../helpers/seed'

const round = (org: SeededOrg, id: string, tail = '') => `/api/v1/orgs/${org.slug}/assessments/${id}${tail}`
const setK = async (org: SeededOrg, k: number) =>
  expect((await call(`/api/v1/orgs/${org.slug}`, { cookie: org.owner, method: 'PATCH', body: { anonymityThreshold: k } })).status).toBe(200)

/** A short-form round opened at the organisation's k with `invited` people, `submitted` of whom answer, then closed. */
async function closedRound(org: SeededOrg, invited: number, submitted: number) {
  const { round: r, people: ps, tokens } = await openRoundWith(org, people(org, `floor${Math.random().toString(36).slice(2, 8)}`, invited))
  for (const p of ps.slice(0, submitted)) {
    const token = tokens.get(p.email)!
    await call(`/api/v1/respond/${token}/answers`, { method: 'PUT', body: { answers: { 'E1.1': 4, 'I1.1': 5 } } })
    await call(`/api/v1/respond/${token}/submit`, { method: 'POST' })
  }
  expect((await call(round(org, r.id, '/close'), { key: org.writeKey, method: 'POST' })).status).toBe(200)
  return r.id as string
}

/** The 412 reason (or the status) of every reader of a round's stored results. */
async function readers(org: SeededOrg, id: string) {
  const reason = async (res: Response) => (res.status === 412 ? (await json(res)).reason : res.status)
  const trend = (await json(await call(`/api/v1/orgs/${org.slug}/trends`, { key: org.readKey }))).items.find((t: { assessmentId: string }) => t.assessmentId === id)
  return {
    results: await reason(await call(round(org, id, '/results'), { key: org.readKey })),
    byRole: await reason(await call(round(org, id, '/results?breakdown=role'), { key: org.readKey })),
    csv: await reason(await call(round(org, id, '/results.csv'), { key: org.readKey })),
    benchmark: await reason(await call(round(org, id, '/benchmark'), { key: org.readKey })),
    recommendations: await reason(await call(round(org, id, '/recommendations'), { key: org.readKey })),
    competencePlan: await reason(await call(round(org, id, '/competence-plan'), { key: org.readKey })),
    competenceCsv: await reason(await call(round(org, id, '/competence-plan.csv'), { key: org.readKey })),
    trendSuppressed: trend?.suppressed === true,
  }
}

const HIDDEN = {
  results: 'below_threshold', byRole: 'below_threshold', csv: 'below_threshold', benchmark: 'below_threshold',
  recommendations: 'below_threshold', competencePlan: 'below_threshold', competenceCsv: 'below_threshold', trendSuppressed: true,
}

describe('the k in force when a round opened is its floor forever', () => {
  it('lowering k after close does not publish a round closed with 3 of 6 at k = 5, in any reader', async () => {
    const org = await seedOrg({ k: 5 })
    const id = await closedRound(org, 6, 3)
    expect(await readers(org, id)).toEqual(HIDDEN)
    // The attack: the admin lowers the threshold to the 3 who answered.
    await setK(org, 3)
    expect(await readers(org, id)).toEqual(HIDDEN)
    expect(await env.DB.prepare('SELECT k, body IS NULL AS hidden FROM assessment_results WHERE assessment_id = ?').bind(id).first()).toEqual({ k: 5, hidden: 1 })
    // A round opened at the new k = 3 follows it: the floor is the round's own, not a global one.
    const later = await closedRound(org, 4, 3)
    expect((await call(round(org, later, '/results'), { key: org.readKey })).status).toBe(200)
  })

  it('lowering k while the round is still open does not lower it either', async () => {
    const org = await seedOrg({ k: 5 })
    const { round: r, people: ps, tokens } = await openRoundWith(org, people(org, 'openfloor', 4))
    await setK(org, 3)
    for (const p of ps) await call(`/api/v1/respond/${tokens.get(p.email)!}/submit`, { method: 'POST' })
    expect((await call(round(org, r.id, '/close'), { key: org.writeKey, method: 'POST' })).status).toBe(200)
    expect((await json(await call(round(org, r.id, '/results'), { key: org.readKey }))).reason).toBe('below_threshold')
  })

  it('raising k applies to every round at once; lowering again never goes below the floor', async () => {
    const org = await seedOrg({ k: 3 })
    const id = await closedRound(org, 5, 4)
    expect((await call(round(org, id, '/results'), { key: org.readKey })).status).toBe(200)
    await setK(org, 5)
    expect(await readers(org, id)).toEqual(HIDDEN)
    await setK(org, 4)
    const shown = await call(round(org, id, '/results'), { key: org.readKey })
    expect(shown.status).toBe(200)
    expect((await json(shown)).n).toBe(4)
  })
})
