import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
// @ts-expect-error plain ESM script without types
import { parseBindings, productionProblems } from '../../scripts/lib/production-bindings.mjs'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

// What `wrangler deploy --dry-run` prints (wrangler 4), for each environment.
const table = (rows: string[]) => `Total Upload: 363.42 KiB / gzip: 116.11 KiB\nYour Worker has access to the following bindings:\nBinding                                   Resource\n${rows.join('\n')}\n\n--dry-run: exiting now.\n`
const COMMON = [
  'env.MAIL_QUEUE (mognad-mail)                      Queue                     ',
  'env.DB (mognad)                                   D1 Database               ',
  'env.RESPONDENT_LIMITER (120 requests/60s)         Rate Limit                ',
  'env.KEY_LIMITER (600 requests/60s)                Rate Limit                ',
  'env.ASSETS                                        Assets                    ',
]
const PRODUCTION = table([...COMMON, 'env.APP_ENV ("production")                        Environment Variable      ', 'env.APP_ORIGIN ("https://mognad.example.se")      Environment Variable      '])
const DEVELOPMENT = table([...COMMON, '\x1b[2menv.APP_ENV ("development")\x1b[0m                       Environment Variable      '])

describe('the production dry-run check', () => {
  it('reads every binding of the table', () => {
    expect(parseBindings(PRODUCTION)).toMatchObject({ DB: { value: 'mognad', resource: 'D1 Database' }, MAIL_QUEUE: { value: 'mognad-mail', resource: 'Queue' }, ASSETS: { value: '', resource: 'Assets' }, APP_ENV: { value: '"production"' } })
  })

  it('accepts production with its database, queue, limits and https origin', () => {
    expect(productionProblems(PRODUCTION)).toEqual([])
  })

  it('refuses development, a missing queue or database, and a loopback origin', () => {
    expect(productionProblems(DEVELOPMENT)).toContain('APP_ENV is "development", not "production"')
    expect(productionProblems(PRODUCTION.replace(/env\.MAIL_QUEUE.*\n/, ''))).toEqual(['no Queue binding MAIL_QUEUE'])
    expect(productionProblems(PRODUCTION.replace(/env\.DB .*\n/, ''))).toEqual(['no D1 Database binding DB'])
    expect(productionProblems(PRODUCTION.replace('https://mognad.example.se', 'http://127.0.0.1:8787'))).toHaveLength(1)
  })
})

describe('npm run deploy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mognad-deploy-test-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** Runs scripts/deploy.mjs as `npm run deploy -- <args>` would, offline and without credentials. */
  const deploy = (args: string[]) => {
    const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_HIDE_BANNER: 'true', WRANGLER_SEND_ERROR_REPORTS: 'false', CLOUDFLARE_API_TOKEN: '', CLOUDFLARE_ACCOUNT_ID: '' }
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/deploy.mjs'), ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 90_000 })
    return { status: run.status, output: `${run.stdout}${run.stderr}` }
  }

  it('refuses, before building anything, a configuration whose production environment is missing', { timeout: 120_000 }, () => {
    // The committed file without its [env.production]: wrangler falls back to the development top level.
    const top = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8').split(/^\[env\.production\]/m)[0]
    const config = join(dir, 'wrangler.toml')
    writeFileSync(config, top.replace(/^main = .*$/m, `main = ${JSON.stringify(join(ROOT, 'worker/index.ts'))}`).replace(/^directory = .*$/m, `directory = ${JSON.stringify(dir)}`))
    const run = deploy(['--config', config])
    expect(run.status).toBe(1)
    expect(run.output).toContain('Refusing to deploy')
    expect(run.output).toContain('APP_ENV is "development", not "production"')
    expect(run.output).not.toMatch(/built in|vite/i)
  })

  it('refuses a variable overriding APP_ENV on the command line', { timeout: 120_000 }, () => {
    const run = deploy(['--dry-run', '--var', 'APP_ENV:development'])
    expect(run.status).toBe(1)
    expect(run.output).toContain('Refusing to deploy')
  })

  it('refuses another environment than production', () => {
    const run = deploy(['--env', 'staging'])
    expect(run.status).toBe(1)
    expect(run.output).toContain('always deploys the production environment')
  })
})
