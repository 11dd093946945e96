import type { QuadrantType } from '../enums'
import type { LocalText } from './types'

/**
 * The quadrant typology's names and general directions (docs/model.md §3), sv + en: data shared
 * by the engine (worker/domain/quadrants.ts) and the results pages, so there is one text.
 */
export const QUADRANT_TEXTS: Readonly<Record<QuadrantType, { readonly name: LocalText; readonly direction: LocalText }>> = {
  A: {
    name: { sv: 'Fastlåst', en: 'Locked in' },
    direction: {
      sv: 'Modernisera arvet och styrningen innan stora innovationssatsningar; små användarnära piloter; bygg upp finansiering och nyttorealisering.',
      en: 'Modernise the legacy and governance before big innovation bets; small user-centred pilots; build funding and benefits realisation.',
    },
  },
  B: {
    name: { sv: 'Outnyttjad', en: 'Untapped' },
    direction: {
      sv: 'Grunden finns men används inte: portföljstyrning, användarinvolvering, kompetens och nyttouppföljning; skala upp beprövade piloter.',
      en: 'The foundation is there but unused: portfolio management, user involvement, competence and benefit follow-up; scale proven pilots.',
    },
  },
  C: {
    name: { sv: 'Hämmad', en: 'Held back' },
    direction: {
      sv: 'Ett eget program för arvet (teknisk skuld, försörjning, skugg-IT) med långsiktig finansiering, utan att innovationsförmågan tappas.',
      en: 'A dedicated legacy programme (technical debt, sourcing, shadow IT) with long-term funding, while protecting innovation capacity.',
    },
  },
  D: {
    name: { sv: 'Balanserad', en: 'Balanced' },
    direction: {
      sv: 'Håll balansen, se upp för effektiviseringsdrift, sprid och dela, fortsätt mäta.',
      en: 'Keep the balance, watch for efficiency creep, spread and share, keep measuring.',
    },
  },
}
