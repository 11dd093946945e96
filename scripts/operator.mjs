// A platform operator's approval of an organisation for peer groups (docs/model.md §5):
//   npm run operator -- verify <slug> [--remote] [--env production]
//   npm run operator -- unverify <slug> [--remote] [--env production]
// Organisations whose organisation number and kind are in the shipped registry extract are
// verified without this. The change reaches the organisation's benchmark entries in the same
// statements, so a benchmark request sees it at once. Local by default (the wrangler dev D1).
import { runTool } from './lib/tools.mjs'
import { SLUG } from './lib/operator-args.mjs'

const [action, slug, ...rest] = process.argv.slice(2)
if (!['verify', 'unverify'].includes(action ?? '') || !SLUG.test(slug ?? '')) {
  console.error('Usage: npm run operator -- verify|unverify <slug> [--remote] [--env production]')
  process.exit(2)
}
const target = rest.includes('--remote') ? ['--remote'] : ['--local']
const envIndex = rest.indexOf('--env')
const env = envIndex >= 0 && rest[envIndex + 1] ? ['--env', rest[envIndex + 1]] : []
// The slug is checked against SLUG above ([a-z0-9-] only), so it is safe inside the SQL literal.
const at = action === 'verify' ? `'${new Date().toISOString()}'` : 'NULL'
const sql = [
  `UPDATE organisations SET operator_verified_at = ${at} WHERE slug = '${slug}';`,
  // Revoking errs on the safe side: the entries stop counting at once; an organisation that is
  // also in the registry extract counts again from its next close or profile change.
  `UPDATE benchmark_entries SET verified = ${action === 'verify' ? 1 : 0} WHERE org_id = (SELECT id FROM organisations WHERE slug = '${slug}');`,
  `SELECT slug, org_number, kind, operator_verified_at FROM organisations WHERE slug = '${slug}';`,
].join(' ')
await runTool('wrangler', ['d1', 'execute', 'DB', ...target, ...env, '--command', sql])
