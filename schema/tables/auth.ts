import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core'

/** One-time sign-in links: only the SHA-256 of the token is stored. */
export const signInTokens = sqliteTable(
  'sign_in_tokens',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: text('user_id').notNull(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('sign_in_tokens_user').on(t.userId)],
)

/** Server-side sessions keyed by the SHA-256 of the cookie value. */
export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: text('user_id').notNull(),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    /** Set when the session came from an organisation's single sign-on: it reaches only that organisation. */
    orgId: text('org_id'),
  },
  (t) => [index('sessions_user').on(t.userId), index('sessions_org').on(t.orgId)],
)

/** Fixed-window counters for limits the rate-limit binding cannot express (15 min, 1 h). */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
})

/** OpenID Connect flows in flight: state → PKCE verifier and nonce, short-lived. */
export const oidcFlows = sqliteTable('oidc_flows', {
  state: text('state').primaryKey(),
  orgId: text('org_id').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  expiresAt: text('expires_at').notNull(),
})
