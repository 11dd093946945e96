import { describe, expect, it } from 'vitest'
import { PUBLIC_BODIES, publicBody } from '../../schema/registry/public-bodies'
import { isValidOrgNumber } from '../../schema/api/org-number'
import { COUNTY_CODES } from '../../schema/enums'

describe('the shipped registry extract', () => {
  it('holds valid, unique organisation numbers with known counties; municipalities are 212000-', () => {
    expect(PUBLIC_BODIES.length).toBeGreaterThan(0)
    const seen = new Set<string>()
    for (const body of PUBLIC_BODIES) {
      expect(isValidOrgNumber(body.orgNumber), body.orgNumber).toBe(true)
      expect(seen.has(body.orgNumber), body.orgNumber).toBe(false)
      seen.add(body.orgNumber)
      expect(COUNTY_CODES as readonly string[]).toContain(body.county)
      if (body.kind === 'municipality') expect(body.orgNumber.startsWith('212000-')).toBe(true)
      expect(publicBody(body.orgNumber)).toBe(body)
    }
    expect(publicBody('212000-9994')).toBeUndefined()
  })
})
