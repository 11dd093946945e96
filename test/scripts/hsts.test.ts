import { describe, expect, it } from 'vitest'
// @ts-expect-error plain ESM script without types
import { HSTS, withHsts } from '../../scripts/lib/hsts.mjs'

describe('withHsts', () => {
  it('adds HSTS under the rule for every path, once', () => {
    const source = '/*\n  X-Content-Type-Options: nosniff\n\n/assets/*\n  Cache-Control: immutable\n'
    const once = withHsts(source)
    expect(once).toBe(`/*\n  ${HSTS}\n  X-Content-Type-Options: nosniff\n\n/assets/*\n  Cache-Control: immutable\n`)
    expect(withHsts(once)).toBe(once)
  })

  it('adds a rule for every path when there is none', () => {
    expect(withHsts('')).toBe(`/*\n  ${HSTS}\n`)
  })
})
