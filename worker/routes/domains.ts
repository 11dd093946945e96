import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { validate } from '../validate'
import { op } from '../openapi/registry'
import { ClaimDomain, DomainParams, OrgDomain } from '../../schema/api/domains'
import { pageOf } from '../../schema/api/common'
import { isUniqueViolation } from '../db/client'
import { deleteDomain, findDomain, findDomainClaim, findVerifiedDomainOwner, insertDomain, listDomains, markDomainVerified, type OrgDomainRow } from '../db/org-domains'
import { allow, MANAGE, requireOrgAccess } from '../middleware/org-access'
import { appOrigin } from '../middleware/origin'
import { challengeName, challengeValue, provenWithoutDns } from '../domain/domain-proof'
import { checkDnsProof } from '../services/organisation/domain-proof'
import { newId, randomToken } from '../lib/crypto'
import { audit } from '../services/audit'

const T = 'domains'
op({ method: 'get', path: '/orgs/{org}/domains', summary: 'The organisation’s e-mail domains, proven or pending (owners and admins)', tag: T, access: 'org', responses: { 200: { description: 'Domains (one page: at most 50)', schema: pageOf(OrgDomain) } } })
const claimOp = op({
  method: 'post',
  path: '/orgs/{org}/domains',
  summary: 'Claim a domain; the answer names the DNS TXT record to publish before asking for verification',
  tag: T,
  access: 'org',
  body: ClaimDomain,
  responses: { 201: { description: 'Claimed, pending proof', schema: OrgDomain }, 409: { description: 'Already claimed here, or proven by another organisation' } },
})
op({
  method: 'post',
  path: '/orgs/{org}/domains/{id}/verify',
  summary: 'Look the TXT record up in DNS (over HTTPS) and mark the domain proven',
  tag: T,
  access: 'org',
  params: DomainParams,
  responses: { 200: { description: 'Proven', schema: OrgDomain }, 409: { description: 'Another organisation has proven the domain' }, 412: { description: 'The record is missing, holds another token, or the lookup failed (reason says which)' } },
})
op({ method: 'delete', path: '/orgs/{org}/domains/{id}', summary: 'Remove a domain: sign-on and new respondents no longer rely on it', tag: T, access: 'org', params: DomainParams, responses: { 204: { description: 'Removed' } } })

/** At most this many claims per organisation (a list bounded for the settings page). */
const MAX_DOMAINS = 50

export const toOrgDomain = (d: OrgDomainRow) => ({
  id: d.id,
  domain: d.domain,
  verified: d.verifiedAt !== null,
  verifiedAt: d.verifiedAt,
  record: { type: 'TXT' as const, name: challengeName(d.domain), value: challengeValue(d.token) },
  createdAt: d.createdAt,
})

const notFound = () => new ApiError('NOT_FOUND', { sv: 'Domänen finns inte.', en: 'No such domain.' })
const alreadyClaimed = () => new ApiError('CONFLICT', { sv: 'Domänen är redan tillagd.', en: 'The domain has already been added.' }, { reason: 'already_claimed' })
const provenElsewhere = () =>
  new ApiError('CONFLICT', { sv: 'En annan organisation har redan verifierat domänen.', en: 'Another organisation has already proven this domain.' }, { reason: 'domain_taken' })

const NOT_PROVEN = {
  missing: { sv: 'TXT-posten hittades inte i DNS. Publicera den och försök igen; ändringar kan ta en stund att nå ut.', en: 'The TXT record was not found in DNS. Publish it and try again; changes can take a while to spread.' },
  mismatch: { sv: 'TXT-posten finns men innehåller en annan kod. Kopiera värdet exakt som det visas.', en: 'The TXT record exists but holds another code. Copy the value exactly as shown.' },
}

export const domainRoutes = new Hono<AppEnv>()
  .use(requireOrgAccess)
  .get('/', allow(MANAGE), async (c) => {
    const rows = await listDomains(c.get('db'), c.get('org').id)
    return c.json({ items: rows.map(toOrgDomain), nextCursor: null }, 200)
  })
  .post('/', allow(MANAGE), validate('json', claimOp.body), async (c) => {
    const db = c.get('db')
    const org = c.get('org')
    const { domain } = c.req.valid('json')
    if (await findDomainClaim(db, org.id, domain)) throw alreadyClaimed()
    const owner = await findVerifiedDomainOwner(db, domain)
    if (owner && owner !== org.id) throw provenElsewhere()
    if ((await listDomains(db, org.id)).length >= MAX_DOMAINS)
      throw new ApiError('CONFLICT', { sv: `Högst ${MAX_DOMAINS} domäner per organisation.`, en: `At most ${MAX_DOMAINS} domains per organisation.` }, { reason: 'too_many' })
    let row: OrgDomainRow
    try {
      row = await insertDomain(db, { id: newId('dom'), orgId: org.id, domain, token: randomToken(), createdAt: new Date().toISOString() })
    } catch (err) {
      if (isUniqueViolation(err)) throw alreadyClaimed()
      throw err
    }
    await audit(c, org.id, 'domain.claim', row.id, { domain })
    return c.json(toOrgDomain(row), 201)
  })
  .post('/:id/verify', allow(MANAGE), validate('param', DomainParams), async (c) => {
    const db = c.get('db')
    const org = c.get('org')
    const claim = await findDomain(db, org.id, c.req.valid('param').id)
    if (!claim) throw notFound()
    if (claim.verifiedAt) return c.json(toOrgDomain(claim), 200)
    const owner = await findVerifiedDomainOwner(db, claim.domain)
    if (owner && owner !== org.id) throw provenElsewhere()
    const outcome = provenWithoutDns(c.env.APP_ENV, appOrigin(c), claim.domain) ? 'verified' : await checkDnsProof(c.env, claim.domain, claim.token)
    if (outcome !== 'verified') throw new ApiError('PRECONDITION_FAILED', NOT_PROVEN[outcome], { reason: `record_${outcome}` })
    let row: OrgDomainRow | undefined
    try {
      row = await markDomainVerified(db, org.id, claim.id, new Date().toISOString())
    } catch (err) {
      // Another organisation proved it between our read and this write: the unique index decides.
      if (isUniqueViolation(err)) throw provenElsewhere()
      throw err
    }
    if (!row) throw notFound()
    await audit(c, org.id, 'domain.verify', row.id, { domain: row.domain })
    return c.json(toOrgDomain(row), 200)
  })
  .delete('/:id', allow(MANAGE), validate('param', DomainParams), async (c) => {
    const db = c.get('db')
    const org = c.get('org')
    const claim = await findDomain(db, org.id, c.req.valid('param').id)
    if (!claim) throw notFound()
    await deleteDomain(db, org.id, claim.id)
    await audit(c, org.id, 'domain.delete', claim.id, { domain: claim.domain })
    return c.body(null, 204)
  })
