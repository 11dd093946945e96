import { env } from 'cloudflare:workers'
import { createDb } from '../../worker/db/client'
import { insertDomain, markDomainVerified } from '../../worker/db/org-domains'
import { newId, randomToken } from '../../worker/lib/crypto'

/** Gives an organisation a proven e-mail domain straight in D1 (the DNS proof is tested in domains.test.ts). */
export async function proveDomain(orgId: string, domain: string): Promise<void> {
  const db = createDb(env.DB)
  const now = new Date().toISOString()
  const row = await insertDomain(db, { id: newId('dom'), orgId, domain, token: randomToken(), createdAt: now })
  await markDomainVerified(db, orgId, row.id, now)
}
