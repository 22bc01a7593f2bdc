import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { buildAgreementReport, type AgreementReportInput } from '../../../../src/shared/agreement/agreement-report'
import { CSV_COLUMNS, csvField, reportRows, reportToCsv } from '../../../../src/shared/agreement/report-csv'
import { escapeHtml, reportToHtml } from '../../../../src/shared/agreement/report-html'
import { STATISTIC_DOCS } from '../../../../src/shared/agreement/statistic-docs'

const EVIL_LABEL = '<img src=x onerror=alert(1)>'
const tag = (id: string, annotatorId: string, label: string, start: number, end: number) => ({ id, annotatorId, label, start, end, attributes: {} })

const INPUT: AgreementReportInput = {
  annotators: [
    { id: 'a', name: 'Ann "the reader", senior' },
    { id: 'b', name: '<script>alert("b")</script>' },
    { id: 'c', name: 'Cy & Co' }
  ],
  labels: ['Actor', EVIL_LABEL],
  attributes: [{ label: EVIL_LABEL, key: 'k"ey<b>', level: 'nominal' }],
  articles: [
    {
      id: 7,
      title: 'Clashes, "protests"\nand <b>more</b>',
      length: 40,
      tags: [
        tag('1', 'a', 'Actor', 0, 5),
        tag('2', 'b', 'Actor', 0, 5),
        tag('3', 'c', 'Actor', 1, 5),
        tag('4', 'a', EVIL_LABEL, 10, 20),
        tag('5', 'b', EVIL_LABEL, 12, 20),
        tag('6', 'c', 'Actor', 10, 20)
      ]
    },
    { id: 8, title: "Only Ann's", length: 10, tags: [tag('7', 'a', 'Actor', 0, 3)] }
  ]
}

describe('reportToCsv', () => {
  const report = buildAgreementReport(INPUT)
  const csv = reportToCsv(report)

  it('has the fixed header and one row per statistic', () => {
    expect(csv.split('\r\n')[0]).toBe('scope,article,article_title,label,attribute,statistic,annotators,value,n,note')
    const records = parse(csv, { columns: true }) as Record<string, string>[]
    expect(records).toHaveLength(reportRows(report).length)
    expect(new Set(records.map((r) => r.scope))).toEqual(new Set(['corpus', 'pair', 'article']))
  })

  it('round-trips through an RFC 4180 parser: commas, quotes and line breaks survive', () => {
    const records = parse(csv, { columns: true }) as Record<string, string>[]
    const article = records.find((r) => r.scope === 'article')!
    expect(article.article).toBe('7')
    expect(article.article_title).toBe('Clashes, "protests"\nand <b>more</b>')
    expect(records.some((r) => r.label === EVIL_LABEL)).toBe(true)
    expect(records.some((r) => r.annotators === 'Ann "the reader", senior & <script>alert("b")</script>')).toBe(true)
    const kappa = records.find((r) => r.scope === 'corpus' && r.label === '' && r.statistic === 'fleiss_kappa')!
    expect(Number(kappa.value)).toBeCloseTo((report.overall.labelKappa as { value: number }).value, 12)
  })

  it('writes exactly what csv-stringify writes for the same rows (CRLF, quoting only where needed)', () => {
    const rows = reportRows(report).map((r) => CSV_COLUMNS.map((c) => String(r[c])))
    expect(csv).toBe(stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows' }))
  })

  it('quotes per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField(0.25)).toBe('0.25')
  })

  it('a statistic that could not be computed has an empty value and its reason in the note', () => {
    const records = parse(csv, { columns: true }) as Record<string, string>[]
    const attr = records.find((r) => r.attribute === 'k"ey<b>')!
    expect(attr.value).toBe('')
    expect(attr.note ?? '').toMatch(/\w{5}/)
    expect(csv).not.toMatch(/NaN/)
  })

  it("has each pair's unitizing alpha and each article's attribute alpha", () => {
    const records = parse(csv, { columns: true }) as Record<string, string>[]
    const pairs = records.filter((r) => r.scope === 'pair' && r.statistic === 'unitizing_alpha')
    expect(pairs.map((r) => r.annotators)).toEqual(report.pairwise.map((p) => `${report.annotators.find((a) => a.id === p.a)!.name} & ${report.annotators.find((a) => a.id === p.b)!.name}`))
    const ab = report.pairwise[0]!.unitizingAlpha
    expect(ab.ok).toBe(true)
    expect(Number(pairs[0]!.value)).toBeCloseTo(ab.ok ? ab.value : NaN, 12)
    expect(pairs[0]!.note).toBe('1 article, n = characters')
    const attribute = records.find((r) => r.scope === 'article' && r.attribute === 'k"ey<b>')!
    expect(attribute).toMatchObject({ article: '7', label: EVIL_LABEL, statistic: 'krippendorff_alpha_nominal', value: '' })
    expect(attribute.note).toBe('There is nothing to compare: no units were coded.')
  })
})

describe('reportToHtml', () => {
  const html = reportToHtml(buildAgreementReport(INPUT))

  it('escapes a label like <img src=x onerror=alert(1)> everywhere it appears', () => {
    expect(html).not.toContain(EVIL_LABEL)
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('escapes annotator names, article titles and attribute keys, and contains no script at all', () => {
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('&lt;script&gt;alert(&quot;b&quot;)&lt;/script&gt;')
    expect(html).toContain('Clashes, &quot;protests&quot;\nand &lt;b&gt;more&lt;/b&gt;')
    expect(html).toContain('k&quot;ey&lt;b&gt;')
    expect(html).toContain('Cy &amp; Co')
    // no element carries an event handler (escaped text may mention one; it has no '<' before it)
    expect(html).not.toMatch(/<[^>]*\son\w+=/i)
  })

  it('is one standalone document with inline CSS, a per-label bar chart and a pair heatmap as inline SVG', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toMatch(/<style>[^<]+<\/style>/)
    // nothing is loaded from elsewhere: no link, no src or href attribute on any element
    expect(html).not.toMatch(/<link|<[^>]*\s(src|href)=/i)
    // and a browser that opens it runs no script from it, even one that slipped past escaping
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`)
    expect(html).toContain('aria-label="Agreement per label"')
    expect(html).toContain('aria-label="Cohen&#39;s kappa per annotator pair"')
    expect(html).toContain('aria-label="Unitizing alpha (all labels) per annotator pair"')
    expect((html.match(/<svg /g) ?? []).length).toBe(4)
    expect(html).toContain(escapeHtml(STATISTIC_DOCS.unitizing_alpha.name))
    expect(html).not.toMatch(/NaN/)
  })

  it('names attributes as the codebook does, and charts alpha per label (with three coders kappa per label is often n/a)', () => {
    const withTone = (id: string, who: string, tone: string) => ({ ...tag(id, who, 'Claim', 0, 5), attributes: { tone } })
    const report = buildAgreementReport({
      ...INPUT,
      labels: ['Claim'],
      attributes: [{ label: 'Claim', key: 'tone', name: 'Tone of the claim', level: 'nominal' }],
      articles: [
        { id: 1, title: 'one', length: 30, tags: [withTone('1', 'a', 'calm'), withTone('2', 'b', 'calm'), withTone('3', 'c', 'angry')] },
        { id: 2, title: 'two', length: 30, tags: [withTone('4', 'a', 'angry'), withTone('5', 'b', 'angry'), tag('6', 'c', 'Claim', 10, 15)] }
      ]
    })
    const page = reportToHtml(report)
    expect(page).toContain('<td>Claim</td><td>Tone of the claim</td>')
    const alpha = report.perLabel[0]!.alpha
    expect(page).toContain(`fill="#E69F00"/><text x="294" y="13" font-size="11">Alpha</text>`)
    if (!alpha.ok) throw new Error(`alpha per label should be computable here: ${alpha.message}`)
    expect(page).toContain(`<title>Claim: Alpha ${alpha.value.toFixed(3)}</title>`)
  })

  it('shows unitizing alpha per pair and names the attributes no single article could compare', () => {
    expect(html).toMatch(/<th>Cohen's kappa<\/th><th>Unitizing alpha<\/th>/)
    expect(html).toContain('No attribute could be compared within any single article.')
    expect(html).toContain(`No value in any single article: ${escapeHtml(`${EVIL_LABEL}: k"ey<b>`)}.`)
    const withValues = buildAgreementReport({
      ...INPUT,
      attributes: [{ label: 'Actor', key: 'side', level: 'nominal' }],
      articles: [
        {
          id: 9,
          title: 'Sides',
          length: 30,
          tags: [
            { ...tag('1', 'a', 'Actor', 0, 5), attributes: { side: 'x' } },
            { ...tag('2', 'b', 'Actor', 0, 5), attributes: { side: 'x' } },
            { ...tag('3', 'a', 'Actor', 10, 15), attributes: { side: 'y' } },
            { ...tag('4', 'b', 'Actor', 10, 15), attributes: { side: 'x' } }
          ]
        }
      ]
    })
    const side = withValues.perArticle[0]!.perAttribute[0]!.alpha
    expect(side.ok).toBe(true)
    expect(reportToHtml(withValues)).toContain(`<tr><td>Sides <span class="na">#9</span></td><td class="num">${side.ok && side.value.toFixed(3)}</td></tr>`)
  })

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })
})

describe('STATISTIC_DOCS', () => {
  it('gives every statistic a definition, its units, what is excluded and a dated reference', () => {
    for (const doc of Object.values(STATISTIC_DOCS)) {
      expect(doc.definition.length).toBeGreaterThan(80)
      expect(doc.units.length).toBeGreaterThan(40)
      expect(doc.excluded.length).toBeGreaterThan(40)
      expect(doc.references.length).toBeGreaterThan(0)
      for (const r of doc.references) {
        expect(r.author).toMatch(/\w/)
        expect(r.year).toBeGreaterThan(1900)
        expect(r.title).toMatch(/\w/)
      }
    }
  })

  it('is copied word for word into the README', () => {
    const readme = readFileSync(resolve(__dirname, '../../../../README.md'), 'utf8').replace(/\s+/g, ' ')
    for (const doc of Object.values(STATISTIC_DOCS)) {
      expect(readme).toContain(doc.name)
      expect(readme).toContain(doc.definition.replace(/\s+/g, ' '))
    }
  })
})
