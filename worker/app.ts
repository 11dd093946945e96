import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv } from './env'
import { ApiError, onError, pickLang } from './errors'
import { createDb } from './db/client'
import { countingD1 } from './db/counting'
import { requireSecrets } from './middleware/secrets'

/** The API uses no device or browser feature; web/public/_headers denies the same to the pages. */
const DENIED_FEATURES = ['accelerometer', 'autoplay', 'camera', 'displayCapture', 'geolocation', 'gyroscope', 'magnetometer', 'microphone', 'midi', 'payment', 'usb'] as const

/**
 * Security headers on every API answer (pages and assets get theirs from web/public/_headers).
 * A handler's own Content-Security-Policy (the docs page) is kept; HSTS only in production, where
 * the origin is https.
 */
function apiSecureHeaders(production: boolean) {
  return secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    xFrameOptions: 'DENY',
    strictTransportSecurity: production ? 'max-age=31536000; includeSubDomains' : false,
    permissionsPolicy: Object.fromEntries(DENIED_FEATURES.map((feature) => [feature, false])),
    overwrite: false,
  })
}
const SECURE_HEADERS = { production: apiSecureHeaders(true), other: apiSecureHeaders(false) }

/** A Hono app with the conventions every route shares: request id, language, db, headers, errors. */
export function newApp() {
  const app = new Hono<AppEnv>()
  // First, so that it sets its headers last, on the answer the middleware below made mutable.
  app.use('*', (c, next) => SECURE_HEADERS[c.env.APP_ENV === 'production' ? 'production' : 'other'](c, next))
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
