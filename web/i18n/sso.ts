import { texts } from '.'

/** Texts of single sign-on on the sign-in page, and one explanation per error code of the callback. */
export const t = texts(
  {
    ssoTitle: 'Logga in med organisationens inloggning',
    ssoIntro: 'Har din organisation kopplat Mognad till sin inloggningstjänst (till exempel Entra ID)? Ange organisationens kortnamn.',
    ssoSlug: 'Organisationens kortnamn',
    ssoHint: 'Kortnamnet står i adressen till organisationens sidor, till exempel demo i /o/demo.',
    ssoGo: 'Fortsätt till inloggningen',
    ssoSlugMissing: 'Ange organisationens kortnamn.',
    unknown_organisation: 'Det finns ingen organisation med det kortnamnet.',
    oidc_not_configured: 'Organisationen har inte ställt in inloggning via sin inloggningstjänst. Be om en länk via e-post i stället.',
    provider_unavailable: 'Inloggningstjänsten svarar inte just nu. Försök igen om en stund.',
    provider_error: 'Inloggningstjänsten avbröt inloggningen.',
    invalid_state: 'Inloggningen tog för lång tid eller startades i en annan webbläsare. Börja om.',
    token_exchange_failed: 'Mognad kunde inte slutföra inloggningen hos inloggningstjänsten. Kontakta organisationens administratör.',
    invalid_id_token: 'Svaret från inloggningstjänsten kunde inte verifieras.',
    email_not_verified: 'Inloggningstjänsten intygar inte din e-postadress.',
    domain_not_allowed: 'Din e-postadress hör till en domän som organisationen inte har godkänt.',
    domain_not_proven: 'Organisationen har inte visat att den äger domänen i din e-postadress, så dess inloggningstjänst kan inte logga in dig. Be om en länk via e-post i stället.',
    identity_not_linked: 'Logga in en gång med en länk via e-post för att koppla ditt konto. Därefter fungerar inloggningen via organisationen.',
    not_a_member: 'Du är inte medlem i organisationen i Mognad. Be en administratör att lägga till dig.',
    rate_limited: 'För många inloggningsförsök. Vänta en minut och försök igen.',
    other: 'Inloggningen misslyckades ({code}). Försök igen eller be om en länk via e-post.',
  },
  {
    ssoTitle: 'Sign in with your organisation’s sign-on',
    ssoIntro: 'Has your organisation connected Mognad to its identity provider (for example Entra ID)? Enter the organisation’s short name.',
    ssoSlug: 'Organisation short name',
    ssoHint: 'The short name is in the address of the organisation’s pages, for example demo in /o/demo.',
    ssoGo: 'Continue to sign-on',
    ssoSlugMissing: 'Enter the organisation’s short name.',
    unknown_organisation: 'There is no organisation with that short name.',
    oidc_not_configured: 'The organisation has not set up sign-on through its identity provider. Ask for a link by e-mail instead.',
    provider_unavailable: 'The identity provider does not answer right now. Try again in a while.',
    provider_error: 'The identity provider stopped the sign-in.',
    invalid_state: 'The sign-in took too long or was started in another browser. Start again.',
    token_exchange_failed: 'Mognad could not complete the sign-in with the identity provider. Contact your organisation’s administrator.',
    invalid_id_token: 'The identity provider’s answer could not be verified.',
    email_not_verified: 'The identity provider does not vouch for your e-mail address.',
    domain_not_allowed: 'Your e-mail address belongs to a domain the organisation has not approved.',
    domain_not_proven: 'The organisation has not proven that it owns the domain of your e-mail address, so its identity provider cannot sign you in. Ask for a link by e-mail instead.',
    identity_not_linked: 'Sign in once with an e-mail link to link your account. After that, signing in through your organisation works.',
    not_a_member: 'You are not a member of the organisation in Mognad. Ask an administrator to add you.',
    rate_limited: 'Too many sign-in attempts. Wait a minute and try again.',
    other: 'The sign-in failed ({code}). Try again or ask for a link by e-mail.',
  },
)

const KNOWN = new Set([
  'unknown_organisation', 'oidc_not_configured', 'provider_unavailable', 'provider_error', 'invalid_state',
  'token_exchange_failed', 'invalid_id_token', 'email_not_verified', 'domain_not_allowed', 'domain_not_proven', 'not_a_member',
  'identity_not_linked', 'rate_limited',
])

/** The explanation of a single sign-on error code from `/sign-in?error=`. */
export function ssoErrorText(code: string): string {
  return KNOWN.has(code) ? t(code as 'other') : t('other', { code })
}
