import { exports } from 'cloudflare:workers'

export const ORIGIN = 'http://app.test'

export interface CallInit {
  method?: string
  body?: unknown
  /** Raw body (string) sent as is, with its own content type. */
  raw?: string
  contentType?: string
  cookie?: string
  key?: string
  headers?: Record<string, string>
  /** Send the app's Origin (default true for cookie writes). */
  origin?: string | null
  ip?: string
}

/** Calls the real Worker entry (routing, middleware, D1) the way a browser or integrator would. */
export async function call(path: string, init: CallInit = {}): Promise<Response> {
  return exports.default.fetch(request(path, init))
}

/** The request `call` sends, for tests that hand it to the app themselves (with other bindings). */
export function request(path: string, init: CallInit = {}): Request {
  const headers = new Headers(init.headers)
  if (init.body !== undefined) headers.set('Content-Type', 'application/json')
  if (init.raw !== undefined && init.contentType) headers.set('Content-Type', init.contentType)
  if (init.cookie) headers.set('Cookie', init.cookie)
  if (init.key) headers.set('Authorization', `Bearer ${init.key}`)
  if (init.origin !== null) headers.set('Origin', init.origin ?? ORIGIN)
  headers.set('CF-Connecting-IP', init.ip ?? `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`)
  const body = init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined)
  return new Request(`${ORIGIN}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' })
}

export async function json<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T
}
