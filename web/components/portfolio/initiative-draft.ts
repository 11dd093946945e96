import type { Initiative, InitiativeInput, InitiativePatch } from '../../data/initiatives'
import type { InitiativeKind, InitiativeStatus, InitiativeTarget, Pin } from '../../../schema/enums'

export const RATINGS = ['politicalUrgency', 'technicalUrgency', 'societalBenefit', 'administrationBenefit', 'risk'] as const
export type RatingKey = (typeof RATINGS)[number]

export interface ExpectedDraft {
  text: string
  measure: string
  owner: string
  followUpDate: string
}

export interface RealisedDraft {
  text: string
  measure: string
  value: string
  realisedOn: string
  expectedIndex: string
}

/** The form's state: what the inputs hold, as text, until it is sent. */
export interface Draft {
  title: string
  description: string
  kind: InitiativeKind
  target: InitiativeTarget
  strengths: Record<string, number>
  cost: string
  owner: string
  status: InitiativeStatus
  pin: Pin
  pinReason: string
  ratings: Record<RatingKey, string>
  expectedBenefits: ExpectedDraft[]
  realisedBenefits: RealisedDraft[]
}

export function emptyDraft(): Draft {
  return {
    title: '',
    description: '',
    kind: 'efficiency',
    target: 'capability',
    strengths: {},
    cost: '',
    owner: '',
    status: 'idea',
    pin: 'auto',
    pinReason: '',
    ratings: { politicalUrgency: '', technicalUrgency: '', societalBenefit: '', administrationBenefit: '', risk: '' },
    expectedBenefits: [],
    realisedBenefits: [],
  }
}

export function draftOf(i: Initiative): Draft {
  return {
    title: i.title,
    description: i.description,
    kind: i.kind,
    target: i.target,
    strengths: Object.fromEntries(i.factors.map((f) => [f.factorId, f.strength])),
    cost: i.cost === undefined ? '' : String(i.cost),
    owner: i.owner ?? '',
    status: i.status,
    pin: i.pin,
    pinReason: i.pinReason ?? '',
    ratings: Object.fromEntries(RATINGS.map((k) => [k, String(i[k])])) as Record<RatingKey, string>,
    expectedBenefits: i.expectedBenefits.map((e) => ({ ...e })),
    realisedBenefits: i.realisedBenefits.map((r) => ({
      text: r.text,
      measure: r.measure ?? '',
      value: r.value === undefined ? '' : String(r.value),
      realisedOn: r.realisedOn,
      expectedIndex: r.expectedIndex === undefined ? '' : String(r.expectedIndex),
    })),
  }
}

/** A number when the text is one (spaces as thousands separators allowed); otherwise the text
 *  itself, so the API names the field in its 400 rather than the form guessing. */
function numeric(text: string): unknown {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.')
  const n = Number(cleaned)
  return cleaned !== '' && Number.isFinite(n) ? n : text
}

const blankToUndefined = (s: string) => (s.trim() === '' ? undefined : s)

/** The body for POST (blank optional fields left out) or PATCH (blank ones cleared with null). */
export function bodyOf(d: Draft, patch: boolean): InitiativeInput & InitiativePatch {
  const clear = (s: string) => (s.trim() === '' ? (patch ? null : undefined) : s)
  const factors = Object.entries(d.strengths)
    .filter(([, s]) => s > 0)
    .map(([factorId, strength]) => ({ factorId: factorId as never, strength }))
  const body: Record<string, unknown> = {
    title: d.title,
    description: d.description,
    kind: d.kind,
    target: d.target,
    factors,
    cost: d.cost.trim() === '' ? (patch ? null : undefined) : numeric(d.cost),
    owner: clear(d.owner),
    status: d.status,
    pin: d.pin,
    pinReason: clear(d.pinReason),
    expectedBenefits: d.expectedBenefits.map((e) => ({ ...e })),
    realisedBenefits: d.realisedBenefits.map((r) => ({
      text: r.text,
      measure: blankToUndefined(r.measure),
      value: r.value.trim() === '' ? undefined : numeric(r.value),
      realisedOn: r.realisedOn,
      expectedIndex: r.expectedIndex === '' ? undefined : Number(r.expectedIndex),
    })),
  }
  for (const k of RATINGS) body[k] = d.ratings[k] === '' ? undefined : Number(d.ratings[k])
  return body as InitiativeInput & InitiativePatch
}
