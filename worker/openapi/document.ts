import { toJSONSchema } from 'zod/mini'
import type { $ZodType } from 'zod/v4/core'
import { OPERATIONS, type OperationDoc } from './registry'

const ERROR_CODES_DOC = 'Problem details (RFC 9457), application/problem+json'

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    reason: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
    missing: { type: 'array', items: { type: 'string' }, description: 'MISCONFIGURED: the names of the missing or weak secrets' },
  },
}

function schemaOf(s: $ZodType, io: 'input' | 'output') {
  const json = toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>
  delete json.$schema
  return json
}

function parametersOf(doc: OperationDoc) {
  const out: unknown[] = []
  for (const [where, schema] of [['path', doc.params], ['query', doc.query]] as const) {
    if (!schema) continue
    const json = schemaOf(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] }
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: prop })
    }
  }
  // Path parameters not covered by a schema (e.g. {org}) are still declared.
  for (const match of doc.path.matchAll(/\{(\w+)\}/g)) {
    if (!out.some((p) => (p as { name: string }).name === match[1]))
      out.push({ name: match[1], in: 'path', required: true, schema: { type: 'string' } })
  }
  return out
}

/** The OpenAPI 3.1 document of every registered operation. */
export function openApiDocument(origin: string) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const doc of OPERATIONS) {
    const responses: Record<string, unknown> = {}
    for (const [status, res] of Object.entries(doc.responses)) {
      const type = res.contentType ?? 'application/json'
      responses[status] = res.schema
        ? { description: res.description, content: { [type]: { schema: schemaOf(res.schema, 'output') } } }
        : { description: res.description }
    }
    responses.default = { description: ERROR_CODES_DOC, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }
    const operation: Record<string, unknown> = {
      operationId: `${doc.method}${doc.path.replace(/[{}]/g, '').replace(/[/.-](\w)/g, (_, ch: string) => ch.toUpperCase())}`,
      summary: doc.summary,
      tags: [doc.tag],
      'x-access': doc.access,
      parameters: parametersOf(doc),
      responses,
    }
    if (doc.access === 'org') operation.security = [{ session: [] }, { apiKey: [] }]
    if (doc.access === 'session') operation.security = [{ session: [] }]
    if (doc.body) {
      const content: Record<string, unknown> = { 'application/json': { schema: schemaOf(doc.body, 'input') } }
      if (doc.csv) content['text/csv'] = { schema: { type: 'string' } }
      operation.requestBody = { required: doc.method !== 'patch', content }
    }
    paths[`/api/v1${doc.path}`] ??= {}
    paths[`/api/v1${doc.path}`][doc.method] = operation
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mognad API',
      version: '1',
      description: 'Digital maturity measurement, results, benchmark and initiative portfolio. See docs/api.md.',
    },
    servers: [{ url: origin }],
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'mognad_session' },
        apiKey: { type: 'http', scheme: 'bearer' },
      },
    },
  }
}
