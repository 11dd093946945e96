import { describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { isStrongSecret, secretBytes, weakSecrets } from '../../worker/domain/secret-strength'

const random = (n: number) => randomBytes(n)

describe('isStrongSecret', () => {
  it.each([
    ['32 random bytes, base64url (npm start)', random(32).toString('base64url'), true],
    ['32 random bytes, base64 with padding (openssl rand -base64 32)', random(32).toString('base64'), true],
    ['32 random bytes, hex (openssl rand -hex 32)', random(32).toString('hex'), true],
    ['48 random bytes, base64', random(48).toString('base64'), true],
    ['missing', undefined, false],
    ['not a string', 42, false],
    ['empty', '', false],
    ['31 random bytes, base64url', random(31).toString('base64url'), false],
    ['16 random bytes, base64', random(16).toString('base64'), false],
    ['32 hex digits are only 16 bytes (hex is read as hex)', random(16).toString('hex'), false],
    ['62 hex digits: 31 bytes', random(31).toString('hex'), false],
    ['a repeated character that decodes to 48 bytes', 'a'.repeat(64), false],
    ['a repeated pattern', 'abcd'.repeat(16), false],
    ['a passphrase with spaces', 'correct horse battery staple correct horse battery', false],
    ['base64 and base64url alphabets mixed', `${random(32).toString('base64url').slice(0, 40)}+/_`, false],
    ['a trailing newline', `${random(32).toString('base64url')}\n`, false],
    ['padding in the middle', `${random(16).toString('base64')}${random(16).toString('base64')}`, false],
    ['a length no encoding produces (4n + 1)', random(40).toString('base64url').slice(0, 45), false],
  ] as [string, unknown, boolean][])('%s', (_, value, strong) => {
    expect(isStrongSecret(value)).toBe(strong)
  })
})

describe('secretBytes', () => {
  it('decodes each encoding to the same bytes', () => {
    const bytes = random(32)
    for (const encoding of ['hex', 'base64', 'base64url'] as const) expect(secretBytes(bytes.toString(encoding))).toEqual(new Uint8Array(bytes))
  })
})

describe('weakSecrets', () => {
  const strong = () => random(32).toString('base64url')
  it.each([
    ['all strong', { TOKEN_SECRET: strong(), ANSWER_KEY_SECRET: strong(), DATA_KEY: strong() }, []],
    ['none set', {}, ['TOKEN_SECRET', 'ANSWER_KEY_SECRET', 'DATA_KEY']],
    ['one empty, one short', { TOKEN_SECRET: '', ANSWER_KEY_SECRET: strong(), DATA_KEY: 'c2hvcnQ=' }, ['TOKEN_SECRET', 'DATA_KEY']],
  ] as [string, Record<string, string>, string[]][])('%s', (_, env, names) => {
    expect(weakSecrets(env)).toEqual(names)
  })
})
