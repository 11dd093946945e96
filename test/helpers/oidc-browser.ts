/**
 * Plays the browser at the test identity provider: keeps its cookies, follows its redirects and
 * submits oidc-provider's development login form, until the provider sends the browser back to
 * the app's callback. Runs inside workerd, where fetch to 127.0.0.1 reaches the Node provider.
 */
import { OIDC_CALLBACK } from './oidc-clients'

type Jar = Map<string, { value: string; path: string }>

function remember(jar: Jar, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(';')
    const eq = pair.indexOf('=')
    const name = pair.slice(0, eq).trim()
    const path = attrs.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/'
    const key = `${name};${path}`
    const value = pair.slice(eq + 1).trim()
    if (/expires=thu, 01 jan 1970/i.test(line) || value === '') jar.delete(key)
    else jar.set(key, { value, path })
  }
}

function cookieHeader(jar: Jar, url: URL): string {
  return [...jar.entries()]
    .filter(([, c]) => url.pathname.startsWith(c.path))
    .map(([key, c]) => `${key.split(';')[0]}=${c.value}`)
    .join('; ')
}

async function send(jar: Jar, url: URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  const cookie = cookieHeader(jar, url)
  if (cookie) headers.set('Cookie', cookie)
  const res = await fetch(url, { ...init, headers, redirect: 'manual' })
  remember(jar, res)
  return res
}

/**
 * Follows the authorisation request at the provider, signs in as `accountId` on the login form
 * and returns the callback URL (with code and state, or error) the provider redirects back to.
 */
export async function signInAtProvider(authorizationUrl: string, accountId: string): Promise<URL> {
  const jar: Jar = new Map()
  let url = new URL(authorizationUrl)
  let loggedIn = false
  for (let hop = 0; hop < 12; hop++) {
    if (url.href.startsWith(OIDC_CALLBACK)) return url
    const res = await send(jar, url)
    const location = res.headers.get('Location')
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel()
      url = new URL(location, url)
      continue
    }
    const page = await res.text()
    if (res.status !== 200 || loggedIn || !/name="prompt" value="login"/.test(page))
      throw new Error(`unexpected provider answer ${res.status} at ${url.pathname}: ${page.replace(/<style>[\s\S]*<\/style>/, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 400)}`)
    // oidc-provider's development login form posts back to the interaction URL itself.
    const submit = await send(jar, url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login: accountId, password: 'any' }).toString(),
    })
    loggedIn = true
    const next = submit.headers.get('Location')
    if (!next) throw new Error(`login form answered ${submit.status}: ${(await submit.text()).slice(0, 300)}`)
    await submit.body?.cancel()
    url = new URL(next, url)
  }
  throw new Error('too many redirects at the provider')
}
