import * as z from 'zod/mini'
import { msg } from './common'

/** What a webhook can subscribe to (api.md). */
export const WEBHOOK_EVENTS = ['assessment.opened', 'assessment.closed', 'response.submitted'] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

const Events = z.array(z.enum(WEBHOOK_EVENTS, { error: msg('Okänd händelse.', 'Unknown event.') })).check(
  z.minLength(1, { error: msg('Välj minst en händelse.', 'Choose at least one event.') }),
  z.maxLength(WEBHOOK_EVENTS.length),
)

export const CreateWebhook = z.strictObject({ url: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)), events: Events })
export const Webhook = z.object({ id: z.string(), url: z.string(), events: z.array(z.enum(WEBHOOK_EVENTS)), createdAt: z.string() })
/** The answer to POST: the signing secret (`whsec_` + base64) appears only here. */
export const CreatedWebhook = z.object({ id: z.string(), url: z.string(), events: z.array(z.enum(WEBHOOK_EVENTS)), secret: z.string(), createdAt: z.string() })
export const WebhookParams = z.object({ org: z.string(), id: z.string().check(z.maxLength(100)) })

/** The body of every delivery: a date, never a finer time, and never anyone's answers. */
export const WebhookPayload = z.object({
  type: z.enum(WEBHOOK_EVENTS),
  timestamp: z.string(),
  data: z.object({
    organisation: z.object({ id: z.string(), slug: z.string() }),
    assessment: z.object({ id: z.string(), name: z.string(), status: z.string() }),
  }),
})
