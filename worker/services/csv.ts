/**
 * A small RFC 4180 reader for spreadsheet exports: comma or semicolon (Swedish Excel writes
 * semicolons), optional UTF-8 BOM, CRLF or LF, quoted fields that hold separators, line breaks
 * and doubled quotes. Each record keeps the spreadsheet row it starts on (the header is row 1),
 * so error messages point at the row a person sees.
 */
export interface CsvRecord {
  row: number
  fields: string[]
}

/** The separator of the header line: whichever of ';' and ',' occurs more often outside quotes. */
export function detectSeparator(text: string): ',' | ';' {
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

/** Parses CSV text into records; blank lines are skipped but still counted as rows. */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const sep = detectSeparator(text)
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let row = 1
  let startRow = 1
  let touched = false
  const endRecord = () => {
    fields.push(field)
    if (touched || fields.length > 1 || field !== '') records.push({ row: startRow, fields })
    fields = []
    field = ''
    touched = false
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (ch === '\n') row++
        field += ch
      }
      continue
    }
    if (ch === '"') {
      quoted = true
      touched = true
    } else if (ch === sep) {
      fields.push(field)
      field = ''
      touched = true
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endRecord()
      row++
      startRow = row
    } else field += ch
  }
  if (field !== '' || fields.length > 0 || touched) endRecord()
  return records
}
