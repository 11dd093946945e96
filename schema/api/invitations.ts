import * as z from 'zod/mini'
import { MEMBER_ROLES } from '../enums'
import { Me } from './auth'

/** An invitation as its invitee sees it: which organisation, which role, until when. */
export const MyInvitation = z.object({
  id: z.string(),
  organisation: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  role: z.enum(MEMBER_ROLES),
  invitedBy: z.nullable(z.string()),
  createdAt: z.string(),
  expiresAt: z.string(),
})
export type MyInvitation = z.infer<typeof MyInvitation>

export const OpenInvitationRequest = z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(200)) })
export const OpenedInvitation = z.object({ invitation: MyInvitation, me: Me })
export const MyInvitationParams = z.object({ id: z.string().check(z.maxLength(100)) })
