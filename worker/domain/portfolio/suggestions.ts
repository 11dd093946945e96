/** A small library of suggested kinds of action per factor (sv + en), used for uncovered gaps
 *  (docs/model.md §6.9). Each factor has at least one competence-development action (who to
 *  train or recruit), because maturity feeds the organisation's competence-supply plan. */
import type { LocalText } from '../../../schema/instruments'

export const SUGGESTIONS: Readonly<Record<string, readonly LocalText[]>> = {
  E1: [
    { sv: 'Koppla varje digital satsning till ett mål i styrmodellen och följ upp det i verksamhetsplanen.', en: 'Link every digital investment to a goal in the management model and follow it up in the business plan.' },
    { sv: 'Utbilda ledningsgruppen i digital strategi och styrning.', en: 'Train the management team in digital strategy and governance.' },
  ],
  E2: [
    { sv: 'Inför en förvaltningsmodell med utsedda system- och objektägare.', en: 'Introduce a management model with appointed system and object owners.' },
    { sv: 'Utbilda systemägare och förvaltningsledare i förvaltningsstyrning.', en: 'Train system owners and maintenance leads in systems management.' },
  ],
  E3: [
    { sv: 'Inför en gemensam projektmodell med beslutspunkter och leveransuppföljning.', en: 'Adopt a common project model with decision gates and delivery follow-up.' },
    { sv: 'Utbilda eller rekrytera projektledare med erfarenhet av digitala leveranser.', en: 'Train or recruit project managers experienced in digital delivery.' },
  ],
  E4: [
    { sv: 'Ta fram en försörjningsstrategi: vad som görs själv, i samverkan eller upphandlas.', en: 'Draw up a sourcing strategy: what to build, share with others or procure.' },
    { sv: 'Stärk beställarkompetensen: utbilda upphandlare och beställare i IT-upphandling.', en: 'Strengthen buyer competence: train procurement officers and buyers in IT procurement.' },
  ],
  E5: [
    { sv: 'Räkna livscykelkostnad (inklusive förvaltning och avveckling) i varje beslutsunderlag.', en: 'Include lifecycle cost (operation and decommissioning too) in every decision paper.' },
    { sv: 'Utbilda controllers och förvaltningsledare i livscykelekonomi för IT.', en: 'Train controllers and maintenance leads in IT lifecycle economics.' },
  ],
  E6: [
    { sv: 'Inför ett ledningssystem för informationssäkerhet med regelbunden riskanalys.', en: 'Introduce an information security management system with regular risk analysis.' },
    { sv: 'Rekrytera eller utbilda informationssäkerhetssamordnare och utbilda all personal i säkerhet och integritet.', en: 'Recruit or train an information security coordinator and train all staff in security and privacy.' },
  ],
  E7: [
    { sv: 'Besluta om gemensamma standarder för informationsutbyte och arkitektur.', en: 'Decide on common standards for information exchange and architecture.' },
    { sv: 'Utbilda eller rekrytera en verksamhetsarkitekt som förvaltar standarderna.', en: 'Train or recruit an enterprise architect to maintain the standards.' },
  ],
  I1: [
    { sv: 'Involvera användare i behovsanalys, test och utvärdering av varje satsning.', en: 'Involve users in needs analysis, testing and evaluation of every initiative.' },
    { sv: 'Utbilda verksamhetsutvecklare i tjänstedesign och användbarhet.', en: 'Train business developers in service design and usability.' },
  ],
  I2: [
    { sv: 'Inventera och publicera prioriterade datamängder som öppna data.', en: 'Inventory and publish priority data sets as open data.' },
    { sv: 'Utbilda informationsägare i öppna data och datadelning.', en: 'Train information owners in open data and data sharing.' },
  ],
  I3: [
    { sv: 'Ta fram riktlinjer för att använda, dela och bidra till öppen källkod.', en: 'Adopt guidelines for using, sharing and contributing to open source.' },
    { sv: 'Utbilda utvecklare och upphandlare i öppen källkod och licenser.', en: 'Train developers and buyers in open source and licences.' },
  ],
  I4: [
    { sv: 'Avsätt tid och en liten budget för försök, och dela lärdomar öppet.', en: 'Set aside time and a small budget for experiments, and share lessons openly.' },
    { sv: 'Utbilda chefer i att leda lärande och innovation.', en: 'Train managers in leading learning and innovation.' },
  ],
  I5: [
    { sv: 'Gör digitala kanaler till förstahandsval när tjänster utvecklas eller ses över.', en: 'Make digital channels the first choice when services are developed or reviewed.' },
    { sv: 'Utbilda verksamhetsutvecklare i digital tjänsteutveckling.', en: 'Train business developers in digital service development.' },
  ],
  I6: [
    { sv: 'Inför en rutin för att utvärdera piloter och skala upp de som fungerar.', en: 'Introduce a routine for evaluating pilots and scaling up those that work.' },
    { sv: 'Utbilda förändringsledare i spridning och implementering.', en: 'Train change leaders in spreading and implementation.' },
  ],
  B1: [
    { sv: 'Inför en långsiktig finansieringsmodell för digitalisering, utöver årliga anslag.', en: 'Introduce a long-term funding model for digitalisation beyond annual budgets.' },
    { sv: 'Utbilda ekonomer och chefer i finansiering av digitala investeringar.', en: 'Train finance staff and managers in funding digital investments.' },
  ],
  B2: [
    { sv: 'Gör kostnadsestimat och uppföljning mot estimat till en del av varje beslut.', en: 'Make cost estimates and follow-up against them part of every decision.' },
    { sv: 'Utbilda projektledare och controllers i kostnadsestimering.', en: 'Train project managers and controllers in cost estimation.' },
  ],
  B3: [
    { sv: 'Samla alla satsningar i en portfölj som prioriteras gemensamt och regelbundet.', en: 'Gather all initiatives in one portfolio, prioritised jointly and regularly.' },
    { sv: 'Utbilda eller rekrytera en portföljansvarig.', en: 'Train or recruit a portfolio manager.' },
  ],
  B4: [
    { sv: 'Inför nyttorealisering: förväntade nyttor med mått, ägare och uppföljningsdatum.', en: 'Introduce benefits realisation: expected benefits with measures, owners and follow-up dates.' },
    { sv: 'Utbilda nyttoägare och verksamhetsutvecklare i nyttorealisering.', en: 'Train benefit owners and business developers in benefits realisation.' },
  ],
  B5: [
    { sv: 'Ta fram en kompetensförsörjningsplan för digitalisering med behov per roll.', en: 'Draw up a competence-supply plan for digitalisation with needs per role.' },
    { sv: 'Utbilda HR och chefer i att inventera digital kompetens, och rekrytera där gapen är störst.', en: 'Train HR and managers to inventory digital skills, and recruit where the gaps are largest.' },
  ],
  O1: [
    { sv: 'Inventera IT-kompetens och resurser mot verksamhetens behov.', en: 'Inventory IT skills and resources against the needs of operations.' },
    { sv: 'Rekrytera eller vidareutbilda IT-personal inom de roller där gapet är störst.', en: 'Recruit or upskill IT staff in the roles with the largest gaps.' },
  ],
  O2: [
    { sv: 'Följ upp den digitala arbetsmiljön i medarbetarenkäter och åtgärda det som stör.', en: 'Follow up the digital work environment in staff surveys and fix what gets in the way.' },
    { sv: 'Utbilda medarbetare och chefer i de digitala verktygen och i digital arbetsmiljö.', en: 'Train staff and managers in the digital tools and the digital work environment.' },
  ],
  U1: [
    { sv: 'Inför servicenivåer för IT-stödet och följ upp dem med verksamheten.', en: 'Introduce service levels for IT support and follow them up with operations.' },
    { sv: 'Utbilda supportpersonal i verksamhetens processer.', en: 'Train support staff in the business processes.' },
  ],
  U2: [
    { sv: 'Inför gemensamma forum och roller där verksamhet och IT planerar tillsammans.', en: 'Set up joint forums and roles where business and IT plan together.' },
    { sv: 'Utbilda verksamhetsutvecklare i IT och IT-personal i verksamheten.', en: 'Train business developers in IT and IT staff in the business.' },
  ],
  T1: [
    { sv: 'Kartlägg hur väl system och data stöder processerna och prioritera bristerna.', en: 'Map how well systems and data support the processes and prioritise the shortfalls.' },
    { sv: 'Utbilda eller rekrytera informations- och dataspecialister.', en: 'Train or recruit information and data specialists.' },
  ],
  T2: [
    { sv: 'Inventera skugg-IT och erbjud godkända alternativ för de behov den fyller.', en: 'Inventory shadow IT and offer approved alternatives for the needs it meets.' },
    { sv: 'Utbilda medarbetare och chefer i regler och risker kring egna IT-lösningar.', en: 'Train staff and managers in the rules and risks of self-made IT solutions.' },
  ],
  T3: [
    { sv: 'Ta fram en plan för teknisk skuld: modernisera, ersätt eller avveckla.', en: 'Draw up a technical-debt plan: modernise, replace or decommission.' },
    { sv: 'Rekrytera eller utbilda arkitekter och utvecklare för modernisering.', en: 'Recruit or train architects and developers for modernisation.' },
  ],
  T4: [
    { sv: 'Inför IT-styrning som väger effektivitet och innovation mot varandra i besluten.', en: 'Introduce IT governance that weighs efficiency against innovation in decisions.' },
    { sv: 'Utbilda ledning och IT-chef i IT-styrning.', en: 'Train management and the CIO in IT governance.' },
  ],
}

/** The suggestions for a factor (empty for an id the library does not know). */
export function suggestionsFor(factorId: string): LocalText[] {
  return [...(SUGGESTIONS[factorId] ?? [])]
}
