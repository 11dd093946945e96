import type { RespondentRole } from '../../../schema/enums'
import { allFactors, formItems, getInstrument, LATEST_INSTRUMENT_VERSION } from '../../../schema/instruments'
import type { Form } from '../../../schema/enums'
import { respondentAnswers, type AnswerStyle } from './answers'
import { dayBetween, type DemoProgress, type DemoRespondent } from './rounds'

/** Roles in the proportions of a typical municipal survey: mostly staff, some managers, few at the top. */
const ROLE_MIX: readonly RespondentRole[] = [
  ...Array<RespondentRole>(3).fill('management'),
  ...Array<RespondentRole>(7).fill('manager'),
  ...Array<RespondentRole>(6).fill('it'),
  ...Array<RespondentRole>(5).fill('business_developer'),
  ...Array<RespondentRole>(16).fill('staff'),
  ...Array<RespondentRole>(3).fill('other'),
]

export const DEMO_STYLE: AnswerStyle = { dontKnow: 0.07, skip: 0.015 }

export const demoInstrument = () => getInstrument(LATEST_INSTRUMENT_VERSION)!
export const demoFactorIds = () => allFactors(demoInstrument()).map((f) => f.id)

export interface CrowdSpec {
  random: () => number
  form: Form
  means: Map<string, number>
  /** How many respondents reach each stage. */
  counts: Record<DemoProgress, number>
  /** Unit ids to spread people over (null: none); every 8th person has no unit. */
  unitIds: readonly string[]
  emailDomain: string
  openedAt: string
  /** Submission dates are spread between openedAt and this instant. */
  lastDay: string
}

/**
 * A crowd of synthetic respondents: roles interleaved from the mix, units spread, answers drawn
 * around the organisation's factor means. Starters answer about half the form.
 */
export function demoCrowd(spec: CrowdSpec): DemoRespondent[] {
  const items = formItems(demoInstrument(), spec.form).map((i) => ({ id: i.id, factorId: i.factorId }))
  const stages: DemoProgress[] = [
    ...Array<DemoProgress>(spec.counts.submitted).fill('submitted'),
    ...Array<DemoProgress>(spec.counts.started).fill('started'),
    ...Array<DemoProgress>(spec.counts.invited).fill('invited'),
  ]
  return stages.map((progress, i) => {
    const answers = progress === 'invited' ? {} : respondentAnswers(spec.random, items, spec.means, DEMO_STYLE)
    if (progress === 'started') for (const id of Object.keys(answers).slice(Math.floor(items.length / 2))) delete answers[id]
    const number = String(i + 1).padStart(2, '0')
    return {
      email: `medarbetare${number}@${spec.emailDomain}`,
      name: `Medarbetare ${number}`,
      // A stride through the mix so every stage holds every role.
      role: ROLE_MIX[(i * 7) % ROLE_MIX.length],
      unitId: spec.unitIds.length && i % 8 !== 7 ? spec.unitIds[i % spec.unitIds.length] : null,
      progress,
      answers,
      ...(progress === 'submitted' ? { submittedOn: dayBetween(spec.openedAt, spec.lastDay, (i + 0.5) / (stages.length + 1)) } : {}),
    }
  })
}
