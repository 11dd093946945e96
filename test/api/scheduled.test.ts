import { describe, expect, it } from 'vitest'
import { env, exports } from 'cloudflare:workers'
import { createScheduledController, createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import worker from '../../worker/index'
import { call, json } from '../helpers/http'
import { randomOrgNumber } from '../helpers/org-number'
import { uniq } from '../helpers/seed-org'

async function signUpPending() {
  const orgNumber = randomOrgNumber()
  const res = await call('/api/v1/signup', { body: { organisation: { name: `Väntande ${uniq()}`, orgNumber, kind: 'agency' }, owner: { name: 'P', email: `p-${uniq()}@example.se` } } })
  return { ...(await json(res)).organisation, orgNumber }
}

describe('pending organisations', () => {
  it('are removed by the cron after 7 days without activation, and kept before that', async () => {
    const fresh = await signUpPending()
    const old = await signUpPending()
    await env.DB.prepare('UPDATE organisations SET created_at = ? WHERE id = ?').bind(new Date(Date.now() - 7.1 * 864e5).toISOString(), old.id).run()
    const ctx = createExecutionContext()
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), env, ctx)
    await waitOnExecutionContext(ctx)
    const ids = (await env.DB.prepare('SELECT id FROM organisations').all<{ id: string }>()).results.map((r) => r.id)
    expect(ids).toContain(fresh.id)
    expect(ids).not.toContain(old.id)
    expect(await env.DB.prepare('SELECT count(*) AS n FROM memberships WHERE org_id = ?').bind(old.id).first('n')).toBe(0)
  })

  it('release their org number to a new sign-up once expired', async () => {
    const old = await signUpPending()
    await env.DB.prepare('UPDATE organisations SET created_at = ? WHERE id = ?').bind(new Date(Date.now() - 8 * 864e5).toISOString(), old.id).run()
    const res = await exports.default.fetch(
      new Request('http://app.test/api/v1/signup', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': '198.51.100.7' },
        body: JSON.stringify({ organisation: { name: 'Ny', orgNumber: old.orgNumber, kind: 'agency' }, owner: { name: 'Q', email: `q-${uniq()}@example.se` } }),
      }),
    )
    expect(res.status).toBe(201)
  })
})
