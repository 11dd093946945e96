// Part of npm run build: the gzip size of each script and stylesheet the browser downloads, so a
// heavy dependency shows up in the build output rather than in production.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './lib/tools.mjs'
import { fileSizes, kb } from './lib/sizes.mjs'
import { reportDashboardSize } from './lib/dashboard-size.mjs'

const ASSETS = join(ROOT, 'dist', 'client', 'assets')

if (!existsSync(ASSETS)) {
  console.error(`${ASSETS} does not exist: run vite build first.`)
  process.exit(1)
}

const rows = readdirSync(ASSETS)
  .filter((name) => /\.(js|css)$/.test(name))
  .map((name) => ({ name, ...fileSizes(join(ASSETS, name)) }))
  .sort((a, b) => b.gzip - a.gzip)

const width = Math.max(20, ...rows.map((r) => r.name.length))
const line = (name, raw, gzip) => `  ${name.padEnd(width)} ${raw.padStart(10)} ${gzip.padStart(10)}`
const total = (list, key) => list.reduce((sum, r) => sum + r[key], 0)

console.log('\nWeb bundle (dist/client/assets), KB')
console.log(line('file', 'raw', 'gzip'))
for (const r of rows) console.log(line(r.name, kb(r.raw), kb(r.gzip)))
for (const ext of ['js', 'css']) {
  const part = rows.filter((r) => r.name.endsWith(`.${ext}`))
  console.log(line(`total ${ext} (${part.length} files)`, kb(total(part, 'raw')), kb(total(part, 'gzip'))))
}
console.log(line('total', kb(total(rows, 'raw')), kb(total(rows, 'gzip'))))
reportDashboardSize(ASSETS)
