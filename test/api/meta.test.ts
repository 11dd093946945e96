import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { createExecutionContext } from 'cloudflare:test'
import { app } from '../../worker/index'
import { call, request } from '../helpers/http'
import type { Bindings } from '../../worker/env'

const PERMISSIONS = 'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()'

describe('GET /api/v1/health', () => {
  it('answers ok with a request id and security headers', async () => {
    const res = await call('/api/v1/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
    expect(res.headers.get('X-Request-Id')).toMatch(/[0-9a-f-]{36}/)
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
    expect(res.headers.get('X-Frame-Options')).toBe('DENY')
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer')
    expect(res.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin')
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin')
    expect(res.headers.get('Strict-Transport-Security')).toBeNull()
  })
})

describe('security headers on API answers', () => {
  it('deny camera, microphone, geolocation and the other features on every answer, errors included', async () => {
    for (const res of [await call('/api/v1/health'), await call('/api/v1/auth/me'), await call('/api/v1/nothing-here')]) {
      expect(res.headers.get('Permissions-Policy')).toBe(PERMISSIONS)
      expect(res.headers.get('X-Frame-Options')).toBe('DENY')
    }
  })

  it('add HSTS of one year in production only', async () => {
    const production = { ...env, APP_ENV: 'production' } as unknown as Bindings
    const res = await app.fetch(request('/api/v1/health'), production, createExecutionContext())
    expect(res.status).toBe(200)
    expect(res.headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains')
    expect(res.headers.get('Permissions-Policy')).toBe(PERMISSIONS)
  })
})
