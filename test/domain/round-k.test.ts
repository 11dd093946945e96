import { describe, expect, it } from 'vitest'
import { effectiveK } from '../../worker/domain'

describe('effectiveK', () => {
  it('is the greater of the k at opening and the current k, never below 3', () => {
    const cases: [number | null, number, number][] = [
      [5, 3, 5], // lowered after opening: the floor holds
      [3, 7, 7], // raised: applies at once
      [null, 4, 4], // not opened yet: the organisation's k
      [null, 1, 3], // whatever is stored, never below 3
      [2, 2, 3],
    ]
    for (const [atOpen, current, expected] of cases) expect(effectiveK(atOpen, current), `${atOpen} ${current}`).toBe(expected)
  })
})
