import type { Context, MiddlewareHandler } from 'hono'
import type { MemberRole } from '../../schema/enums'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { findOrgByRef } from '../db/organisations'
import { findMembershipRole } from '../db/users'
import { resolvePrincipal, unauthenticated } from './principal'
import { failsOriginCheck } from './origin'

export const orgNotFound = () =>
  new ApiError('NOT_FOUND', { sv: 'Organisationen finns inte.', en: 'No such organisation.' })

export const forbidden = (sv = 'Din roll eller nyckel får inte göra detta.', en = 'Your role or key may not do this.') =>
  new ApiError('FORBIDDEN', { sv, en })

/**
 * Resolves `:org` (slug or id) for the caller: 401 without a credential, 404 when the organisation
 * is not visible to it (another organisation's key, not a member, outside a single sign-on
 * session's organisation), then the Origin check (403)
 * for cookie-authenticated writes. The organisation always comes from here, never from a body.
 */
export const requireOrgAccess: MiddlewareHandler<AppEnv> = async (c, next) => {
  const principal = await resolvePrincipal(c)
  if (!principal) throw unauthenticated()
  const ref = c.req.param('org')
  const org = ref ? await findOrgByRef(c.get('db'), ref) : undefined
  if (!org) throw orgNotFound()
  if (principal.kind === 'key') {
    if (principal.orgId !== org.id) throw orgNotFound()
  } else {
    // A single sign-on session reaches only the organisation whose provider vouched for it.
    if (principal.scopeOrgId && principal.scopeOrgId !== org.id) throw orgNotFound()
    const role = org.status === 'active' ? await findMembershipRole(c.get('db'), org.id, principal.userId) : undefined
    if (!role) throw orgNotFound()
    c.set('role', role)
    if (failsOriginCheck(c)) throw forbidden('Begäran kommer inte från appens eget ursprung.', 'The request does not come from the app’s own origin.')
  }
  c.set('org', org)
  await next()
}

export interface Policy {
  /** Member roles allowed; default all. */
  roles?: readonly MemberRole[]
  /** API keys: 'read' lets any key in, 'write' only write keys, false none (management operations). */
  key: 'read' | 'write' | false
}

/** Checks the caller's role or key scope against a policy (403 otherwise). */
export function checkPolicy(c: Context<AppEnv>, policy: Policy) {
  const principal = c.get('principal')
  if (principal?.kind === 'key') {
    if (policy.key === false) throw forbidden('API-nycklar får inte göra detta.', 'API keys may not do this.')
    if (policy.key === 'write' && principal.scope !== 'write') throw forbidden('Nyckeln har bara läsbehörighet.', 'The key has read scope only.')
    return
  }
  const role = c.get('role')
  if (policy.roles && (!role || !policy.roles.includes(role))) throw forbidden()
}

export function allow(policy: Policy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    checkPolicy(c, policy)
    await next()
  }
}

/** Common policies. */
export const READ: Policy = { key: 'read' }
export const WRITE: Policy = { roles: ['owner', 'admin'], key: 'write' }
export const MANAGE: Policy = { roles: ['owner', 'admin'], key: false }
export const OWNER_ONLY: Policy = { roles: ['owner'], key: false }
