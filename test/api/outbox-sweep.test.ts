import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import worker from '../../worker/index'
import { call } from '../helpers/http'
import { eventually, mailTo, openRoundWith, people, seedOrg } from '../helpers/seed'
import { newId } from '../../worker/lib/crypto'

const MIN = 60_000

async function runCron(now = Date.now()) {
  const ctx = createExecutionContext()
  await worker.scheduled(createScheduledController({ scheduledTime: now, cron: '* * * * *' }), env, ctx)
  await waitOnExecutionContext(ctx)
}

type OutboxState = { id: string; to_email: string; status: string; attempts: number }
async function outboxOf(roundId: string): Promise<OutboxState[]> {
  return (await env.DB.prepare('SELECT id, to_email, status, attempts FROM outbox WHERE batch_id = ? ORDER BY to_email').bind(roundId).all<OutboxState>()).results
}

/** Makes a round's invitations look as if their queue send was lost `ageMs` ago. */
async function strand(roundId: string, ageMs: number, attempts = 0) {
  await env.DB.prepare("UPDATE outbox SET status = 'queued', sent_at = NULL, attempts = ?, created_at = ? WHERE batch_id = ?")
    .bind(attempts, new Date(Date.now() - ageMs).toISOString(), roundId)
    .run()
}

async function allSent(roundId: string) {
  const rows = await outboxOf(roundId)
  return rows.length > 0 && rows.every((r) => r.status === 'sent') && rows
}

// Rounds with mail through the real queue: generous on a busy machine.
describe('outbox sweep (cron)', { timeout: 60_000 }, () => {
  it('re-queues invitations still queued after 10 minutes, and they are delivered', async () => {
    const org = await seedOrg()
    const tag = `sweep-${newId('t').slice(2, 10)}`
    const { round } = await openRoundWith(org, people(org, tag, 3))
    await eventually(() => allSent(round.id))
    await strand(round.id, 11 * MIN)
    await env.DB.prepare('DELETE FROM dev_mailbox WHERE to_email LIKE ?').bind(`${tag}.%`).run()

    await runCron()
    const rows = await eventually(() => allSent(round.id))
    expect(rows.map((r) => r.attempts)).toEqual([2, 2, 2]) // the sweep's hand-over and the send
    for (let i = 0; i < 3; i++) {
      const mail = await mailTo(`${tag}.${i}@${org.domain}`)
      expect(mail).toHaveLength(1)
      expect(mail[0].links[0]).toMatch(/\/r\//)
    }
  })

  it('leaves young rows alone and hands each row over at most once per 10 minutes', async () => {
    const org = await seedOrg()
    const young = await openRoundWith(org, people(org, `young-${newId('t').slice(2, 10)}`, 2))
    const once = await openRoundWith(org, people(org, `once-${newId('t').slice(2, 10)}`, 2))
    await eventually(() => allSent(young.round.id))
    await eventually(() => allSent(once.round.id))
    await strand(young.round.id, 5 * MIN)
    // Handed over once already at 10 minutes; at 15 minutes the second interval has not passed.
    await strand(once.round.id, 15 * MIN, 1)

    await runCron()
    expect((await outboxOf(young.round.id)).map((r) => [r.status, r.attempts])).toEqual([['queued', 0], ['queued', 0]])
    expect((await outboxOf(once.round.id)).map((r) => [r.status, r.attempts])).toEqual([['queued', 1], ['queued', 1]])
  })

  it('marks rows failed after 5 hand-overs, and at once when the round is no longer open', async () => {
    const org = await seedOrg()
    const spent = await openRoundWith(org, people(org, `spent-${newId('t').slice(2, 10)}`, 2))
    const closed = await openRoundWith(org, people(org, `closed-${newId('t').slice(2, 10)}`, 2))
    await eventually(() => allSent(spent.round.id))
    await eventually(() => allSent(closed.round.id))
    expect((await call(`/api/v1/orgs/${org.slug}/assessments/${closed.round.id}/close`, { key: org.writeKey, method: 'POST' })).status).toBe(200)
    await strand(spent.round.id, 61 * MIN, 5)
    await strand(closed.round.id, 11 * MIN)

    await runCron()
    expect((await outboxOf(spent.round.id)).map((r) => [r.status, r.attempts])).toEqual([['failed', 5], ['failed', 5]])
    expect((await outboxOf(closed.round.id)).map((r) => [r.status, r.attempts])).toEqual([['failed', 0], ['failed', 0]])
  })

  it('never re-sends sign-in links (they expire within 15 minutes)', async () => {
    const id = newId('out')
    const old = new Date(Date.now() - 30 * MIN).toISOString()
    await env.DB.prepare("INSERT INTO outbox (id, org_id, to_email, kind, lang, payload, status, attempts, created_at) VALUES (?, NULL, 'x@example.se', 'sign_in', 'sv', '{}', 'queued', 0, ?)")
      .bind(id, old)
      .run()
    await runCron()
    const row = await env.DB.prepare('SELECT status, attempts FROM outbox WHERE id = ?').bind(id).first()
    expect(row).toEqual({ status: 'queued', attempts: 0 })
  })
})
