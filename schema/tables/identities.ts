import { sqliteTable, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core'

/**
 * A provider identity (`iss` + `sub`) linked to a user. Single sign-on matches a returning person
 * by this pair, never by e-mail again; a link is made only for a user who has proved the address
 * with an e-mail sign-in link (docs/api.md). `org_id` is the organisation whose provider made the
 * link: the link goes with it.
 */
export const userIdentities = sqliteTable(
  'user_identities',
  {
    iss: text('iss').notNull(),
    sub: text('sub').notNull(),
    userId: text('user_id').notNull(),
    orgId: text('org_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('user_identities_iss_sub').on(t.iss, t.sub),
    index('user_identities_org').on(t.orgId, t.userId),
    index('user_identities_user').on(t.userId),
  ],
)
