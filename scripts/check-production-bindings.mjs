// CI: `npx wrangler deploy --dry-run --env production | node scripts/check-production-bindings.mjs`
// passes the dry run's output through and fails unless it binds what production needs
// (APP_ENV "production", the D1 database, the mail queue producer, the rate limits, the assets).
import { text } from 'node:stream/consumers'
import { productionProblems } from './lib/production-bindings.mjs'

const output = await text(process.stdin)
process.stdout.write(output)
const problems = productionProblems(output)
if (problems.length > 0) {
  console.error(`\nThe production dry run is not fit to deploy:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  process.exitCode = 1
} else {
  console.log('\nThe production dry run binds APP_ENV "production", DB, MAIL_QUEUE, both rate limits and the assets.')
}
