import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'
import { startDohStub } from './test/helpers/doh-stub'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))
// The assets binding needs its folder to exist even before the web app is built.
mkdirSync(here('./dist/client'), { recursive: true })

/** Fixed secrets for tests: never used outside them. */
export const TEST_SECRETS = {
  APP_ENV: 'test',
  TOKEN_SECRET: 'test-token-secret-0123456789abcdef0123456789abcdef',
  ANSWER_KEY_SECRET: 'test-answer-key-secret-0123456789abcdef0123456789',
  DATA_KEY: 'dGVzdC1kYXRhLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDEyMzQ=',
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
