import { Email } from '../../../schema/api/common'
import { RESPONDENT_ROLES, type RespondentRole } from '../../../schema/enums'
import { readTable } from '../../../schema/csv'
import { addressRefusal, domainOf, mailboxKey } from '../../../schema/respondent-address'

/** Most rows one upload may carry (api.md): the server answers 413 above it. */
export const MAX_IMPORT_ROWS = 5000

export type RowProblem =
  | { kind: 'emailMissing' }
  | { kind: 'emailInvalid'; value: string }
  | { kind: 'roleMissing' }
  | { kind: 'roleUnknown'; value: string }
  | { kind: 'unitUnknown'; value: string }
  | { kind: 'nameLong' }
  | { kind: 'domainUnverified'; value: string }
  | { kind: 'plusAlias' }
  | { kind: 'adminMember' }
  /** Another spelling of a mailbox already in the upload (its row) or in the round (null). */
  | { kind: 'sameMailbox'; row: number | null }

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

/** Who the organisation is, for the address rules; absent parts are left to the server. */
export interface AddressContext {
  verifiedDomains?: string[]
  adminEmails?: string[]
}

/**
 * The rows of a respondent CSV judged by the server's rules (services/rounds/import.ts): a row with a
 * bad e-mail, role or unit, or an address the planted-respondent rules refuse, is an error; a
 * good row whose e-mail (trimmed, case-insensitive) is already in the upload or the round is
 * skipped. Done in the browser so problems show before saving.
 */
export function checkImport(text: string, unitNames: string[], existingEmails: string[], context: AddressContext = {}): ImportCheck {
  const { header, records } = readTable(text)
  const col = (name: string) => header.indexOf(name)
  const [email, name, role, unit] = [col('email'), col('name'), col('role'), col('unit')]
  const missingColumns = [email < 0 ? 'email' : null, role < 0 ? 'role' : null].filter((c): c is 'email' | 'role' => c !== null)
  const units = new Set(unitNames)
  const lowerUnits = new Set(unitNames.map((u) => u.toLowerCase()))
  const seen = new Set(existingEmails.map((e) => e.trim().toLowerCase()))
  const inRound = new Set(seen)
  const mailboxes = new Map<string, number | null>(existingEmails.map((e) => [mailboxKey(e.trim().toLowerCase()), null]))
  const domains = context.verifiedDomains ? new Set(context.verifiedDomains) : null
  const admins = new Set((context.adminEmails ?? []).map(mailboxKey))
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
    if (parsed.success && !seen.has(parsed.data)) {
      const key = mailboxKey(parsed.data)
      const refusal = domains ? addressRefusal(parsed.data, domains) : parsed.data.split('@')[0].includes('+') ? 'plus_alias' : null
      if (refusal === 'domain_unverified') row.problems.push({ kind: 'domainUnverified', value: domainOf(parsed.data) })
      else if (refusal === 'plus_alias') row.problems.push({ kind: 'plusAlias' })
      else if (admins.has(key)) row.problems.push({ kind: 'adminMember' })
      else if (mailboxes.has(key)) row.problems.push({ kind: 'sameMailbox', row: mailboxes.get(key)! })
    }
    if (row.problems.length || !parsed.success) invalid++
    else if (seen.has(parsed.data)) {
      row.duplicate = inRound.has(parsed.data) ? 'round' : 'upload'
      duplicates++
    } else {
      seen.add(parsed.data)
      mailboxes.set(mailboxKey(parsed.data), r.row)
      valid++
    }
    rows.push(row)
  }
  return { missingColumns, tooMany: records.length > MAX_IMPORT_ROWS, rows, valid, invalid, duplicates }
}
