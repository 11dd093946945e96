import type { z } from 'zod/mini'
import type { MyInvitation, OpenedInvitation } from '../../schema/api/invitations'
import type { Session } from './session'
import { api } from '../lib/api'
import { setMe } from './session'

export type Invitation = z.infer<typeof MyInvitation>
type Page<T> = { items: T[]; nextCursor: string | null }

/** Opens an invitation's link: signs in (once) without accepting. */
export async function openInvitation(token: string) {
  const opened = await api<z.infer<typeof OpenedInvitation>>('POST', '/auth/invitations/open', { token })
  setMe(opened.me)
  return opened.invitation
}

export async function listMyInvitations() {
  return (await api<Page<Invitation>>('GET', '/auth/invitations')).items
}

/** Accepts and takes the answer's session, which now lists the organisation. */
export async function acceptInvitation(id: string) {
  const session = await api<Session>('POST', `/auth/invitations/${encodeURIComponent(id)}/accept`)
  setMe(session)
  return session
}

export function declineInvitation(id: string) {
  return api<void>('POST', `/auth/invitations/${encodeURIComponent(id)}/decline`)
}
