import type { Instrument } from './types'

/** Instrument v1: our own instrument shaped after the public description (docs/model.md §1).
 *  Generated once from items-v1.tsv; test/domain/instrument.test.ts checks it still matches. */
export const INSTRUMENT_V1: Instrument = {
  version: 'v1',
  dimensions: [
    {
      id: 'DF',
      name: { sv: 'Digital förmåga', en: 'Digital capability' },
      categories: [
        {
          id: 'EFF',
          name: { sv: 'Effektivitet', en: 'Efficiency' },
          factors: [
            {
              id: 'E1',
              name: { sv: 'Strategisk koppling', en: 'Strategic alignment' },
              items: [
                {
                  id: 'E1.1',
                  text: {
                    sv: 'Varje större digital satsning kan härledas till ett mål i vår styrmodell.',
                    en: 'Every major digital investment can be traced to a goal in our management model.',
                  },
                  shortForm: true,
                },
                {
                  id: 'E1.2',
                  text: {
                    sv: 'Ledningen följer hur digitala satsningar bidrar till verksamhetsplanen.',
                    en: 'Management tracks how digital investments contribute to the business plan.',
                  },
                  shortForm: false,
                },
                {
                  id: 'E1.3',
                  text: {
                    sv: 'Digitalisering behandlas i samma planeringscykel som verksamhet och budget.',
                    en: 'Digitalisation is handled in the same planning cycle as operations and budget.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'E2',
              name: { sv: 'Systemförvaltning', en: 'Systems management' },
              items: [
                {
                  id: 'E2.1',
                  text: {
                    sv: 'Förvaltningen av våra system har tydliga ägare, roller och mandat.',
                    en: 'The management of our systems has clear owners, roles and mandates.',
                  },
                  shortForm: true,
                },
                {
                  id: 'E2.2',
                  text: {
                    sv: 'Förvaltningsobjekten har planer och budget för löpande vidareutveckling.',
                    en: 'Managed systems have plans and budgets for continuous improvement.',
                  },
                  shortForm: false,
                },
                {
                  id: 'E2.3',
                  text: {
                    sv: 'Verksamheten har ett reellt inflytande över prioriteringarna i systemförvaltningen.',
                    en: 'The business has real influence over priorities in systems management.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'E3',
              name: { sv: 'Projekt- och leveransstyrning', en: 'Project delivery' },
              items: [
                {
                  id: 'E3.1',
                  text: {
                    sv: 'Våra utvecklingsinsatser levereras i regel enligt plan och budget.',
                    en: 'Our development efforts are usually delivered to plan and budget.',
                  },
                  shortForm: true,
                },
                {
                  id: 'E3.2',
                  text: {
                    sv: 'Vi har ett gemensamt arbetssätt för att driva och följa upp utvecklingsinsatser.',
                    en: 'We have a common way of running and monitoring development efforts.',
                  },
                  shortForm: false,
                },
                {
                  id: 'E3.3',
                  text: {
                    sv: 'Vi avbryter eller ändrar inriktning på insatser när förutsättningarna ändras.',
                    en: 'We stop or redirect efforts when conditions change.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'E4',
              name: { sv: 'Försörjningsstrategi', en: 'Sourcing strategy' },
              items: [
                {
                  id: 'E4.1',
                  text: {
                    sv: 'Vi har en uttalad strategi för vad vi bygger själva, köper, delar eller hämtar som molntjänst.',
                    en: 'We have an explicit strategy for what we build, buy, share or source as cloud services.',
                  },
                  shortForm: true,
                },
                {
                  id: 'E4.2',
                  text: {
                    sv: 'Våra avtal och leverantörsberoenden ger oss handlingsfrihet att byta lösning.',
                    en: 'Our contracts and supplier dependencies leave us free to switch solutions.',
                  },
                  shortForm: false,
                },
                {
                  id: 'E4.3',
                  text: {
                    sv: 'Försörjningsbeslut fattas med hänsyn till säkerhet, juridik och kostnad över tid.',
                    en: 'Sourcing decisions weigh security, legal aspects and cost over time.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'E5',
              name: { sv: 'Livscykelekonomi', en: 'Lifecycle cost' },
              items: [
                {
                  id: 'E5.1',
                  text: {
                    sv: 'Beslutsunderlag för nya system visar totalkostnaden från införande till utfasning.',
                    en: 'Decision papers for new systems show total cost from roll-out to phase-out.',
                  },
                  shortForm: true,
                },
                {
                  id: 'E5.2',
                  text: {
                    sv: 'Vi vet vad våra befintliga system kostar att förvalta per år.',
                    en: 'We know the yearly running cost of our existing systems.',
                  },
                  shortForm: false,
                },
                {
                  id: 'E5.3',
                  text: {
                    sv: 'Vi planerar i förväg när system ska ersättas eller avvecklas.',
                    en: 'We plan ahead when systems are to be replaced or retired.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'E6',
              name: { sv: 'Informationssäkerhet och integritet', en: 'Security and privacy' },
              items: [
                {
                  id: 'E6.1',
                  text: {
                    sv: 'Vår informationssäkerhet håller en nivå som motsvarar verksamhetens risker.',
                    en: 'Our information security is at a level matching the risks of our operations.',
                  },
                  shortForm: true,
                },
                {
                  id: 'E6.2',
                  text: {
                    sv: 'Informationsklassning och riskanalys görs innan nya lösningar tas i bruk.',
                    en: 'Information classification and risk analysis are done before new solutions go live.',
                  },
                  shortForm: false,
                },
                {
                  id: 'E6.3',
                  text: {
                    sv: 'Hantering av personuppgifter är en naturlig del av vårt utvecklingsarbete.',
                    en: 'Personal-data protection is a natural part of our development work.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'E7',
              name: { sv: 'Standardisering', en: 'Standards' },
              items: [
                {
                  id: 'E7.1',
                  text: {
                    sv: 'Samma typ av arbete görs på samma sätt i hela organisationen tack vare gemensamma standarder.',
                    en: 'Thanks to shared standards, the same kind of work is done the same way across the organisation.',
                  },
                  shortForm: true,
                },
                {
                  id: 'E7.2',
                  text: {
                    sv: 'Nya lösningar väljs med hänsyn till öppna standarder och interoperabilitet.',
                    en: 'New solutions are chosen with regard to open standards and interoperability.',
                  },
                  shortForm: false,
                },
                {
                  id: 'E7.3',
                  text: {
                    sv: 'Våra gemensamma riktlinjer är kända och följs i hela organisationen.',
                    en: 'Our common guidelines are known and followed across the organisation.',
                  },
                  shortForm: false,
                },
              ],
            },
          ],
        },
        {
          id: 'INN',
          name: { sv: 'Innovation', en: 'Innovation' },
          factors: [
            {
              id: 'I1',
              name: { sv: 'Användarinvolvering', en: 'User involvement' },
              items: [
                {
                  id: 'I1.1',
                  text: {
                    sv: 'De som ska använda en ny digital lösning är med och formar den från början.',
                    en: 'The future users of a digital solution help shape it from the start.',
                  },
                  shortForm: true,
                },
                {
                  id: 'I1.2',
                  text: {
                    sv: 'Vi testar idéer med medarbetare, invånare eller företag innan vi skalar upp.',
                    en: 'We test ideas with staff, residents or businesses before scaling up.',
                  },
                  shortForm: false,
                },
                {
                  id: 'I1.3',
                  text: {
                    sv: 'Återkoppling från användare leder till konkreta förändringar i våra tjänster.',
                    en: 'User feedback leads to concrete changes in our services.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'I2',
              name: { sv: 'Öppna data', en: 'Open data' },
              items: [
                {
                  id: 'I2.1',
                  text: {
                    sv: 'Data som andra publicerat öppet är en källa när vi förbättrar våra tjänster.',
                    en: 'Data openly published by others is a source when we improve our services.',
                  },
                  shortForm: true,
                },
                {
                  id: 'I2.2',
                  text: {
                    sv: 'Vi publicerar egna data öppet så att andra kan skapa nytta av dem.',
                    en: 'We publish our own data openly so that others can create value from it.',
                  },
                  shortForm: false,
                },
                {
                  id: 'I2.3',
                  text: {
                    sv: 'Vi har rutiner för att hålla publicerade data aktuella och beskrivna.',
                    en: 'We have routines to keep published data current and documented.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'I3',
              name: { sv: 'Öppen källkod', en: 'Open source' },
              items: [
                {
                  id: 'I3.1',
                  text: {
                    sv: 'Öppen källkod är ett naturligt alternativ när vi väljer lösningar.',
                    en: 'Open source is a natural option when we choose solutions.',
                  },
                  shortForm: true,
                },
                {
                  id: 'I3.2',
                  text: {
                    sv: 'Vi delar kod och lösningar med andra offentliga aktörer.',
                    en: 'We share code and solutions with other public bodies.',
                  },
                  shortForm: false,
                },
                {
                  id: 'I3.3',
                  text: {
                    sv: 'Vi har kompetens att använda och bidra till öppna projekt.',
                    en: 'We have the skills to use and contribute to open projects.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'I4',
              name: { sv: 'Lärande- och innovationskultur', en: 'Learning and innovation culture' },
              items: [
                {
                  id: 'I4.1',
                  text: {
                    sv: 'Chefer efterfrågar aktivt nya idéer om hur digital teknik kan förändra arbetet.',
                    en: 'Managers actively ask for new ideas on how digital technology can change the work.',
                  },
                  shortForm: true,
                },
                {
                  id: 'I4.2',
                  text: {
                    sv: 'Misslyckade försök ses som lärande snarare än som fel.',
                    en: 'Failed trials are treated as learning rather than as mistakes.',
                  },
                  shortForm: false,
                },
                {
                  id: 'I4.3',
                  text: {
                    sv: 'Medarbetare har tid och mandat att pröva nya digitala arbetssätt.',
                    en: 'Staff have time and mandate to try new digital ways of working.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'I5',
              name: { sv: 'Digitalt först', en: 'Digital first' },
              items: [
                {
                  id: 'I5.1',
                  text: {
                    sv: 'I varje förändringsarbete ställer vi frågan hur det kan göras digitalt innan andra alternativ.',
                    en: 'In every change effort we ask how it could be done digitally before other options.',
                  },
                  shortForm: true,
                },
                {
                  id: 'I5.2',
                  text: {
                    sv: 'Nya tjänster utformas så att de kan användas digitalt från början till slut.',
                    en: 'New services are designed to be usable digitally end to end.',
                  },
                  shortForm: false,
                },
                {
                  id: 'I5.3',
                  text: {
                    sv: 'Vi ser över regler och rutiner som hindrar digitala arbetssätt.',
                    en: 'We review rules and routines that block digital ways of working.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'I6',
              name: { sv: 'Spridning och skalning', en: 'Spreading and scaling' },
              items: [
                {
                  id: 'I6.1',
                  text: {
                    sv: 'En lösning som fungerat i en enhet tas snabbt i bruk av andra enheter med samma behov.',
                    en: 'A solution that worked in one unit is quickly adopted by other units with the same need.',
                  },
                  shortForm: true,
                },
                {
                  id: 'I6.2',
                  text: {
                    sv: 'När en lösning används brett flyttas ansvaret till en organisationsgemensam förvaltning.',
                    en: 'When a solution is widely used, responsibility moves to organisation-wide management.',
                  },
                  shortForm: false,
                },
                {
                  id: 'I6.3',
                  text: {
                    sv: 'Vi återanvänder lösningar som andra organisationer redan tagit fram.',
                    en: 'We reuse solutions other organisations have already built.',
                  },
                  shortForm: false,
                },
              ],
            },
          ],
        },
        {
          id: 'BAL',
          name: { sv: 'Balansering', en: 'Balancing' },
          factors: [
            {
              id: 'B1',
              name: { sv: 'Finansiering', en: 'Funding' },
              items: [
                {
                  id: 'B1.1',
                  text: {
                    sv: 'Digitala initiativ kan få pengar ur en egen, känd budgetpost.',
                    en: 'Digital initiatives can be funded from a separate, known budget line.',
                  },
                  shortForm: true,
                },
                {
                  id: 'B1.2',
                  text: {
                    sv: 'Det finns en väg att finansiera nya, osäkra idéer utan full kalkyl i förväg.',
                    en: 'There is a route to fund new, uncertain ideas without a full business case upfront.',
                  },
                  shortForm: false,
                },
                {
                  id: 'B1.3',
                  text: {
                    sv: 'Finansieringen av digitalisering är långsiktig snarare än projekt för projekt.',
                    en: 'Funding of digitalisation is long-term rather than project by project.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'B2',
              name: { sv: 'Kostnadsestimering och uppföljning', en: 'Cost estimation and follow-up' },
              items: [
                {
                  id: 'B2.1',
                  text: {
                    sv: 'Utfallet för digitala insatser hamnar oftast nära den kostnad vi räknade med.',
                    en: 'Outturn for digital efforts usually lands close to the cost we expected.',
                  },
                  shortForm: true,
                },
                {
                  id: 'B2.2',
                  text: {
                    sv: 'Under genomförandet jämförs löpande kostnader med kalkylen.',
                    en: 'During delivery, running costs are compared with the calculation.',
                  },
                  shortForm: false,
                },
                {
                  id: 'B2.3',
                  text: {
                    sv: 'Avvikelser i kostnad leder till beslut om fortsättning, ändring eller stopp.',
                    en: 'Cost deviations lead to decisions to continue, change or stop.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'B3',
              name: { sv: 'Portföljstyrning', en: 'Portfolio management' },
              items: [
                {
                  id: 'B3.1',
                  text: {
                    sv: 'Vår samlade mängd digitala satsningar rymmer både förbättring av det befintliga och försök med det nya.',
                    en: 'Our set of digital investments holds both improvement of the existing and trials of the new.',
                  },
                  shortForm: true,
                },
                {
                  id: 'B3.2',
                  text: {
                    sv: 'Vi har en samlad överblick över alla pågående och planerade digitala initiativ.',
                    en: 'We have one overview of all ongoing and planned digital initiatives.',
                  },
                  shortForm: false,
                },
                {
                  id: 'B3.3',
                  text: {
                    sv: 'Prioriteringarna omprövas regelbundet och kommuniceras med motiv.',
                    en: 'Priorities are reviewed regularly and communicated with reasons.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'B4',
              name: { sv: 'Nyttorealisering', en: 'Benefits realisation' },
              items: [
                {
                  id: 'B4.1',
                  text: {
                    sv: 'Efter införandet mäter vi om de utlovade effekterna faktiskt uppstod.',
                    en: 'After roll-out we measure whether the promised effects actually materialised.',
                  },
                  shortForm: true,
                },
                {
                  id: 'B4.2',
                  text: {
                    sv: 'Förväntade nyttor beskrivs och har en ansvarig i verksamheten innan beslut.',
                    en: 'Expected benefits are described and owned in the business before decisions.',
                  },
                  shortForm: false,
                },
                {
                  id: 'B4.3',
                  text: {
                    sv: 'Lärdomar om nytta påverkar kommande prioriteringar.',
                    en: 'Lessons about benefits influence future priorities.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'B5',
              name: { sv: 'Kompetensförsörjning', en: 'Competence supply' },
              items: [
                {
                  id: 'B5.1',
                  text: {
                    sv: 'Vi vet vilka kompetenser digitaliseringen kräver och skaffar dem i tid.',
                    en: 'We know which skills digitalisation requires and acquire them in time.',
                  },
                  shortForm: true,
                },
                {
                  id: 'B5.2',
                  text: {
                    sv: 'Chefer har den digitala kompetens som behövs för att leda förändring.',
                    en: 'Managers have the digital competence needed to lead change.',
                  },
                  shortForm: false,
                },
                {
                  id: 'B5.3',
                  text: {
                    sv: 'Vi har en plan för kompetensförsörjning kopplad till vår digitala inriktning.',
                    en: 'We have a skills-supply plan linked to our digital direction.',
                  },
                  shortForm: false,
                },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'DA',
      name: { sv: 'Digitalt arv', en: 'Digital legacy' },
      categories: [
        {
          id: 'ORG',
          name: { sv: 'Organisation', en: 'Organisation' },
          factors: [
            {
              id: 'O1',
              name: { sv: 'IT-kompetens och resurser', en: 'IT skills and resources' },
              items: [
                {
                  id: 'O1.1',
                  text: {
                    sv: 'Vår IT-organisation är tillräckligt bemannad och kunnig för de behov vi ser de närmaste åren.',
                    en: 'Our IT organisation is staffed and skilled enough for the needs we foresee in the coming years.',
                  },
                  shortForm: true,
                },
                {
                  id: 'O1.2',
                  text: {
                    sv: 'Vi är inte beroende av enstaka nyckelpersoner för kritiska system.',
                    en: 'We do not depend on single key people for critical systems.',
                  },
                  shortForm: false,
                },
                {
                  id: 'O1.3',
                  text: {
                    sv: 'IT-funktionen har utrymme för utveckling och inte bara drift.',
                    en: 'The IT function has room for development, not only operations.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'O2',
              name: { sv: 'Digital arbetsmiljö', en: 'Digital work environment' },
              items: [
                {
                  id: 'O2.1',
                  text: {
                    sv: 'Våra digitala verktyg ger en god arbetsmiljö i det dagliga arbetet.',
                    en: 'Our digital tools provide a good day-to-day work environment.',
                  },
                  shortForm: true,
                },
                {
                  id: 'O2.2',
                  text: {
                    sv: 'Medarbetare slipper dubbelregistrering och onödiga systembyten.',
                    en: 'Staff avoid double entry and needless switching between systems.',
                  },
                  shortForm: false,
                },
                {
                  id: 'O2.3',
                  text: {
                    sv: 'Brister i digitala verktyg tas om hand i arbetsmiljöarbetet.',
                    en: 'Shortcomings in digital tools are addressed in work-environment management.',
                  },
                  shortForm: false,
                },
              ],
            },
          ],
        },
        {
          id: 'USR',
          name: { sv: 'Användare', en: 'Users' },
          factors: [
            {
              id: 'U1',
              name: { sv: 'IT-stöd till verksamheten', en: 'IT support to operations' },
              items: [
                {
                  id: 'U1.1',
                  text: {
                    sv: 'Medarbetare i kärnverksamheten är nöjda med den IT-service de får.',
                    en: 'Staff in core operations are satisfied with the IT service they receive.',
                  },
                  shortForm: true,
                },
                {
                  id: 'U1.2',
                  text: {
                    sv: 'Det är lätt att få hjälp när ett system inte fungerar.',
                    en: 'It is easy to get help when a system fails.',
                  },
                  shortForm: false,
                },
                {
                  id: 'U1.3',
                  text: {
                    sv: 'IT-funktionen uppfattas som en möjliggörare snarare än ett hinder.',
                    en: 'The IT function is seen as an enabler rather than an obstacle.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'U2',
              name: { sv: 'Samverkan verksamhet–IT', en: 'Business–IT collaboration' },
              items: [
                {
                  id: 'U2.1',
                  text: {
                    sv: 'Nya systemlösningar tas fram i gemensamma team med både verksamhets- och IT-kompetens.',
                    en: 'New system solutions are built in joint teams with both business and IT expertise.',
                  },
                  shortForm: true,
                },
                {
                  id: 'U2.2',
                  text: {
                    sv: 'Verksamheten och IT har en gemensam bild av behov och prioriteringar.',
                    en: 'Business and IT share a view of needs and priorities.',
                  },
                  shortForm: false,
                },
                {
                  id: 'U2.3',
                  text: {
                    sv: 'Ansvarsfördelningen mellan verksamhet och IT är tydlig.',
                    en: 'The division of responsibility between business and IT is clear.',
                  },
                  shortForm: false,
                },
              ],
            },
          ],
        },
        {
          id: 'TEK',
          name: { sv: 'Teknik', en: 'Technology' },
          factors: [
            {
              id: 'T1',
              name: { sv: 'System- och datastöd', en: 'Systems and data fit' },
              items: [
                {
                  id: 'T1.1',
                  text: {
                    sv: 'De system vi har passar de arbetsuppgifter som ska utföras.',
                    en: 'The systems we have fit the tasks that need to be done.',
                  },
                  shortForm: true,
                },
                {
                  id: 'T1.2',
                  text: {
                    sv: 'Våra system kan utbyta information med varandra utan manuella steg.',
                    en: 'Our systems exchange information without manual steps.',
                  },
                  shortForm: false,
                },
                {
                  id: 'T1.3',
                  text: {
                    sv: 'Vår tekniska plattform gör det möjligt att snabbt ta fram nya tjänster.',
                    en: 'Our technical platform allows new services to be built quickly.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'T2',
              name: { sv: 'Skugg-IT under kontroll', en: 'Shadow IT under control' },
              items: [
                {
                  id: 'T2.1',
                  text: {
                    sv: 'System som används i verksamheten är kända och godkända av organisationen.',
                    en: 'Systems used in operations are known and approved by the organisation.',
                  },
                  shortForm: true,
                },
                {
                  id: 'T2.2',
                  text: {
                    sv: 'Det finns en enkel väg att få nya behov prövade så att ingen behöver gå runt IT.',
                    en: 'There is an easy route to assess new needs so nobody has to bypass IT.',
                  },
                  shortForm: false,
                },
                {
                  id: 'T2.3',
                  text: {
                    sv: 'Lokalt framtagna lösningar tas tillvara och förs in i gemensam förvaltning.',
                    en: 'Locally built solutions are captured and brought under common management.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'T3',
              name: { sv: 'Teknisk skuld', en: 'Technical debt' },
              items: [
                {
                  id: 'T3.1',
                  text: {
                    sv: 'Våra system är moderniserade i takt med behoven och hindrar inte utveckling.',
                    en: 'Our systems are modernised as needs change and do not block development.',
                  },
                  shortForm: true,
                },
                {
                  id: 'T3.2',
                  text: {
                    sv: 'Få av våra system är dyra att förvalta på grund av föråldrad teknik.',
                    en: 'Few of our systems are costly to run because of outdated technology.',
                  },
                  shortForm: false,
                },
                {
                  id: 'T3.3',
                  text: {
                    sv: 'Vi har en plan och medel för att bygga bort föråldrade system.',
                    en: 'We have a plan and funds to phase out outdated systems.',
                  },
                  shortForm: false,
                },
              ],
            },
            {
              id: 'T4',
              name: { sv: 'IT-styrning för effektivitet och innovation', en: 'IT governance for efficiency and innovation' },
              items: [
                {
                  id: 'T4.1',
                  text: {
                    sv: 'Vår styrning av IT ger plats åt både stabil drift och nya försök.',
                    en: 'Our governance of IT leaves room for both stable operations and new trials.',
                  },
                  shortForm: true,
                },
                {
                  id: 'T4.2',
                  text: {
                    sv: 'Styrningen skiljer på förvaltning, effektivisering och nyutveckling.',
                    en: 'Governance distinguishes run, efficiency and new development.',
                  },
                  shortForm: false,
                },
                {
                  id: 'T4.3',
                  text: {
                    sv: 'Styrmodellen anpassas när nya digitala möjligheter uppstår.',
                    en: 'The governance model adapts as new digital opportunities arise.',
                  },
                  shortForm: false,
                },
              ],
            },
          ],
        },
      ],
    },
  ],
  scale: [
    { value: 1, label: { sv: 'Stämmer inte alls', en: 'Not at all' } },
    { value: 2, label: { sv: 'Stämmer dåligt', en: 'Poorly' } },
    { value: 3, label: { sv: 'Stämmer delvis dåligt', en: 'Somewhat poorly' } },
    { value: 4, label: { sv: 'Stämmer delvis väl', en: 'Somewhat well' } },
    { value: 5, label: { sv: 'Stämmer väl', en: 'Well' } },
    { value: 6, label: { sv: 'Stämmer helt', en: 'Completely' } },
    { value: 'dont_know', label: { sv: 'Vet ej', en: "Don't know" } },
  ],
}
