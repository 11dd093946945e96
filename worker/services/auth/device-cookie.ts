import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../../env'
import { hmac, timingSafeEqual } from '../../lib/crypto'

/**
 * The device cookie says "this browser once signed in through a link sent to this address". It
 * is no credential: it only lets that browser's sign-in link requests past the per-address
 * window a stranger can fill (api.md). Signed with TOKEN_SECRET over the user id, the address
 * and the time of issue, so it matches one address and expires on its own.
 */
export const DEVICE_MAX_AGE_S = 90 * 24 * 60 * 60

function cookieName(c: Context<AppEnv>): string {
  return c.env.APP_ENV === 'production' ? '__Host-mognad_device' : 'mognad_device'
}

function mac(secret: string, userId: string, email: string, issuedAt: number): Promise<string> {
  return hmac(secret, `device:${userId}:${email.toLowerCase()}:${issuedAt}`)
}

/** The cookie value for a user's address issued at a time (seconds). */
export async function deviceCookieValue(secret: string, userId: string, email: string, issuedAt: number): Promise<string> {
  return `${userId}.${issuedAt}.${await mac(secret, userId, email, issuedAt)}`
}

/** Sets (or renews) the device cookie after a sign-in through a link. */
export async function writeDeviceCookie(c: Context<AppEnv>, user: { id: string; email: string }): Promise<void> {
  const value = await deviceCookieValue(c.env.TOKEN_SECRET, user.id, user.email, Math.floor(Date.now() / 1000))
  const production = c.env.APP_ENV === 'production'
  setCookie(c, cookieName(c), value, { httpOnly: true, sameSite: 'Lax', secure: production, path: '/', maxAge: DEVICE_MAX_AGE_S })
}

/** True when the request carries a device cookie for this address issued within 90 days. */
export async function holdsDeviceCookie(c: Context<AppEnv>, email: string): Promise<boolean> {
  const [userId, issued, given, extra] = (getCookie(c, cookieName(c)) ?? '').split('.')
  const issuedAt = Number(issued)
  if (!userId || !given || extra !== undefined || !/^\d{1,12}$/.test(issued ?? '')) return false
  const age = Date.now() / 1000 - issuedAt
  if (age < -60 || age > DEVICE_MAX_AGE_S) return false
  return timingSafeEqual(await mac(c.env.TOKEN_SECRET, userId, email, issuedAt), given)
}
