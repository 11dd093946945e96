import type { z } from 'zod/mini'
import type { Assessment } from '../../schema/api/assessments'
import type { Benefits, CompetencePlan, Recommendations as RecommendationsSchema } from '../../schema/api/recommendations'
import type { Instrument, LocalText } from '../../schema/instruments'
import { api } from '../lib/api'
import { orgPath } from './organisations'

export type Recommendations = z.infer<typeof RecommendationsSchema>
export type Ranked = Recommendations['ranking'][number]
export type Portfolio = NonNullable<Recommendations['portfolio']>
export type Plan = z.infer<typeof CompetencePlan>
export type BenefitFollowUp = z.infer<typeof Benefits>
export type Round = Assessment

const roundPath = (slug: string, id: string) => `${orgPath(slug)}/assessments/${encodeURIComponent(id)}`

/** Closed rounds, latest closed first (the portfolio needs a round with results). */
export async function listClosedRounds(slug: string): Promise<Round[]> {
  const out: Round[] = []
  let cursor: string | null = null
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
    const page: { items: Round[]; nextCursor: string | null } = await api('GET', `${orgPath(slug)}/assessments?limit=200${query}`)
    out.push(...page.items.filter((r) => r.status === 'closed'))
    cursor = page.nextCursor
  } while (cursor)
  return out.sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? '') || b.id.localeCompare(a.id))
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

export interface FactorInfo {
  id: string
  name: LocalText
  category: LocalText
}

let factorCache: Promise<FactorInfo[]> | undefined

/** The 26 factors with names, from the public instrument (one source for names); fetched once. */
export function instrumentFactors(version = 'v1'): Promise<FactorInfo[]> {
  factorCache ??= api<Instrument>('GET', `/instruments/${version}`).then((i) =>
    i.dimensions.flatMap((d) => d.categories.flatMap((c) => c.factors.map((f) => ({ id: f.id, name: f.name, category: c.name })))),
  )
  factorCache.catch(() => (factorCache = undefined))
  return factorCache
}

/** The round's quadrant type (for the innovation band); the results carry it. */
export async function getRoundType(slug: string, roundId: string): Promise<string | null> {
  return (await api<{ type: string | null }>('GET', `${roundPath(slug, roundId)}/results`)).type
}
