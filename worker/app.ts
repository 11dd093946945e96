import { Hono } from 'hono'
import type { AppEnv } from './env'
import { ApiError, onError, pickLang } from './errors'
import { createDb } from './db/client'
import { countingD1 } from './db/counting'
import { requireSecrets } from './middleware/secrets'

/** Security headers on every API answer (pages and assets get theirs from web/public/_headers). */
function securityHeaders(headers: Headers, production: boolean) {
  headers.set('X-Content-Type-Options', 'nosniff')
  headers.set('Referrer-Policy', 'no-referrer')
  headers.set('X-Frame-Options', 'DENY')
  headers.set('Cross-Origin-Opener-Policy', 'same-origin')
  headers.set('Cross-Origin-Resource-Policy', 'same-origin')
  if (!headers.has('Content-Security-Policy'))
    headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
  if (production) headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
}

/** A Hono app with the conventions every route shares: request id, language, db, headers, errors. */
export function newApp() {
  const app = new Hono<AppEnv>()
  app.use('*', async (c, next) => {
    const started = performance.now()
    const requestId = crypto.randomUUID()
    c.set('requestId', requestId)
    c.set('lang', pickLang(c.req.header('Accept-Language')))
    // Outside production a caller may ask for the D1 rows this request read and wrote.
    const counter = c.env.APP_ENV !== 'production' && c.req.header('X-Count-Rows') ? { rowsRead: 0, rowsWritten: 0 } : undefined
    c.set('db', createDb(counter ? countingD1(c.env.DB, counter) : c.env.DB))
    await next()
    // Responses built by hand (problem+json, CSV) are immutable copies only when needed.
    let res = c.res
    try {
      res.headers.set('X-Request-Id', requestId)
    } catch {
      res = new Response(res.body, res)
      res.headers.set('X-Request-Id', requestId)
      c.res = res
    }
    securityHeaders(c.res.headers, c.env.APP_ENV === 'production')
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store')
    c.res.headers.append('Server-Timing', `app;dur=${(performance.now() - started).toFixed(2)}`)
    if (counter) {
      c.res.headers.set('X-D1-Rows-Read', String(counter.rowsRead))
      c.res.headers.set('X-D1-Rows-Written', String(counter.rowsWritten))
    }
  })
  // Before any handler: without its secrets the app answers 503 and writes nothing.
  app.use('*', requireSecrets)
  app.onError(onError)
  app.notFound((c) => onError(new ApiError('NOT_FOUND', { sv: 'Resursen finns inte.', en: 'No such resource.' }), c))
  return app
}
