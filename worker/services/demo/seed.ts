import type { Context } from 'hono'
import type { AppEnv } from '../../env'
import type { MemberRole } from '../../../schema/enums'
import { ApiError } from '../../errors'
import { ensureDemoDomain, ensureDemoMember, ensureDemoOrg, ensureDemoUnit } from '../../db/demo'
import type { UserRow } from '../../db/users'
import { listDevMail } from '../../db/mail'
import { slugTaken } from '../../db/organisations'
import { newId, randomToken } from '../../lib/crypto'
import { sendSignInLink } from '../auth/sign-in-link'
import { seedDemoHistory } from './history'
import { seedDemoPeers } from './peers'
import { seedInitiatives } from './initiatives'
import { DEMO_DOMAIN, type DemoSeedContext, type DemoSeedStep } from './context'

/** The demo organisation: a fictitious mid-sized municipality (212000-9994 has a valid Luhn digit). */
export const DEMO_ORG = {
  name: 'Demo kommun',
  slug: 'demo',
  orgNumber: '212000-9994',
  kind: 'municipality',
  county: '05',
  population: 60_000,
  shareBenchmark: true,
} as const

/** The owner first: the seed signs them in. */
export const DEMO_PEOPLE: readonly { email: string; name: string; role: MemberRole }[] = [
  { email: 'agare@demo.mognad.se', name: 'Demo Ägare', role: 'owner' },
  { email: 'admin@demo.mognad.se', name: 'Demo Administratör', role: 'admin' },
  { email: 'analytiker@demo.mognad.se', name: 'Demo Analytiker', role: 'analyst' },
]

/** The unit tree, parents before children (a unit's parent is looked up by name). */
export const DEMO_UNITS: readonly { name: string; parent: string | null }[] = [
  { name: 'Kommunledningskontoret', parent: null },
  { name: 'Socialförvaltningen', parent: null },
  { name: 'Äldreomsorg', parent: 'Socialförvaltningen' },
  { name: 'Individ- och familjeomsorg', parent: 'Socialförvaltningen' },
  { name: 'Utbildningsförvaltningen', parent: null },
  { name: 'Grundskola', parent: 'Utbildningsförvaltningen' },
  { name: 'Samhällsbyggnad', parent: null },
]

async function seedUnits(ctx: DemoSeedContext): Promise<void> {
  for (const unit of DEMO_UNITS) {
    const parentId = unit.parent ? ctx.units.get(unit.parent)!.id : null
    ctx.units.set(unit.name, await ensureDemoUnit(ctx.db, ctx.org.id, { id: newId('unt'), name: unit.name, parentId }, ctx.now))
  }
}

/**
 * The steps after the organisation and its people exist, in order; later parts of the demo are
 * added here as further steps. The history needs the units; the peers (fictitious sharing
 * municipalities) make the benchmark and peer targets show; the initiatives give the portfolio
 * something to rank against the history's latest closed round.
 */
export const DEMO_SEED_STEPS: DemoSeedStep[] = [seedUnits, seedDemoHistory, seedDemoPeers, seedInitiatives]

export interface DemoSeedResult {
  organisation: { id: string; slug: string; name: string }
  owner: { email: string }
  signInLink: string
}

/** Creates whatever of the demo organisation is missing, then sends the owner a fresh sign-in link. */
export async function seedDemo(c: Context<AppEnv>): Promise<DemoSeedResult> {
  const db = c.get('db')
  const now = new Date().toISOString()
  const org = await ensureDemoOrg(db, { id: newId('org'), ...DEMO_ORG, status: 'active', demo: true, createdAt: now, activatedAt: now, operatorVerifiedAt: now })
  if (!org) {
    // Only reachable when someone else's organisation already uses the demo slug.
    const taken = await slugTaken(db, DEMO_ORG.slug)
    throw new ApiError('CONFLICT', {
      sv: `Demoorganisationen kan inte skapas${taken ? `: kortnamnet ${DEMO_ORG.slug} är upptaget` : ''}.`,
      en: `The demo organisation cannot be created${taken ? `: the slug ${DEMO_ORG.slug} is taken` : ''}.`,
    })
  }
  await ensureDemoDomain(db, org.id, { id: newId('dom'), domain: DEMO_DOMAIN, token: randomToken() }, now)
  const members: UserRow[] = []
  for (const person of DEMO_PEOPLE) members.push(await ensureDemoMember(db, org.id, { userId: newId('usr'), ...person }, now))
  const ctx: DemoSeedContext = { c, db, now, org, owner: members[0], members, units: new Map() }
  for (const step of DEMO_SEED_STEPS) await step(ctx)

  // The dev sender delivers into the dev mailbox; the new message is the one that was not there
  // before (times alone cannot tell two messages of the same millisecond apart).
  const before = new Set((await listDevMail(db, ctx.owner.email)).map((m) => m.id))
  await sendSignInLink(c, ctx.owner, { lang: c.get('lang'), orgId: org.id, orgName: org.name })
  const message = (await listDevMail(db, ctx.owner.email)).find((m) => !before.has(m.id))
  const signInLink = message ? message.links.find((link) => link.includes('/auth/verify?token=')) : undefined
  if (!signInLink) throw new Error('the demo owner’s sign-in link did not reach the dev mailbox')
  return { organisation: { id: org.id, slug: org.slug, name: org.name }, owner: { email: ctx.owner.email }, signInLink }
}
