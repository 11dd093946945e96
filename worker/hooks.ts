import type { Context } from 'hono'
import type { AppEnv } from './env'
import type { OrgRow } from './db/organisations'

/**
 * Reactions of later features to organisation changes, registered by those features (e.g. a new
 * anonymity threshold recomputes stored results) so the organisation routes need not know them.
 */
export const ORG_SETTINGS_HOOKS: ((c: Context<AppEnv>, before: OrgRow, after: OrgRow) => Promise<void>)[] = []
export const ORG_DELETE_HOOKS: ((c: Context<AppEnv>, org: OrgRow) => Promise<void>)[] = []

/** Checks that keep a unit from being deleted while something refers to it (respondents). */
export const UNIT_IN_USE_CHECKS: ((c: Context<AppEnv>, orgId: string, unitId: string) => Promise<boolean>)[] = []
