import { describe, expect, it } from 'vitest'
import { addressRefusal, mailboxKey } from '../../schema/respondent-address'
import { checkImport } from '../../web/components/rounds/import-check'
import { planImport, rowsFromCsv } from '../../worker/services/rounds/import'

describe('mailboxKey', () => {
  it.each([
    ['anna.berg@kommun.se', 'annaberg@kommun.se'],
    ['Anna.Berg+enkat@Kommun.SE', 'annaberg@kommun.se'],
    ['a.n.n.a.berg+1+2@kommun.se', 'annaberg@kommun.se'],
    ['annaberg@skola.kommun.se', 'annaberg@skola.kommun.se'],
  ])('%s → %s', (email, key) => expect(mailboxKey(email)).toBe(key))
})

describe('addressRefusal', () => {
  const domains = new Set(['kommun.se'])
  it.each([
    ['anna@kommun.se', null],
    ['anna+1@kommun.se', 'plus_alias'],
    ['anna@skola.kommun.se', 'domain_unverified'],
    ['anna@gmail.com', 'domain_unverified'],
  ])('%s → %s', (email, refusal) => expect(addressRefusal(email, domains)).toBe(refusal))
})

describe('the import preview and the server agree', () => {
  it('refuses the same rows for the same reasons', () => {
    const csv = 'email,role\nanna.berg@kommun.se,staff\nannaberg@kommun.se,staff\nanna+x@kommun.se,it\nchef@kommun.se,staff\nbo@annan.se,staff\nold.timer@kommun.se,staff\nANNA.BERG@kommun.se,staff\n'
    const context = { verifiedDomains: ['kommun.se'], adminEmails: ['c.hef@kommun.se'] }
    const existing = ['oldtimer@kommun.se']
    const server = planImport(rowsFromCsv(csv), [], existing, 'en', context)
    const preview = checkImport(csv, [], existing, context)
    const serverKinds = server.errors.map((e) => [e.row, e.reasons])
    expect(serverKinds).toEqual([[3, ['same_mailbox']], [4, ['plus_alias']], [5, ['admin_member']], [6, ['domain_unverified']], [7, ['same_mailbox']]])
    const previewKinds = preview.rows.filter((r) => r.problems.length).map((r) => [r.row, r.problems.map((p) => p.kind)])
    expect(previewKinds).toEqual([[3, ['sameMailbox']], [4, ['plusAlias']], [5, ['adminMember']], [6, ['domainUnverified']], [7, ['sameMailbox']]])
    expect(server.skipped).toBe(1)
    expect(preview.duplicates).toBe(1)
  })
})
