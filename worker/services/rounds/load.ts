import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../../env'
import { ApiError } from '../../errors'
import { findAssessment, type AssessmentRow } from '../../db/assessments'
import { checkPolicy, requireOrgAccess, type Policy } from '../../middleware/org-access'
import { getInstrument } from '../../../schema/instruments'
import { settleRound } from './lifecycle'

/** The round as the API shows it. */
export function toAssessment(r: AssessmentRow) {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    form: r.form,
    language: r.language,
    instrumentVersion: r.instrumentVersion,
    closesAt: r.closesAt,
    createdAt: r.createdAt,
    openedAt: r.openedAt,
    closedAt: r.closedAt,
  }
}

export const roundNotFound = () => new ApiError('NOT_FOUND', { sv: 'Mätomgången finns inte.', en: 'No such assessment round.' })
export const conflict = (sv: string, en: string) => new ApiError('CONFLICT', { sv, en })

/**
 * Organisation access once per request: the organisation routes' middleware (mounted on
 * /orgs/:org) has usually resolved it already, and resolving it again would only re-read the
 * organisation and membership rows.
 */
export const orgAccess: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('org')) return next()
  return requireOrgAccess(c, next)
}

/**
 * The caller's round by id, closed first if overdue. The policy is checked after the lookup:
 * api.md puts 404 (the row not in the organisation) before 403 (role or key scope).
 */
export async function loadRound(c: Context<AppEnv>, id: string, policy?: Policy): Promise<AssessmentRow> {
  const org = c.get('org')
  const row = await findAssessment(c.get('db'), org.id, id)
  if (!row) throw roundNotFound()
  if (policy) checkPolicy(c, policy)
  return settleRound(c.get('db'), row, org.anonymityThreshold)
}

/** A closing time must lie in the future (create and PATCH); stored as ISO 8601 UTC. */
export function futureClosesAt(value: string | null | undefined, lang: 'sv' | 'en', now = Date.now()): string | null | undefined {
  if (value === undefined || value === null) return value
  const time = Date.parse(value)
  if (!Number.isFinite(time) || time <= now) {
    const text = { sv: 'Sista svarstiden måste ligga i framtiden.', en: 'The closing time must lie in the future.' }
    throw new ApiError('VALIDATION_FAILED', text, { errors: [{ path: '/closesAt', message: text[lang] }] })
  }
  return new Date(time).toISOString()
}

/** An instrument version that exists (400 otherwise). */
export function knownVersion(version: string, lang: 'sv' | 'en'): string {
  if (getInstrument(version)) return version
  const text = { sv: `Okänd instrumentversion "${version}".`, en: `Unknown instrument version "${version}".` }
  throw new ApiError('VALIDATION_FAILED', text, { errors: [{ path: '/instrumentVersion', message: text[lang] }] })
}
