// oidc-provider ships no type declarations; the test setup uses only this much of it.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  interface GrantInstance {
    addOIDCScope(scope: string): void
    save(): Promise<string>
  }

  interface ProviderContext {
    oidc: {
      provider: { Grant: new (init: { accountId: string; clientId: string }) => GrantInstance }
      client?: { clientId: string }
      session?: { accountId?: string }
    }
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>)
    callback(): (req: IncomingMessage, res: ServerResponse) => void
  }
  export type { GrantInstance, ProviderContext }
}
