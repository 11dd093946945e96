import { Hono } from 'hono'
// A namespace import: `import { z }` keeps all of zod (locales included) in the Worker bundle.
import * as z from 'zod/mini'
import type { AppEnv } from '../env'
import { devOnly } from '../middleware/dev-only'
import { op } from '../openapi/registry'
import { seedDemo } from '../services/demo/seed'

const SeedResult = z.object({
  organisation: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  owner: z.object({ email: z.string() }),
  signInLink: z.string(),
})

op({ method: 'post', path: '/dev/seed', summary: 'Development only: create what is missing of the demo organisation and sign its owner in (404 in production)', tag: 'dev', access: 'dev', responses: { 200: { description: 'The demo organisation, its owner and a fresh sign-in link', schema: SeedResult } } })

// `npm start` calls this once wrangler dev answers; it is idempotent, so every start may call it.
export const devSeedRoutes = new Hono<AppEnv>()
  .use(devOnly)
  .post('/', async (c) => c.json(await seedDemo(c), 200))
