import type { z } from 'zod/mini'
import type { ApiKey as ApiKeySchema, CreatedApiKey } from '../../schema/api/members'
import type { ApiKeyScope } from '../../schema/enums'
import { api } from '../lib/api'
import { orgPath } from './organisations'

export type ApiKey = z.infer<typeof ApiKeySchema>
export type NewApiKey = z.infer<typeof CreatedApiKey>

export async function listApiKeys(slug: string) {
  return (await api<{ items: ApiKey[] }>('GET', `${orgPath(slug)}/api-keys?limit=200`)).items
}

export function createApiKey(slug: string, name: string, scope: ApiKeyScope) {
  return api<NewApiKey>('POST', `${orgPath(slug)}/api-keys`, { name, scope })
}

export function revokeApiKey(slug: string, id: string) {
  return api<void>('DELETE', `${orgPath(slug)}/api-keys/${encodeURIComponent(id)}`)
}
