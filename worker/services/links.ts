import type { Bindings } from '../env'
import type { OutboxRow } from '../db/mail'
import { hmac } from './crypto'
import type { MailContext } from './mail-templates'

/**
 * Credentials in links are derived from TOKEN_SECRET and a row id, so the outbox can render them
 * at sending (and a reminder can repeat an invitation's link) without ever storing them.
 */
export function signInToken(env: Bindings, signInId: string): Promise<string> {
  return hmac(env.TOKEN_SECRET, `sign-in:${signInId}`)
}

/** The token of a membership invitation's link (only its SHA-256 is stored, to find the invitation). */
export function memberInvitationToken(env: Bindings, invitationId: string): Promise<string> {
  return hmac(env.TOKEN_SECRET, `member-invitation:${invitationId}`)
}

export function respondentToken(env: Bindings, respondentId: string): Promise<string> {
  return hmac(env.TOKEN_SECRET, `respondent:${respondentId}`)
}

/** Renders the credential link (and names) of a queued message. */
export async function resolveMailContext(env: Bindings, row: OutboxRow, payload: Record<string, unknown>): Promise<MailContext> {
  const origin = String(payload.origin ?? env.APP_ORIGIN ?? '')
  const names = {
    orgName: payload.orgName as string | undefined,
    assessmentName: payload.assessmentName as string | undefined,
    closesAt: (payload.closesAt as string | null | undefined) ?? null,
    userName: payload.userName as string | undefined,
    ownerAtSignUp: payload.ownerAtSignUp === true,
  }
  if (row.kind === 'member_invite' && payload.invitationId) {
    const token = await memberInvitationToken(env, String(payload.invitationId))
    return { ...names, link: `${origin}/invitations?token=${encodeURIComponent(token)}` }
  }
  if (row.kind === 'sign_in' || row.kind === 'member_invite') {
    const token = await signInToken(env, String(payload.signInId))
    return { ...names, link: `${origin}/auth/verify?token=${encodeURIComponent(token)}` }
  }
  const token = await respondentToken(env, String(payload.respondentId))
  return { ...names, link: `${origin}/r/${token}` }
}
