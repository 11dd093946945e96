/** What the recommendations and competence plan read: a closed round's stored results, the
 *  organisation's targets and bands, the peer p75 and the initiatives, shaped for the engine. */
import type { Context } from 'hono'
import type { AppEnv } from '../../env'
import { ApiError } from '../../errors'
import { findResults } from '../../db/results'
import { listAllInitiatives, type InitiativeRow } from '../../db/initiatives'
import type { AssessmentRow } from '../../db/assessments'
import type { OrgRow } from '../../db/organisations'
import { getInstrument, type Instrument } from '../../../schema/instruments'
import { DEFAULT_INNOVATION_BANDS } from '../../../schema/enums'
import type { Bands, Initiative, RecommendationInput, RoundResults } from '../../domain'
import { refreshResults, roundK } from '../rounds/lifecycle'
import { loadRound } from '../rounds/load'
import { peerP75 } from '../benchmark/peer-targets'

export const notClosed = () =>
  new ApiError('PRECONDITION_FAILED', { sv: 'Resultat finns först när omgången är stängd.', en: 'Results exist only once the round is closed.' }, { reason: 'not_closed' })
export const belowThreshold = () =>
  new ApiError('PRECONDITION_FAILED', { sv: 'För få svar för att visa resultat utan att röja enskilda.', en: 'Too few responses to show results without revealing individuals.' }, { reason: 'below_threshold' })

/** The stored results of a closed round, refreshed when stale (as the results route does). */
export async function closedResults(c: Context<AppEnv>, id: string): Promise<{ round: AssessmentRow; results: RoundResults; instrument: Instrument }> {
  const org = c.get('org')
  const db = c.get('db')
  const round = await loadRound(c, id)
  if (round.status !== 'closed') throw notClosed()
  let stored = await findResults(db, org.id, round.id)
  if (!stored || stored.k !== roundK(round, org.anonymityThreshold)) {
    await refreshResults(db, round, org.anonymityThreshold)
    stored = await findResults(db, org.id, round.id)
  }
  if (!stored?.body) throw belowThreshold()
  const instrument = getInstrument(round.instrumentVersion)
  if (!instrument) throw new Error(`instrument ${round.instrumentVersion} missing`)
  return { round, results: (JSON.parse(stored.body) as { results: RoundResults }).results, instrument }
}

export function orgTargets(org: OrgRow): Record<string, number> {
  return org.targets
}

/** The organisation's bands over the defaults, key by key (as GET /orgs/{org} shows them). */
export function orgBands(org: OrgRow): Bands {
  return { ...DEFAULT_INNOVATION_BANDS, ...org.innovationBands }
}

/** A stored initiative as the engine sees it. */
export function engineInitiative(r: InitiativeRow): Initiative {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    target: r.target,
    factors: r.factors,
    cost: r.cost,
    status: r.status,
    pin: r.pin,
    politicalUrgency: r.politicalUrgency,
    technicalUrgency: r.technicalUrgency,
    societalBenefit: r.societalBenefit,
    administrationBenefit: r.administrationBenefit,
    risk: r.risk,
  }
}

/** Everything `recommend()` needs for a round, read in parallel once the round is known closed. */
export async function recommendationInput(c: Context<AppEnv>, id: string, budget?: number): Promise<RecommendationInput & { results: RoundResults }> {
  const org = c.get('org')
  const { round, results, instrument } = await closedResults(c, id)
  const [peer, rows] = await Promise.all([peerP75(c, org, round.id), listAllInitiatives(c.get('db'), org.id)])
  return {
    instrument,
    results,
    targets: orgTargets(org),
    peerP75: peer,
    initiatives: rows.map(engineInitiative),
    budget: budget ?? null,
    bands: orgBands(org),
  }
}
