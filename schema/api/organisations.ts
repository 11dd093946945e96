import * as z from 'zod/mini'
import { FACTOR_IDS, COUNTY_CODES, MEMBER_ROLES, OIDC_TOKEN_AUTH_METHODS, ORG_KINDS, ORG_STATUSES, QUADRANT_TYPES } from '../enums'
import { Email, Name, msg } from './common'
import { isValidOrgNumber, SLUG_PATTERN } from './org-number'

export const OrgNumber = z.string().check(
  z.regex(/^\d{6}-\d{4}$/, { error: msg('Organisationsnummer skrivs NNNNNN-NNNN.', 'An organisation number is written NNNNNN-NNNN.') }),
  z.refine(isValidOrgNumber, { error: msg('Kontrollsiffran stämmer inte.', 'The check digit is wrong.') }),
)

export const Slug = z.string().check(z.regex(SLUG_PATTERN, { error: msg('3–40 tecken: a–z, 0–9 och -.', '3–40 characters: a–z, 0–9 and -.') }))
export const County = z.enum(COUNTY_CODES, { error: msg('Okänd länskod.', 'Unknown county code.') })
export const Population = z.int().check(z.positive(), z.maximum(20_000_000))

export const Signup = z.strictObject({
  organisation: z.strictObject({
    name: Name,
    slug: z.optional(Slug),
    orgNumber: OrgNumber,
    kind: z.enum(ORG_KINDS),
    county: z.optional(County),
    population: z.optional(Population),
    shareBenchmark: z.optional(z.boolean()),
  }),
  owner: z.strictObject({ name: Name, email: Email }),
})
export type Signup = z.infer<typeof Signup>

export const SignupResult = z.object({ organisation: z.object({ id: z.string(), slug: z.string(), status: z.literal('pending') }) })

const FactorId = z.enum(FACTOR_IDS, { error: msg('Okänd faktor i instrumentet.', 'Unknown factor of the instrument.') })
const Band = z.strictObject({ min: z.number().check(z.gte(0), z.lte(1)), max: z.number().check(z.gte(0), z.lte(1)) }).check(
  z.refine((b) => b.min <= b.max, { error: msg('min får inte vara större än max.', 'min may not exceed max.') }),
)

export const OidcSettings = z.object({
  issuer: z.nullable(z.string()),
  clientId: z.nullable(z.string()),
  allowedDomains: z.array(z.string()),
  /** Each allowed domain and whether the organisation has proven it: sign-on honours only proven ones. */
  allowedDomainStatus: z.array(z.object({ domain: z.string(), verified: z.boolean() })),
  clientSecretSet: z.boolean(),
  /** null: chosen from the provider's discovery document (client_secret_basic when offered). */
  tokenAuthMethod: z.nullable(z.enum(OIDC_TOKEN_AUTH_METHODS)),
})

export const Organisation = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  orgNumber: z.string(),
  kind: z.enum(ORG_KINDS),
  county: z.nullable(z.string()),
  population: z.nullable(z.number()),
  status: z.enum(ORG_STATUSES),
  demo: z.boolean(),
  shareBenchmark: z.boolean(),
  /** How the organisation is verified for peer groups (docs/model.md §5); null: not verified,
   *  so it does not count as a peer. */
  verification: z.nullable(z.enum(['registry', 'operator'])),
  anonymityThreshold: z.number(),
  targets: z.record(z.string(), z.number()),
  innovationBands: z.record(z.string(), z.object({ min: z.number(), max: z.number() })),
  oidc: OidcSettings,
  createdAt: z.string(),
  role: z.optional(z.enum(MEMBER_ROLES)),
})
export type Organisation = z.infer<typeof Organisation>

const Domain = z.string().check(z.trim(), z.toLowerCase(), z.regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, { error: msg('Ogiltig domän.', 'Invalid domain.') }))

/** JSON merge patch of the organisation: null removes optional values and target keys. */
export const PatchOrganisation = z.strictObject({
  name: z.optional(Name),
  kind: z.optional(z.enum(ORG_KINDS)),
  county: z.optional(z.nullable(County)),
  population: z.optional(z.nullable(Population)),
  shareBenchmark: z.optional(z.boolean()),
  anonymityThreshold: z.optional(z.int().check(z.gte(3), z.lte(50))),
  targets: z.optional(z.nullable(z.partialRecord(FactorId, z.nullable(z.number().check(z.gte(0), z.lte(100)))))),
  innovationBands: z.optional(z.nullable(z.partialRecord(z.enum(QUADRANT_TYPES), z.nullable(Band)))),
  oidc: z.optional(
    z.nullable(
      z.strictObject({
        issuer: z.optional(z.nullable(z.url({ error: msg('Ogiltig URL.', 'Invalid URL.') }))),
        clientId: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(500)))),
        clientSecret: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(2000)))),
        allowedDomains: z.optional(z.nullable(z.array(Domain).check(z.maxLength(50)))),
        tokenAuthMethod: z.optional(z.nullable(z.enum(OIDC_TOKEN_AUTH_METHODS))),
      }),
    ),
  ),
})
export type PatchOrganisation = z.infer<typeof PatchOrganisation>
