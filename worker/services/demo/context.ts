import type { Context } from 'hono'
import type { AppEnv } from '../../env'
import type { Db } from '../../db/client'
import type { OrgRow } from '../../db/organisations'
import type { UserRow } from '../../db/users'
import type { UnitRow } from '../../db/units'

/** The demo's e-mail domain: its members and respondents have addresses in it, proven at seed. */
export const DEMO_DOMAIN = 'demo.mognad.se'

/** What every step sees and may add to for the steps after it. */
export interface DemoSeedContext {
  c: Context<AppEnv>
  db: Db
  now: string
  org: OrgRow
  owner: UserRow
  members: UserRow[]
  /** Units by name, filled by the units step. */
  units: Map<string, UnitRow>
}

/** One idempotent part of the demo: running it again must add nothing. */
export type DemoSeedStep = (ctx: DemoSeedContext) => Promise<void>
