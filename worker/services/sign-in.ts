import type { Context } from 'hono'
import type { Lang } from '../../schema/enums'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { hitFixedWindow } from '../db/rate-limits'
import { insertSignInToken } from '../db/sessions'
import { newId, sha256 } from './crypto'
import { deliverOutbox, enqueueMail } from './outbox'
import { resolveMailContext, signInToken } from './links'
import { appOrigin } from '../middleware/origin'

export const SIGN_IN_LINK_TTL_MS = 15 * 60 * 1000
const PER_ADDRESS = { limit: 5, windowSeconds: 15 * 60 }
const PER_CLIENT = { limit: 100, windowSeconds: 60 * 60 }

/**
 * Counts a sign-in link request against both fixed windows (per e-mail, per client address) and
 * throws 429 with Retry-After when either is exceeded. Known and unknown addresses count alike.
 */
export async function limitSignInRequests(c: Context<AppEnv>, email: string): Promise<void> {
  const db = c.get('db')
  const now = Date.now()
  const client = c.req.header('CF-Connecting-IP') ?? 'unknown'
  const byAddress = await hitFixedWindow(db, `sil:email:${email}`, PER_ADDRESS.windowSeconds, now)
  const byClient = await hitFixedWindow(db, `sil:ip:${client}`, PER_CLIENT.windowSeconds, now)
  const over = [byAddress.count > PER_ADDRESS.limit ? byAddress.resetsInSeconds : 0, byClient.count > PER_CLIENT.limit ? byClient.resetsInSeconds : 0]
  const retryAfter = Math.max(...over)
  if (retryAfter > 0)
    throw new ApiError('RATE_LIMITED', { sv: 'För många inloggningslänkar har begärts. Försök igen senare.', en: 'Too many sign-in links were requested. Try again later.' }, { retryAfter })
}

/** Creates a one-time sign-in token (stored hashed), queues the link and delivers it at once. */
export async function sendSignInLink(
  c: Context<AppEnv>,
  user: { id: string; email: string; name: string },
  opts: { lang: Lang; orgId?: string | null; kind?: 'sign_in' | 'member_invite'; orgName?: string },
): Promise<void> {
  const db = c.get('db')
  const now = Date.now()
  const signInId = newId('sil')
  const token = await signInToken(c.env, signInId)
  await insertSignInToken(db, {
    id: signInId,
    tokenHash: await sha256(token),
    userId: user.id,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + SIGN_IN_LINK_TTL_MS).toISOString(),
  })
  const ids = await enqueueMail(db, [
    {
      orgId: opts.orgId ?? null,
      to: user.email,
      kind: opts.kind ?? 'sign_in',
      lang: opts.lang,
      payload: { signInId, origin: appOrigin(c), orgName: opts.orgName, userName: user.name },
    },
  ])
  await deliverOutbox(c.env, db, ids, (row, payload) => resolveMailContext(c.env, row, payload))
}
