import { env } from 'cloudflare:workers'

/** Publishes TXT records under a name in the DoH stub (test/helpers/doh-stub.ts). */
export async function publishTxt(name: string, values: string[]): Promise<void> {
  const res = await fetch(env.DOH_URL!.replace(/\/dns-query$/, `/records/${encodeURIComponent(name)}`), { method: 'PUT', body: JSON.stringify(values) })
  if (res.status !== 204) throw new Error(`publish ${res.status}`)
}
