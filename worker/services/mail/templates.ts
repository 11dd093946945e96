import type { Lang, MailKind } from '../../../schema/enums'

export interface RenderedMail {
  subject: string
  text: string
  links: string[]
}

/** What a template needs: names and the credential link, derived at sending. */
export interface MailContext {
  link: string
  orgName?: string
  assessmentName?: string
  closesAt?: string | null
  userName?: string
  /** A membership invitation for the owner named at sign-up (an existing user). */
  ownerAtSignUp?: boolean
}

/** Renders one message in Swedish or English; the credential link appears in `text` and `links`. */
export function renderMail(kind: MailKind, lang: Lang, ctx: MailContext): RenderedMail {
  const sv = lang === 'sv'
  const closes = ctx.closesAt ? ctx.closesAt.slice(0, 10) : null
  switch (kind) {
    case 'sign_in':
      return {
        subject: sv ? 'Din inloggningslänk till Mognad' : 'Your sign-in link to Mognad',
        text: sv
          ? `Hej!\n\nLogga in på Mognad med länken nedan. Den gäller i 15 minuter och kan användas en gång.\n\n${ctx.link}\n\nHar du inte bett om länken kan du bortse från det här meddelandet.`
          : `Hello!\n\nSign in to Mognad with the link below. It is valid for 15 minutes and can be used once.\n\n${ctx.link}\n\nIf you did not ask for this link, you can ignore this message.`,
        links: [ctx.link],
      }
    case 'member_invite':
      return {
        subject: sv ? `Du har bjudits in till ${ctx.orgName} i Mognad` : `You have been invited to ${ctx.orgName} in Mognad`,
        text: sv
          ? `Hej ${ctx.userName ?? ''}!\n\n${ctx.ownerAtSignUp ? `${ctx.orgName} har registrerats i Mognad med dig som ägare.` : `Du har bjudits in att bli medlem i ${ctx.orgName} i Mognad.`} Du blir medlem först när du tackar ja. Öppna länken nedan för att tacka ja eller nej (den gäller i 7 dagar):\n\n${ctx.link}\n\nKänner du inte igen inbjudan kan du tacka nej eller bortse från meddelandet.`
          : `Hello ${ctx.userName ?? ''}!\n\n${ctx.ownerAtSignUp ? `${ctx.orgName} has been registered in Mognad with you as its owner.` : `You have been invited to become a member of ${ctx.orgName} in Mognad.`} You become a member only when you accept. Open the link below to accept or decline (valid for 7 days):\n\n${ctx.link}\n\nIf you do not recognise this invitation, decline it or ignore this message.`,
        links: [ctx.link],
      }
    case 'invitation':
      return {
        subject: sv ? `${ctx.orgName}: mät vår digitala mognad` : `${ctx.orgName}: measure our digital maturity`,
        text: sv
          ? `Hej!\n\n${ctx.orgName} mäter sin digitala mognad i undersökningen "${ctx.assessmentName}" och du är en av dem som valts ut att svara. Det tar 10–15 minuter. Dina svar är anonyma: ingen i organisationen kan se vad just du har svarat, och resultat visas bara för grupper som är tillräckligt stora.\n\nDin personliga länk (dela den inte):\n${ctx.link}\n${closes ? `\nSista svarsdag: ${closes}.\n` : ''}\nTack för din medverkan!`
          : `Hello!\n\n${ctx.orgName} is measuring its digital maturity in the survey "${ctx.assessmentName}" and you are one of those chosen to answer. It takes 10–15 minutes. Your answers are anonymous: nobody in the organisation can see what you answered, and results are only shown for groups that are large enough.\n\nYour personal link (do not share it):\n${ctx.link}\n${closes ? `\nLast day to answer: ${closes}.\n` : ''}\nThank you for taking part!`,
        links: [ctx.link],
      }
    case 'reminder':
      return {
        subject: sv ? `Påminnelse: ${ctx.assessmentName}` : `Reminder: ${ctx.assessmentName}`,
        text: sv
          ? `Hej!\n\nVi har ännu inte fått ditt svar på "${ctx.assessmentName}" från ${ctx.orgName}. Du fortsätter där du slutade via din personliga länk:\n${ctx.link}\n${closes ? `\nSista svarsdag: ${closes}.\n` : ''}\nTack!`
          : `Hello!\n\nWe have not yet received your answers to "${ctx.assessmentName}" from ${ctx.orgName}. You continue where you left off through your personal link:\n${ctx.link}\n${closes ? `\nLast day to answer: ${closes}.\n` : ''}\nThank you!`,
        links: [ctx.link],
      }
  }
}
