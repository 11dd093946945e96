import type { z } from 'zod/mini'
import type { CreateMember, Member as MemberSchema } from '../../schema/api/members'
import type { MemberRole } from '../../schema/enums'
import { api } from '../lib/api'
import { orgPath } from './organisations'

export type Member = z.infer<typeof MemberSchema>
type Page<T> = { items: T[]; nextCursor: string | null }

export async function listMembers(slug: string) {
  return (await api<Page<Member>>('GET', `${orgPath(slug)}/members`)).items
}

export function addMember(slug: string, input: z.input<typeof CreateMember>) {
  return api<Member>('POST', `${orgPath(slug)}/members`, input)
}

export function changeRole(slug: string, userId: string, role: MemberRole) {
  return api<Member>('PATCH', `${orgPath(slug)}/members/${encodeURIComponent(userId)}`, { role })
}

export function removeMember(slug: string, userId: string) {
  return api<void>('DELETE', `${orgPath(slug)}/members/${encodeURIComponent(userId)}`)
}
