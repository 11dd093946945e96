import type { z } from 'zod/mini'
import type { Organisation, PatchOrganisation, Signup, SignupResult } from '../../schema/api/organisations'
import { api } from '../lib/api'

export type Org = z.infer<typeof Organisation>
export type OrgPatch = z.input<typeof PatchOrganisation>
export type SignupInput = z.input<typeof Signup>

const orgPath = (slug: string) => `/orgs/${encodeURIComponent(slug)}`

export function signUp(input: SignupInput) {
  return api<z.infer<typeof SignupResult>>('POST', '/signup', input)
}

export function getOrganisation(slug: string) {
  return api<Org>('GET', orgPath(slug))
}

/** A JSON merge patch: absent keys stay, null clears. */
export function patchOrganisation(slug: string, patch: OrgPatch) {
  return api<Org>('PATCH', orgPath(slug), patch)
}

export { orgPath }
