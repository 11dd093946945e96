// npm run deploy:dry: bundles the Worker exactly as `wrangler deploy` would, without uploading,
// and holds it to the size budget (the Workers Paid limit is far higher; the budget keeps cold
// starts short and catches a dependency that drags in classic zod or similar).
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { ROOT, runTool } from './lib/tools.mjs'
import { fileSizes, kb } from './lib/sizes.mjs'

// 200 KB until single sign-on moved onto maintained libraries (oauth4webapi and jose, +18.9 KB
// gzip measured at that change, docs/api.md); the minified production bundle stays far below.
const BUDGET_GZIP_KB = 210

/** The JavaScript and WebAssembly modules wrangler wrote (source maps and metadata excluded). */
function bundleFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(m?js|wasm)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

const outdir = mkdtempSync(join(tmpdir(), 'mognad-bundle-'))
try {
  // The assets folder must exist for the dry run even when the web app has not been built.
  mkdirSync(join(ROOT, 'dist', 'client'), { recursive: true })
  // The top level, unminified: a stricter measure than the minified production bundle, and one
  // that stays comparable across changes (`--env=` names the top level, silencing wrangler's warning).
  await runTool('wrangler', ['deploy', '--dry-run', '--env=', '--outdir', outdir])
  const files = bundleFiles(outdir)
  if (files.length === 0) throw new Error(`wrangler wrote no bundle to ${outdir}`)
  let raw = 0
  let gzip = 0
  for (const file of files) {
    const size = fileSizes(file)
    raw += size.raw
    gzip += size.gzip
    if (files.length > 1) console.log(`  ${relative(outdir, file)}: ${kb(size.raw)} KB raw, ${kb(size.gzip)} KB gzip`)
  }
  console.log(`Worker bundle: ${kb(raw)} KB raw, ${kb(gzip)} KB gzip (budget ${BUDGET_GZIP_KB} KB gzip)`)
  if (gzip > BUDGET_GZIP_KB * 1024) {
    console.error(`The Worker bundle is over budget by ${kb(gzip - BUDGET_GZIP_KB * 1024)} KB gzip.`)
    process.exitCode = 1
  }
} catch (err) {
  console.error(err.message)
  process.exitCode = 1
} finally {
  rmSync(outdir, { recursive: true, force: true })
}
