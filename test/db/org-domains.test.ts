import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { createDb, isUniqueViolation } from '../../worker/db/client'
import {
  findVerifiedDomainOwner,
  insertDomain,
  listVerifiedDomains,
  markDomainVerified,
} from '../../worker/db/org-domains'

const db = createDb(env.DB)
const now = '2026-12-08T00:00:00.000Z'

async function claim(orgId: string, id: string, domain: string) {
  return insertDomain(db, { id, orgId, domain, token: `mognad-verify=${id}`, createdAt: now })
}

describe('org_domains', () => {
  it('lets several organisations claim a domain but only one prove it', async () => {
    await claim('org_a', 'dom_a1', 'kommun-a.se')
    await claim('org_b', 'dom_b1', 'kommun-a.se')
    expect(await listVerifiedDomains(db, 'org_a')).toEqual([])

    await markDomainVerified(db, 'org_a', 'dom_a1', now)
    expect(await listVerifiedDomains(db, 'org_a')).toEqual(['kommun-a.se'])
    expect(await findVerifiedDomainOwner(db, 'kommun-a.se')).toBe('org_a')

    await expect(markDomainVerified(db, 'org_b', 'dom_b1', now)).rejects.toSatisfy(isUniqueViolation)
    expect(await listVerifiedDomains(db, 'org_b')).toEqual([])
  })

  it('never marks another organisation’s claim', async () => {
    await claim('org_c', 'dom_c1', 'kommun-c.se')
    expect(await markDomainVerified(db, 'org_d', 'dom_c1', now)).toBeUndefined()
    expect(await findVerifiedDomainOwner(db, 'kommun-c.se')).toBeUndefined()
  })

  it('holds one claim per organisation and domain', async () => {
    await claim('org_e', 'dom_e1', 'kommun-e.se')
    await expect(claim('org_e', 'dom_e2', 'kommun-e.se')).rejects.toSatisfy(isUniqueViolation)
  })
})
