import type { Context } from 'hono'
import type { MemberRole } from '../../../schema/enums'
import type { AppEnv } from '../../env'
import { insertInvitation, type InvitationRow } from '../../db/member-invitations'
import { appOrigin } from '../../middleware/origin'
import { newId, sha256 } from '../../lib/crypto'
import { memberInvitationToken, resolveMailContext } from '../mail/links'
import { deliverOutbox, enqueueMail } from '../mail/outbox'

/** As long as an unconfirmed sign-up is kept: a week to read the mail and answer. */
export const MEMBER_INVITATION_TTL_MS = 7 * 24 * 3600 * 1000

export interface InvitationInput {
  email: string
  name: string
  role: MemberRole
}

/** A new pending invitation row (id, hashed link token, expiry), not yet stored. */
export async function newInvitation(
  c: Context<AppEnv>,
  orgId: string,
  input: InvitationInput,
  invitedBy: string | null,
  nowMs: number,
): Promise<InvitationRow> {
  const id = newId('mbi')
  return {
    id,
    orgId,
    email: input.email.toLowerCase(),
    name: input.name,
    role: input.role,
    tokenHash: await sha256(await memberInvitationToken(c.env, id)),
    invitedBy,
    createdAt: new Date(nowMs).toISOString(),
    expiresAt: new Date(nowMs + MEMBER_INVITATION_TTL_MS).toISOString(),
    linkUsedAt: null,
    acceptedAt: null,
    declinedAt: null,
  }
}

/** Stores a pending invitation; undefined when one is already pending for the address. */
export async function createInvitation(c: Context<AppEnv>, orgId: string, input: InvitationInput, invitedBy: string | null) {
  const now = Date.now()
  const row = await newInvitation(c, orgId, input, invitedBy, now)
  return (await insertInvitation(c.get('db'), row, new Date(now).toISOString())) ? row : undefined
}

/** Queues and delivers the invitation's mail: the link to accept goes only to the invited address. */
export async function sendInvitationMail(
  c: Context<AppEnv>,
  invitation: { id: string; orgId: string; email: string; name: string },
  opts: { orgName: string; ownerAtSignUp?: boolean },
): Promise<void> {
  const db = c.get('db')
  const ids = await enqueueMail(db, [
    {
      orgId: invitation.orgId,
      to: invitation.email,
      kind: 'member_invite',
      lang: c.get('lang'),
      payload: { invitationId: invitation.id, origin: appOrigin(c), orgName: opts.orgName, userName: invitation.name, ownerAtSignUp: opts.ownerAtSignUp ?? false },
    },
  ])
  await deliverOutbox(c.env, db, ids, (row, payload) => resolveMailContext(c.env, row, payload))
}
