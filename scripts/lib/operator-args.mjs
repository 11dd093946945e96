// The organisation slug pattern of schema/api/org-number.ts, for scripts that run without the TypeScript build.
export const SLUG = /^[a-z0-9-]{3,40}$/
