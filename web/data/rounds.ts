import type { z } from 'zod/mini'
import type { Assessment, CreateAssessment, ImportResult as ImportResultSchema, Participation as ParticipationSchema, PatchAssessment, Respondent as RespondentSchema } from '../../schema/api/assessments'
import type { Lang } from '../../schema/enums'
import { lang } from '../i18n'
import { t } from '../i18n/common'
import { ApiProblem, api, type FieldError } from '../lib/api'
import { orgPath } from './organisations'

export type Round = z.infer<typeof Assessment>
export type NewRound = z.input<typeof CreateAssessment>
export type RoundPatch = z.input<typeof PatchAssessment>
export type Respondent = z.infer<typeof RespondentSchema>
export type ImportResult = z.infer<typeof ImportResultSchema>
export type Participation = z.infer<typeof ParticipationSchema>
export interface InvitationPreview {
  subject: string
  text: string
  language: Lang
}
export interface NewRespondent {
  email: string
  name?: string | null
  role: string
  unitId?: string | null
}

const roundsPath = (slug: string) => `${orgPath(slug)}/assessments`
const roundPath = (slug: string, id: string) => `${roundsPath(slug)}/${encodeURIComponent(id)}`

/** All pages of a list endpoint (200 a page: a round holds at most a few thousand respondents). */
async function allPages<T>(path: string): Promise<T[]> {
  const out: T[] = []
  let cursor: string | null = null
  do {
    const query: string = `?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    const page: { items: T[]; nextCursor: string | null } = await api('GET', path + query)
    out.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return out
}

export const listRounds = (slug: string) => allPages<Round>(roundsPath(slug))
export const getRound = (slug: string, id: string) => api<Round>('GET', roundPath(slug, id))
export const createRound = (slug: string, input: NewRound) => api<Round>('POST', roundsPath(slug), input)
/** A JSON merge patch: `closesAt: null` removes the closing time. */
export const patchRound = (slug: string, id: string, patch: RoundPatch) => api<Round>('PATCH', roundPath(slug, id), patch)
export const deleteRound = (slug: string, id: string) => api<void>('DELETE', roundPath(slug, id))
export const openRound = (slug: string, id: string) => api<Round>('POST', `${roundPath(slug, id)}/open`)
export const closeRound = (slug: string, id: string) => api<Round>('POST', `${roundPath(slug, id)}/close`)

export const listRespondents = (slug: string, id: string) => allPages<Respondent>(`${roundPath(slug, id)}/respondents`)
export const addRespondent = (slug: string, id: string, row: NewRespondent) =>
  api<ImportResult>('POST', `${roundPath(slug, id)}/respondents`, { respondents: [row] })
export const removeRespondent = (slug: string, id: string, rid: string) =>
  api<void>('DELETE', `${roundPath(slug, id)}/respondents/${encodeURIComponent(rid)}`)
export const getParticipation = (slug: string, id: string) => api<Participation>('GET', `${roundPath(slug, id)}/participation`)
export const sendReminders = (slug: string, id: string) => api<{ sent: number }>('POST', `${roundPath(slug, id)}/reminders`)
export const getInvitationPreview = (slug: string, id: string) => api<InvitationPreview>('GET', `${roundPath(slug, id)}/invitation-preview`)

/**
 * Posts the CSV text exactly as the user gave it (`text/csv`): the server parses and numbers the
 * rows itself, so its answer speaks of the same rows the preview showed.
 */
export async function importCsv(slug: string, id: string, csv: string): Promise<ImportResult> {
  let res: Response
  try {
    res = await fetch(`/api/v1${roundPath(slug, id)}/respondents`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Accept-Language': lang(), 'Content-Type': 'text/csv; charset=utf-8' },
      body: csv,
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiProblem(0, 'NETWORK', t('networkError'), t('networkError'))
  }
  const body = (await res.json().catch(() => ({}))) as Partial<ImportResult & { code: string; title: string; detail: string; errors: FieldError[] }>
  if (res.ok) return body as ImportResult
  throw new ApiProblem(res.status, body.code ?? 'INTERNAL', body.title ?? t('unexpected'), body.detail ?? t('unexpected'), (body.errors ?? []) as FieldError[])
}
