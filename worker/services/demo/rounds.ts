import type { Context } from 'hono'
import type { AppEnv } from '../../env'
import type { Db } from '../../db/client'
import type { OrgRow } from '../../db/organisations'
import type { Form, RespondentRole } from '../../../schema/enums'
import { LATEST_INSTRUMENT_VERSION, type AnswerValue } from '../../../schema/instruments'
import { insertAssessment, updateAssessmentIn } from '../../db/assessments'
import { insertRespondents } from '../../db/respondents'
import { mergeAnswers, submitResponse } from '../../db/responses'
import { deleteDemoRound, findDemoRound, markDemoInvited } from '../../db/demo'
import { appOrigin } from '../../middleware/origin'
import { newId } from '../../lib/crypto'
import { respondentToken } from '../mail/links'
import { answerKey, tokenHash } from '../rounds/tokens'
import { closeRound } from '../rounds/lifecycle'
import { inviteAdded } from '../rounds/invitations'

/** How far one demo respondent got. */
export type DemoProgress = 'invited' | 'started' | 'submitted'

export interface DemoRespondent {
  email: string
  name: string
  role: RespondentRole
  unitId: string | null
  progress: DemoProgress
  answers: Record<string, AnswerValue>
  /** The UTC date they submitted (past rounds: a day while the round was open). */
  submittedOn?: string
}

export interface DemoRoundSpec {
  name: string
  form: Form
  openedAt: string
  /** Closed rounds: when it closed (in the past). Absent: the round stays open. */
  closedAt?: string
  /** Open rounds: the closing time ahead. */
  closesAt?: string
  people: DemoRespondent[]
}

/**
 * Builds one demo round through the same code the API runs: respondents inserted as the import
 * stores them (token hashes only), answers merged and submitted by the respond API's own
 * statements under the HMAC answer keys, and a past round closed by the real close service
 * (kept bodies, results, benchmark entry; answers deleted) at its past closing time. An open round sends its real
 * invitations, so the dev outbox holds working respondent links.
 * Idempotent: a finished round of this name is kept; a half-made one is rebuilt.
 */
export async function seedDemoRound(c: Context<AppEnv>, db: Db, org: OrgRow, spec: DemoRoundSpec): Promise<void> {
  const existing = await findDemoRound(db, org.id, spec.name)
  if (existing && (spec.closedAt ? existing.status === 'closed' : existing.status !== 'draft')) return
  if (existing) await deleteDemoRound(db, org.id, existing.id)

  const draft = await insertAssessment(db, {
    id: newId('asm'), orgId: org.id, name: spec.name, form: spec.form, language: 'sv',
    instrumentVersion: LATEST_INSTRUMENT_VERSION, status: 'draft', closesAt: null, createdAt: spec.openedAt,
  })
  const ids = spec.people.map(() => newId('rsp'))
  const tokens = await Promise.all(ids.map((id) => respondentToken(c.env, id)))
  const hashes = await Promise.all(tokens.map((t) => tokenHash(t)))
  const keys = await Promise.all(tokens.map((t) => answerKey(c.env, t)))
  await insertRespondents(db, org.id, draft.id, spec.people.map((p, i) => ({ id: ids[i], email: p.email, name: p.name, role: p.role, unitId: p.unitId, tokenHash: hashes[i] })), spec.openedAt)
  const round = (await updateAssessmentIn(db, org.id, draft.id, 'draft', { status: 'open', openedAt: spec.openedAt, closesAt: spec.closesAt ?? null, kAtOpen: org.anonymityThreshold }))!
  if (spec.closedAt) await markDemoInvited(db, org.id, round.id)
  else await inviteAdded(c.env, db, { org, round, origin: appOrigin(c) })

  const now = new Date().toISOString()
  for (const [i, p] of spec.people.entries()) {
    if (p.progress === 'invited') continue
    await mergeAnswers(db, keys[i], ids[i], JSON.stringify(p.answers), now, true)
    if (p.progress === 'submitted') await submitResponse(db, keys[i], ids[i], p.submittedOn ?? now.slice(0, 10), now)
  }
  if (spec.closedAt) await closeRound(db, round, org.anonymityThreshold, spec.closedAt)
}

/** A date (YYYY-MM-DD) a fraction of the way from one instant to another. */
export function dayBetween(from: string, to: string, fraction: number): string {
  const a = Date.parse(from)
  return new Date(a + (Date.parse(to) - a) * fraction).toISOString().slice(0, 10)
}
