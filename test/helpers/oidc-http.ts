import { exports } from 'cloudflare:workers'
import { ORIGIN } from './http'

/**
 * A top-level browser navigation to the Worker that does NOT follow redirects: the single
 * sign-on endpoints answer only with redirects, and the Worker's fetcher would otherwise follow
 * them (to the provider, or to SPA routes the API does not serve).
 */
export async function navigate(path: string, cookie?: string): Promise<Response> {
  const headers = new Headers({ 'CF-Connecting-IP': '10.9.0.1' })
  if (cookie) headers.set('Cookie', cookie)
  const worker = (exports as unknown as { default: Fetcher }).default
  return worker.fetch(new Request(`${ORIGIN}${path}`, { headers, redirect: 'manual' }))
}
