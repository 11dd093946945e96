import { describe, expect, it } from 'vitest'
import { call, json } from '../helpers/http'
import { createRound, openRoundWith, people, seedOrg, mailTo, eventually } from '../helpers/seed'

const preview = (slug: string, id: string) => `/api/v1/orgs/${slug}/assessments/${id}/invitation-preview`

describe('GET /api/v1/orgs/:org/assessments/:id/invitation-preview', () => {
  it('renders the invitation in the round’s language with a placeholder for the link', async () => {
    const org = await seedOrg({ name: 'Förhandsköping' })
    const closesAt = new Date(Date.now() + 10 * 24 * 3600_000).toISOString()
    const sv = await createRound(org, { name: 'Vårens mätning', closesAt })
    const res = await call(preview(org.slug, sv.id), { cookie: org.analyst })
    expect(res.status).toBe(200)
    const body = await json(res)
    expect(body.language).toBe('sv')
    expect(body.subject).toBe('Förhandsköping: mät vår digitala mognad')
    expect(body.text).toContain('"Vårens mätning"')
    expect(body.text).toContain('[din personliga länk]')
    expect(body.text).toContain(`Sista svarsdag: ${closesAt.slice(0, 10)}.`)
    expect(body.text).not.toMatch(/\/r\//)

    const en = await createRound(org, { name: 'Spring survey', language: 'en' })
    const english = await json(await call(preview(org.slug, en.id), { key: org.readKey, headers: { 'Accept-Language': 'sv' } }))
    expect(english).toMatchObject({ language: 'en', subject: 'Förhandsköping: measure our digital maturity' })
    expect(english.text).toContain('[your personal link]')
    expect(english.text).not.toContain('Last day to answer')
  })

  it('matches the invitation that is actually sent, apart from the link', async () => {
    const org = await seedOrg()
    const { round, people: ps, tokens } = await openRoundWith(org, people(org, 'prev', 1), { name: 'Samma text' })
    const body = await json(await call(preview(org.slug, round.id), { key: org.readKey }))
    const [mail] = await eventually(async () => {
      const m = await mailTo(ps[0].email)
      return m.length > 0 && m
    })
    expect(mail.subject).toBe(body.subject)
    const link = mail.links[0]
    expect(link.endsWith(`/r/${tokens.get(ps[0].email)}`)).toBe(true)
    expect(mail.text.replace(link, '[din personliga länk]')).toBe(body.text)
  })

  it('answers 404 for another organisation’s round and 401 without a credential', async () => {
    const a = await seedOrg()
    const b = await seedOrg()
    const round = await createRound(a)
    expect((await call(preview(b.slug, round.id), { key: a.readKey })).status).toBe(404)
    expect((await call(preview(a.slug, round.id), { cookie: b.owner })).status).toBe(404)
    expect((await call(preview(a.slug, 'asm_nothing'), { key: a.readKey })).status).toBe(404)
    expect((await call(preview(a.slug, round.id))).status).toBe(401)
  })
})
