/** A random Swedish organisation number with a valid Luhn check digit (unique per test run). */
export function randomOrgNumber(first = '2'): string {
  const digits = [Number(first), ...Array.from({ length: 8 }, () => Math.floor(Math.random() * 10))]
  let sum = 0
  digits.forEach((d, i) => {
    let v = i % 2 === 0 ? d * 2 : d
    if (v > 9) v -= 9
    sum += v
  })
  const check = (10 - (sum % 10)) % 10
  const s = digits.join('') + String(check)
  return `${s.slice(0, 6)}-${s.slice(6)}`
}
