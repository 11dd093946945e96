/** Closed lists shared by tables, zod contracts, the engine and the UI. */

export const LANGS = ['sv', 'en'] as const
export type Lang = (typeof LANGS)[number]

export const ORG_KINDS = ['municipality', 'region', 'agency', 'company', 'other'] as const
export type OrgKind = (typeof ORG_KINDS)[number]

/** The 21 Swedish county codes (länskoder). */
export const COUNTY_CODES = [
  '01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14',
  '17', '18', '19', '20', '21', '22', '23', '24', '25',
] as const
export type CountyCode = (typeof COUNTY_CODES)[number]

export const ORG_STATUSES = ['pending', 'active'] as const
export type OrgStatus = (typeof ORG_STATUSES)[number]

export const MEMBER_ROLES = ['owner', 'admin', 'analyst'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

/** How the service authenticates at an identity provider's token endpoint (RFC 6749 §2.3.1). */
export const OIDC_TOKEN_AUTH_METHODS = ['client_secret_basic', 'client_secret_post'] as const
export type OidcTokenAuthMethod = (typeof OIDC_TOKEN_AUTH_METHODS)[number]

export const API_KEY_SCOPES = ['read', 'write'] as const
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number]

export const RESPONDENT_ROLES = ['management', 'manager', 'it', 'business_developer', 'staff', 'other'] as const
export type RespondentRole = (typeof RESPONDENT_ROLES)[number]

/** Why a published cell is hidden: fewer than k respondents, or it could be worked out from the
 *  round's other shown numbers (docs/model.md §4). */
export const HIDDEN_REASONS = ['below_k', 'differencing'] as const
export type HiddenReason = (typeof HIDDEN_REASONS)[number]

export const ASSESSMENT_STATUSES = ['draft', 'open', 'closed'] as const
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number]

export const FORMS = ['full', 'short'] as const
export type Form = (typeof FORMS)[number]

export const RESPONDENT_STATUSES = ['added', 'invited', 'started', 'submitted'] as const
export type RespondentStatus = (typeof RESPONDENT_STATUSES)[number]

export const INITIATIVE_KINDS = ['efficiency', 'innovation'] as const
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number]

export const INITIATIVE_TARGETS = ['capability', 'legacy'] as const
export type InitiativeTarget = (typeof INITIATIVE_TARGETS)[number]

export const INITIATIVE_STATUSES = ['idea', 'planned', 'ongoing', 'done', 'stopped'] as const
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number]
export const ACTIVE_INITIATIVE_STATUSES = ['idea', 'planned', 'ongoing'] as const

export const PINS = ['auto', 'in', 'out'] as const
export type Pin = (typeof PINS)[number]

export const QUADRANT_TYPES = ['A', 'B', 'C', 'D'] as const
export type QuadrantType = (typeof QUADRANT_TYPES)[number]

export const BALANCE_FLAGS = ['efficiency_creep', 'innovation_without_base'] as const
export type BalanceFlag = (typeof BALANCE_FLAGS)[number]

export const WEBHOOK_EVENTS = ['assessment.opened', 'assessment.closed', 'response.submitted'] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

export const MAIL_KINDS = ['sign_in', 'member_invite', 'invitation', 'reminder'] as const
export type MailKind = (typeof MAIL_KINDS)[number]

export const ERROR_CODES = [
  'VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT',
  'PRECONDITION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'RATE_LIMITED', 'INTERNAL',
  'MISCONFIGURED',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** Default innovation-share bands per quadrant type (model.md §6.7), fractions, inclusive. */
export const DEFAULT_INNOVATION_BANDS: Record<QuadrantType, { min: number; max: number }> = {
  A: { min: 0.2, max: 0.5 },
  B: { min: 0.3, max: 0.6 },
  C: { min: 0.2, max: 0.5 },
  D: { min: 0.3, max: 0.7 },
}

export const DEFAULT_ANONYMITY_THRESHOLD = 5

/**
 * The factor ids of the instrument (v1), in instrument order. A plain list so the web bundle need
 * not carry the instrument's texts to validate ids; test/schema checks it against the data.
 */
export const FACTOR_IDS = [
  'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7',
  'I1', 'I2', 'I3', 'I4', 'I5', 'I6',
  'B1', 'B2', 'B3', 'B4', 'B5',
  'O1', 'O2',
  'U1', 'U2',
  'T1', 'T2', 'T3', 'T4',
] as const
export type FactorId = (typeof FACTOR_IDS)[number]
