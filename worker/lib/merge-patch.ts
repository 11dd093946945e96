/** The flat RFC 7396 merge lives in schema/ because the web app applies the same rule to unsent answers. */
export { mergeMap } from '../../schema/merge-patch'
