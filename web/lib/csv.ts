/**
 * The browser's copy of the server's CSV reader (worker/services/csv.ts), so an import can be
 * previewed before it is sent: quoted fields (doubled quotes, line breaks inside), CRLF or LF, an
 * optional UTF-8 BOM, and comma or semicolon chosen from the header line. Rows are numbered as a
 * spreadsheet numbers them (the header is row 1), which is how the server reports its errors.
 */

export interface CsvRecord {
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

/** Every record of the text, blank lines included (they keep the row numbers right). */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const delimiter = detectDelimiter(text)
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  const endRecord = () => {
    fields.push(field)
    records.push({ row: records.length + 1, fields })
    fields = []
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
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

/** The header and the non-blank data rows, as the server's import reads them. */
export function readTable(text: string): CsvTable {
  const [header, ...records] = parseCsv(text).filter((r) => !isBlank(r))
  return { header: (header?.fields ?? []).map((f) => f.trim().toLowerCase()), records }
}
