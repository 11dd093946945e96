import * as z from 'zod/mini'
import { FORMS } from '../enums'
import { Score } from './common'

/** Schemas of the follow-up over time (trends) and the comparison with peers (benchmark). */

const TrendRound = z.object({
  assessmentId: z.string(),
  name: z.string(),
  closedAt: z.string(),
  instrumentVersion: z.string(),
  form: z.enum(FORMS),
  n: z.number(),
  overall: Score,
  dimensions: z.array(Score),
  categories: z.array(Score),
  factors: z.array(Score),
  /** Percentage points against the previous shown round of the same version and form; null
   *  without one, or where either value is null. */
  change: z.record(z.string(), z.nullable(z.number())),
})
const SuppressedRound = z.object({ assessmentId: z.string(), closedAt: z.string(), suppressed: z.literal(true) })

export const Trends = z.object({ items: z.array(z.union([TrendRound, SuppressedRound])) })
/** One closed round shown on the trend line, and an item of the list (shown or suppressed). */
export type TrendRound = z.infer<typeof TrendRound>
export type TrendItem = z.infer<typeof Trends>['items'][number]

const PeerGroupId = z.enum(['all', 'kind', 'size', 'county'])
const Stat = z.object({
  id: z.string(),
  p25: z.nullable(z.number()),
  median: z.nullable(z.number()),
  p75: z.nullable(z.number()),
  percentileRank: z.nullable(z.number()),
})

const ShownPeerGroup = z.object({ group: PeerGroupId, size: z.number(), scores: z.array(Stat) })
const PeerGroup = z.union([ShownPeerGroup, z.object({ group: PeerGroupId, suppressed: z.literal(true) })])

export const Benchmark = z.object({ groups: z.array(PeerGroup) })
/** The peer comparison of a round, one of its groups (shown or suppressed), a shown one and its score. */
export type Benchmark = z.infer<typeof Benchmark>
export type PeerGroup = z.infer<typeof PeerGroup>
export type ShownPeerGroup = z.infer<typeof ShownPeerGroup>
export type PeerScore = z.infer<typeof Stat>
