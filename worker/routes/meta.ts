import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { op } from '../openapi/registry'
import { openApiDocument } from '../openapi/document'
import { Health, HealthMisconfigured } from '../../schema/api/common'
import { appOrigin } from '../middleware/origin'

op({ method: 'get', path: '/health', summary: 'Liveness', tag: 'meta', access: 'public', responses: { 200: { description: 'ok', schema: Health }, 503: { description: 'A required secret is missing or weak; every other path answers 503 too', schema: HealthMisconfigured } } })
op({ method: 'get', path: '/openapi.json', summary: 'This OpenAPI 3.1 document', tag: 'meta', access: 'public', responses: { 200: { description: 'The document' } } })

export const metaRoutes = new Hono<AppEnv>()
  .get('/health', (c) => c.json({ status: 'ok' as const }, 200))
  .get('/openapi.json', (c) => c.json(openApiDocument(appOrigin(c)), 200))
