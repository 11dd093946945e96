import { api } from '../lib/api'

export interface DevMessage {
  to: string
  subject: string
  text: string
  links: string[]
  createdAt: string
}

/** Development only: the messages sent to an address, newest first (404 in production). */
export async function listDevMail(to: string) {
  return (await api<{ items: DevMessage[] }>('GET', `/dev/outbox?to=${encodeURIComponent(to)}`)).items
}
