// HSTS belongs to production only, but the assets layer's _headers file cannot be conditional:
// the production deploy adds it to the built file, so local and test builds never pin HTTPS.

export const HSTS = 'Strict-Transport-Security: max-age=31536000; includeSubDomains'

/** The _headers text with HSTS added to the rule for every path (`/*`), once. */
export function withHsts(headers) {
  if (headers.includes('Strict-Transport-Security')) return headers
  const lines = headers.split('\n')
  const rule = lines.findIndex((line) => line.trim() === '/*')
  if (rule < 0) return `/*\n  ${HSTS}\n${headers.length ? '\n' + headers : ''}`
  lines.splice(rule + 1, 0, `  ${HSTS}`)
  return lines.join('\n')
}
