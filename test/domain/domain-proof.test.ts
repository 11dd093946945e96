import { describe, expect, it } from 'vitest'
import { proofOutcome, provenWithoutDns, txtValues } from '../../worker/domain/domain-proof'
import { domainProblem } from '../../schema/api/domains'

describe('provenWithoutDns', () => {
  it.each([
    ['development', 'http://127.0.0.1:8787', 'kommun.test', true],
    ['test', 'http://localhost:8788', 'a.b.example', true],
    ['development', 'http://[::1]:8787', 'x.invalid', true],
    ['development', 'http://app.localhost', 'x.localhost', true],
    ['production', 'http://127.0.0.1:8787', 'kommun.test', false],
    ['development', 'https://mognad.se', 'kommun.test', false],
    ['test', 'http://app.test', 'kommun.test', false],
    ['development', 'http://127.0.0.1:8787', 'kommun.se', false],
    ['development', 'http://127.0.0.1:8787', 'test.se', false],
    ['development', 'not a url', 'kommun.test', false],
  ])('%s at %s for %s → %s', (env, origin, domain, expected) => {
    expect(provenWithoutDns(env, origin, domain)).toBe(expected)
  })
})

describe('txtValues and proofOutcome', () => {
  it('joins the character-strings of one record and ignores other types', () => {
    const values = txtValues({ Status: 0, Answer: [{ type: 16, data: '"mognad-verify=ab" "cd"' }, { type: 5, data: 'alias.' }, { type: 16, data: 'plain' }] })
    expect(values).toEqual(['mognad-verify=abcd', 'plain'])
    expect(proofOutcome(values, 'abcd')).toBe('verified')
    expect(proofOutcome(values, 'other')).toBe('mismatch')
    expect(proofOutcome(['v=spf1 -all'], 'abcd')).toBe('missing')
    expect(proofOutcome(txtValues({ Status: 3 }), 'abcd')).toBe('missing')
  })
})

describe('domainProblem', () => {
  it.each(['kommun.se', 'skola.kommun.se', 'xn--smland-exa.se', 'region-1.se'])('accepts %s', (d) => expect(domainProblem(d)).toBeNull())
  it.each(['se', 'a.se', 'org.se', 'co.uk', 'github.io', '*.kommun.se', 'kommun-.se', 'kommun.1se', 'x'.repeat(250) + '.se'])('refuses %s', (d) => expect(domainProblem(d)).not.toBeNull())
})
