import type { Bindings } from '../../env'
import type { Db } from '../../db/client'
import type { OutboxRow } from '../../db/mail'
import { insertSignInToken } from '../../db/sessions'
import { findUserByEmail } from '../../db/users'
import { hmac, newId, sha256 } from '../../lib/crypto'
import type { MailContext } from './templates'

export const SIGN_IN_LINK_TTL_MS = 15 * 60 * 1000

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

/** Stores a one-time sign-in token for a user (only its hash) and returns its id, the link's seed. */
export async function createSignInToken(env: Bindings, db: Db, userId: string, now = Date.now()): Promise<string> {
  const signInId = newId('sil')
  await insertSignInToken(db, {
    id: signInId,
    tokenHash: await sha256(await signInToken(env, signInId)),
    userId,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + SIGN_IN_LINK_TTL_MS).toISOString(),
  })
  return signInId
}

/**
 * A requested sign-in link (POST /auth/sign-in-link) is queued for the address as typed, so the
 * request does the same work whether an account has it. Only here, at sending, is the address
 * looked up: an account gets a fresh token; no account means nothing to send (null).
 */
async function requestedSignIn(env: Bindings, db: Db | undefined, row: OutboxRow): Promise<{ signInId: string; userName: string } | null> {
  if (!db) throw new Error('a requested sign-in link needs the database to be rendered')
  const user = await findUserByEmail(db, row.toEmail)
  if (!user) return null
  return { signInId: await createSignInToken(env, db, user.id), userName: user.name }
}

async function signInLink(env: Bindings, origin: string, signInId: string): Promise<string> {
  return `${origin}/auth/verify?token=${encodeURIComponent(await signInToken(env, signInId))}`
}

/** Renders the credential link (and names) of a queued message; null when it must not be sent. */
export async function resolveMailContext(env: Bindings, row: OutboxRow, payload: Record<string, unknown>, db?: Db): Promise<MailContext | null> {
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
  if (row.kind === 'sign_in' && payload.requested === true) {
    const requested = await requestedSignIn(env, db, row)
    if (!requested) return null
    return { ...names, userName: requested.userName, link: await signInLink(env, origin, requested.signInId) }
  }
  if (row.kind === 'sign_in' || row.kind === 'member_invite') return { ...names, link: await signInLink(env, origin, String(payload.signInId)) }
  const token = await respondentToken(env, String(payload.respondentId))
  return { ...names, link: `${origin}/r/${token}` }
}
