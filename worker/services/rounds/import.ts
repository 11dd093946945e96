import type { Lang, RespondentRole } from '../../../schema/enums'
import { RESPONDENT_ROLES } from '../../../schema/enums'
import { Email } from '../../../schema/api/common'
import type { ImportRespondents } from '../../../schema/api/assessments'
import { ApiError } from '../../errors'
import { isBlank, parseCsv } from '../../../schema/csv'
import { addressRefusal, domainOf, mailboxKey, type AddressRefusal } from '../../../schema/respondent-address'

/** Most rows one upload may carry (api.md); more is a 413, checked after parsing. */
export const MAX_IMPORT_ROWS = 5000

/** One row as uploaded, before validation; `row` is its spreadsheet row number. */
export interface RawRow {
  row: number
  email: string
  name: string | null
  role: string
  unit: { by: 'id' | 'name'; value: string } | null
}

export interface ValidRow {
  email: string
  name: string | null
  role: RespondentRole
  unitId: string | null
}

export interface ImportPlan {
  rows: ValidRow[]
  skipped: number
  errors: { row: number; message: string; reasons: string[] }[]
}

const tooMany = () =>
  new ApiError('PAYLOAD_TOO_LARGE', {
    sv: `Högst ${MAX_IMPORT_ROWS} respondenter per uppladdning.`,
    en: `At most ${MAX_IMPORT_ROWS} respondents per upload.`,
  })

/** JSON rows, numbered from 1. */
export function rowsFromJson(body: ImportRespondents): RawRow[] {
  if (body.respondents.length > MAX_IMPORT_ROWS) throw tooMany()
  return body.respondents.map((r, i) => ({
    row: i + 1,
    email: r.email,
    name: r.name ?? null,
    role: r.role,
    unit: r.unitId ? { by: 'id', value: r.unitId } : null,
  }))
}

/** CSV rows with header `email,name,role,unit` (any order and case, extra columns ignored). */
export function rowsFromCsv(text: string): RawRow[] {
  const [header, ...records] = parseCsv(text).filter((r) => !isBlank(r))
  const names = (header?.fields ?? []).map((f) => f.trim().toLowerCase())
  const col = (name: string) => names.indexOf(name)
  const [email, name, role, unit] = [col('email'), col('name'), col('role'), col('unit')]
  if (email < 0 || role < 0) {
    throw new ApiError(
      'VALIDATION_FAILED',
      { sv: 'CSV-filen saknar rubrikraden email,name,role,unit.', en: 'The CSV file lacks the header row email,name,role,unit.' },
      { errors: [{ path: '', message: 'Header row must name the columns email and role (name and unit optional).' }] },
    )
  }
  const data = records.filter((r) => r.fields.some((f) => f.trim() !== ''))
  if (data.length > MAX_IMPORT_ROWS) throw tooMany()
  const at = (fields: string[], i: number) => (i >= 0 ? (fields[i] ?? '').trim() : '')
  return data.map((r) => ({
    row: r.row,
    email: at(r.fields, email),
    name: at(r.fields, name) || null,
    role: at(r.fields, role),
    unit: at(r.fields, unit) ? { by: 'name', value: at(r.fields, unit) } : null,
  }))
}

/** Who the organisation is, for the planted-respondent rules (docs/model.md §4). */
export interface AddressRules {
  /** Its proven domains: a respondent's address must be in one of them. */
  verifiedDomains: string[]
  /** Its owners' and admins' addresses: they can see results, so they may not answer. */
  adminEmails: string[]
}

type Problem = { code: string; sv: string; en: string }

function refusalText(code: AddressRefusal, email: string, firstRow: number | 'round' | undefined): Problem {
  switch (code) {
    case 'domain_unverified':
      return { code, sv: `${domainOf(email)} är inte en av organisationens verifierade domäner`, en: `${domainOf(email)} is not one of the organisation’s verified domains` }
    case 'plus_alias':
      return { code, sv: 'adresser med + (alias till en annan brevlåda) tas inte emot', en: 'addresses with + (aliases of another mailbox) are not accepted' }
    case 'admin_member':
      return { code, sv: 'organisationens ägare och administratörer kan inte vara respondenter', en: 'the organisation’s owners and admins cannot be respondents' }
    case 'same_mailbox':
      return firstRow === 'round'
        ? { code, sv: 'samma brevlåda som en respondent som redan finns i omgången', en: 'the same mailbox as a respondent already in the round' }
        : { code, sv: `samma brevlåda som rad ${firstRow}`, en: `the same mailbox as row ${firstRow}` }
  }
}

/**
 * Validates rows against the organisation's units, its address rules and the round's existing
 * respondents: invalid or refused rows become errors with their row number and reason codes;
 * a repeat of the very same address (trimmed, case-insensitive, within the upload or with the
 * round) is skipped and counted, so a list can be uploaded again; another spelling of one
 * mailbox (dots, case) is refused, because it would count one person twice.
 */
export function planImport(rows: RawRow[], units: { id: string; name: string }[], existingEmails: string[], lang: Lang, rules: AddressRules): ImportPlan {
  const sv = lang === 'sv'
  const byId = new Set(units.map((u) => u.id))
  const byName = new Map(units.map((u) => [u.name, u.id]))
  const byLowerName = new Map(units.map((u) => [u.name.toLowerCase(), u.id]))
  const seen = new Set(existingEmails.map((e) => e.toLowerCase()))
  const mailboxes = new Map<string, number | 'round'>(existingEmails.map((e) => [mailboxKey(e), 'round']))
  const domains = new Set(rules.verifiedDomains)
  const admins = new Set(rules.adminEmails.map(mailboxKey))
  const plan: ImportPlan = { rows: [], skipped: 0, errors: [] }
  for (const raw of rows) {
    const problems: Problem[] = []
    const email = Email.safeParse(raw.email)
    if (!email.success) problems.push({ code: 'email_invalid', sv: `ogiltig e-postadress "${raw.email.trim()}"`, en: `invalid e-mail address "${raw.email.trim()}"` })
    const role = raw.role.trim().toLowerCase()
    if (!(RESPONDENT_ROLES as readonly string[]).includes(role))
      problems.push({ code: 'role_unknown', sv: `okänd roll "${raw.role}" (tillåtna: ${RESPONDENT_ROLES.join(', ')})`, en: `unknown role "${raw.role}" (allowed: ${RESPONDENT_ROLES.join(', ')})` })
    let unitId: string | null = null
    if (raw.unit) {
      const value = raw.unit.value.trim()
      unitId = raw.unit.by === 'id' ? (byId.has(value) ? value : null) : (byName.get(value) ?? byLowerName.get(value.toLowerCase()) ?? null)
      if (!unitId) problems.push({ code: 'unit_unknown', sv: `okänd enhet "${value}"`, en: `unknown unit "${value}"` })
    }
    const name = raw.name?.trim() || null
    if (name && name.length > 200) problems.push({ code: 'name_long', sv: 'namnet är längre än 200 tecken', en: 'the name is longer than 200 characters' })
    if (email.success && !seen.has(email.data)) {
      const key = mailboxKey(email.data)
      const refusal = addressRefusal(email.data, domains) ?? (admins.has(key) ? 'admin_member' : mailboxes.has(key) ? 'same_mailbox' : null)
      if (refusal) problems.push(refusalText(refusal, email.data, mailboxes.get(key)))
    }
    if (problems.length || !email.success) {
      const text = problems.map((p) => (sv ? p.sv : p.en)).join('; ')
      plan.errors.push({ row: raw.row, message: (sv ? 'Rad ' : 'Row ') + `${raw.row}: ${text}.`, reasons: problems.map((p) => p.code) })
      continue
    }
    if (seen.has(email.data)) {
      plan.skipped++
      continue
    }
    seen.add(email.data)
    mailboxes.set(mailboxKey(email.data), raw.row)
    plan.rows.push({ email: email.data, name, role: role as RespondentRole, unitId })
  }
  return plan
}
