import type { OrgKind } from '../enums'

/**
 * The registry extract the product ships: Swedish public bodies by organisation number, as
 * listed in the public registers (Bolagsverket's and SCB's register of municipalities). An
 * organisation whose organisation number AND kind match an entry counts as verified in peer
 * groups without an operator's approval (docs/model.md §5); every other organisation needs a
 * platform operator's approval (`npm run operator -- verify <slug>`, docs/deploy.md).
 * County is the two-digit SCB county code (the first two digits of the municipality code).
 */
export interface PublicBody {
  readonly orgNumber: string
  readonly kind: OrgKind
  readonly name: string
  readonly county: string
}

export const PUBLIC_BODIES: readonly PublicBody[] = [
  { orgNumber: '212000-0142', kind: 'municipality', name: 'Stockholms stad', county: '01' },
  { orgNumber: '212000-3005', kind: 'municipality', name: 'Uppsala kommun', county: '03' },
  { orgNumber: '212000-0449', kind: 'municipality', name: 'Linköpings kommun', county: '05' },
  { orgNumber: '212000-0456', kind: 'municipality', name: 'Norrköpings kommun', county: '05' },
  { orgNumber: '212000-0530', kind: 'municipality', name: 'Jönköpings kommun', county: '06' },
  { orgNumber: '212000-1124', kind: 'municipality', name: 'Malmö stad', county: '12' },
  { orgNumber: '212000-1157', kind: 'municipality', name: 'Helsingborgs stad', county: '12' },
  { orgNumber: '212000-1355', kind: 'municipality', name: 'Göteborgs stad', county: '14' },
  { orgNumber: '212000-1967', kind: 'municipality', name: 'Örebro kommun', county: '18' },
  { orgNumber: '212000-2080', kind: 'municipality', name: 'Västerås stad', county: '19' },
  { orgNumber: '212000-2627', kind: 'municipality', name: 'Umeå kommun', county: '24' },
]

const BY_NUMBER = new Map(PUBLIC_BODIES.map((b) => [b.orgNumber, b]))

/** The registry entry for an organisation number, or undefined. */
export const publicBody = (orgNumber: string): PublicBody | undefined => BY_NUMBER.get(orgNumber)
