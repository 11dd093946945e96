// The readable API reference: fetches the OpenAPI document and renders every operation by tag.
// Plain JS with DOM building (textContent only, never HTML strings) so the CSP needs nothing inline.

const lang = (() => {
  try {
    return localStorage.getItem('mognad.lang') === 'en' ? 'en' : 'sv'
  } catch {
    return 'sv'
  }
})()

const T = {
  sv: {
    skip: 'Hoppa till innehållet', contents: 'Innehåll', loading: 'Laddar API-beskrivningen …', failed: 'API-beskrivningen kunde inte hämtas.',
    intro: 'Referens för Mognads HTTP-API, genererad från samma scheman som validerar förfrågningarna. Fel följer RFC 9457 (application/problem+json).',
    json: 'OpenAPI-dokumentet (JSON)', parameters: 'Parametrar', body: 'Begärans innehåll', responses: 'Svar', name: 'Namn', in: 'Var', type: 'Typ',
    required: 'krävs', optional: 'valfritt', access: 'Åtkomst', none: 'Inga', back: 'Till appen',
    accessNames: { public: 'öppen', session: 'inloggad', org: 'medlem eller API-nyckel', respondent: 'respondentlänk', dev: 'bara utveckling' },
  },
  en: {
    skip: 'Skip to content', contents: 'Contents', loading: 'Loading the API description …', failed: 'The API description could not be loaded.',
    intro: 'Reference of the Mognad HTTP API, generated from the same schemas that validate the requests. Errors follow RFC 9457 (application/problem+json).',
    json: 'The OpenAPI document (JSON)', parameters: 'Parameters', body: 'Request body', responses: 'Responses', name: 'Name', in: 'In', type: 'Type',
    required: 'required', optional: 'optional', access: 'Access', none: 'None', back: 'To the app',
    accessNames: { public: 'public', session: 'signed in', org: 'member or API key', respondent: 'respondent link', dev: 'development only' },
  },
}[lang]

/** Creates an element with attributes and children (strings become text nodes). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null && v !== false) el.setAttribute(k, v === true ? '' : String(v))
  for (const c of children.flat(Infinity)) if (c !== undefined && c !== null && c !== false) el.append(c instanceof Node ? c : String(c))
  return el
}

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')

/** A short type label for a JSON Schema: "string (email)", "integer 3–50", "A | B", "array of object". */
function typeLabel(s) {
  if (!s || typeof s !== 'object') return 'any'
  if (s.$ref) return s.$ref.split('/').pop()
  if (s.const !== undefined) return JSON.stringify(s.const)
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ')
  const union = s.anyOf ?? s.oneOf
  if (union) return union.map((u) => typeLabel(u)).join(' | ')
  const type = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any')
  const notes = []
  if (s.format) notes.push(s.format)
  if (s.pattern) notes.push(`/${s.pattern}/`)
  const lo = s.minimum ?? s.exclusiveMinimum ?? s.minLength ?? s.minItems
  const hi = s.maximum ?? s.exclusiveMaximum ?? s.maxLength ?? s.maxItems
  if (lo !== undefined || hi !== undefined) notes.push(`${lo ?? ''}–${hi ?? ''}`)
  if (type === 'array') return `array of ${typeLabel(s.items)}${notes.length ? ` (${notes.join(', ')})` : ''}`
  return notes.length ? `${type} (${notes.join(', ')})` : type
}

/** Nested objects as nested lists: name, required or not, type; at most a few levels deep. */
function schemaTree(s, doc, depth = 0) {
  if (!s || depth > 6) return null
  if (s.$ref) return schemaTree(resolve(s.$ref, doc), doc, depth + 1)
  const target = s.type === 'array' ? s.items : s
  const union = target?.anyOf ?? target?.oneOf
  if (union && depth < 6) {
    const objects = union.filter((u) => u && (u.properties || u.$ref))
    if (objects.length) return h('ul', { class: 'schema' }, objects.map((u) => h('li', {}, h('span', { class: 'type' }, typeLabel(u)), schemaTree(u, doc, depth + 1))))
  }
  const props = target?.properties
  if (!props && target?.additionalProperties && typeof target.additionalProperties === 'object')
    return h('ul', { class: 'schema' }, h('li', {}, h('code', {}, '{key}'), ': ', h('span', { class: 'type' }, typeLabel(target.additionalProperties)), schemaTree(target.additionalProperties, doc, depth + 1)))
  if (!props) return null
  const required = new Set(target.required ?? [])
  return h(
    'ul',
    { class: 'schema' },
    Object.entries(props).map(([name, p]) =>
      h(
        'li',
        {},
        h('code', {}, name),
        h('span', { class: required.has(name) ? 'req' : 'opt' }, ` (${required.has(name) ? T.required : T.optional})`),
        ': ',
        h('span', { class: 'type' }, typeLabel(p)),
        p.description ? h('span', { class: 'desc' }, ` – ${p.description}`) : null,
        p.type === 'object' || p.type === 'array' || p.$ref || p.anyOf ? schemaTree(p, doc, depth + 1) : null,
      ),
    ),
  )
}

function resolve(ref, doc) {
  return ref.replace(/^#\//, '').split('/').reduce((node, key) => node?.[key], doc)
}

function schemaBlock(s, doc) {
  return [h('p', { class: 'type' }, typeLabel(s)), schemaTree(s, doc)]
}

function operation(method, path, op, doc) {
  const id = op.operationId ?? slug(`${method}-${path}`)
  const params = op.parameters ?? []
  const body = op.requestBody?.content
  return h(
    'article',
    { class: 'op', id, 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, h('span', { class: `method ${method}` }, method.toUpperCase()), ' ', h('code', { class: 'path' }, path)),
    h('p', {}, op.summary ?? ''),
    op['x-access'] ? h('p', { class: 'access' }, `${T.access}: ${T.accessNames[op['x-access']] ?? op['x-access']}`) : null,
    params.length
      ? [
          h('h4', {}, T.parameters),
          h(
            'div',
            { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': `${T.parameters}: ${method.toUpperCase()} ${path}` },
            h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, T.name), h('th', { scope: 'col' }, T.in), h('th', { scope: 'col' }, T.type))),
              h('tbody', {}, params.map((p) => h('tr', {}, h('th', { scope: 'row' }, h('code', {}, p.name), p.required ? '' : ` (${T.optional})`), h('td', {}, p.in), h('td', {}, typeLabel(p.schema)))))),
          ),
        ]
      : null,
    body ? [h('h4', {}, T.body), Object.entries(body).map(([type, c]) => h('div', { class: 'media' }, h('p', {}, h('code', {}, type)), schemaBlock(c.schema, doc)))] : null,
    h('h4', {}, T.responses),
    h(
      'dl',
      { class: 'responses' },
      Object.entries(op.responses ?? {}).map(([status, r]) => [
        h('dt', {}, h('span', { class: `status s${status[0]}` }, status)),
        h('dd', {}, r.description ?? '', Object.entries(r.content ?? {}).map(([type, c]) => h('div', { class: 'media' }, h('code', {}, type), schemaBlock(c.schema, doc)))),
      ]),
    ),
  )
}

async function main() {
  document.querySelector('.skip-link').textContent = T.skip
  document.getElementById('toc').setAttribute('aria-label', T.contents)
  document.documentElement.lang = lang
  const main = document.getElementById('main')
  const status = document.getElementById('loading')
  status.textContent = T.loading
  let doc
  try {
    const res = await fetch('/api/v1/openapi.json', { headers: { Accept: 'application/json', 'Accept-Language': lang } })
    if (!res.ok) throw new Error(String(res.status))
    doc = await res.json()
  } catch {
    status.textContent = T.failed
    return
  }
  const byTag = new Map()
  for (const [path, methods] of Object.entries(doc.paths ?? {}))
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'other'
      if (!byTag.has(tag)) byTag.set(tag, [])
      byTag.get(tag).push([method, path, op])
    }
  document.title = `${doc.info?.title ?? 'API'} v${doc.info?.version ?? ''}`
  document.getElementById('doc-title').textContent = document.title
  status.remove()
  main.append(
    h('h1', {}, document.title),
    h('p', {}, T.intro),
    h('p', {}, h('a', { href: '/api/v1/openapi.json' }, T.json), ' · ', h('a', { href: '/' }, T.back)),
    ...[...byTag].map(([tag, ops]) => h('section', { id: `tag-${slug(tag)}`, 'aria-labelledby': `tag-${slug(tag)}-title` }, h('h2', { id: `tag-${slug(tag)}-title` }, tag), ops.map(([m, p, op]) => operation(m, p, op, doc)))),
  )
  document.getElementById('toc').append(
    h('h2', {}, T.contents),
    h('ul', {}, [...byTag].map(([tag, ops]) => h('li', {}, h('a', { href: `#tag-${slug(tag)}` }, tag), h('ul', {}, ops.map(([m, p, op]) => h('li', {}, h('a', { href: `#${op.operationId ?? slug(`${m}-${p}`)}` }, `${m.toUpperCase()} ${p.replace(/^\/api\/v1/, '')}`))))))),
  )
}

main()
