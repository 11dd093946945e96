// npm run deploy: the production deploy (docs/deploy.md). Builds the web app, adds HSTS to the
// assets' _headers, applies pending migrations to the remote database and deploys the Worker with
// the production environment of wrangler.toml. Extra arguments go to `wrangler deploy`
// (e.g. --dry-run to check the bindings without uploading).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, runTool } from './lib/tools.mjs'
import { withHsts } from './lib/hsts.mjs'

const extra = process.argv.slice(2)
const dryRun = extra.includes('--dry-run')

await runTool('vite', ['build'])
const headersFile = join(ROOT, 'dist', 'client', '_headers')
writeFileSync(headersFile, withHsts(readFileSync(headersFile, 'utf8')))
if (!dryRun) await runTool('wrangler', ['d1', 'migrations', 'apply', 'DB', '--remote', '--env', 'production'])
await runTool('wrangler', ['deploy', '--env', 'production', ...extra])
