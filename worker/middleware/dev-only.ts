import type { MiddlewareHandler } from 'hono'
import type { AppEnv, Bindings } from '../env'
import { ApiError } from '../errors'

/**
 * Whether an origin's host can only be this machine: localhost (and *.localhost), 127.0.0.0/8 or
 * [::1]. Under APP_ENV test also the reserved `.test` names (RFC 6761), which the Worker tests use.
 */
export function isLoopbackOrigin(origin: string, appEnv: Bindings['APP_ENV']): boolean {
  let host: string
  try {
    host = new URL(origin).hostname.toLowerCase()
  } catch {
    return false
  }
  if (host === 'localhost' || host.endsWith('.localhost') || host === '[::1]') return true
  if (/^127(\.\d{1,3}){3}$/.test(host)) return true
  return appEnv === 'test' && host.endsWith('.test')
}

/**
 * The development routes (/api/v1/dev/*) exist only when APP_ENV is development or test AND the
 * app's origin (APP_ORIGIN, or the request's when unset) is loopback: a production deploy, or a
 * development build deployed by mistake to a public host, answers 404 as for any unknown path.
 */
export const devOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.env.APP_ORIGIN || new URL(c.req.url).origin
  const allowed = (c.env.APP_ENV === 'development' || c.env.APP_ENV === 'test') && isLoopbackOrigin(origin, c.env.APP_ENV)
  if (!allowed) throw new ApiError('NOT_FOUND', { sv: 'Resursen finns inte.', en: 'No such resource.' })
  await next()
}
