import { sqliteTable, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { sql } from 'drizzle-orm'

/**
 * E-mail domains an organisation claims. A claim counts only once proven (a DNS TXT record
 * holding `token`, docs/api.md): single sign-on's allowed domains and the respondents' addresses
 * are honoured only for proven domains. Any organisation may claim a domain, but at most one
 * can prove it: the partial unique index makes a second proof fail, and a pending claim blocks
 * nobody.
 */
export const orgDomains = sqliteTable(
  'org_domains',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    /** Lower-cased, without a trailing dot. */
    domain: text('domain').notNull(),
    /** The value the TXT record must hold; not a secret (it is published in DNS). */
    token: text('token').notNull(),
    createdAt: text('created_at').notNull(),
    verifiedAt: text('verified_at'),
  },
  (t) => [
    uniqueIndex('org_domains_org_domain').on(t.orgId, t.domain),
    uniqueIndex('org_domains_verified').on(t.domain).where(sql`${t.verifiedAt} IS NOT NULL`),
    index('org_domains_domain').on(t.domain),
  ],
)
