import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { validate } from '../validate'
import { op } from '../openapi/registry'
import { ApiKey, ApiKeyParams, CreateApiKey, CreatedApiKey } from '../../schema/api/members'
import { PageQuery, pageOf } from '../../schema/api/common'
import { deleteApiKey, insertApiKey, listApiKeys, type ApiKeyRow } from '../db/api-keys'
import { allow, MANAGE, requireOrgAccess } from '../middleware/org-access'
import { base64url, newId, randomBytes, sha256 } from '../lib/crypto'
import { audit } from '../services/audit'
import { decodeCursor, toPage } from '../lib/pagination'

op({ method: 'get', path: '/orgs/{org}/api-keys', summary: 'API keys (secrets are never shown again)', tag: 'api-keys', access: 'org', query: PageQuery, responses: { 200: { description: 'Keys', schema: pageOf(ApiKey) } } })
const createOp = op({ method: 'post', path: '/orgs/{org}/api-keys', summary: 'Create an API key; the secret is shown only in this answer', tag: 'api-keys', access: 'org', body: CreateApiKey, responses: { 201: { description: 'Created', schema: CreatedApiKey } } })
op({ method: 'delete', path: '/orgs/{org}/api-keys/{keyId}', summary: 'Revoke an API key', tag: 'api-keys', access: 'org', params: ApiKeyParams, responses: { 204: { description: 'Revoked' } } })

const toApiKey = (k: ApiKeyRow) => ({ id: k.id, name: k.name, scope: k.scope, prefix: k.prefix, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt })

export const apiKeyRoutes = new Hono<AppEnv>()
  .use(requireOrgAccess)
  .get('/', allow(MANAGE), validate('query', PageQuery), async (c) => {
    const q = c.req.valid('query')
    const limit = q.limit ?? 50
    const rows = await listApiKeys(c.get('db'), c.get('org').id, limit, decodeCursor(q.cursor))
    return c.json(toPage(rows, limit, toApiKey), 200)
  })
  .post('/', allow(MANAGE), validate('json', createOp.body), async (c) => {
    const org = c.get('org')
    const input = c.req.valid('json')
    // A visible prefix to recognise the key, then 32 random bytes; only the SHA-256 is stored.
    const prefix = `mgd_${base64url(randomBytes(6))}`
    const secret = `${prefix}_${base64url(randomBytes(32))}`
    const row = await insertApiKey(c.get('db'), {
      id: newId('key'),
      orgId: org.id,
      name: input.name,
      scope: input.scope,
      prefix,
      secretHash: await sha256(secret),
      createdAt: new Date().toISOString(),
    })
    await audit(c, org.id, 'api_key.create', row.id, { name: row.name, scope: row.scope })
    return c.json({ id: row.id, name: row.name, scope: row.scope, prefix: row.prefix, secret, createdAt: row.createdAt }, 201)
  })
  .delete('/:keyId', allow(MANAGE), validate('param', ApiKeyParams), async (c) => {
    const org = c.get('org')
    const { keyId } = c.req.valid('param')
    if (!(await deleteApiKey(c.get('db'), org.id, keyId))) throw new ApiError('NOT_FOUND', { sv: 'Nyckeln finns inte.', en: 'No such key.' })
    await audit(c, org.id, 'api_key.revoke', keyId)
    return c.body(null, 204)
  })
