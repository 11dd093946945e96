import type { Lang } from '../../../schema/enums'
import { CreateInitiative } from '../../../schema/api/initiatives'
import { ApiError } from '../../errors'
import { issueMessage, type IssueLike } from '../../lib/validation-messages'
import { isBlank, parseCsv } from '../../../schema/csv'

/** The documented columns, in header order. Header names match case-insensitively; others are ignored. */
export const CSV_COLUMNS = [
  'title', 'description', 'kind', 'target', 'factors', 'cost', 'owner', 'status',
  'politicalUrgency', 'technicalUrgency', 'societalBenefit', 'administrationBenefit', 'risk',
] as const
type Column = (typeof CSV_COLUMNS)[number]

/** Columns that may be left out of the header; every other one must be there. */
const OPTIONAL_COLUMNS: readonly Column[] = ['description', 'cost', 'owner', 'status']
const NUMBER_COLUMNS: readonly Column[] = ['cost', 'politicalUrgency', 'technicalUrgency', 'societalBenefit', 'administrationBenefit', 'risk']
const LOWERCASE_COLUMNS: readonly Column[] = ['kind', 'target', 'status']

export const MAX_IMPORT_ROWS = 5000

export interface ParsedImport {
  rows: { row: number; data: CreateInitiative }[]
  errors: { row: number; message: string }[]
}

/**
 * `E1:2 I3:1` → links. Tokens are separated by spaces (commas and semicolons also work); the id is
 * upper-cased. A token that is not `ID:strength` is returned as bad so the row can name it.
 */
export function parseFactorList(text: string): { links: { factorId: string; strength: number }[]; bad: string[] } {
  const links: { factorId: string; strength: number }[] = []
  const bad: string[] = []
  for (const token of text.split(/[\s,;]+/).filter(Boolean)) {
    const match = /^([A-Za-z]\d+):(\d+)$/.exec(token)
    if (match) links.push({ factorId: match[1].toUpperCase(), strength: Number(match[2]) })
    else bad.push(token)
  }
  return { links, bad }
}

/** A cell as a number when it reads as one (`150 000` and `1,5` included); otherwise the text, for the schema to reject. */
function numberCell(cell: string): number | string {
  const compact = cell.replace(/[\s\u00a0\u202f]/g, '')
  return /^[+-]?\d+([.,]\d+)?$/.test(compact) ? Number(compact.replace(',', '.')) : cell
}

/** The row's message: each problem as `column: what is wrong`, in the caller's language. */
function rowMessage(issues: IssueLike[], factorTokens: string[], lang: Lang): string {
  return issues
    .map((issue) => {
      const [column, index] = issue.path
      const where = column === 'factors' && typeof index === 'number' && factorTokens[index] ? `factors (${factorTokens[index]})` : String(column ?? '')
      return `${where}: ${issueMessage(issue, lang)}`
    })
    .join(' ')
}

function headerError(missing: string[]): ApiError {
  const list = missing.join(', ')
  return new ApiError(
    'VALIDATION_FAILED',
    { sv: `CSV-rubrikraden saknar kolumner: ${list}.`, en: `The CSV header row lacks columns: ${list}.` },
    { errors: missing.map((name) => ({ path: `/header/${name}`, message: 'Missing column' })) },
  )
}

/**
 * Reads an initiatives CSV: 400 when the header lacks a required column, 413 above 5,000 data rows
 * (counted after parsing, blank lines not counted); otherwise the valid rows and, for each bad
 * row, its spreadsheet number and what is wrong. Rows are independent: a bad row never stops the others.
 */
export function readInitiativesCsv(text: string, lang: Lang): ParsedImport {
  const records = parseCsv(text)
  const header = records[0]
  if (!header || isBlank(header)) throw headerError(CSV_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.includes(c)))
  const byName = new Map(CSV_COLUMNS.map((c) => [c.toLowerCase(), c]))
  const positions = new Map<Column, number>()
  header.fields.forEach((name, i) => {
    const column = byName.get(name.trim().toLowerCase())
    if (column && !positions.has(column)) positions.set(column, i)
  })
  const missing = CSV_COLUMNS.filter((c) => !positions.has(c) && !OPTIONAL_COLUMNS.includes(c))
  if (missing.length) throw headerError(missing)
  const body = records.slice(1).filter((r) => !isBlank(r))
  if (body.length > MAX_IMPORT_ROWS)
    throw new ApiError('PAYLOAD_TOO_LARGE', {
      sv: `Högst ${MAX_IMPORT_ROWS} rader per import (filen har ${body.length}).`,
      en: `At most ${MAX_IMPORT_ROWS} rows per import (the file has ${body.length}).`,
    })

  const result: ParsedImport = { rows: [], errors: [] }
  for (const record of body) {
    const input: Record<string, unknown> = {}
    let factorTokens: string[] = []
    let badFactors: string[] = []
    for (const [column, i] of positions) {
      const cell = (record.fields[i] ?? '').trim()
      if (cell === '') continue
      if (column === 'factors') {
        const { links, bad } = parseFactorList(cell)
        factorTokens = cell.split(/[\s,;]+/).filter(Boolean).filter((t) => !bad.includes(t))
        badFactors = bad
        input.factors = links
      } else if (NUMBER_COLUMNS.includes(column)) input[column] = numberCell(cell)
      else input[column] = LOWERCASE_COLUMNS.includes(column) ? cell.toLowerCase() : cell
    }
    if (badFactors.length) {
      const list = badFactors.join(', ')
      result.errors.push({
        row: record.row,
        message: lang === 'sv' ? `factors: skriv faktorer som E1:2 I3:1 (fel: ${list}).` : `factors: write factors as E1:2 I3:1 (wrong: ${list}).`,
      })
      continue
    }
    const parsed = CreateInitiative.safeParse(input)
    if (parsed.success) result.rows.push({ row: record.row, data: parsed.data })
    else result.errors.push({ row: record.row, message: rowMessage(parsed.error.issues as IssueLike[], factorTokens, lang) })
  }
  return result
}
