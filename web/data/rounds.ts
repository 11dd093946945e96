import type { z } from 'zod/mini'
import type { Assessment, CreateAssessment, ImportRespondents, ImportResult as ImportResultSchema, InvitationPreview as InvitationPreviewSchema, Participation as ParticipationSchema, PatchAssessment, RemindersSent, Respondent as RespondentSchema } from '../../schema/api/assessments'
import { allPages, api } from '../lib/api'
import { orgPath } from './organisations'

export type Round = z.infer<typeof Assessment>
export type NewRound = z.input<typeof CreateAssessment>
export type RoundPatch = z.input<typeof PatchAssessment>
export type Respondent = z.infer<typeof RespondentSchema>
export type ImportResult = z.infer<typeof ImportResultSchema>
export type Participation = z.infer<typeof ParticipationSchema>
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>
export type NewRespondent = z.input<typeof ImportRespondents>['respondents'][number]

const roundsPath = (slug: string) => `${orgPath(slug)}/assessments`
const roundPath = (slug: string, id: string) => `${roundsPath(slug)}/${encodeURIComponent(id)}`

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
export const sendReminders = (slug: string, id: string) => api<z.infer<typeof RemindersSent>>('POST', `${roundPath(slug, id)}/reminders`)
export const getInvitationPreview = (slug: string, id: string) => api<InvitationPreview>('GET', `${roundPath(slug, id)}/invitation-preview`)

/**
 * Posts the CSV text exactly as the user gave it (`text/csv`): the server parses and numbers the
 * rows itself, so its answer speaks of the same rows the preview showed.
 */
export const importCsv = (slug: string, id: string, csv: string) =>
  api<ImportResult>('POST', `${roundPath(slug, id)}/respondents`, csv, { contentType: 'text/csv; charset=utf-8' })
