import { describe, expect, it } from 'vitest'
import { call, json } from '../helpers/http'
import { seedOrg, addMemberAndSignIn, createKey } from '../helpers/seed-org'

describe('API conventions', () => {
  it('answers problem+json in English when asked and Swedish by default', async () => {
    const sv = await json(await call('/api/v1/auth/me'))
    const en = await json(await call('/api/v1/auth/me', { headers: { 'Accept-Language': 'en-GB,en;q=0.9,sv;q=0.5' } }))
    expect(sv.title).toBe('Inloggning krävs')
    expect(en.title).toBe('Authentication required')
    expect(en).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' })
    expect(typeof en.type).toBe('string')
    expect(typeof en.detail).toBe('string')
  })

  it('answers 404 problem+json for unknown API paths', async () => {
    const res = await call('/api/v1/nothing-here')
    expect(res.status).toBe(404)
    expect(res.headers.get('Content-Type')).toContain('application/problem+json')
    expect(res.headers.get('X-Request-Id')).toBeTruthy()
  })

  it('rejects malformed JSON with 400, never 500', async () => {
    const res = await call('/api/v1/auth/sign-in-link', { raw: '{"email": ', contentType: 'application/json' })
    expect(res.status).toBe(400)
    expect((await json(res)).code).toBe('VALIDATION_FAILED')
  })

  it('rejects a media type the operation does not take with 415', async () => {
    const res = await call('/api/v1/auth/sign-in-link', { raw: 'email=a@b.se', contentType: 'application/x-www-form-urlencoded' })
    expect(res.status).toBe(415)
    expect((await json(res)).code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('rejects bodies over 1 MiB with 413 before looking at them', async () => {
    const big = JSON.stringify({ email: 'a@b.se', pad: 'x'.repeat(1024 * 1024) })
    const res = await call('/api/v1/auth/sign-in-link', { raw: big, contentType: 'text/plain' })
    expect(res.status).toBe(413)
    expect((await json(res)).code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('rejects unknown fields with a pointer to them', async () => {
    const res = await call('/api/v1/auth/sign-in-link', { body: { email: 'a@b.se', extra: 1 } })
    expect(res.status).toBe(400)
    expect((await json(res)).errors).toEqual([expect.objectContaining({ path: '/extra' })])
  })

  it('follows the precedence 401 → 404 → 403 → 413 → 415 → 400', async () => {
    const a = await seedOrg()
    const b = await seedOrg()
    const analyst = await addMemberAndSignIn(a, 'analyst')
    const path = `/api/v1/orgs/${a.slug}/units`
    // No credential, even with a bad body: 401.
    expect((await call(path, { raw: '{', contentType: 'application/json' })).status).toBe(401)
    // Another organisation's member: 404 before anything about roles or bodies.
    expect((await call(path, { cookie: b.cookie, raw: '{', contentType: 'application/json' })).status).toBe(404)
    // A role that may not write: 403 before the body.
    expect((await call(path, { cookie: analyst.cookie, raw: '{', contentType: 'application/json' })).status).toBe(403)
    // Cookie write without the app's Origin: 403.
    expect((await call(path, { cookie: a.cookie, body: { name: 'X' }, origin: null })).status).toBe(403)
    expect((await call(path, { cookie: a.cookie, body: { name: 'X' }, origin: 'http://evil.test' })).status).toBe(403)
    // Size before media type before JSON.
    expect((await call(path, { cookie: a.cookie, raw: 'x'.repeat(1024 * 1024 + 1), contentType: 'text/plain' })).status).toBe(413)
    expect((await call(path, { cookie: a.cookie, raw: 'name=x', contentType: 'text/plain' })).status).toBe(415)
    expect((await call(path, { cookie: a.cookie, raw: '{', contentType: 'application/json' })).status).toBe(400)
  })

  it('lets API keys write without an Origin and stops read keys with 403', async () => {
    const a = await seedOrg()
    const write = await createKey(a, 'write')
    const read = await createKey(a, 'read')
    expect((await call(`/api/v1/orgs/${a.slug}/units`, { key: write, body: { name: 'Enhet' }, origin: null })).status).toBe(201)
    expect((await call(`/api/v1/orgs/${a.slug}/units`, { key: read, body: { name: 'Enhet 2' }, origin: null })).status).toBe(403)
    expect((await call(`/api/v1/orgs/${a.slug}/units`, { key: read, origin: null })).status).toBe(200)
    expect((await call(`/api/v1/orgs/${a.slug}/units`, { key: 'mgd_nonsense_key' })).status).toBe(401)
  })

  it('serves an OpenAPI 3.1 document of every operation', async () => {
    const res = await call('/api/v1/openapi.json')
    expect(res.status).toBe(200)
    const doc = await json(res)
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.paths['/api/v1/signup'].post.requestBody.content['application/json'].schema.properties.organisation).toBeTruthy()
    expect(doc.paths['/api/v1/orgs/{org}/units/{unitId}'].patch).toBeTruthy()
  })
})
