import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { weakSecrets, type SecretName } from '../domain/secret-strength'

/** The verdict per bindings object: an isolate keeps its env, so the check runs once per isolate. */
const verdicts = new WeakMap<object, SecretName[]>()

/** The required secrets that are missing or weak in these bindings (names only, never values). */
export function misconfigured(env: object | undefined): SecretName[] {
  if (!env) return weakSecrets({})
  let weak = verdicts.get(env)
  if (!weak) verdicts.set(env, (weak = weakSecrets(env)))
  return weak
}

/**
 * Runs before every handler, so that a deploy without its secrets writes nothing (a sign-up would
 * otherwise store the organisation and fail afterwards) and never derives a key from an empty or
 * guessable string. Health still answers, with the names, so that a deploy check fails loudly.
 */
export const requireSecrets: MiddlewareHandler<AppEnv> = async (c, next) => {
  const missing = misconfigured(c.env)
  if (missing.length === 0) return next()
  if (c.req.path === '/api/v1/health') return c.json({ status: 'misconfigured' as const, missing }, 503)
  const names = missing.join(', ')
  throw new ApiError(
    'MISCONFIGURED',
    {
      sv: `Tjänsten kan inte användas: hemligheten ${names} saknas eller är för svag (minst 32 byte som base64, base64url eller hex).`,
      en: `The service cannot be used: the secret ${names} is missing or too weak (at least 32 bytes as base64, base64url or hex).`,
    },
    { missing },
  )
}

/** For the cron and the queue, which have no request to answer: they fail loudly instead. */
export function assertSecrets(env: object): void {
  const missing = misconfigured(env)
  if (missing.length) throw new Error(`missing or weak secrets: ${missing.join(', ')}`)
}
