import { Email } from '../../../schema/api/common'
import { RESPONDENT_ROLES, type RespondentRole } from '../../../schema/enums'
import { readTable } from '../../../schema/csv'

/** Most rows one upload may carry (api.md): the server answers 413 above it. */
export const MAX_IMPORT_ROWS = 5000

export type RowProblem =
  | { kind: 'emailMissing' }
  | { kind: 'emailInvalid'; value: string }
  | { kind: 'roleMissing' }
  | { kind: 'roleUnknown'; value: string }
  | { kind: 'unitUnknown'; value: string }
  | { kind: 'nameLong' }

export interface PreviewRow {
  /** Spreadsheet row number (header = 1), the number the server's errors will use. */
  row: number
  email: string
  name: string
  role: string
  /** The role code when the cell names one, for showing its name. */
  roleCode: RespondentRole | null
  unit: string
  problems: RowProblem[]
  /** A valid row the server will skip: the address is already in the upload or in the round. */
  duplicate: 'upload' | 'round' | null
}

export interface ImportCheck {
  /** The header lacks the email or role column: the server refuses the whole file (400). */
  missingColumns: ('email' | 'role')[]
  tooMany: boolean
  rows: PreviewRow[]
  valid: number
  invalid: number
  duplicates: number
}

/**
 * The rows of a respondent CSV judged by the server's rules (respondent-import.ts): a row with a
 * bad e-mail, role or unit is an error; a good row whose e-mail (trimmed, case-insensitive) is
 * already in the upload or the round is skipped. Done in the browser so problems show before saving.
 */
export function checkImport(text: string, unitNames: string[], existingEmails: string[]): ImportCheck {
  const { header, records } = readTable(text)
  const col = (name: string) => header.indexOf(name)
  const [email, name, role, unit] = [col('email'), col('name'), col('role'), col('unit')]
  const missingColumns = [email < 0 ? 'email' : null, role < 0 ? 'role' : null].filter((c): c is 'email' | 'role' => c !== null)
  const units = new Set(unitNames)
  const lowerUnits = new Set(unitNames.map((u) => u.toLowerCase()))
  const seen = new Set(existingEmails.map((e) => e.trim().toLowerCase()))
  const inRound = new Set(seen)
  const at = (fields: string[], i: number) => (i >= 0 ? (fields[i] ?? '').trim() : '')
  const rows: PreviewRow[] = []
  let valid = 0
  let invalid = 0
  let duplicates = 0
  for (const r of records) {
    const row: PreviewRow = { row: r.row, email: at(r.fields, email), name: at(r.fields, name), role: at(r.fields, role), roleCode: null, unit: at(r.fields, unit), problems: [], duplicate: null }
    const parsed = Email.safeParse(row.email)
    if (!row.email) row.problems.push({ kind: 'emailMissing' })
    else if (!parsed.success) row.problems.push({ kind: 'emailInvalid', value: row.email })
    const code = row.role.toLowerCase()
    if ((RESPONDENT_ROLES as readonly string[]).includes(code)) row.roleCode = code as RespondentRole
    else row.problems.push(row.role ? { kind: 'roleUnknown', value: row.role } : { kind: 'roleMissing' })
    if (row.unit && !units.has(row.unit) && !lowerUnits.has(row.unit.toLowerCase())) row.problems.push({ kind: 'unitUnknown', value: row.unit })
    if (row.name.length > 200) row.problems.push({ kind: 'nameLong' })
    if (row.problems.length || !parsed.success) invalid++
    else if (seen.has(parsed.data)) {
      row.duplicate = inRound.has(parsed.data) ? 'round' : 'upload'
      duplicates++
    } else {
      seen.add(parsed.data)
      valid++
    }
    rows.push(row)
  }
  return { missingColumns, tooMany: records.length > MAX_IMPORT_ROWS, rows, valid, invalid, duplicates }
}
