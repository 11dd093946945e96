import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { validate } from '../validate'
import { op } from '../openapi/registry'
import { Signup, SignupResult } from '../../schema/api/organisations'
import { slugify } from '../../schema/api/org-number'
import { insertOrgWithOwner, listSlugsLike, orgNumberTaken, slugTaken } from '../db/organisations'
import { findUserByEmail } from '../db/users'
import { insertOrgWithOwnerInvitation } from '../db/member-invitations'
import { newId } from '../lib/crypto'
import { newInvitation, sendInvitationMail } from '../services/organisation/member-invitations'
import { audit } from '../services/audit'
import { removeStalePendingOrgs } from '../scheduled'
import { limitSignInRequests, sendSignInLink } from '../services/auth/sign-in-link'

const signupOp = op({
  method: 'post',
  path: '/signup',
  summary: 'Sign up an organisation (pending until its owner consents: the first sign-in of a new address, or an existing user’s acceptance)',
  tag: 'organisations',
  access: 'public',
  body: Signup,
  responses: { 201: { description: 'Created, a sign-in link is sent to the owner', schema: SignupResult } },
})

/** The derived slug, or with the lowest free numeric suffix (-2, -3, …) when taken. */
function firstFreeSlug(base: string, taken: string[]): string {
  const used = new Set(taken)
  if (!used.has(base)) return base
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const candidate = base.slice(0, 40 - suffix.length).replace(/-+$/, '') + suffix
    if (!used.has(candidate)) return candidate
  }
}

const conflict = (sv: string, en: string) => new ApiError('CONFLICT', { sv, en })

export const signupRoutes = new Hono<AppEnv>().post('/', validate('json', signupOp.body), async (c) => {
  const db = c.get('db')
  const { organisation: input, owner } = c.req.valid('json')
  // A sign-up counts as one link request for the owner's address; a limited one creates nothing.
  await limitSignInRequests(c, owner.email)
  // Expired pending sign-ups release their org number and slug even where the cron has not run.
  await removeStalePendingOrgs(db, Date.now())
  if (await orgNumberTaken(db, input.orgNumber)) throw conflict('Organisationsnumret är redan registrerat.', 'The organisation number is already registered.')
  let slug: string
  if (input.slug) {
    if (await slugTaken(db, input.slug)) throw conflict('Kortnamnet är redan taget.', 'The slug is already taken.')
    slug = input.slug
  } else {
    const base = slugify(input.name)
    slug = firstFreeSlug(base, await listSlugsLike(db, base))
  }
  const now = new Date().toISOString()
  const orgId = newId('org')
  const org = {
    id: orgId,
    slug,
    name: input.name,
    orgNumber: input.orgNumber,
    kind: input.kind,
    county: input.county ?? null,
    population: input.population ?? null,
    shareBenchmark: input.shareBenchmark ?? false,
    status: 'pending' as const,
    createdAt: now,
  }
  const existing = await findUserByEmail(db, owner.email)
  // An existing user is never made owner without consent: the organisation waits for their acceptance.
  const invitation = existing ? await newInvitation(c, orgId, { ...owner, role: 'owner' }, null, Date.parse(now)) : undefined
  try {
    if (invitation) await insertOrgWithOwnerInvitation(db, org, invitation)
    else await insertOrgWithOwner(db, org, { id: newId('usr'), email: owner.email, name: owner.name }, now)
  } catch (err) {
    // Lost a race on the unique slug or org number between the checks and the insert.
    if (String(err).includes('UNIQUE')) throw conflict('Organisationen finns redan.', 'The organisation already exists.')
    throw err
  }
  if (invitation) {
    await sendInvitationMail(c, invitation, { orgName: input.name, ownerAtSignUp: true })
    await audit(c, orgId, 'member.invite', invitation.id, { email: invitation.email, role: 'owner', signUp: true })
  } else {
    // A new address: the sign-in link goes only to it, and its first use is the owner's consent.
    const user = await findUserByEmail(db, owner.email)
    if (user) await sendSignInLink(c, user, { lang: c.get('lang'), orgId, orgName: input.name })
  }
  return c.json({ organisation: { id: orgId, slug, status: 'pending' as const } }, 201)
})
