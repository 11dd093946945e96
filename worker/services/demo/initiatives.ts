/** The demo organisation's initiatives: realistic Swedish municipal examples with costs, value
 *  areas, a pinned one, one pinned out and a done one with benefits, so the portfolio page has
 *  something to rank and explain right after `npm start`. */
import type { InitiativeKind, InitiativeStatus, InitiativeTarget, Pin } from '../../../schema/enums'
import { ensureInitiatives } from '../../db/demo-initiatives'
import { ownerKeyOf, type NewInitiativeRow } from '../../db/initiatives'
import type { DemoSeedContext } from './context'

interface DemoInitiative {
  key: string
  title: string
  description: string
  kind: InitiativeKind
  target: InitiativeTarget
  factors: string
  cost?: number
  owner: string
  status: InitiativeStatus
  pin?: Pin
  pinReason?: string
  /** Political urgency, technical urgency, societal benefit, administration benefit, risk. */
  values: [number, number, number, number, number]
  /** Dates are given as whole months from today (negative: ago), so the demo stays current:
   *  the done initiative falls between the demo's two closed rounds. */
  expected?: { text: string; measure: string; owner: string; followUp: number }[]
  realised?: { text: string; measure?: string; value?: number; realisedIn: number; expectedIndex?: number }[]
  history?: { status: InitiativeStatus; months: number }[]
}

export const DEMO_INITIATIVES: readonly DemoInitiative[] = [
  {
    key: 'etjanster', title: 'E-tjänsteplattform', description: 'En gemensam plattform för e-tjänster med inloggning, ärendestatus och digital brevlåda.',
    kind: 'innovation', target: 'capability', factors: 'I5:3 I1:2 U2:1', cost: 1_800_000, owner: 'Digitaliseringsenheten', status: 'planned', values: [4, 3, 5, 4, 3],
    expected: [{ text: 'Fler ärenden startas digitalt', measure: 'Andel ansökningar via e-tjänst', owner: 'Kommunikationschef', followUp: 9 }],
  },
  { key: 'api', title: 'API-plattform och integrationer', description: 'Ersätt punkt-till-punkt-integrationer med en API-plattform och gemensamma informationsmodeller.', kind: 'efficiency', target: 'legacy', factors: 'E7:3 T1:2 T3:2', cost: 1_200_000, owner: 'IT-avdelningen', status: 'ongoing', values: [3, 5, 3, 4, 3] },
  { key: 'kompetens', title: 'Kompetenslyft digitalisering', description: 'Utbildning för chefer och medarbetare i digitala arbetssätt, och en kompetensförsörjningsplan per roll.', kind: 'efficiency', target: 'capability', factors: 'O1:3 B5:3 O2:2', cost: 600_000, owner: 'HR-avdelningen', status: 'planned', pin: 'in', pinReason: 'Beslutat i kommunstyrelsen 2026.', values: [5, 2, 3, 5, 1] },
  { key: 'avveckling', title: 'Systemavveckling: äldre ekonomisystem', description: 'Avveckla det egenutvecklade ekonomisystemet och flytta historiken till e-arkivet.', kind: 'efficiency', target: 'legacy', factors: 'T3:3 E5:2', cost: 900_000, owner: 'Ekonomiavdelningen', status: 'idea', values: [2, 5, 2, 4, 4] },
  { key: 'sakerhet', title: 'Informationssäkerhetsprogram', description: 'Ledningssystem för informationssäkerhet, riskanalyser och utbildning för all personal.', kind: 'efficiency', target: 'capability', factors: 'E6:3 T2:2', cost: 750_000, owner: 'Säkerhetssamordnare', status: 'planned', values: [4, 4, 3, 3, 2] },
  { key: 'oppnadata', title: 'Öppna data-portal', description: 'Publicera prioriterade datamängder som öppna data med API.', kind: 'innovation', target: 'capability', factors: 'I2:3 I3:1', cost: 350_000, owner: 'Digitaliseringsenheten', status: 'idea', values: [3, 2, 4, 2, 2] },
  { key: 'portfolj', title: 'Portföljstyrning och nyttorealisering', description: 'En gemensam portfölj för alla digitala satsningar med nyttoägare och uppföljning.', kind: 'efficiency', target: 'capability', factors: 'B3:3 B4:3 E1:2', cost: 400_000, owner: 'Kommunledningskontoret', status: 'idea', values: [3, 3, 3, 5, 1] },
  { key: 'ai', title: 'AI-försök i kundtjänst', description: 'Pilot med AI-stöd för att besvara vanliga frågor i kontaktcenter.', kind: 'innovation', target: 'capability', factors: 'I4:3 I6:2 U1:1', cost: 500_000, owner: 'Kontaktcenter', status: 'idea', pin: 'out', pinReason: 'Väntar på regional riktlinje för AI.', values: [4, 2, 3, 3, 4] },
  {
    key: 'signering', title: 'Digital signering', description: 'Digital underskrift av beslut, avtal och protokoll.', kind: 'efficiency', target: 'capability', factors: 'I5:2 E2:1', cost: 250_000, owner: 'Kansliavdelningen', status: 'done', values: [3, 3, 3, 4, 2],
    expected: [
      { text: 'Kortare tid från beslut till underskrift', measure: 'Dagar från beslut till underskrift', owner: 'Kanslichef', followUp: -2 },
      { text: 'Mindre papper och porto', measure: 'Utskrivna sidor per månad', owner: 'Kanslichef', followUp: -1 },
    ],
    realised: [{ text: 'Tiden till underskrift gick från 9 till 3 dagar', measure: 'Dagar från beslut till underskrift', value: 6, realisedIn: -3, expectedIndex: 0 }],
    history: [{ status: 'idea', months: -14 }, { status: 'ongoing', months: -10 }, { status: 'done', months: -6 }],
  },
]

/** The ISO time `months` whole months from `now` (the day clamped to the month's end). */
export function monthsFrom(now: string, months: number): string {
  const d = new Date(now)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return d.toISOString()
}

/** The step: each initiative has an id derived from the organisation, so a rerun adds nothing. */
export async function seedInitiatives(ctx: DemoSeedContext): Promise<void> {
  const date = (months: number) => monthsFrom(ctx.now, months).slice(0, 10)
  const rows: NewInitiativeRow[] = DEMO_INITIATIVES.map((d) => ({
    id: `ini_demo_${ctx.org.id.slice(4, 16)}_${d.key}`,
    orgId: ctx.org.id,
    title: d.title,
    description: d.description,
    kind: d.kind,
    target: d.target,
    factors: d.factors.split(' ').map((p) => ({ factorId: p.split(':')[0], strength: Number(p.split(':')[1]) })),
    cost: d.cost ?? null,
    owner: d.owner,
    ownerKey: ownerKeyOf(d.owner),
    status: d.status,
    pin: d.pin ?? 'auto',
    pinReason: d.pinReason ?? null,
    politicalUrgency: d.values[0],
    technicalUrgency: d.values[1],
    societalBenefit: d.values[2],
    administrationBenefit: d.values[3],
    risk: d.values[4],
    expectedBenefits: (d.expected ?? []).map(({ followUp, ...e }) => ({ ...e, followUpDate: date(followUp) })),
    realisedBenefits: (d.realised ?? []).map(({ realisedIn, ...r }) => ({ ...r, realisedOn: date(realisedIn) })),
    statusHistory: d.history ? d.history.map((h) => ({ status: h.status, at: monthsFrom(ctx.now, h.months) })) : [{ status: d.status, at: ctx.now }],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }))
  await ensureInitiatives(ctx.db, rows)
}
