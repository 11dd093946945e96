import { Hono } from 'hono'
import type { AppEnv } from '../env'
import { validate } from '../validate'
import { op } from '../openapi/registry'
import { AssessmentParams, InvitationPreview } from '../../schema/api/assessments'
import { allow, READ } from '../middleware/org-access'
import { renderMail } from '../services/mail/templates'
import { loadRound, orgAccess } from '../services/rounds/load'

op({ method: 'get', path: '/orgs/{org}/assessments/{id}/invitation-preview', summary: 'The invitation as respondents will read it, in the round’s language, with a placeholder for the personal link', tag: 'respondents', access: 'org', params: AssessmentParams, responses: { 200: { description: 'Subject and text', schema: InvitationPreview } } })

/** Shown where each respondent's own link goes: the preview must never carry a working credential. */
const LINK_PLACEHOLDER = { sv: '[din personliga länk]', en: '[your personal link]' } as const

/** Renders the same template the outbox sends, so the key user reads exactly what goes out. */
export const invitationPreviewRoutes = new Hono<AppEnv>().get('/', orgAccess, allow(READ), validate('param', AssessmentParams), async (c) => {
  const round = await loadRound(c, c.req.valid('param').id)
  const mail = renderMail('invitation', round.language, {
    link: LINK_PLACEHOLDER[round.language],
    orgName: c.get('org').name,
    assessmentName: round.name,
    closesAt: round.closesAt,
  })
  return c.json({ subject: mail.subject, text: mail.text, language: round.language }, 200)
})
