import { Hono } from 'hono'
import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { validate } from '../validate'
import { op } from '../openapi/registry'
import { Organisation, PatchOrganisation } from '../../schema/api/organisations'
import { DEFAULT_INNOVATION_BANDS } from '../../schema/enums'
import { updateOrg, type OrgRow, type NewOrg } from '../db/organisations'
import { deleteOrganisationCascade } from '../db/org-delete'
import { listVerifiedDomains } from '../db/org-domains'
import { allow, MANAGE, OWNER_ONLY, READ, requireOrgAccess } from '../middleware/org-access'
import { encryptSecret } from '../lib/crypto'
import { audit } from '../services/audit'
import { mergeMap } from '../lib/merge-patch'
import { ApiError } from '../errors'
import { issuerProblem } from '../services/oidc/url'
import { INTERNAL_HOST_TEXT, internalUrlReason } from '../domain/internal-host'
import { ORG_DELETE_HOOKS, ORG_SETTINGS_HOOKS } from '../hooks'
import { verificationOf } from '../domain'

op({ method: 'get', path: '/orgs/{org}', summary: 'The organisation’s profile and settings', tag: 'organisations', access: 'org', responses: { 200: { description: 'The organisation', schema: Organisation } } })
const patchOp = op({ method: 'patch', path: '/orgs/{org}', summary: 'Change the profile and settings (JSON merge patch)', tag: 'organisations', access: 'org', body: PatchOrganisation, responses: { 200: { description: 'The organisation', schema: Organisation } } })
op({ method: 'delete', path: '/orgs/{org}', summary: 'Delete the organisation and every row it owns (owner only)', tag: 'organisations', access: 'org', responses: { 204: { description: 'Deleted' } } })

/**
 * The organisation as the API shows it (secrets never leave; bands with defaults filled in).
 * `verifiedDomains` are its proven domains, to say which allowed sign-on domains count.
 */
export function toOrganisation(row: OrgRow, verifiedDomains: readonly string[], role?: string) {
  const allowedDomains = row.oidcAllowedDomains
  const bands = { ...DEFAULT_INNOVATION_BANDS, ...row.innovationBands }
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    orgNumber: row.orgNumber,
    kind: row.kind,
    county: row.county,
    population: row.population,
    status: row.status,
    demo: row.demo,
    shareBenchmark: row.shareBenchmark,
    verification: verificationOf(row),
    anonymityThreshold: row.anonymityThreshold,
    targets: row.targets,
    innovationBands: bands,
    oidc: {
      issuer: row.oidcIssuer,
      clientId: row.oidcClientId,
      allowedDomains,
      allowedDomainStatus: allowedDomains.map((domain) => ({ domain, verified: verifiedDomains.includes(domain) })),
      clientSecretSet: !!row.oidcClientSecretEnc,
      tokenAuthMethod: row.oidcTokenAuthMethod,
    },
    createdAt: row.createdAt,
    ...(role ? { role: role as 'owner' } : {}),
  }
}

async function patchToColumns(c: Context<AppEnv>, row: OrgRow, patch: PatchOrganisation): Promise<Partial<NewOrg>> {
  const set: Partial<NewOrg> = {}
  if (patch.name !== undefined) set.name = patch.name
  if (patch.kind !== undefined) set.kind = patch.kind
  if (patch.county !== undefined) set.county = patch.county
  if (patch.population !== undefined) set.population = patch.population
  if (patch.shareBenchmark !== undefined) set.shareBenchmark = patch.shareBenchmark
  if (patch.anonymityThreshold !== undefined) set.anonymityThreshold = patch.anonymityThreshold
  if (patch.targets !== undefined) set.targets = mergeMap(row.targets, patch.targets)
  if (patch.innovationBands !== undefined) set.innovationBands = mergeMap(row.innovationBands, patch.innovationBands)
  if (patch.oidc === null) {
    Object.assign(set, { oidcIssuer: null, oidcClientId: null, oidcClientSecretEnc: null, oidcAllowedDomains: [], oidcTokenAuthMethod: null })
  } else if (patch.oidc) {
    const o = patch.oidc
    if (o.issuer !== undefined) {
      const issuer = o.issuer ? o.issuer.replace(/\/$/, '') : null
      const production = c.env.APP_ENV === 'production'
      // The Worker fetches the issuer's discovery and keys: in production only from a public host.
      const internal = issuer && production ? internalUrlReason(issuer) : null
      if (internal) {
        const why = INTERNAL_HOST_TEXT[internal]
        const detail = { sv: `Utfärdaren ${why.sv}; den måste ha en publik adress.`, en: `The issuer ${why.en}; it must have a public host.` }
        throw new ApiError('VALIDATION_FAILED', detail, { errors: [{ path: '/oidc/issuer', message: detail[c.get('lang')] }] })
      }
      const problem = issuer ? issuerProblem(issuer, production) : null
      if (problem)
        throw new ApiError('VALIDATION_FAILED', { sv: 'Ogiltig utfärdare för inloggning.', en: 'Invalid sign-on issuer.' }, { errors: [{ path: '/oidc/issuer', message: problem }] })
      set.oidcIssuer = issuer
    }
    if (o.clientId !== undefined) set.oidcClientId = o.clientId
    if (o.clientSecret !== undefined) set.oidcClientSecretEnc = o.clientSecret ? await encryptSecret(c.env.DATA_KEY, o.clientSecret) : null
    if (o.allowedDomains !== undefined) set.oidcAllowedDomains = o.allowedDomains ?? []
    if (o.tokenAuthMethod !== undefined) set.oidcTokenAuthMethod = o.tokenAuthMethod
  }
  return set
}

/** The proven domains, read only when sign-on names any (most organisations: no extra read). */
async function provenOf(c: Context<AppEnv>, row: OrgRow): Promise<string[]> {
  return row.oidcAllowedDomains.length === 0 ? [] : listVerifiedDomains(c.get('db'), row.id)
}

// The access check is per route here: a `.use()` on this sub-app would run for every path below
// /orgs/:org and hide a missing check in another resource's routes.
export const organisationRoutes = new Hono<AppEnv>()
  .get('/', requireOrgAccess, allow(READ), async (c) => c.json(toOrganisation(c.get('org'), await provenOf(c, c.get('org')), c.get('role')), 200))
  .patch('/', requireOrgAccess, allow(MANAGE), validate('json', patchOp.body), async (c) => {
    const org = c.get('org')
    const patch = c.req.valid('json')
    const updated = (await updateOrg(c.get('db'), org.id, await patchToColumns(c, org, patch)))!
    const changed = Object.keys(patch).map((k) => (k === 'oidc' && patch.oidc ? `oidc(${Object.keys(patch.oidc).join(',')})` : k))
    await audit(c, org.id, 'org.settings', org.id, { changed })
    for (const hook of ORG_SETTINGS_HOOKS) await hook(c, org, updated)
    return c.json(toOrganisation(updated, await provenOf(c, updated), c.get('role')), 200)
  })
  .delete('/', requireOrgAccess, allow(OWNER_ONLY), async (c) => {
    const org = c.get('org')
    for (const hook of ORG_DELETE_HOOKS) await hook(c, org)
    await deleteOrganisationCascade(c.get('db'), org.id)
    return c.body(null, 204)
  })
