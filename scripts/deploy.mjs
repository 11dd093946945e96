// npm run deploy: the production deploy (docs/deploy.md). First a dry run of the production
// environment: unless the bindings it prints say APP_ENV "production" with the database, the mail
// queue, the rate limits and an https APP_ORIGIN, nothing is built, migrated or uploaded. Then it
// builds the web app, adds HSTS to the assets' _headers, applies pending migrations to the remote
// database and deploys the Worker with the production environment of wrangler.toml. Extra
// arguments go to wrangler (e.g. --dry-run to check without uploading, --config for another file);
// the environment is always production.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, runTool, spawnTool } from './lib/tools.mjs'
import { withHsts } from './lib/hsts.mjs'
import { productionProblems } from './lib/production-bindings.mjs'

const extra = process.argv.slice(2)
const dryRun = extra.includes('--dry-run')
// The dry run gets the same arguments as the deploy (a --var could override APP_ENV); the
// migrations only the choice of configuration file.
const configArgs = extra.flatMap((a, i) => (a === '--config' || a === '-c' ? [a, extra[i + 1]] : a.startsWith('--config=') ? [a] : []))
if (extra.some((a) => a === '--env' || a === '-e' || a.startsWith('--env=') || a.startsWith('-e='))) {
  console.error('npm run deploy always deploys the production environment; leave out --env.')
  process.exit(1)
}

/** Runs `wrangler deploy --dry-run --env production` and returns what it printed. */
function productionDryRun() {
  return new Promise((resolve, reject) => {
    const child = spawnTool('wrangler', ['deploy', '--dry-run', '--env', 'production', ...extra.filter((a) => a !== '--dry-run')], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`wrangler deploy --dry-run --env production failed (exit ${code}):\n${output}`))))
  })
}

// The dry run bundles the Worker only, but wrangler wants the assets folder to exist.
mkdirSync(join(ROOT, 'dist', 'client'), { recursive: true })
const problems = productionProblems(await productionDryRun())
if (problems.length > 0) {
  console.error(`Refusing to deploy: the production dry run is not production.\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee docs/deploy.md, step 2.`)
  process.exit(1)
}

await runTool('vite', ['build'])
const headersFile = join(ROOT, 'dist', 'client', '_headers')
writeFileSync(headersFile, withHsts(readFileSync(headersFile, 'utf8')))
if (!dryRun) await runTool('wrangler', ['d1', 'migrations', 'apply', 'DB', '--remote', '--env', 'production', ...configArgs])
await runTool('wrangler', ['deploy', '--env', 'production', ...extra])
