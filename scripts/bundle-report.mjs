// Part of npm run build: the gzip size of each script and stylesheet the browser downloads, so a
// heavy dependency shows up in the build output rather than in production.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
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

// What the respondent's page (/r/{token}) downloads: the entry, every chunk it imports statically,
// its own chunk and all their stylesheets. Respondents are on phones and slow networks: 30 KB gzip.
const RESPONDENT_PAGE = 'pages/respond/index.tsx'
const RESPONDENT_BUDGET_KB = 30
const manifestFile = join(ROOT, 'dist', 'vite-manifest.json')
if (existsSync(manifestFile)) {
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'))
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry)
  const files = new Set()
  const visit = (key) => {
    const chunk = manifest[key]
    if (!chunk || files.has(chunk.file)) return
    files.add(chunk.file)
    for (const css of chunk.css ?? []) files.add(css)
    for (const next of chunk.imports ?? []) visit(next)
  }
  if (!manifest[RESPONDENT_PAGE]) {
    console.error(`\n${RESPONDENT_PAGE} is not in the vite manifest.`)
    process.exitCode = 1
  } else {
    visit(entry)
    visit(RESPONDENT_PAGE)
    const parts = [...files].map((file) => ({ file, ...fileSizes(join(ROOT, 'dist', 'client', file)) }))
    const sum = (ext) => parts.filter((p) => p.file.endsWith(ext)).reduce((acc, p) => acc + p.gzip, 0)
    const gzip = sum('.js') + sum('.css')
    const over = gzip > RESPONDENT_BUDGET_KB * 1024
    console.log(`\nRespondent page /r/{token} (${parts.length} files: ${parts.map((p) => p.file.replace('assets/', '')).join(', ')})`)
    console.log(`  JS ${kb(sum('.js'))} KB + CSS ${kb(sum('.css'))} KB = ${kb(gzip)} KB gzip, budget ${RESPONDENT_BUDGET_KB} KB: ${over ? 'OVER BUDGET' : 'within budget'}`)
    if (over) process.exitCode = 1
  }
} else {
  console.error('\nNo vite manifest (build.manifest in vite.config.ts): the respondent page size is not reported.')
  process.exitCode = 1
}

reportDashboardSize(ASSETS)
