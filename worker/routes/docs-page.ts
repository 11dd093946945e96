import { Hono } from 'hono'
import type { AppEnv } from '../env'

/**
 * GET /api/docs: the readable API reference, a static page of our own assets (no CDN) that renders
 * /api/v1/openapi.json. /api/* runs the Worker first, so it is fetched from the assets binding.
 */
export const docsPage = new Hono<AppEnv>().get('/docs', async (c) => {
  const asset = await c.env.ASSETS.fetch(new URL('/api-docs.html', c.req.url))
  const res = new Response(asset.body, asset)
  res.headers.set('Content-Type', 'text/html; charset=utf-8')
  res.headers.set('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
  res.headers.set('Cache-Control', 'no-cache')
  return res
})
