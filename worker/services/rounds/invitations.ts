import type { Bindings } from '../../env'
import type { Db } from '../../db/client'
import type { AssessmentRow } from '../../db/assessments'
import { listAddedRespondentIds, listRemindableIds, queueRoundMail } from '../../db/respondents'
import { dispatchOutbox } from '../mail/queue'
import { newId } from '../../lib/crypto'

const DAY_MS = 24 * 60 * 60 * 1000

interface RoundContext {
  org: { id: string; name: string }
  round: AssessmentRow
  origin: string
}

function mailOf(ctx: RoundContext, kind: 'invitation' | 'reminder') {
  return {
    kind,
    orgId: ctx.org.id,
    assessmentId: ctx.round.id,
    lang: ctx.round.language,
    orgName: ctx.org.name,
    assessmentName: ctx.round.name,
    closesAt: ctx.round.closesAt,
    origin: ctx.origin,
  }
}

/** Invites every respondent of an open round still waiting (`added`); returns how many. */
export async function inviteAdded(env: Bindings, db: Db, ctx: RoundContext): Promise<number> {
  const ids = await listAddedRespondentIds(db, ctx.org.id, ctx.round.id)
  const pairs = ids.map((id) => [newId('out'), id] as [string, string])
  const queued = await queueRoundMail(db, mailOf(ctx, 'invitation'), pairs, new Date().toISOString())
  await dispatchOutbox(env, db, pairs.map((p) => p[0]))
  return queued
}

/** Reminds invited or started respondents not reminded in the last 24 hours; returns how many. */
export async function sendReminders(env: Bindings, db: Db, ctx: RoundContext, now = Date.now()): Promise<number> {
  const cutoff = new Date(now - DAY_MS).toISOString()
  const ids = await listRemindableIds(db, ctx.org.id, ctx.round.id, cutoff)
  const pairs = ids.map((id) => [newId('out'), id] as [string, string])
  const queued = await queueRoundMail(db, mailOf(ctx, 'reminder'), pairs, new Date(now).toISOString(), cutoff)
  await dispatchOutbox(env, db, pairs.map((p) => p[0]))
  return queued
}
