import { Hono } from 'hono'
import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { readBody } from '../validate'
import { op } from '../openapi/registry'
import { RespondParams, SaveAnswers, SavedAnswers, Submitted, Survey } from '../../schema/api/respond'
import { formItems, getInstrument } from '../../schema/instruments'
import { findAnswers, findRespondentByTokenHash, mergeAnswers, submitResponse, type TokenRespondent } from '../db/responses'
import { settleRound } from '../services/rounds/lifecycle'
import { answerKey, tokenHash } from '../services/rounds/tokens'
import { emitRoundEvent } from '../hooks'
import { cachedRespondent, forgetRespondent, rememberRespondent } from '../services/rounds/token-cache'

const T = 'respond'
op({ method: 'get', path: '/respond/{token}', summary: 'The survey, the respondent’s own answers until they submit, and whether they did (404 once the round is closed)', tag: T, access: 'respondent', params: RespondParams, responses: { 200: { description: 'The survey', schema: Survey } } })
const saveOp = op({ method: 'put', path: '/respond/{token}/answers', summary: 'Save answers (merge; null clears)', tag: T, access: 'respondent', params: RespondParams, body: SaveAnswers, responses: { 200: { description: 'All saved answers', schema: SavedAnswers } } })
op({ method: 'post', path: '/respond/{token}/submit', summary: 'Submit (allowed with unanswered items)', tag: T, access: 'respondent', params: RespondParams, responses: { 200: { description: 'Submitted on this UTC date', schema: Submitted } } })

const notFound = () => new ApiError('NOT_FOUND', { sv: 'Länken är ogiltig.', en: 'The link is not valid.' })
const alreadySubmitted = () => new ApiError('CONFLICT', { sv: 'Du har redan skickat in dina svar.', en: 'You have already submitted your answers.' })
// At close every link stops working (model.md §4): a link kept in a mailbox must not open
// anything once the round is over. 404 like an unknown link, with a reason so the page can say why.
const roundClosed = () =>
  new ApiError('NOT_FOUND', { sv: 'Undersökningen är stängd och länken fungerar inte längre.', en: 'The survey is closed and the link no longer works.' }, { reason: 'closed' })
const notOpen = () => new ApiError('PRECONDITION_FAILED', { sv: 'Undersökningen är inte öppen.', en: 'The survey is not open.' }, { reason: 'not_open' })

interface Resolved {
  token: string
  hash: string
  respondent: TokenRespondent
}

/**
 * The token is the credential: rate-limited per token (never per client address: a whole
 * municipality may share one), then looked up by its hash (404 when unknown), and the round is
 * closed first if its closing time has passed; a closed round's link is refused (404, reason
 * `closed`). A plain read writes nothing.
 */
async function resolve(c: Context<AppEnv>, opts: { cached?: boolean } = {}): Promise<Resolved> {
  const token = c.req.param('token') ?? ''
  const hash = await tokenHash(token)
  const { success } = await c.env.RESPONDENT_LIMITER.limit({ key: hash })
  if (!success) throw new ApiError('RATE_LIMITED', { sv: 'För många förfrågningar; vänta en minut.', en: 'Too many requests; wait a minute.' }, { retryAfter: 60 })
  // A remembered round that looks overdue is read afresh: its closing time may have been moved.
  const cached = opts.cached ? cachedRespondent(hash) : undefined
  const remembered = cached && !(cached.assessment.closesAt && Date.parse(cached.assessment.closesAt) <= Date.now()) ? cached : undefined
  const found = remembered ?? (token.length <= 200 ? await findRespondentByTokenHash(c.get('db'), hash) : undefined)
  if (!found) throw notFound()
  const assessment = await settleRound(c.get('db'), found.assessment, found.anonymityThreshold)
  if (assessment !== found.assessment || found.status === 'submitted' || assessment.status === 'closed') forgetRespondent(hash)
  else rememberRespondent(hash, found)
  if (assessment.status === 'closed') throw roundClosed()
  return { token, hash, respondent: { ...found, assessment } }
}

function formOf(r: TokenRespondent) {
  const instrument = getInstrument(r.assessment.instrumentVersion)
  if (!instrument) throw new Error(`unknown instrument ${r.assessment.instrumentVersion}`)
  return { instrument, items: formItems(instrument, r.assessment.form) }
}

/** Only answers to the round's items count (and are shown). */
function answersIn(json: string | undefined, itemIds: Set<string>) {
  const all = JSON.parse(json ?? '{}') as Record<string, number | 'dont_know'>
  return Object.fromEntries(Object.entries(all).filter(([id]) => itemIds.has(id)))
}

export const respondRoutes = new Hono<AppEnv>()
  .get('/:token', async (c) => {
    const { token, respondent: r } = await resolve(c)
    const { instrument, items } = formOf(r)
    // After submit the link is a thank-you: the answers are never sent again, so a forwarded or
    // leaked link (a shared mailbox, a browser history) shows nothing of what was answered.
    const submitted = r.status === 'submitted'
    const json = submitted ? undefined : await findAnswers(c.get('db'), r.assessment.orgId, await answerKey(c.env, token))
    const a = r.assessment
    return c.json(
      {
        organisation: { name: r.orgName },
        assessment: { name: a.name, status: a.status, closesAt: a.closesAt, form: a.form, language: a.language },
        items: items.map((i) => ({ id: i.id, factorId: i.factorId, text: i.text })),
        scale: instrument.scale,
        answers: answersIn(json, new Set(items.map((i) => i.id))),
        submittedAt: r.submittedOn,
      },
      200,
    )
  })
  .put('/:token/answers', async (c) => {
    const { token, hash, respondent: r } = await resolve(c, { cached: true })
    const lang = c.get('lang')
    const body = await readBody(c, saveOp.body)
    const patch = body.kind === 'json' ? body.data.answers : {}
    const { items } = formOf(r)
    const itemIds = new Set(items.map((i) => i.id))
    const unknown = Object.keys(patch).filter((id) => !itemIds.has(id))
    if (unknown.length) {
      const message = lang === 'sv' ? 'Frågan finns inte i omgångens formulär.' : 'The item is not in the round’s form.'
      throw new ApiError('VALIDATION_FAILED', { sv: 'Okänd fråga.', en: 'Unknown item.' }, { errors: unknown.map((id) => ({ path: `/answers/${id.replaceAll('~', '~0').replaceAll('/', '~1')}`, message })) })
    }
    if (r.status === 'submitted') throw alreadySubmitted()
    if (r.assessment.status !== 'open') throw notOpen()
    const now = new Date().toISOString()
    const key = await answerKey(c.env, token)
    const firstSave = r.status === 'added' || r.status === 'invited'
    const merged = await mergeAnswers(c.get('db'), key, r.respondentId, JSON.stringify(patch), now, firstSave)
    if (merged === undefined) {
      // Refused inside the statement: someone submitted, the round closed or the respondent was
      // removed meanwhile; resolve afresh (never from memory) to say which.
      forgetRespondent(hash)
      const again = await resolve(c)
      throw again.respondent.status === 'submitted' ? alreadySubmitted() : notOpen()
    }
    if (firstSave) rememberRespondent(hash, { ...r, status: 'started' })
    const answers = answersIn(merged, itemIds)
    return c.json({ answers, answeredCount: Object.keys(answers).length, totalCount: items.length }, 200)
  })
  .post('/:token/submit', async (c) => {
    const { token, hash, respondent: r } = await resolve(c)
    forgetRespondent(hash)
    if (r.status === 'submitted') return c.json({ submittedAt: r.submittedOn! }, 200)
    if (r.assessment.status !== 'open') throw notOpen()
    const now = new Date()
    const today = now.toISOString().slice(0, 10)
    const submittedAt = await submitResponse(c.get('db'), await answerKey(c.env, token), r.respondentId, today, now.toISOString())
    if (submittedAt) {
      // Only this first submit raises the event (a repeat answers 200 above without one).
      await emitRoundEvent(c.get('db'), { type: 'response.submitted', round: r.assessment })
      return c.json({ submittedAt }, 200)
    }
    const again = await resolve(c)
    if (again.respondent.status === 'submitted') return c.json({ submittedAt: again.respondent.submittedOn! }, 200)
    throw notOpen()
  })
