import { Hono } from 'hono'
import * as z from 'zod/mini'
import type { AppEnv } from '../env'
import { validate } from '../validate'
import { op } from '../openapi/registry'
import { AssessmentParams } from '../../schema/api/assessments'
import { allCategories, allFactors, getInstrument, type Instrument } from '../../schema/instruments'
import type { Score, ScoreSet } from '../domain'
import { allow, READ } from '../middleware/org-access'
import { audit } from '../services/audit'
import { loadRound, orgAccess } from '../services/rounds/load'
import { requireResults } from '../services/results/current'

op({
  method: 'get', path: '/orgs/{org}/assessments/{id}/results.csv', tag: 'assessments', access: 'org', params: AssessmentParams,
  summary: 'The scores of a closed round as CSV: overall, dimensions, categories, factors (412 as for results)',
  responses: { 200: { description: 'level,id,name_sv,name_en,percent,ci_low,ci_high,n', schema: z.string(), contentType: 'text/csv' } },
})

export const CSV_HEADER = 'level,id,name_sv,name_en,percent,ci_low,ci_high,n'
const OVERALL_NAME = { sv: 'Digital mognad', en: 'Digital maturity' }

/** A CSV cell: quoted only when it holds a comma, quote or line break (RFC 4180). */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** The instrument's names by score id (overall, dimensions, categories, factors). */
function namesOf(instrument: Instrument): Map<string, { sv: string; en: string }> {
  const names = new Map<string, { sv: string; en: string }>([['overall', OVERALL_NAME]])
  for (const x of [...instrument.dimensions, ...allCategories(instrument), ...allFactors(instrument)]) names.set(x.id, x.name)
  return names
}

/**
 * The rows, overall first, then dimensions, categories and factors (each in instrument order,
 * as the benchmark lists them). Numbers in full precision with '.' decimals (JavaScript's
 * shortest round-trip form); a suppressed score, or an interval that does not exist, has empty
 * cells; n is always given (a suppressed factor's n says why it is hidden). LF line ends.
 */
export function resultsCsv(instrument: Instrument, results: ScoreSet): string {
  const names = namesOf(instrument)
  const levels: [string, Score[]][] = [['overall', [results.overall]], ['dimension', results.dimensions], ['category', results.categories], ['factor', results.factors]]
  const lines = [CSV_HEADER]
  for (const [level, scores] of levels) {
    for (const s of scores) {
      const name = names.get(s.id) ?? { sv: s.id, en: s.id }
      lines.push([level, s.id, name.sv, name.en, s.percent, s.ci?.[0], s.ci?.[1], s.n].map(cell).join(','))
    }
  }
  return `${lines.join('\n')}\n`
}

export const resultsExportRoutes = new Hono<AppEnv>().get('/results.csv', orgAccess, allow(READ), validate('param', AssessmentParams), async (c) => {
  const org = c.get('org')
  const round = await loadRound(c, c.req.valid('param').id)
  const results = await requireResults(c.get('db'), org, round)
  const instrument = getInstrument(round.instrumentVersion)!
  await audit(c, org.id, 'export.results_csv', round.id)
  const day = (round.closedAt ?? '').slice(0, 10)
  const filename = `resultat-${org.slug}-${day}-${round.id}.csv`
  return c.body(resultsCsv(instrument, results), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
  })
})
