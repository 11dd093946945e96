import { Hono } from 'hono'
import type { AppEnv } from '../env'
import type { Db } from '../db/client'
import { op } from '../openapi/registry'
import { Benefits } from '../../schema/api/recommendations'
import type { OrgRow } from '../db/organisations'
import { listAllInitiatives } from '../db/initiatives'
import { findAssessment } from '../db/assessments'
import { listClosedRoundsWithResults } from '../db/benefits'
import { allow, READ } from '../middleware/org-access'
import { orgAccess } from '../services/rounds/load'
import { refreshResults, roundK } from '../services/rounds/lifecycle'
import { doneAt, factorChange, followUp, type ClosedRoundScores } from '../domain/portfolio/benefits'

op({ method: 'get', path: '/orgs/{org}/benefits', summary: 'Benefits follow-up per initiative: promised, realised, overdue, and the targeted factors’ change across a done initiative', tag: 'initiatives', access: 'org', responses: { 200: { description: 'Follow-up', schema: Benefits } } })

/** Closed rounds with their factor percents; results stored for another threshold are refreshed
 *  first (as the results route does), so a round shows here exactly what its results show. */
async function closedRoundScores(db: Db, org: OrgRow): Promise<ClosedRoundScores[]> {
  let rows = await listClosedRoundsWithResults(db, org.id)
  const stale = rows.filter((r) => r.k !== roundK(r, org.anonymityThreshold))
  if (stale.length) {
    for (const r of stale) {
      const round = await findAssessment(db, org.id, r.id)
      if (round) await refreshResults(db, round, org.anonymityThreshold)
    }
    rows = await listClosedRoundsWithResults(db, org.id)
  }
  return rows.map((r) => {
    const body = r.body ? (JSON.parse(r.body) as { results: { factors: { id: string; percent: number | null }[] } }) : null
    return {
      id: r.id,
      closedAt: r.closedAt ?? '',
      instrumentVersion: r.instrumentVersion,
      form: r.form,
      factors: body ? Object.fromEntries(body.results.factors.map((f) => [f.id, f.percent])) : null,
    }
  })
}

export const benefitRoutes = new Hono<AppEnv>().get('/', orgAccess, allow(READ), async (c) => {
  const db = c.get('db')
  const org = c.get('org')
  const today = new Date().toISOString().slice(0, 10)
  const rows = await listAllInitiatives(db, org.id)
  const anyDone = rows.some((r) => r.status === 'done')
  const rounds = anyDone ? await closedRoundScores(db, org) : []
  const items = rows.map((r) => {
    const followed = followUp(r.expectedBenefits, r.realisedBenefits, today)
    const done = r.status === 'done' ? doneAt(r.statusHistory) : null
    const factorIds = r.factors.map((f) => f.factorId)
    return {
      initiativeId: r.id,
      title: r.title,
      status: r.status,
      owner: r.owner,
      doneOn: done ? done.slice(0, 10) : null,
      expected: followed,
      realised: r.realisedBenefits,
      overdueCount: followed.filter((e) => e.overdue).length,
      factorChange: done ? factorChange(done, rounds, factorIds) : null,
    }
  })
  return c.json({ today, items }, 200)
})
