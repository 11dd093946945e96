import * as z from 'zod/mini'
import { API_KEY_SCOPES, MEMBER_ROLES } from '../enums'
import { Email, Name } from './common'

/**
 * A member (`status: "active"`, `id` = `userId`) or a pending invitation (`status: "pending"`,
 * `id` = `invitationId`, `userId` null: whether the address has an account is not told).
 */
export const Member = z.object({
  id: z.string(),
  userId: z.nullable(z.string()),
  email: z.string(),
  name: z.string(),
  role: z.enum(MEMBER_ROLES),
  createdAt: z.string(),
  status: z.enum(['active', 'pending']),
  invitationId: z.optional(z.string()),
  expiresAt: z.optional(z.string()),
})
export const CreateMember = z.strictObject({ email: Email, name: Name, role: z.enum(MEMBER_ROLES) })
export const PatchMember = z.strictObject({ role: z.optional(z.enum(MEMBER_ROLES)), name: z.optional(Name) })
export const MemberParams = z.object({ org: z.string(), userId: z.string().check(z.maxLength(100)) })

export const Unit = z.object({ id: z.string(), name: z.string(), parentId: z.nullable(z.string()), createdAt: z.string() })
export const CreateUnit = z.strictObject({ name: Name, parentId: z.optional(z.nullable(z.string().check(z.maxLength(100)))) })
export const PatchUnit = z.strictObject({ name: z.optional(Name), parentId: z.optional(z.nullable(z.string().check(z.maxLength(100)))) })
export const UnitParams = z.object({ org: z.string(), unitId: z.string().check(z.maxLength(100)) })

export const ApiKey = z.object({ id: z.string(), name: z.string(), scope: z.enum(API_KEY_SCOPES), prefix: z.string(), createdAt: z.string(), lastUsedAt: z.nullable(z.string()) })
export const CreatedApiKey = z.object({ id: z.string(), name: z.string(), scope: z.enum(API_KEY_SCOPES), prefix: z.string(), secret: z.string(), createdAt: z.string() })
export const CreateApiKey = z.strictObject({ name: Name, scope: z.enum(API_KEY_SCOPES) })
export const ApiKeyParams = z.object({ org: z.string(), keyId: z.string().check(z.maxLength(100)) })

export const AuditEntry = z.object({ id: z.string(), actor: z.nullable(z.string()), action: z.string(), target: z.nullable(z.string()), detail: z.nullable(z.unknown()), createdAt: z.string() })
