import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { insertAudit } from '../db/audit'
import { newId } from '../lib/crypto'

/** Records who did what in the organisation (actor from the credential, never from input). */
export async function audit(c: Context<AppEnv>, orgId: string, action: string, target?: string | null, detail?: unknown): Promise<void> {
  const p = c.get('principal')
  await insertAudit(c.get('db'), {
    id: newId('aud'),
    orgId,
    actorId: p ? (p.kind === 'key' ? p.keyId : p.userId) : null,
    actorLabel: p ? (p.kind === 'key' ? `key:${p.keyId}` : p.email) : null,
    action,
    target: target ?? null,
    detail: detail ?? null,
    createdAt: new Date().toISOString(),
  })
}
