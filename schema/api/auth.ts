import * as z from 'zod/mini'
import { MEMBER_ROLES } from '../enums'
import { Email } from './common'

export const SignInLinkRequest = z.strictObject({ email: Email })
export const VerifyRequest = z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(200)) })

export const User = z.object({ id: z.string(), email: z.string(), name: z.string() })
export const Me = z.object({
  user: User,
  organisations: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), role: z.enum(MEMBER_ROLES), status: z.string(), demo: z.boolean() })),
  /** Set when the session came from an organisation's single sign-on: it reaches that organisation only. */
  scope: z.nullable(z.object({ orgId: z.string() })),
})
export type Me = z.infer<typeof Me>
