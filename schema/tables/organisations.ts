import { sql } from 'drizzle-orm'
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core'
import { ORG_KINDS, ORG_STATUSES, MEMBER_ROLES, OIDC_TOKEN_AUTH_METHODS } from '../enums'

export const organisations = sqliteTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    orgNumber: text('org_number').notNull(),
    kind: text('kind', { enum: ORG_KINDS }).notNull(),
    county: text('county'),
    population: integer('population'),
    status: text('status', { enum: ORG_STATUSES }).notNull().default('pending'),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    shareBenchmark: integer('share_benchmark', { mode: 'boolean' }).notNull().default(false),
    anonymityThreshold: integer('anonymity_threshold').notNull().default(5),
    /** JSON: { [factorId]: 0–100 } */
    targets: text('targets', { mode: 'json' }).$type<Record<string, number>>().notNull().default(sql`'{}'`),
    /** JSON: { A…D: { min, max } } overrides of the default innovation bands. */
    innovationBands: text('innovation_bands', { mode: 'json' }).$type<Record<string, { min: number; max: number }>>().notNull().default(sql`'{}'`),
    oidcIssuer: text('oidc_issuer'),
    oidcClientId: text('oidc_client_id'),
    /** AES-GCM with DATA_KEY; never returned. */
    oidcClientSecretEnc: text('oidc_client_secret_enc'),
    /** JSON string[] */
    oidcAllowedDomains: text('oidc_allowed_domains', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** How we authenticate at the token endpoint; null: chosen from the provider's discovery document. */
    oidcTokenAuthMethod: text('oidc_token_auth_method', { enum: OIDC_TOKEN_AUTH_METHODS }),
    createdAt: text('created_at').notNull(),
    activatedAt: text('activated_at'),
    /** When a platform operator approved the organisation for peer groups (docs/model.md §5). */
    operatorVerifiedAt: text('operator_verified_at'),
  },
  (t) => [uniqueIndex('organisations_slug').on(t.slug), uniqueIndex('organisations_org_number').on(t.orgNumber)],
)

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** Lower-cased. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    createdAt: text('created_at').notNull(),
    /** When the person first used an e-mail sign-in link: only then may a provider identity be linked. */
    emailProvenAt: text('email_proven_at'),
  },
  (t) => [uniqueIndex('users_email').on(t.email)],
)

export const memberships = sqliteTable(
  'memberships',
  {
    orgId: text('org_id').notNull(),
    userId: text('user_id').notNull(),
    role: text('role', { enum: MEMBER_ROLES }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('memberships_user').on(t.userId)],
)
