import { describe, expect, it } from 'vitest'
import { FACTOR_IDS } from '../../schema/enums'
import { allFactors, INSTRUMENTS } from '../../schema/instruments'

describe('FACTOR_IDS', () => {
  it('lists exactly the factors of every instrument version, in instrument order', () => {
    for (const instrument of INSTRUMENTS) expect(allFactors(instrument).map((f) => f.id)).toEqual([...FACTOR_IDS])
  })
})
