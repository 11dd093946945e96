import type { Db } from './db/client'
import type { Lang } from '../schema/enums'
import type { OrgRow } from './db/organisations'
import type { MemberRole, ApiKeyScope } from '../schema/enums'

/** What wrangler binds into the Worker (wrangler.toml, .dev.vars, secrets). */
export interface Bindings {
  DB: D1Database
  ASSETS: Fetcher
  APP_ENV: 'development' | 'test' | 'production'
  APP_ORIGIN?: string
  TOKEN_SECRET: string
  ANSWER_KEY_SECRET: string
  DATA_KEY: string
  RESPONDENT_LIMITER: RateLimit
  KEY_LIMITER: RateLimit
  MAIL_QUEUE?: Queue
  MAIL_HTTP_URL?: string
  MAIL_HTTP_TOKEN?: string
  MAIL_FROM?: string
  /** DNS-over-HTTPS JSON endpoint for domain proofs; Cloudflare's resolver when unset. */
  DOH_URL?: string
}

/** The caller as resolved from the credential: a signed-in person or an API key. */
export type Principal =
  | {
      kind: 'session'
      userId: string
      sessionHash: string
      email: string
      name: string
      /** Set for a session from an organisation's single sign-on: every other organisation is not found. */
      scopeOrgId: string | null
    }
  | { kind: 'key'; keyId: string; orgId: string; scope: ApiKeyScope }

export interface Variables {
  requestId: string
  db: Db
  lang: Lang
  principal?: Principal
  org: OrgRow
  /** The caller's role in `org` when signed in (undefined for API keys). */
  role?: MemberRole
}

export type AppEnv = { Bindings: Bindings; Variables: Variables }
