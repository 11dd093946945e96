import { existsSync, renameSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import solid from 'vite-plugin-solid'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

/** The manifest is for scripts/bundle-report.mjs only: moved out of the folder that is served. */
const manifestOutOfAssets: Plugin = {
  name: 'manifest-out-of-assets',
  apply: 'build',
  closeBundle() {
    const from = here('./dist/client/.vite/manifest.json')
    if (!existsSync(from)) return
    renameSync(from, here('./dist/vite-manifest.json'))
    rmSync(here('./dist/client/.vite'), { recursive: true, force: true })
  },
}

// The SPA lives in web/ and is built into dist/client, which wrangler serves as its assets.
// Pages are lazy imports (web/routes.ts), so each route is its own chunk and the shell stays small.
export default defineConfig({
  root: here('./web'),
  publicDir: here('./web/public'),
  plugins: [solid(), manifestOutOfAssets],
  build: {
    outDir: here('./dist/client'),
    emptyOutDir: true,
    target: 'es2022',
    // Every supported browser has modulepreload; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    // Sizes are reported by scripts/bundle-report.mjs, not by vite; the manifest tells it which
    // chunks a route needs (moved to dist/vite-manifest.json by the plugin above).
    reportCompressedSize: false,
    manifest: true,
    // The Solid JSX transform is the slow part and expected to be: no timing notes in the output.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  // `vite` on its own (hot reload) talks to a `wrangler dev` on its default port for the API.
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
})
