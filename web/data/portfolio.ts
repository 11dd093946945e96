import type { z } from 'zod/mini'
import type { Benefits, CompetencePlan, Recommendations as RecommendationsSchema } from '../../schema/api/recommendations'
import { api } from '../lib/api'
import { orgPath } from './organisations'
import type { Results } from './results'
import { listRounds, type Round } from './rounds'

export type Recommendations = z.infer<typeof RecommendationsSchema>
export type Ranked = Recommendations['ranking'][number]
export type Portfolio = NonNullable<Recommendations['portfolio']>
export type Plan = z.infer<typeof CompetencePlan>
export type BenefitFollowUp = z.infer<typeof Benefits>

const roundPath = (slug: string, id: string) => `${orgPath(slug)}/assessments/${encodeURIComponent(id)}`

/** Closed rounds, latest closed first (the portfolio needs a round with results). */
export async function listClosedRounds(slug: string): Promise<Round[]> {
  const closed = (await listRounds(slug)).filter((r) => r.status === 'closed')
  return closed.sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? '') || b.id.localeCompare(a.id))
}

export function getRecommendations(slug: string, roundId: string, budget: number | null) {
  return api<Recommendations>('GET', `${roundPath(slug, roundId)}/recommendations${budget === null ? '' : `?budget=${budget}`}`)
}

export function getCompetencePlan(slug: string, roundId: string) {
  return api<Plan>('GET', `${roundPath(slug, roundId)}/competence-plan`)
}

/** The CSV is a plain same-origin download (the session cookie goes along). */
export function competencePlanCsvHref(slug: string, roundId: string) {
  return `/api/v1${roundPath(slug, roundId)}/competence-plan.csv`
}

export function getBenefits(slug: string) {
  return api<BenefitFollowUp>('GET', `${orgPath(slug)}/benefits`)
}

/** The round's quadrant type (for the innovation band); the results carry it. */
export async function getRoundType(slug: string, roundId: string): Promise<string | null> {
  return (await api<Results>('GET', `${roundPath(slug, roundId)}/results`)).type
}
