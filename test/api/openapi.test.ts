import { describe, expect, it } from 'vitest'
import { app } from '../../worker/index'
import { call, json } from '../helpers/http'

describe('GET /api/v1/openapi.json', () => {
  it('documents every API route the Worker serves, and nothing it does not', async () => {
    const doc = await json(await call('/api/v1/openapi.json'))
    const documented = new Set<string>()
    for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths))
      for (const method of Object.keys(item)) documented.add(`${method.toUpperCase()} ${path}`)
    const served = new Set(
      app.routes
        .filter((r) => r.path.startsWith('/api/v1') && r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '')}`),
    )
    expect([...served].filter((r) => !documented.has(r))).toEqual([])
    expect([...documented].filter((r) => !served.has(r))).toEqual([])
  })

  it('describes request bodies and problem responses', async () => {
    const doc = await json(await call('/api/v1/openapi.json'))
    const create = doc.paths['/api/v1/orgs/{org}/units'].post
    expect(create.requestBody.content['application/json'].schema.required).toContain('name')
    expect(create.parameters.map((p: { name: string }) => p.name)).toContain('org')
    expect(create.responses.default.content['application/problem+json']).toBeTruthy()
    expect(doc.components.securitySchemes.apiKey.scheme).toBe('bearer')
  })
})

describe('GET /api/docs', () => {
  it('is served by the Worker with its own CSP', async () => {
    const res = await call('/api/docs')
    // The page comes from the assets folder, built by the web app (an empty folder in unit tests).
    expect([200, 404]).toContain(res.status)
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
  })
})
