import { newApp } from './app'
import type { Bindings } from './env'
import { metaRoutes } from './routes/meta'
import { instrumentRoutes } from './routes/instruments'
import { signupRoutes } from './routes/signup'
import { authRoutes } from './routes/auth'
import { oidcRoutes } from './routes/oidc'
import { memberInvitationRoutes } from './routes/member-invitations'
import { organisationRoutes } from './routes/organisations'
import { memberRoutes } from './routes/members'
import { unitRoutes } from './routes/units'
import { initiativeRoutes } from './routes/initiatives'
import { apiKeyRoutes } from './routes/api-keys'
import { auditRoutes } from './routes/audit-log'
import { devRoutes } from './routes/dev'
import { devSeedRoutes } from './routes/dev-seed'
import { docsPage } from './routes/docs-page'
import { runScheduled } from './scheduled'
import { assessmentRoutes } from './routes/assessments'
import { respondentRoutes } from './routes/respondents'
import { participationRoutes } from './routes/participation'
import { invitationPreviewRoutes } from './routes/invitation-preview'
import { respondRoutes } from './routes/respond'
import { resultsExportRoutes } from './routes/results-export'
import { benchmarkRoutes } from './routes/benchmark'
import { trendRoutes } from './routes/trends'
import { recommendationRoutes } from './routes/recommendations'
import { competencePlanRoutes } from './routes/competence-plan'
import { benefitRoutes } from './routes/benefits'
import { consumeMailQueue, type MailQueueBody } from './services/mail/queue'
import { deliverRaisedWebhooks } from './wiring'
import { webhookRoutes } from './routes/webhooks'
import { assertSecrets } from './middleware/secrets'
import { domainRoutes } from './routes/domains'

const app = newApp()
  .use('/api/v1/*', deliverRaisedWebhooks)
  .route('/api/v1', metaRoutes)
  .route('/api/v1/instruments', instrumentRoutes)
  .route('/api/v1/signup', signupRoutes)
  .route('/api/v1/auth', authRoutes)
  .route('/api/v1/auth/oidc', oidcRoutes)
  .route('/api/v1/auth/invitations', memberInvitationRoutes)
  .route('/api/v1/dev', devRoutes)
  .route('/api/v1/dev/seed', devSeedRoutes)
  .route('/api/v1/orgs/:org', organisationRoutes)
  .route('/api/v1/orgs/:org/members', memberRoutes)
  .route('/api/v1/orgs/:org/units', unitRoutes)
  .route('/api/v1/orgs/:org/initiatives', initiativeRoutes)
  .route('/api/v1/orgs/:org/api-keys', apiKeyRoutes)
  .route('/api/v1/orgs/:org/audit-log', auditRoutes)
  .route('/api/v1/orgs/:org/webhooks', webhookRoutes)
  .route('/api/v1/orgs/:org/domains', domainRoutes)
  .route('/api/v1/orgs/:org/assessments', assessmentRoutes)
  .route('/api/v1/orgs/:org/assessments/:id', respondentRoutes)
  .route('/api/v1/orgs/:org/assessments/:id/participation', participationRoutes)
  .route('/api/v1/orgs/:org/assessments/:id', resultsExportRoutes)
  .route('/api/v1/orgs/:org/assessments/:id', benchmarkRoutes)
  .route('/api/v1/orgs/:org/trends', trendRoutes)
  .route('/api/v1/orgs/:org/assessments/:id/invitation-preview', invitationPreviewRoutes)
  .route('/api/v1/orgs/:org/assessments/:id/recommendations', recommendationRoutes)
  .route('/api/v1/orgs/:org/assessments/:id', competencePlanRoutes)
  .route('/api/v1/orgs/:org/benefits', benefitRoutes)
  .route('/api/v1/respond', respondRoutes)
  .route('/api', docsPage)

export type AppType = typeof app
export { app }

export default {
  fetch: app.fetch,
  async scheduled(controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    assertSecrets(env)
    ctx.waitUntil(runScheduled(env, controller.scheduledTime))
  },
  /** Mail delivery: each message carries ~50 outbox ids (invitations, reminders). */
  async queue(batch: MessageBatch<MailQueueBody>, env: Bindings) {
    assertSecrets(env)
    await consumeMailQueue(batch, env)
  },
} satisfies ExportedHandler<Bindings, MailQueueBody>
