import { lang, texts } from '.'

/** Texts of the respondent's page (/r/{token}); the statements and scale come from the API. */
export const t = texts(
  {
    skipToContent: 'Hoppa till innehållet',
    loadingSurvey: 'Hämtar undersökningen …',
    introLead: '{org} vill veta hur du upplever organisationens digitala mognad.',
    whyTitle: 'Varför?',
    why: 'Svaren används för att mäta organisationens digitala mognad och bestämma vad som ska förbättras först: arbetssätt, verktyg, kompetens och samarbete.',
    howLongTitle: 'Hur lång tid tar det?',
    howLong: 'Ungefär {min}–{max} minuter för {count} påståenden på {pages} sidor. Du tar ställning till hur väl varje påstående stämmer på din organisation. Svarar du ”Vet ej” räknas svaret inte med.',
    anonTitle: 'Dina svar är anonyma',
    anon1: 'Ingen i organisationen ser dina enskilda svar.',
    anon2: 'Resultat visas bara för tillräckligt stora grupper, så att ingen kan räkna ut vad en enskild person har svarat.',
    anon3: 'Dina svar lagras åtskilda från ditt namn och din e-postadress.',
    autosave: 'Dina svar sparas medan du svarar. Du kan avbryta och fortsätta senare med samma länk.',
    closes: 'Undersökningen stänger {date}.',
    noClosing: 'Undersökningen har ingen fast sista svarsdag.',
    progressSoFar: 'Du har besvarat {answered} av {total} påståenden.',
    start: 'Börja svara',
    continue: 'Fortsätt där du slutade',
    pageOf: 'Sida {n} av {m}',
    part: 'Del {n}',
    answeredLabel: 'Besvarade påståenden',
    answeredCount: '{answered} av {total} besvarade',
    previous: 'Föregående',
    next: 'Nästa',
    toReview: 'Granska och skicka in',
    clear: 'Rensa svaret',
    saving: 'Sparar …',
    saved: 'Sparat',
    retrying: 'Inte sparat – försöker igen',
    notSaved: 'Inte sparat',
    reviewTitle: 'Granska och skicka in',
    allAnswered: 'Du har besvarat alla påståenden.',
    unansweredIntro: 'Du har inte besvarat {count} påståenden. Du kan skicka in ändå, eller gå tillbaka och svara:',
    unansweredOne: 'Du har inte besvarat 1 påstående. Du kan skicka in ändå, eller gå tillbaka och svara:',
    submitInfo: 'När du har skickat in kan du inte ändra dina svar.',
    submit: 'Skicka in mina svar',
    confirmTitle: 'Vill du skicka in nu?',
    confirmUnanswered: 'Obesvarade påståenden räknas inte med.',
    confirmYes: 'Ja, skicka in',
    cancel: 'Avbryt',
    submitting: 'Skickar in …',
    unsavedBlock: 'Alla dina svar är inte sparade än. Kontrollera anslutningen och försök igen om en stund.',
    thanksTitle: 'Tack för dina svar!',
    thanksText: 'Dina svar är inskickade och räknas med i resultatet. Länken visar dem inte längre. Du kan stänga sidan.',
    answeredOn: 'Du svarade {date}.',
    closedTitle: 'Undersökningen är stängd',
    closedText: 'Det går inte längre att svara på {name}. Tack för att du ville svara.',
    closedLinkText: 'Undersökningen har stängt och länken fungerar inte längre. Tack för att du ville svara.',
    draftTitle: 'Undersökningen har inte öppnat',
    draftText: '{name} är inte öppen för svar än. Använd länken igen när den har öppnat.',
    invalidTitle: 'Länken fungerar inte',
    invalidText: 'Länken är ogiltig. Kontrollera att du har öppnat hela länken från inbjudan, eller fråga den som skickade den.',
    loadFailedTitle: 'Undersökningen kunde inte hämtas',
    tryAgain: 'Försök igen',
    titleSuffix: 'Enkät',
  },
  {
    skipToContent: 'Skip to content',
    loadingSurvey: 'Loading the survey …',
    introLead: '{org} would like to know how you see the organisation’s digital maturity.',
    whyTitle: 'Why?',
    why: 'The answers measure the organisation’s digital maturity and help decide what to improve first: ways of working, tools, skills and collaboration.',
    howLongTitle: 'How long does it take?',
    howLong: 'About {min}–{max} minutes for {count} statements on {pages} pages. You say how well each statement fits your organisation. A “Don’t know” answer is not counted.',
    anonTitle: 'Your answers are anonymous',
    anon1: 'Nobody in the organisation sees your individual answers.',
    anon2: 'Results are shown only for groups large enough that nobody can work out what one person answered.',
    anon3: 'Your answers are stored apart from your name and e-mail address.',
    autosave: 'Your answers are saved as you go. You can stop and continue later with the same link.',
    closes: 'The survey closes on {date}.',
    noClosing: 'The survey has no fixed closing date.',
    progressSoFar: 'You have answered {answered} of {total} statements.',
    start: 'Start',
    continue: 'Continue where you left off',
    pageOf: 'Page {n} of {m}',
    part: 'Part {n}',
    answeredLabel: 'Statements answered',
    answeredCount: '{answered} of {total} answered',
    previous: 'Previous',
    next: 'Next',
    toReview: 'Review and submit',
    clear: 'Clear answer',
    saving: 'Saving …',
    saved: 'Saved',
    retrying: 'Not saved – trying again',
    notSaved: 'Not saved',
    reviewTitle: 'Review and submit',
    allAnswered: 'You have answered every statement.',
    unansweredIntro: 'You have not answered {count} statements. You can submit anyway, or go back and answer:',
    unansweredOne: 'You have not answered 1 statement. You can submit anyway, or go back and answer:',
    submitInfo: 'Once you have submitted you cannot change your answers.',
    submit: 'Submit my answers',
    confirmTitle: 'Submit now?',
    confirmUnanswered: 'Unanswered statements are not counted.',
    confirmYes: 'Yes, submit',
    cancel: 'Cancel',
    submitting: 'Submitting …',
    unsavedBlock: 'Some of your answers are not saved yet. Check the connection and try again in a moment.',
    thanksTitle: 'Thank you for your answers!',
    thanksText: 'Your answers are submitted and count in the results. The link no longer shows them. You can close this page.',
    answeredOn: 'You answered on {date}.',
    closedTitle: 'The survey is closed',
    closedText: '{name} no longer takes answers. Thank you for wanting to answer.',
    closedLinkText: 'The survey has closed and the link no longer works. Thank you for wanting to answer.',
    draftTitle: 'The survey has not opened',
    draftText: '{name} is not open for answers yet. Use the link again once it has opened.',
    invalidTitle: 'The link does not work',
    invalidText: 'The link is not valid. Check that you opened the whole link from the invitation, or ask whoever sent it.',
    loadFailedTitle: 'The survey could not be loaded',
    tryAgain: 'Try again',
    titleSuffix: 'Survey',
  },
)

/**
 * The six categories, named by the first letter of a factor id (E1 → Efficiency). The survey
 * answer carries no category names, and fetching the whole instrument for six words would cost
 * the respondent a request; these are the names of instrument v1 (schema/instruments/v1.ts).
 */
const CATEGORIES: Record<string, { sv: string; en: string }> = {
  E: { sv: 'Effektivitet', en: 'Efficiency' },
  I: { sv: 'Innovation', en: 'Innovation' },
  B: { sv: 'Balansering', en: 'Balancing' },
  O: { sv: 'Organisation', en: 'Organisation' },
  U: { sv: 'Användare', en: 'Users' },
  T: { sv: 'Teknik', en: 'Technology' },
}

/** The category's name in the chosen language, or undefined for an unknown letter. */
export function categoryName(letter: string): string | undefined {
  return CATEGORIES[letter]?.[lang()]
}

/** A UTC date (YYYY-MM-DD) as people read it, e.g. "30 november 2026". */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(lang() === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeZone: 'UTC' })
}

/** A closing time with its date and time of day in the reader's zone. */
export function formatClosing(iso: string): string {
  return new Date(iso).toLocaleString(lang() === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeStyle: 'short' })
}
