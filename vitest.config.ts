import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'
import { startDohStub } from './test/helpers/doh-stub'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))
// The assets binding needs its folder to exist even before the web app is built.
mkdirSync(here('./dist/client'), { recursive: true })

/** Fixed secrets for tests, never used outside them: 32 random bytes each, as the Worker requires. */
export const TEST_SECRETS = {
  APP_ENV: 'test',
  TOKEN_SECRET: 'GTUVJB-HSI9_9NJulZ7v2k59XPszxwot41Ra8ZVA15E',
  ANSWER_KEY_SECRET: '7zFtMs3CU0chbtwUh0kcP-k9NJsLAgFbaRBU1RLw6rM',
  DATA_KEY: 'NnH2xWVsCZ80CklpTQ-ueucNHn7-lPuFhMnNi5fS1ps',
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'domain',
          environment: 'node',
          include: ['test/domain/**/*.test.ts', 'test/schema/**/*.test.ts', 'test/scripts/**/*.test.ts'],
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: here('./wrangler.toml') },
            remoteBindings: false,
            miniflare: {
              bindings: {
                ...TEST_SECRETS,
                // Domain proofs read DNS from a stub whose records the tests publish.
                DOH_URL: await startDohStub(),
                TEST_MIGRATIONS: await readD1Migrations(here('./schema/migrations')),
              },
            },
          })),
        ],
        test: {
          name: 'workers',
          include: ['test/api/**/*.test.ts', 'test/db/**/*.test.ts'],
          setupFiles: ['./test/helpers/apply-migrations.ts'],
          // A real OpenID provider in Node for the single sign-on tests (its issuer via inject), and a
          // webhook receiver for the delivery tests (its address via inject).
          globalSetup: ['./test/helpers/oidc-provider.ts', './test/helpers/webhook-receiver.ts'],
        },
      },
    ],
  },
})
