import { describe, expect, it } from 'vitest'
import { call } from '../helpers/http'

describe('GET /api/v1/health', () => {
  it('answers ok with a request id and security headers', async () => {
    const res = await call('/api/v1/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
    expect(res.headers.get('X-Request-Id')).toMatch(/[0-9a-f-]{36}/)
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('Strict-Transport-Security')).toBeNull()
  })
})
