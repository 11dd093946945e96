import { describe, expect, it } from 'vitest'
import { detectDelimiter, isBlank, parseCsv, readTable } from '../../schema/csv'

const fieldsOf = (text: string) => parseCsv(text).filter((r) => !isBlank(r)).map((r) => r.fields)

describe('parseCsv', () => {
  it.each([
    ['comma, LF', 'email,name\na@x.se,Anna\n', [['email', 'name'], ['a@x.se', 'Anna']]],
    ['semicolon, CRLF', 'email;name\r\na@x.se;Åsa Öberg\r\n', [['email', 'name'], ['a@x.se', 'Åsa Öberg']]],
    ['BOM', '\uFEFFemail,name\nb@x.se,Bo', [['email', 'name'], ['b@x.se', 'Bo']]],
    ['quoted separators and quotes', 'a;b\n"x;y";"he said ""hej"""\n', [['a', 'b'], ['x;y', 'he said "hej"']]],
    ['quoted line break', 'a,b\n"rad 1\nrad 2",z\n', [['a', 'b'], ['rad 1\nrad 2', 'z']]],
    ['empty fields (a row of only separators is blank)', 'a,b,c\n,,\n1,,3\n', [['a', 'b', 'c'], ['1', '', '3']]],
  ])('reads %s', (_label, text, expected) => {
    expect(fieldsOf(text)).toEqual(expected)
    expect(readTable(text).records.map((r) => r.fields)).toEqual(expected.slice(1))
  })

  it('numbers rows as a spreadsheet: header 1, a quoted line break stays in its row, blank lines count', () => {
    const rows = parseCsv('h1,h2\n"a\nb",c\n\nd,e\n')
    expect(rows.filter((r) => !isBlank(r)).map((r) => r.row)).toEqual([1, 2, 4])
  })

  it.each([
    ['a,b;c', ','],
    ['a;b;c,d', ';'],
    ['"a;b",c', ','],
    ['a,b', ','],
  ])('detects the delimiter of %j as %j', (header, expected) => {
    expect(detectDelimiter(header)).toBe(expected)
  })
})
