import type { Context } from 'hono'
import type { Lang } from '../../../schema/enums'
import type { AppEnv } from '../../env'
import { ApiError } from '../../errors'
import { hitFixedWindow } from '../../db/rate-limits'
import { deliverOutbox, enqueueMail } from '../mail/outbox'
import { dispatchOutbox } from '../mail/queue'
import { createSignInToken, resolveMailContext } from '../mail/links'
import { holdsDeviceCookie } from './device-cookie'
import { appOrigin } from '../../middleware/origin'

export { SIGN_IN_LINK_TTL_MS } from '../mail/links'

const PER_ADDRESS = { limit: 5, windowSeconds: 15 * 60 }
const PER_CLIENT = { limit: 100, windowSeconds: 60 * 60 }
const PER_DEVICE = { limit: 20, windowSeconds: 15 * 60 }

const tooMany = (retryAfter: number) =>
  new ApiError('RATE_LIMITED', { sv: 'För många inloggningslänkar har begärts. Försök igen senare.', en: 'Too many sign-in links were requested. Try again later.' }, { retryAfter })

/**
 * Counts a sign-in link request and throws 429 with Retry-After when over a fixed window. From a
 * browser holding a recent device cookie of this address: only its own window (20 per 15 minutes),
 * so a stranger filling the others never locks the owner out. Otherwise both the per-address and
 * the per-client windows; known and unknown addresses count alike.
 */
export async function limitSignInRequests(c: Context<AppEnv>, email: string): Promise<void> {
  const db = c.get('db')
  const now = Date.now()
  if (await holdsDeviceCookie(c, email)) {
    const byDevice = await hitFixedWindow(db, `sil:device:${email}`, PER_DEVICE.windowSeconds, now)
    if (byDevice.count > PER_DEVICE.limit) throw tooMany(byDevice.resetsInSeconds)
    return
  }
  const client = c.req.header('CF-Connecting-IP') ?? 'unknown'
  const byAddress = await hitFixedWindow(db, `sil:email:${email}`, PER_ADDRESS.windowSeconds, now)
  const byClient = await hitFixedWindow(db, `sil:ip:${client}`, PER_CLIENT.windowSeconds, now)
  const over = [byAddress.count > PER_ADDRESS.limit ? byAddress.resetsInSeconds : 0, byClient.count > PER_CLIENT.limit ? byClient.resetsInSeconds : 0]
  const retryAfter = Math.max(...over)
  if (retryAfter > 0) throw tooMany(retryAfter)
}

/**
 * POST /auth/sign-in-link: queues a link for the address as typed and hands it to the mail
 * queue. The request never looks the address up, so known and unknown addresses cost the same
 * statements; whether an account exists is decided when the message is sent (mail/links.ts).
 */
export async function requestSignInLink(c: Context<AppEnv>, email: string): Promise<void> {
  const db = c.get('db')
  const ids = await enqueueMail(db, [{ orgId: null, to: email, kind: 'sign_in', lang: c.get('lang'), payload: { requested: true, origin: appOrigin(c) } }])
  await dispatchOutbox(c.env, db, ids)
}

/** Creates a one-time sign-in token (stored hashed), queues the link and delivers it at once. */
export async function sendSignInLink(
  c: Context<AppEnv>,
  user: { id: string; email: string; name: string },
  opts: { lang: Lang; orgId?: string | null; kind?: 'sign_in' | 'member_invite'; orgName?: string },
): Promise<void> {
  const db = c.get('db')
  const signInId = await createSignInToken(c.env, db, user.id)
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
