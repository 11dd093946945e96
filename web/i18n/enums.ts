import type {
  ApiKeyScope,
  AssessmentStatus,
  BalanceFlag,
  Form,
  InitiativeKind,
  InitiativeStatus,
  InitiativeTarget,
  MemberRole,
  OrgKind,
  OrgStatus,
  Pin,
  RespondentRole,
  RespondentStatus,
} from '../../schema/enums'
import { lang } from '.'

/**
 * The names of the closed lists of schema/enums, in both languages. Each table is a
 * `Record<Enum, …>`, so a value added to a list without its names fails the type check.
 */
type Labels<E extends string> = Record<E, { sv: string; en: string }>

/** The name of an enum value in the chosen language. */
export function enumLabel<E extends string>(labels: Labels<E>, value: E): string {
  return labels[value][lang()]
}

export const ORG_KIND: Labels<OrgKind> = {
  municipality: { sv: 'Kommun', en: 'Municipality' },
  region: { sv: 'Region', en: 'Region' },
  agency: { sv: 'Myndighet', en: 'Government agency' },
  company: { sv: 'Bolag', en: 'Company' },
  other: { sv: 'Annan', en: 'Other' },
}

export const ORG_STATUS: Labels<OrgStatus> = {
  pending: { sv: 'Väntar på aktivering', en: 'Awaiting activation' },
  active: { sv: 'Aktiv', en: 'Active' },
}

export const MEMBER_ROLE: Labels<MemberRole> = {
  owner: { sv: 'Ägare', en: 'Owner' },
  admin: { sv: 'Administratör', en: 'Administrator' },
  analyst: { sv: 'Analytiker', en: 'Analyst' },
}

export const API_KEY_SCOPE: Labels<ApiKeyScope> = {
  read: { sv: 'Läsa', en: 'Read' },
  write: { sv: 'Läsa och skriva', en: 'Read and write' },
}

export const RESPONDENT_ROLE: Labels<RespondentRole> = {
  management: { sv: 'Ledning', en: 'Management' },
  manager: { sv: 'Chef', en: 'Manager' },
  it: { sv: 'IT', en: 'IT' },
  business_developer: { sv: 'Verksamhetsutvecklare', en: 'Business developer' },
  staff: { sv: 'Medarbetare', en: 'Staff' },
  other: { sv: 'Annan', en: 'Other' },
}

export const RESPONDENT_STATUS: Labels<RespondentStatus> = {
  added: { sv: 'Tillagd', en: 'Added' },
  invited: { sv: 'Inbjuden', en: 'Invited' },
  started: { sv: 'Har börjat', en: 'Started' },
  submitted: { sv: 'Har skickat in', en: 'Submitted' },
}

export const ASSESSMENT_STATUS: Labels<AssessmentStatus> = {
  draft: { sv: 'Utkast', en: 'Draft' },
  open: { sv: 'Öppen', en: 'Open' },
  closed: { sv: 'Stängd', en: 'Closed' },
}

export const FORM: Labels<Form> = {
  full: { sv: 'Hela formuläret – 78 påståenden', en: 'The full form – 78 statements' },
  short: { sv: 'Kortformuläret – 26 påståenden', en: 'The short form – 26 statements' },
}

/** The form in a table cell. */
export const FORM_SHORT: Labels<Form> = {
  full: { sv: 'Hela (78)', en: 'Full (78)' },
  short: { sv: 'Kort (26)', en: 'Short (26)' },
}

export const INITIATIVE_KIND: Labels<InitiativeKind> = {
  efficiency: { sv: 'Effektivitet', en: 'Efficiency' },
  innovation: { sv: 'Innovation', en: 'Innovation' },
}

export const INITIATIVE_TARGET: Labels<InitiativeTarget> = {
  capability: { sv: 'Digital förmåga', en: 'Digital capability' },
  legacy: { sv: 'Digitalt arv', en: 'Digital legacy' },
}

export const INITIATIVE_STATUS: Labels<InitiativeStatus> = {
  idea: { sv: 'Idé', en: 'Idea' },
  planned: { sv: 'Planerad', en: 'Planned' },
  ongoing: { sv: 'Pågående', en: 'Ongoing' },
  done: { sv: 'Klar', en: 'Done' },
  stopped: { sv: 'Stoppad', en: 'Stopped' },
}

export const PIN: Labels<Pin> = {
  auto: { sv: 'Väljs efter poäng', en: 'Chosen by score' },
  in: { sv: 'Alltid med i portföljen', en: 'Always in the portfolio' },
  out: { sv: 'Aldrig med i portföljen', en: 'Never in the portfolio' },
}


/** A role as a group of the results breakdown ("Annan roll" where a list says "Annan"). */
export const RESPONDENT_ROLE_GROUP: Labels<RespondentRole> = {
  management: { sv: 'Ledning', en: 'Senior management' },
  manager: { sv: 'Chef', en: 'Manager' },
  it: { sv: 'IT', en: 'IT' },
  business_developer: { sv: 'Verksamhetsutvecklare', en: 'Business developer' },
  staff: { sv: 'Medarbetare', en: 'Staff' },
  other: { sv: 'Annan roll', en: 'Other role' },
}

/** The warning the results show for a balance flag. */
export const BALANCE_FLAG: Labels<BalanceFlag> = {
  efficiency_creep: { sv: 'Flagga: effektiviseringsdrift. Effektiviseringen drar ifrån innovationen; risken är att förbättra det befintliga men missa det nya.', en: 'Flag: efficiency creep. Efficiency pulls away from innovation; the risk is improving what exists while missing what is new.' },
  innovation_without_base: { sv: 'Flagga: innovation utan bas. Innovationen ligger långt före effektiviteten; risken är piloter som inte kan förvaltas eller skalas.', en: 'Flag: innovation without a base. Innovation is far ahead of efficiency; the risk is pilots that cannot be run or scaled.' },
}
