import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { validate } from '../validate'
import { op } from '../openapi/registry'
import { CreatedWebhook, CreateWebhook, Webhook, WebhookParams, WEBHOOK_EVENTS } from '../../schema/api/webhooks'
import { PageQuery, pageOf } from '../../schema/api/common'
import { deleteWebhook, insertWebhook, listWebhooks, type WebhookRow } from '../db/webhooks'
import { allow, MANAGE, requireOrgAccess } from '../middleware/org-access'
import { encryptSecret, newId } from '../lib/crypto'
import { audit } from '../services/audit'
import { newWebhookSecret } from '../services/webhooks/signing'
import { decodeCursor, toPage } from '../lib/pagination'
import { INTERNAL_HOST_TEXT, internalHostReason } from '../domain/internal-host'

const T = 'webhooks'
op({ method: 'get', path: '/orgs/{org}/webhooks', summary: 'Webhooks (owners and admins; secrets are never shown again)', tag: T, access: 'org', query: PageQuery, responses: { 200: { description: 'Webhooks', schema: pageOf(Webhook) } } })
const createOp = op({
  method: 'post',
  path: '/orgs/{org}/webhooks',
  summary: 'Add a webhook; the signing secret is shown only in this answer. Deliveries are signed the Standard Webhooks way, retried with backoff, carry a date only, and response.submitted goes out after the UTC day ends',
  tag: T,
  access: 'org',
  body: CreateWebhook,
  responses: { 201: { description: 'Created', schema: CreatedWebhook } },
})
op({ method: 'delete', path: '/orgs/{org}/webhooks/{id}', summary: 'Remove a webhook and its waiting deliveries', tag: T, access: 'org', params: WebhookParams, responses: { 204: { description: 'Removed' } } })

const toWebhook = (w: WebhookRow) => ({ id: w.id, url: w.url, events: w.events, createdAt: w.createdAt })

function badUrl(lang: 'sv' | 'en', sv: string, en: string): ApiError {
  return new ApiError('VALIDATION_FAILED', { sv, en }, { errors: [{ path: '/url', message: lang === 'sv' ? sv : en }] })
}

/**
 * https only in production (http elsewhere, for local receivers), no credentials in the URL, and
 * in production only a public host: never loopback, a private network or a metadata service.
 */
function checkUrl(text: string, production: boolean, lang: 'sv' | 'en'): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw badUrl(lang, 'Ange en fullständig adress (https://…).', 'Give a complete address (https://…).')
  }
  const schemes = production ? ['https:'] : ['https:', 'http:']
  if (!schemes.includes(url.protocol)) throw badUrl(lang, 'Adressen måste börja med https://.', 'The address must start with https://.')
  if (url.username || url.password) throw badUrl(lang, 'Adressen får inte innehålla användarnamn eller lösenord.', 'The address must not contain a user name or password.')
  if (url.hash) throw badUrl(lang, 'Adressen får inte ha något #-fragment.', 'The address must not have a # fragment.')
  const internal = production ? internalHostReason(url.hostname) : null
  if (internal) {
    const why = INTERNAL_HOST_TEXT[internal]
    throw badUrl(lang, `Adressen ${why.sv}; en webhook måste gå till en publik adress.`, `The address ${why.en}; a webhook must go to a public host.`)
  }
  return url.href
}

export const webhookRoutes = new Hono<AppEnv>()
  .use(requireOrgAccess)
  .get('/', allow(MANAGE), validate('query', PageQuery), async (c) => {
    const q = c.req.valid('query')
    const limit = q.limit ?? 50
    const rows = await listWebhooks(c.get('db'), c.get('org').id, limit, decodeCursor(q.cursor))
    return c.json(toPage(rows, limit, toWebhook), 200)
  })
  .post('/', allow(MANAGE), validate('json', createOp.body), async (c) => {
    const org = c.get('org')
    const input = c.req.valid('json')
    const url = checkUrl(input.url, c.env.APP_ENV === 'production', c.get('lang'))
    // Listed once each, in the contract's order, whatever order or repeats the caller sent.
    const events = WEBHOOK_EVENTS.filter((e) => input.events.includes(e))
    const secret = newWebhookSecret()
    const row = await insertWebhook(c.get('db'), {
      id: newId('whk'),
      orgId: org.id,
      url,
      events,
      secretEnc: await encryptSecret(c.env.DATA_KEY, secret),
      createdAt: new Date().toISOString(),
    })
    await audit(c, org.id, 'webhook.create', row.id, { host: new URL(url).host, events })
    return c.json({ ...toWebhook(row), secret }, 201)
  })
  .delete('/:id', allow(MANAGE), validate('param', WebhookParams), async (c) => {
    const org = c.get('org')
    const { id } = c.req.valid('param')
    if (!(await deleteWebhook(c.get('db'), org.id, id))) throw new ApiError('NOT_FOUND', { sv: 'Webhooken finns inte.', en: 'No such webhook.' })
    await audit(c, org.id, 'webhook.delete', id)
    return c.body(null, 204)
  })
