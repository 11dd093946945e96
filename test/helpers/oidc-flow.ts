/** The browser's side of single sign-on against the Worker and the test provider, for the API tests. */
import { expect } from 'vitest'
import { signInAtProvider } from './oidc-browser'
import { navigate } from './oidc-http'

/** The `name=value` of a cookie the answer sets, or undefined. */
export function cookieFrom(res: Response, name: string): string | undefined {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))
  const value = line?.split(';')[0].slice(name.length + 1)
  return value ? `${name}=${value}` : undefined
}

/** The error code of a redirect to the sign-in page (and that it is one). */
export function errorOf(res: Response): string | null {
  expect(res.status).toBe(302)
  const location = res.headers.get('Location') ?? ''
  expect(location).toMatch(/^\/sign-in\?error=/)
  return new URL(location, 'http://app.test').searchParams.get('error')
}

/** /start on the Worker: the provider URL and the browser-binding cookie. */
export async function start(slug: string) {
  const res = await navigate(`/api/v1/auth/oidc/${slug}/start`)
  expect(res.status).toBe(302)
  const binding = cookieFrom(res, 'mognad_oidc')
  expect(binding).toBeDefined()
  return { location: new URL(res.headers.get('Location')!), binding: binding! }
}

/** The whole browser round trip; returns the Worker's answer to the callback and what led to it. */
export async function ssoSignIn(slug: string, account: string) {
  const started = await start(slug)
  const back = await signInAtProvider(started.location.href, account)
  const callbackPath = `${back.pathname}${back.search}`
  const res = await navigate(callbackPath, started.binding)
  return { res, callbackPath, binding: started.binding, session: cookieFrom(res, 'mognad_session') }
}
