/**
 * A small RFC 4180 reader for the import operations, shared by the Worker (which imports) and the
 * web app (which previews an import exactly as the server will read it): quoted fields (with doubled quotes and line
 * breaks inside), CRLF or LF, an optional UTF-8 BOM, and comma or semicolon as the delimiter,
 * chosen from the header line (Swedish Excel writes semicolons because the comma is the decimal sign).
 */

export interface CsvRecord {
  /** Spreadsheet row number: the header is row 1; a quoted line break does not start a new row. */
  row: number
  fields: string[]
}

/** The delimiter that occurs more often outside quotes in the first line (comma on a tie). */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0
  let semicolons = 0
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && ch === ',') commas++
    else if (!quoted && ch === ';') semicolons++
  }
  return semicolons > commas ? ';' : ','
}

/** Every record of the text, blank lines included as a single empty field (callers skip them). */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const delimiter = detectDelimiter(text)
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  const endRecord = () => {
    fields.push(field)
    records.push({ row: records.length + 1, fields })
    fields = []
    field = ''
  }
  while (i < text.length) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i += 2
        continue
      }
      if (ch === '"') quoted = false
      else field += ch
      i++
      continue
    }
    if (ch === '"' && field.trim() === '') {
      // A quote opens a quoted field only at its start (spaces before it are dropped).
      field = ''
      quoted = true
    } else if (ch === delimiter) {
      fields.push(field)
      field = ''
    } else if (ch === '\r' || ch === '\n') {
      endRecord()
      if (ch === '\r' && text[i + 1] === '\n') i++
    } else {
      field += ch
    }
    i++
  }
  // A last line without a line break still counts; a trailing line break adds no record.
  if (field !== '' || fields.length > 0) endRecord()
  return records
}

/** True for a record with nothing in it (an empty line or only delimiters and spaces). */
export function isBlank(record: CsvRecord): boolean {
  return record.fields.every((f) => f.trim() === '')
}

export interface CsvTable {
  /** Lower-cased, trimmed names of the header row. */
  header: string[]
  /** The data rows, blank ones left out, each with its spreadsheet row number. */
  records: CsvRecord[]
}

/** The header and the non-blank data rows, as the import operations read them. */
export function readTable(text: string): CsvTable {
  const [header, ...records] = parseCsv(text).filter((r) => !isBlank(r))
  return { header: (header?.fields ?? []).map((f) => f.trim().toLowerCase()), records }
}
