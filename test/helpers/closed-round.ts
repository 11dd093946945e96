import { env } from 'cloudflare:workers'
import { FACTOR_IDS } from '../../schema/enums'
import { getInstrument } from '../../schema/instruments'
import { newId } from '../../worker/lib/crypto'
import type { SeededOrg } from './seed'

/**
 * A closed round with hand-chosen stored results, inserted straight into D1 (the scoring itself is
 * tested elsewhere): every factor at `base` percent unless `factors` says otherwise, categories at
 * `base`, and the given type, flags and weaknesses. The results row uses the organisation's k so
 * no recompute replaces it.
 */
export async function insertClosedRound(
  org: SeededOrg,
  opts: { factors?: Record<string, number | null>; type?: 'A' | 'B' | 'C' | 'D' | null; flags?: string[]; weaknesses?: string[]; base?: number; k?: number; closedAt?: string; form?: 'short' | 'full'; belowThreshold?: boolean } = {},
): Promise<string> {
  const id = newId('asm')
  const now = new Date().toISOString()
  const closedAt = opts.closedAt ?? now
  const base = opts.base ?? 80
  const score = (sid: string, percent: number | null) => ({ id: sid, percent, ci: null, n: 10 })
  const instrument = getInstrument('v1')!
  const results = {
    instrumentVersion: 'v1',
    n: 10,
    overall: score('overall', base),
    dimensions: instrument.dimensions.map((d) => score(d.id, base)),
    categories: instrument.dimensions.flatMap((d) => d.categories.map((c) => score(c.id, base))),
    factors: FACTOR_IDS.map((f) => score(f, opts.factors && f in opts.factors ? opts.factors[f] : base)),
    type: opts.type ?? null,
    borderline: false,
    balance: 0,
    flags: opts.flags ?? [],
    strengths: [],
    weaknesses: opts.weaknesses ?? [],
    dontKnow: [],
    dontKnowFactors: [],
  }
  await env.DB.prepare(
    "INSERT INTO assessments (id, org_id, name, form, language, instrument_version, status, created_at, opened_at, closed_at) VALUES (?, ?, 'Mätning', ?, 'sv', 'v1', 'closed', ?, ?, ?)",
  ).bind(id, org.id, opts.form ?? 'short', closedAt, closedAt, closedAt).run()
  const body = opts.belowThreshold ? null : JSON.stringify({ results, breakdowns: { role: [], unit: [] } })
  await env.DB.prepare('INSERT INTO assessment_results (org_id, assessment_id, k, n, body) VALUES (?, ?, ?, ?, ?)').bind(org.id, id, opts.k ?? 5, 10, body).run()
  return id
}
