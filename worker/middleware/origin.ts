import type { Context } from 'hono'
import type { AppEnv } from '../env'

/** The app's own origin: APP_ORIGIN, or outside production the request's origin. */
export function appOrigin(c: Context<AppEnv>): string {
  if (c.env.APP_ORIGIN) return c.env.APP_ORIGIN.replace(/\/$/, '')
  return new URL(c.req.url).origin
}

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** True when a cookie-authenticated request must be refused for a missing or foreign Origin. */
export function failsOriginCheck(c: Context<AppEnv>): boolean {
  if (!MUTATIONS.has(c.req.method)) return false
  const origin = c.req.header('Origin')
  return !origin || origin !== appOrigin(c)
}
