import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import { call, json } from '../helpers/http'
import { addRespondents, createRound, eventually, listAllRespondents, mailTo, openRoundWith, people, seedOrg, tokenOf } from '../helpers/seed'

const respond = (token: string, tail = '') => `/api/v1/respond/${token}${tail}`
const put = (token: string, answers: unknown) => call(respond(token, '/answers'), { method: 'PUT', body: { answers }, origin: null })
const submit = (token: string) => call(respond(token, '/submit'), { method: 'POST', origin: null })

describe('the invitation link', () => {
  it('arrives through the queue and opens the survey', async () => {
    const org = await seedOrg({ name: 'Åre kommun' })
    await openRoundWith(org, [{ email: `Link.Person@${org.domain}`, role: 'it' }], { name: 'Vår mätning', language: 'sv' })
    const mail = await eventually(async () => (await mailTo(`link.person@${org.domain}`))[0])
    expect(mail.subject).toContain('Åre kommun')
    const link = mail.links[0]
    expect(link).toMatch(/^http:\/\/app\.test\/r\/[\w-]{43}$/)
    expect(mail.text).toContain(link)
    const token = link.split('/r/')[1]
    const res = await call(respond(token))
    expect(res.status).toBe(200)
    const survey = await json(res)
    expect(survey.organisation).toEqual({ name: 'Åre kommun' })
    expect(survey.assessment).toEqual({ name: 'Vår mätning', status: 'open', closesAt: null, form: 'short', language: 'sv' })
    expect(survey.items).toHaveLength(26)
    expect(survey.items[0]).toEqual({ id: 'E1.1', factorId: 'E1', text: { sv: expect.any(String), en: expect.any(String) } })
    expect(survey.scale.map((s: { value: unknown }) => s.value)).toEqual([1, 2, 3, 4, 5, 6, 'dont_know'])
    expect(survey.answers).toEqual({})
    expect(survey.submittedAt).toBeNull()
  })
})

describe('PUT /api/v1/respond/:token/answers', () => {
  it('merges with json_patch, null clears, and the first save marks the respondent started', async () => {
    const org = await seedOrg()
    const { round, people: ps, tokens } = await openRoundWith(org, people(org, 'merge', 1), { form: 'full' })
    const token = tokens.get(ps[0].email)!
    const first = await put(token, { 'E1.1': 4, 'E1.2': 'dont_know' })
    expect(first.status).toBe(200)
    expect(await json(first)).toEqual({ answers: { 'E1.1': 4, 'E1.2': 'dont_know' }, answeredCount: 2, totalCount: 78 })
    // Started is recorded for participation counts, never shown per person (the list says invited).
    expect(await env.DB.prepare('SELECT status FROM respondents WHERE id = ?').bind(ps[0].id).first('status')).toBe('started')
    expect((await listAllRespondents(org, round.id))[0].status).toBe('invited')
    const second = await json(await put(token, { 'E1.1': null, 'T4.3': 6 }))
    expect(second).toEqual({ answers: { 'E1.2': 'dont_know', 'T4.3': 6 }, answeredCount: 2, totalCount: 78 })
    // Idempotent: the same save again changes nothing.
    expect(await json(await put(token, { 'E1.1': null, 'T4.3': 6 }))).toEqual(second)
    expect((await json(await call(respond(token)))).answers).toEqual({ 'E1.2': 'dont_know', 'T4.3': 6 })
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM responses WHERE assessment_id = ?').bind(round.id).first()
    expect(rows).toEqual({ n: 1 })
  })

  it('names the item in a 400 for ids outside the form and values outside the scale', async () => {
    const org = await seedOrg()
    const { people: ps, tokens } = await openRoundWith(org, people(org, 'bad', 1))
    const token = tokens.get(ps[0].email)!
    const cases: [unknown, string][] = [
      [{ 'E1.2': 3 }, '/answers/E1.2'],
      [{ 'X9.9': 3 }, '/answers/X9.9'],
      [{ 'E1.1': 7 }, '/answers/E1.1'],
      [{ 'E1.1': 0 }, '/answers/E1.1'],
      [{ 'E1.1': 2.5 }, '/answers/E1.1'],
      [{ 'E1.1': 'maybe' }, '/answers/E1.1'],
      [{ 'E1.1': '3' }, '/answers/E1.1'],
    ]
    for (const [answers, path] of cases) {
      const res = await put(token, answers)
      expect(res.status, JSON.stringify(answers)).toBe(400)
      expect((await json(res)).errors.map((e: { path: string }) => e.path)).toContain(path)
    }
    const extra = await call(respond(token, '/answers'), { method: 'PUT', body: { answers: {}, more: 1 } })
    expect((await json(extra)).errors[0].path).toBe('/more')
    const broken = await call(respond(token, '/answers'), { method: 'PUT', raw: '{"answers":', contentType: 'application/json' })
    expect(broken.status).toBe(400)
    const media = await call(respond(token, '/answers'), { method: 'PUT', raw: 'x', contentType: 'text/plain' })
    expect(media.status).toBe(415)
  })
})

describe('respondent check order', () => {
  it('unknown token 404 everywhere', async () => {
    for (const res of [await call(respond('nope')), await put('nope', { 'E1.1': 1 }), await submit('nope')]) expect(res.status).toBe(404)
  })

  it('already submitted: PUT 409, submit 200 with the stored date; once closed every link is refused', async () => {
    const org = await seedOrg()
    const { round, people: ps, tokens } = await openRoundWith(org, people(org, 'order', 2))
    const [done, waiting] = ps.map((p) => tokens.get(p.email)!)
    await put(done, { 'E1.1': 5 })
    const first = await submit(done)
    expect(first.status).toBe(200)
    const { submittedAt } = await json(first)
    expect(submittedAt).toBe(new Date().toISOString().slice(0, 10))
    expect(await json(await submit(done))).toEqual({ submittedAt })
    expect((await put(done, { 'E1.1': 2 })).status).toBe(409)
    expect((await json(await call(respond(done)))).submittedAt).toBe(submittedAt)
    await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/close`, { key: org.writeKey, method: 'POST' })
    // Submitted or not, read, save or submit: 404 with reason closed.
    for (const token of [done, waiting]) {
      for (const res of [await call(respond(token)), await put(token, { 'E1.1': 2 }), await submit(token)]) {
        expect(res.status).toBe(404)
        expect((await json(res)).reason).toBe('closed')
      }
    }
  })

  it('a draft round is not open yet (412), and submit works with nothing answered', async () => {
    const org = await seedOrg()
    const round = await createRound(org)
    await addRespondents(org, round.id, people(org, 'draft', 1))
    const [p] = await listAllRespondents(org, round.id)
    const token = await tokenOf(p.id)
    expect((await json(await call(respond(token)))).assessment.status).toBe('draft')
    expect((await put(token, { 'E1.1': 3 })).status).toBe(412)
    await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/open`, { key: org.writeKey, method: 'POST' })
    expect((await submit(token)).status).toBe(200)
    const stored = await env.DB.prepare('SELECT answers, submitted FROM responses WHERE assessment_id = ?').bind(round.id).first()
    expect(stored).toEqual({ answers: '{}', submitted: 1 })
  })

  it('closes the round lazily when a respondent arrives after closesAt', async () => {
    const org = await seedOrg()
    const { round, people: ps, tokens } = await openRoundWith(org, people(org, 'lazy', 1), { closesAt: new Date(Date.now() + 86400_000).toISOString() })
    await env.DB.prepare('UPDATE assessments SET closes_at = ? WHERE id = ?').bind(new Date(Date.now() - 5000).toISOString(), round.id).run()
    const res = await put(tokens.get(ps[0].email)!, { 'E1.1': 2 })
    expect(res.status).toBe(404)
    expect((await json(res)).reason).toBe('closed')
    const row = await env.DB.prepare('SELECT status FROM assessments WHERE id = ?').bind(round.id).first()
    expect(row).toEqual({ status: 'closed' })
  })
})

describe('the link is not a permanent window on the answers', () => {
  it('shows the answers while editing, and after submit only the thank-you: no answers', async () => {
    const org = await seedOrg()
    const { people: ps, tokens } = await openRoundWith(org, people(org, 'window', 1))
    const token = tokens.get(ps[0].email)!
    await put(token, { 'E1.1': 5, 'I1.1': 'dont_know' })
    // Until submit the person can come back and change their answers.
    expect((await json(await call(respond(token)))).answers).toEqual({ 'E1.1': 5, 'I1.1': 'dont_know' })
    expect((await submit(token)).status).toBe(200)
    // The attack: whoever holds the link afterwards (a forwarded mail, a shared computer) reads it.
    const after = await call(respond(token))
    expect(after.status).toBe(200)
    const body = await json(after)
    expect(body.submittedAt).toBe(new Date().toISOString().slice(0, 10))
    expect(body.answers).toEqual({})
    expect(JSON.stringify(body)).not.toContain('dont_know"}')
    expect(JSON.stringify(body)).not.toMatch(/"E1\.1":\s*5/)
  })

  it('refuses every link once the round is closed, with a reason the page can name', async () => {
    const org = await seedOrg({ k: 3 })
    const { round, people: ps, tokens } = await openRoundWith(org, people(org, 'shut', 3))
    for (const p of ps) {
      await put(tokens.get(p.email)!, { 'E1.1': 4 })
      await submit(tokens.get(p.email)!)
    }
    expect((await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/close`, { key: org.writeKey, method: 'POST' })).status).toBe(200)
    for (const p of ps) {
      const res = await call(respond(tokens.get(p.email)!), { headers: { 'Accept-Language': 'en' } })
      expect(res.status).toBe(404)
      expect(res.headers.get('Content-Type')).toContain('application/problem+json')
      const problem = await json(res)
      expect(problem).toMatchObject({ code: 'NOT_FOUND', reason: 'closed', detail: 'The survey is closed and the link no longer works.' })
      expect(problem.answers).toBeUndefined()
    }
  })
})

describe('rate limit per token', () => {
  it('answers 429 with Retry-After after 120 requests a minute, per token not per address', async () => {
    const org = await seedOrg()
    const { people: ps, tokens } = await openRoundWith(org, people(org, 'rl', 2))
    const [a, b] = ps.map((p) => tokens.get(p.email)!)
    let limited: Response | undefined
    for (let i = 0; i < 14 && !limited; i++) {
      const wave = await Promise.all(Array.from({ length: 10 }, () => call(respond(a), { ip: '10.9.9.9' })))
      limited = wave.find((r) => r.status === 429)
    }
    expect(limited?.status).toBe(429)
    expect(Number(limited!.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect((await json(limited!)).code).toBe('RATE_LIMITED')
    // Another token from the same address is not affected.
    expect((await call(respond(b), { ip: '10.9.9.9' })).status).toBe(200)
  }, 60_000)
})

describe('a remembered token never outlives a change', () => {
  it('answers 404 closed after the round closed, and 409 after a submit elsewhere', async () => {
    const org = await seedOrg()
    const { round, people: ps, tokens } = await openRoundWith(org, people(org, 'stale', 3))
    const [closer, submitter, moved] = ps.map((p) => tokens.get(p.email)!)
    // Each token is looked up once and then remembered by its save.
    for (const token of [closer, submitter, moved]) expect((await put(token, { 'E1.1': 3 })).status).toBe(200)

    // Submitted from another tab: the remembered copy still says started.
    expect((await submit(submitter)).status).toBe(200)
    expect((await put(submitter, { 'E2.1': 4 })).status).toBe(409)

    expect((await put(moved, { 'E2.1': 4 })).status).toBe(200)

    expect((await call(`/api/v1/orgs/${org.slug}/assessments/${round.id}/close`, { method: 'POST', key: org.writeKey, origin: null })).status).toBe(200)
    const refused = await put(closer, { 'E2.1': 5 })
    expect(refused.status).toBe(404)
    expect((await json(refused)).reason).toBe('closed')
  })

  it('keeps the round open when its closing time was moved later after the token was remembered', async () => {
    const org = await seedOrg()
    const { round, people: ps, tokens } = await openRoundWith(org, people(org, 'moved', 1), { closesAt: new Date(Date.now() + 1500).toISOString() })
    const token = tokens.get(ps[0].email)!
    expect((await put(token, { 'E1.1': 3 })).status).toBe(200)
    await env.DB.prepare('UPDATE assessments SET closes_at = ? WHERE id = ?').bind(new Date(Date.now() + 3600e3).toISOString(), round.id).run()
    await new Promise((r) => setTimeout(r, 1600))
    // The remembered copy says the round is overdue: it is read afresh instead of closing the round.
    expect((await put(token, { 'E2.1': 4 })).status).toBe(200)
    expect((await env.DB.prepare('SELECT status FROM assessments WHERE id = ?').bind(round.id).first('status'))).toBe('open')
  })
})
