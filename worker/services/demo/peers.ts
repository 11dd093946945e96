import type { DemoSeedContext } from './context'
import { ensureDemoDomain, ensureDemoOrg } from '../../db/demo'
import { monthsBefore } from '../../domain'
import { factorMeans, seededRandom } from './answers'
import { demoCrowd, demoFactorIds } from './people'
import { seedDemoRound } from './rounds'
import { newId, randomToken } from '../../lib/crypto'

const DAY = 86_400_000

/**
 * Fictitious sharing municipalities, flagged demo and approved by the platform, so the demo
 * organisation (county 05, 60 000 inhabitants) sees every peer group: nine share its county and
 * nine its size class (50 000–199 999), which with the demo organisation makes the ten a group
 * needs. Demo organisations only ever take part in demo organisations' benchmarks (model.md §5).
 */
export const DEMO_PEERS: readonly { name: string; slug: string; county: string; population: number; level: number; tilt: number; monthsAgo: number }[] = [
  { name: 'Demo Norrvik kommun', slug: 'demo-norrvik', county: '05', population: 85_000, level: 3.6, tilt: -0.2, monthsAgo: 13 },
  { name: 'Demo Åsby kommun', slug: 'demo-asby', county: '05', population: 52_000, level: 3.1, tilt: 0.2, monthsAgo: 14 },
  { name: 'Demo Sjöliden kommun', slug: 'demo-sjoliden', county: '05', population: 140_000, level: 3.9, tilt: -0.4, monthsAgo: 15 },
  { name: 'Demo Bergvalla kommun', slug: 'demo-bergvalla', county: '05', population: 71_000, level: 3.3, tilt: 0.1, monthsAgo: 16 },
  { name: 'Demo Lindbäck kommun', slug: 'demo-lindback', county: '05', population: 12_000, level: 2.9, tilt: 0.3, monthsAgo: 17 },
  { name: 'Demo Storån kommun', slug: 'demo-storan', county: '12', population: 95_000, level: 3.7, tilt: -0.1, monthsAgo: 14 },
  { name: 'Demo Älvnäs kommun', slug: 'demo-alvnas', county: '14', population: 31_000, level: 3.2, tilt: 0, monthsAgo: 18 },
  { name: 'Demo Granhult kommun', slug: 'demo-granhult', county: '05', population: 58_000, level: 3.4, tilt: 0.1, monthsAgo: 13 },
  { name: 'Demo Ekeby kommun', slug: 'demo-ekeby', county: '05', population: 110_000, level: 3.8, tilt: -0.3, monthsAgo: 15 },
  { name: 'Demo Hagfors-Ås kommun', slug: 'demo-hagforsas', county: '05', population: 66_000, level: 3.0, tilt: 0.2, monthsAgo: 16 },
  { name: 'Demo Rydsvik kommun', slug: 'demo-rydsvik', county: '05', population: 175_000, level: 3.5, tilt: 0, monthsAgo: 14 },
]

/** A Swedish organisation number 212000-99NC (index 0–8; 212000-999C is the demo organisation's),
 *  then 212000-98NC, with a valid Luhn check digit C. */
export function demoOrgNumber(index: number): string {
  const nine = index < 9 ? `21200099${index}` : `21200098${index - 9}`
  let sum = 0
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1)
    if (d > 9) d -= 9
    sum += d
  }
  return `${nine.slice(0, 6)}-${nine.slice(6)}${(10 - (sum % 10)) % 10}`
}

/**
 * Each peer with one closed full-form round of 12 invited (10 submitted) more than a year ago,
 * within two years of both demo rounds, so both demo rounds have a benchmark.
 */
export async function seedDemoPeers(ctx: DemoSeedContext): Promise<void> {
  const nowIso = new Date().toISOString()
  for (const [i, peer] of DEMO_PEERS.entries()) {
    const org = await ensureDemoOrg(ctx.db, {
      id: newId('org'), name: peer.name, slug: peer.slug, orgNumber: demoOrgNumber(i), kind: 'municipality', county: peer.county,
      population: peer.population, shareBenchmark: true, status: 'active', demo: true, createdAt: ctx.now, activatedAt: ctx.now,
      operatorVerifiedAt: ctx.now,
    })
    if (!org) throw new Error(`the demo peer ${peer.slug} cannot be created: its slug is taken`)
    await ensureDemoDomain(ctx.db, org.id, { id: newId('dom'), domain: `${peer.slug}.mognad.se`, token: randomToken() }, ctx.now)
    const random = seededRandom(2000 + i)
    const closedAt = monthsBefore(nowIso, peer.monthsAgo)
    const openedAt = new Date(closedAt - 20 * DAY).toISOString()
    await seedDemoRound(ctx.c, ctx.db, org, {
      name: 'Mognadsmätning', form: 'full', openedAt, closedAt: new Date(closedAt).toISOString(),
      people: demoCrowd({ random, form: 'full', means: factorMeans(random, demoFactorIds(), peer.level, peer.tilt), counts: { submitted: 10, started: 1, invited: 1 }, unitIds: [], emailDomain: `${peer.slug}.mognad.se`, openedAt, lastDay: new Date(closedAt).toISOString() }),
    })
  }
}
