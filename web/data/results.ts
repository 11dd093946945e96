import type { z } from 'zod/mini'
import type { Results as ResultsSchema } from '../../schema/api/assessments'
import type { QuadrantType } from '../../schema/enums'
import type { Benchmark, PeerGroup, PeerScore, ShownPeerGroup, TrendItem, TrendRound, Trends } from '../../schema/api/insights'
import { api, asProblem, type ApiProblem } from '../lib/api'
import { orgPath } from './organisations'

export type Results = z.infer<typeof ResultsSchema>
export type Score = Results['factors'][number]
export type Group = NonNullable<Results['breakdown']>[number]
export type ShownGroup = Extract<Group, { n: number }>
export type { QuadrantType }

/** Trend rounds and peer groups as the API contract defines them (schema/api/insights.ts). */
export type { PeerGroup, PeerScore, TrendItem, TrendRound }

/**
 * A section that may legitimately be missing (a 412 with its reason, a 404 where the server does
 * not offer it yet) answers this instead of throwing, so one missing part never hides the others.
 */
export type Maybe<T> = { ok: true; data: T } | { ok: false; problem: ApiProblem }

export async function maybe<T>(work: Promise<T>): Promise<Maybe<T>> {
  try {
    return { ok: true, data: await work }
  } catch (err) {
    return { ok: false, problem: asProblem(err) }
  }
}

const roundPath = (slug: string, id: string) => `${orgPath(slug)}/assessments/${encodeURIComponent(id)}`

export function getResults(slug: string, id: string, breakdown?: 'role' | 'unit') {
  return maybe(api<Results>('GET', `${roundPath(slug, id)}/results${breakdown ? `?breakdown=${breakdown}` : ''}`))
}

/** The address of the CSV export (a plain link: the browser downloads it with the session cookie). */
export function resultsCsvHref(slug: string, id: string) {
  return `/api/v1${roundPath(slug, id)}/results.csv`
}

export function getBenchmark(slug: string, id: string) {
  return maybe(api<Benchmark>('GET', `${roundPath(slug, id)}/benchmark`))
}

export function getTrends(slug: string) {
  return maybe(api<z.infer<typeof Trends>>('GET', `${orgPath(slug)}/trends`))
}

export const isShown = (g: Group): g is ShownGroup => !('suppressed' in g && g.suppressed)
export const isShownRound = (r: TrendItem): r is TrendRound => !('suppressed' in r && r.suppressed)
export const isShownPeers = (g: PeerGroup): g is ShownPeerGroup => !('suppressed' in g && g.suppressed)
