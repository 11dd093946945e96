// What a production deploy must bind, read from the table `wrangler deploy --dry-run` prints
// ("env.NAME (value)   Resource"). The table is the only place that shows what wrangler resolved
// from wrangler.toml for the chosen environment, so the deploy and CI both judge by it.

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')

/** The bindings of a dry run's output as { NAME: { value, resource } }. */
export function parseBindings(output) {
  const bindings = {}
  for (const line of output.replace(ANSI, '').split('\n')) {
    const m = /^\s*env\.([A-Z0-9_]+)(?:\s+\((.*)\))?\s{2,}(\S.*?)\s*$/.exec(line)
    if (m) bindings[m[1]] = { value: m[2] ?? '', resource: m[3] }
  }
  return bindings
}

const REQUIRED = [
  ['DB', 'D1 Database'],
  ['MAIL_QUEUE', 'Queue'],
  ['RESPONDENT_LIMITER', 'Rate Limit'],
  ['KEY_LIMITER', 'Rate Limit'],
  ['ASSETS', 'Assets'],
]

/** Why this dry run must not be deployed to production; empty when it may. */
export function productionProblems(output) {
  const b = parseBindings(output)
  const problems = []
  if (b.APP_ENV?.value !== '"production"') problems.push(`APP_ENV is ${b.APP_ENV ? b.APP_ENV.value : 'missing'}, not "production"`)
  for (const [name, resource] of REQUIRED) if (b[name]?.resource !== resource) problems.push(`no ${resource} binding ${name}`)
  const origin = /^"(.*)"$/.exec(b.APP_ORIGIN?.value ?? '')?.[1]
  if (!origin || !/^https:\/\/[^/]+$/.test(origin)) problems.push(`APP_ORIGIN must be an https origin, not ${b.APP_ORIGIN?.value ?? 'missing'}`)
  return problems
}
