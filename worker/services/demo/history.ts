import { DEMO_DOMAIN, type DemoSeedContext } from './context'
import { monthsBefore } from '../../domain'
import { factorMeans, improved, seededRandom } from './answers'
import { demoCrowd, demoFactorIds } from './people'
import { seedDemoRound } from './rounds'

const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()

/** The demo organisation's rounds: names are their keys for idempotency. */
export const DEMO_ROUNDS = { first: 'Nulägesmätning', second: 'Uppföljning efter ett år', open: 'Pulsmätning' } as const

/**
 * The demo organisation's history: a baseline round closed about a year ago and a follow-up
 * closed about a month ago (full form, ~40 respondents each, a little better the second time),
 * and a short pulse survey open now with some respondents done. Dates follow today's date.
 */
export async function seedDemoHistory(ctx: DemoSeedContext): Promise<void> {
  const now = Date.now()
  const nowIso = iso(now)
  const unitIds = [...ctx.units.values()].map((u) => u.id).sort()
  // One generator for the means and one per round, so a rebuilt round comes out the same.
  const random = seededRandom(1000)
  const before = factorMeans(random, demoFactorIds(), 3.45, -0.35)
  const after = improved(random, before)
  const pulse = improved(random, after)
  const domain = DEMO_DOMAIN

  const firstClosed = monthsBefore(nowIso, 12)
  const firstOpened = firstClosed - 24 * DAY
  await seedDemoRound(ctx.c, ctx.db, ctx.org, {
    name: DEMO_ROUNDS.first, form: 'full', openedAt: iso(firstOpened), closedAt: iso(firstClosed),
    people: demoCrowd({ random: seededRandom(1001), form: 'full', means: before, counts: { submitted: 34, started: 3, invited: 3 }, unitIds, emailDomain: domain, openedAt: iso(firstOpened), lastDay: iso(firstClosed) }),
  })
  const secondClosed = monthsBefore(nowIso, 1)
  const secondOpened = secondClosed - 21 * DAY
  await seedDemoRound(ctx.c, ctx.db, ctx.org, {
    name: DEMO_ROUNDS.second, form: 'full', openedAt: iso(secondOpened), closedAt: iso(secondClosed),
    people: demoCrowd({ random: seededRandom(1002), form: 'full', means: after, counts: { submitted: 37, started: 3, invited: 2 }, unitIds, emailDomain: domain, openedAt: iso(secondOpened), lastDay: iso(secondClosed) }),
  })
  const opened = now - 5 * DAY
  await seedDemoRound(ctx.c, ctx.db, ctx.org, {
    name: DEMO_ROUNDS.open, form: 'short', openedAt: iso(opened), closesAt: iso(now + 16 * DAY),
    people: demoCrowd({ random: seededRandom(1003), form: 'short', means: pulse, counts: { submitted: 9, started: 6, invited: 15 }, unitIds, emailDomain: domain, openedAt: iso(opened), lastDay: nowIso }),
  })
}
