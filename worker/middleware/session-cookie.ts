import type { Context } from 'hono'
import { getCookie, setCookie, deleteCookie } from 'hono/cookie'
import type { AppEnv } from '../env'

export const IDLE_TIMEOUT_MS = 8 * 60 * 60 * 1000
export const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000

/** `__Host-mognad_session` (Secure) in production, `mognad_session` elsewhere (api.md). */
export function sessionCookieName(c: Context<AppEnv>): string {
  return c.env.APP_ENV === 'production' ? '__Host-mognad_session' : 'mognad_session'
}

export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, sessionCookieName(c))
}

export function writeSessionCookie(c: Context<AppEnv>, value: string) {
  const production = c.env.APP_ENV === 'production'
  setCookie(c, sessionCookieName(c), value, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: production,
    path: '/',
    maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
  })
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, sessionCookieName(c), { path: '/', secure: c.env.APP_ENV === 'production' })
}
