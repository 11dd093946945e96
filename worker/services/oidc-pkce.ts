import { randomToken, sha256 } from './crypto'

/** The per-attempt secrets: state (CSRF and flow key), nonce (binds the ID token), PKCE verifier. */
export interface FlowSecrets {
  state: string
  nonce: string
  codeVerifier: string
  codeChallenge: string
}

/**
 * Fresh 256-bit values for one sign-in attempt. The S256 challenge is BASE64URL(SHA-256(verifier))
 * (RFC 7636 §4.2), which is exactly what `sha256` returns for an ASCII verifier.
 */
export async function newFlowSecrets(): Promise<FlowSecrets> {
  const codeVerifier = randomToken()
  return { state: randomToken(), nonce: randomToken(), codeVerifier, codeChallenge: await sha256(codeVerifier) }
}
