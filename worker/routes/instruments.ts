import { Hono } from 'hono'
import * as z from 'zod/mini'
import type { AppEnv } from '../env'
import { ApiError } from '../errors'
import { validate } from '../validate'
import { op } from '../openapi/registry'
import { getInstrument, INSTRUMENTS } from '../../schema/instruments'

const VersionParams = z.object({ version: z.string().check(z.maxLength(20)) })
const LocalText = z.object({ sv: z.string(), en: z.string() })
const InstrumentSchema = z.object({
  version: z.string(),
  dimensions: z.array(
    z.object({
      id: z.string(),
      name: LocalText,
      categories: z.array(
        z.object({
          id: z.string(),
          name: LocalText,
          factors: z.array(z.object({ id: z.string(), name: LocalText, items: z.array(z.object({ id: z.string(), text: LocalText, shortForm: z.boolean() })) })),
        }),
      ),
    }),
  ),
  scale: z.array(z.object({ value: z.union([z.number(), z.literal('dont_know')]), label: LocalText })),
})

op({ method: 'get', path: '/instruments', summary: 'The instrument versions, oldest first', tag: 'instruments', access: 'public', responses: { 200: { description: 'Instruments', schema: z.object({ items: z.array(InstrumentSchema), nextCursor: z.null() }) } } })
const oneOp = op({ method: 'get', path: '/instruments/{version}', summary: 'One instrument version with items in Swedish and English', tag: 'instruments', access: 'public', params: VersionParams, responses: { 200: { description: 'The instrument', schema: InstrumentSchema } } })

const cached = (c: { header(name: string, value: string): void }) => c.header('Cache-Control', 'public, max-age=3600')

export const instrumentRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    cached(c)
    return c.json({ items: INSTRUMENTS, nextCursor: null }, 200)
  })
  .get('/:version', validate('param', oneOp.params), (c) => {
    const instrument = getInstrument(c.req.valid('param').version)
    if (!instrument) throw new ApiError('NOT_FOUND', { sv: 'Instrumentversionen finns inte.', en: 'No such instrument version.' })
    cached(c)
    return c.json(instrument, 200)
  })
