/** True for a Swedish organisation number NNNNNN-NNNN whose last digit is the Luhn check digit. */
export function isValidOrgNumber(value: string): boolean {
  if (!/^\d{6}-\d{4}$/.test(value)) return false
  const digits = value.replace('-', '')
  let sum = 0
  for (let i = 0; i < 10; i++) {
    let d = Number(digits[i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** A slug from a name: lower case, å/ä → a, ö → o, other accents dropped, runs of others → "-". */
export function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '')
  return base.length >= 3 ? base : `${base || 'org'}-org`.replace(/^-/, '')
}

export const SLUG_PATTERN = /^[a-z0-9-]{3,40}$/
