import { describe, expect, it } from 'vitest'
import { isVerifiedOrg, verificationOf, type VerifiableOrg } from '../../worker/domain/verification'

// Göteborgs stad is in the registry extract as a municipality; 212000-9994 is the demo number.
const cases: [string, VerifiableOrg, ReturnType<typeof verificationOf>][] = [
  ['registry number, registry kind', { orgNumber: '212000-1355', kind: 'municipality', operatorVerifiedAt: null }, 'registry'],
  ['registry number, another kind', { orgNumber: '212000-1355', kind: 'region', operatorVerifiedAt: null }, null],
  ['registry number, another kind, approved', { orgNumber: '212000-1355', kind: 'agency', operatorVerifiedAt: '2026-01-01T00:00:00Z' }, 'operator'],
  ['unknown number', { orgNumber: '212000-9994', kind: 'municipality', operatorVerifiedAt: null }, null],
  ['unknown number, approved', { orgNumber: '212000-9994', kind: 'municipality', operatorVerifiedAt: '2026-01-01T00:00:00Z' }, 'operator'],
  ['registry wins over approval', { orgNumber: '212000-1355', kind: 'municipality', operatorVerifiedAt: '2026-01-01T00:00:00Z' }, 'registry'],
]

describe('verification', () => {
  it.each(cases)('%s', (_, org, want) => {
    expect(verificationOf(org)).toBe(want)
    expect(isVerifiedOrg(org)).toBe(want !== null)
  })
})
