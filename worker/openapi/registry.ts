import type { $ZodType } from 'zod/v4/core'

export type Access = 'public' | 'session' | 'org' | 'respondent' | 'dev'

export interface ResponseDoc {
  description: string
  schema?: $ZodType
  contentType?: string
}

/** One documented operation; the same schemas validate the request and describe it in OpenAPI. */
export interface OperationDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  /** OpenAPI-style path below /api/v1, e.g. `/orgs/{org}/units/{unitId}`. */
  path: string
  summary: string
  tag: string
  access: Access
  params?: $ZodType
  query?: $ZodType
  body?: $ZodType
  /** Also takes `text/csv` (the two import operations). */
  csv?: boolean
  responses: Record<number, ResponseDoc>
}

export const OPERATIONS: OperationDoc[] = []

/** Registers an operation for the OpenAPI document and returns it for the route to use. */
export function op<T extends OperationDoc>(doc: T): T {
  OPERATIONS.push(doc)
  return doc
}
