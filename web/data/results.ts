import type { z } from 'zod/mini'
import type { Assessment, Participation, Results as ResultsSchema } from '../../schema/api/assessments'
import type { Lang, QuadrantType } from '../../schema/enums'
import type { TrendItem, TrendRound } from '../../schema/api/insights'
import { api, asProblem, type ApiProblem } from '../lib/api'
import { orgPath } from './organisations'

export type Results = z.infer<typeof ResultsSchema>
export type Score = Results['factors'][number]
export type Group = NonNullable<Results['breakdown']>[number]
export type ShownGroup = Extract<Group, { n: number }>
export type Round = z.infer<typeof Assessment>
export type ParticipationCounts = z.infer<typeof Participation>
export type { QuadrantType }

export interface LocalText {
  sv: string
  en: string
}
export interface Instrument {
  version: string
  dimensions: { id: string; name: LocalText; categories: { id: string; name: LocalText; factors: { id: string; name: LocalText; items: { id: string; text: LocalText; shortForm: boolean }[] }[] }[] }[]
}

/** Trend rounds as the API contract defines them (schema/api/insights.ts). */
export type { TrendItem, TrendRound }

export type PeerGroupName = 'all' | 'kind' | 'size' | 'county'
export interface PeerScore {
  id: string
  p25: number | null
  median: number | null
  p75: number | null
  percentileRank: number | null
}
export type PeerGroup = { group: PeerGroupName; size: number; scores: PeerScore[] } | { group: PeerGroupName; suppressed: true }

/**
 * A section that may legitimately be missing (a 412 with its reason, a 404 where the server does
 * not offer it yet) answers this instead of throwing, so one missing part never hides the others.
 */
export type Maybe<T> = { ok: true; data: T } | { ok: false; problem: ApiProblem }

async function maybe<T>(work: Promise<T>): Promise<Maybe<T>> {
  try {
    return { ok: true, data: await work }
  } catch (err) {
    return { ok: false, problem: asProblem(err) }
  }
}

const roundPath = (slug: string, id: string) => `${orgPath(slug)}/assessments/${encodeURIComponent(id)}`

export function getRound(slug: string, id: string) {
  return api<Round>('GET', roundPath(slug, id))
}

export function getResults(slug: string, id: string, breakdown?: 'role' | 'unit') {
  return maybe(api<Results>('GET', `${roundPath(slug, id)}/results${breakdown ? `?breakdown=${breakdown}` : ''}`))
}

/** The address of the CSV export (a plain link: the browser downloads it with the session cookie). */
export function resultsCsvHref(slug: string, id: string) {
  return `/api/v1${roundPath(slug, id)}/results.csv`
}

export function getParticipation(slug: string, id: string) {
  return maybe(api<ParticipationCounts>('GET', `${roundPath(slug, id)}/participation`))
}

export function getBenchmark(slug: string, id: string) {
  return maybe(api<{ groups: PeerGroup[] }>('GET', `${roundPath(slug, id)}/benchmark`))
}

export function getTrends(slug: string) {
  return maybe(api<{ items: TrendItem[] }>('GET', `${orgPath(slug)}/trends`))
}

export async function getUnitNames(slug: string): Promise<Map<string, string>> {
  const res = await maybe(api<{ items: { id: string; name: string }[] }>('GET', `${orgPath(slug)}/units`))
  return new Map(res.ok ? res.data.items.map((u) => [u.id, u.name]) : [])
}

const instruments = new Map<string, Promise<Instrument>>()
/** The instrument's names and item texts; public, the same for every round of a version, fetched once. */
export function getInstrument(version: string): Promise<Instrument> {
  let p = instruments.get(version)
  if (!p) {
    p = api<Instrument>('GET', `/instruments/${encodeURIComponent(version)}`)
    p.catch(() => instruments.delete(version))
    instruments.set(version, p)
  }
  return p
}

/** Names and parents of every dimension, category, factor and item of an instrument, by id. */
export interface Names {
  label(id: string, lang: Lang): string
  dimensions: { id: string; categories: string[] }[]
  categories: string[]
  factors: string[]
  factorCategory: Map<string, string>
  itemFactor: Map<string, string>
}

export function namesOf(instrument: Instrument, overall: LocalText): Names {
  const text = new Map<string, LocalText>([['overall', overall]])
  const factorCategory = new Map<string, string>()
  const itemFactor = new Map<string, string>()
  for (const d of instrument.dimensions) {
    text.set(d.id, d.name)
    for (const c of d.categories) {
      text.set(c.id, c.name)
      for (const f of c.factors) {
        text.set(f.id, f.name)
        factorCategory.set(f.id, c.id)
        for (const i of f.items) {
          text.set(i.id, i.text)
          itemFactor.set(i.id, f.id)
        }
      }
    }
  }
  return {
    label: (id, lang) => text.get(id)?.[lang] ?? id,
    dimensions: instrument.dimensions.map((d) => ({ id: d.id, categories: d.categories.map((c) => c.id) })),
    categories: instrument.dimensions.flatMap((d) => d.categories.map((c) => c.id)),
    factors: [...factorCategory.keys()],
    factorCategory,
    itemFactor,
  }
}

export const isShown = (g: Group): g is ShownGroup => !('suppressed' in g && g.suppressed)
export const isShownRound = (r: TrendItem): r is TrendRound => !('suppressed' in r && r.suppressed)
export const isShownPeers = (g: PeerGroup): g is Extract<PeerGroup, { scores: PeerScore[] }> => !('suppressed' in g && g.suppressed)
