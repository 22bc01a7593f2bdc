import type { AgreementReport, SpanAgreement } from './agreement-report'
import type { Computed } from './not-computable'
import { STATISTIC_DOCS, formatReference } from './statistic-docs'

/** Escapes text for HTML and SVG element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;margin:2rem auto;max-width:72rem;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.25rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.25rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f7;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.na{color:#8a8a8e}.meta{color:#555}.note{color:#555;font-size:.9em}.charts{display:flex;flex-wrap:wrap;gap:2rem}
dt{font-weight:600;margin-top:1rem}dd{margin-left:0}dd p{margin:.25rem 0}
@media print{body{margin:0}h2{break-after:avoid}table{break-inside:auto}}
`

/** The report runs no script and loads nothing, even if a value ever escaped escaping: only its own inline CSS. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

/**
 * The report as one standalone HTML document: inline CSS, inline SVG charts, no scripts and nothing fetched.
 * Every string that comes from the data (labels, attribute keys, annotator names, article titles) is escaped.
 */
export function reportToHtml(report: AgreementReport, title = 'Agreement report'): string {
  const e = escapeHtml
  const names = new Map(report.annotators.map((a) => [a.id, a.name]))
  const nameOf = (id: string): string => names.get(id) ?? id
  const { total, included, excluded } = report.articles
  const parts: string[] = []
  parts.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`)
  parts.push(`<meta name="viewport" content="width=device-width,initial-scale=1">`)
  parts.push(`<title>${e(title)}</title><style>${CSS}</style></head><body>`)
  parts.push(`<h1>${e(title)}</h1>`)
  parts.push(
    `<p class="meta">Annotators: ${e(report.annotators.map((a) => a.name).join(', ') || 'none')}. Labels: ${e(report.labels.join(', ') || 'none')}. ` +
      `Articles compared: ${included} of ${total}. Tags compared: ${report.tags.used}.</p>`
  )
  if (report.notes.length > 0) parts.push(`<ul class="note">${report.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>`)

  const o = report.overall
  parts.push('<h2>Overall</h2><table><thead><tr><th>Statistic</th><th>Value</th><th>n</th><th>Note</th></tr></thead><tbody>')
  const overallRows: [string, Computed, number | '', string][] = [
    ['F1, exact match', o.exact.f1, o.exact.f1.ok ? o.exact.f1.spansA + o.exact.f1.spansB : '', 'n = tags'],
    ['F1, overlap match', o.overlap.f1, o.overlap.f1.ok ? o.overlap.f1.spansA + o.overlap.f1.spansB : '', 'n = tags'],
    ...prRows(o.exact, 'exact', report),
    ...prRows(o.overlap, 'overlap', report),
    [o.labelKappa.statistic === 'fleiss_kappa' ? "Fleiss' kappa (labels)" : "Cohen's kappa (labels)", o.labelKappa, o.labelKappa.ok ? o.labelKappa.n : '', 'n = units'],
    ["Krippendorff's alpha (labels, nominal)", o.labelAlpha, o.labelAlpha.ok ? o.labelAlpha.n : '', 'n = pairable values'],
    ['Unitizing alpha (all labels)', o.unitizingAlpha, o.unitizingAlpha.ok ? o.unitizingAlpha.length : '', o.unitizingAlpha.ok ? `n = characters in ${o.unitizingAlpha.articles} articles` : '']
  ]
  for (const [name, r, n, note] of overallRows) parts.push(`<tr><td>${e(name)}</td>${valueCell(r)}<td class="num">${n}</td><td class="note">${e(r.ok ? note : r.message)}</td></tr>`)
  parts.push(`</tbody></table><p class="note">Units of comparison: ${o.units}.</p>`)

  parts.push('<h2>Per label</h2>')
  parts.push(labelChart(report))
  parts.push('<table><thead><tr><th>Label</th><th>Tags</th><th>F1 exact</th><th>F1 overlap</th><th>Kappa</th><th>Alpha</th><th>Unitizing alpha</th></tr></thead><tbody>')
  for (const l of report.perLabel) {
    const tags = report.annotators.map((a) => `${e(a.name)}: ${l.spans[a.id] ?? 0}`).join('<br>')
    parts.push(`<tr><td>${e(l.label)}</td><td class="num">${tags}</td>${valueCell(l.exact.f1)}${valueCell(l.overlap.f1)}${valueCell(l.kappa)}${valueCell(l.alpha)}${valueCell(l.unitizingAlpha)}</tr>`)
  }
  parts.push(
    `</tbody></table><p class="note">Kappa (${report.annotators.length > 2 ? "Fleiss'" : "Cohen's"}) and alpha per label compare &#8220;this label&#8221; with everything else on the same units.</p>`
  )

  if (report.perAttribute.length > 0) {
    parts.push("<h2>Attributes</h2><table><thead><tr><th>Label</th><th>Attribute</th><th>Level</th><th>Krippendorff's alpha</th><th>n</th><th>Note</th></tr></thead><tbody>")
    for (const a of report.perAttribute) {
      const note = a.alpha.ok ? `${a.units} units with this label; ${a.alpha.droppedUnits} with fewer than two values` : a.alpha.message
      parts.push(`<tr><td>${e(a.label)}</td><td>${e(a.name ?? a.key)}</td><td>${e(a.level)}</td>${valueCell(a.alpha)}<td class="num">${a.alpha.ok ? a.alpha.n : ''}</td><td class="note">${e(note)}</td></tr>`)
    }
    parts.push('</tbody></table>')
  }

  if (report.pairwise.length > 0) {
    parts.push('<h2>Annotator pairs</h2>')
    parts.push(
      `<div class="charts">${heatmap(report, 'kappa', "Cohen's kappa")}${heatmap(report, 'f1', 'F1, overlap match')}${heatmap(report, 'unitizing', 'Unitizing alpha (all labels)')}</div>`
    )
    parts.push("<table><thead><tr><th>Annotators</th><th>Articles</th><th>F1 exact</th><th>F1 overlap</th><th>Cohen's kappa</th><th>Unitizing alpha</th></tr></thead><tbody>")
    for (const p of report.pairwise)
      parts.push(
        `<tr><td>${e(nameOf(p.a))} &amp; ${e(nameOf(p.b))}</td><td class="num">${p.articles}</td>${valueCell(p.exact.f1)}${valueCell(p.overlap.f1)}${valueCell(p.kappa)}${valueCell(p.unitizingAlpha)}</tr>`
      )
    parts.push('</tbody></table><p class="note">Unitizing alpha per pair is on the articles both annotators coded, laid end to end.</p>')
  }

  parts.push('<h2>Per article</h2>')
  if (report.perArticle.length === 0) parts.push('<p class="na">No article was tagged by two or more of the selected annotators.</p>')
  else {
    parts.push('<p class="note">Kappa is Cohen&#39;s where two annotators coded the article, Fleiss&#39; where more did.</p>')
    parts.push('<table><thead><tr><th>Article</th><th>Annotators</th><th>F1 exact</th><th>F1 overlap</th><th>Kappa</th><th>Alpha</th><th>Unitizing alpha</th></tr></thead><tbody>')
    for (const a of report.perArticle)
      parts.push(
        `<tr><td>${e(a.title)} <span class="na">#${a.id}</span></td><td>${e(a.annotators.map(nameOf).join(', '))}</td>${valueCell(a.exact.f1)}${valueCell(a.overlap.f1)}${valueCell(a.labelKappa)}${valueCell(a.labelAlpha)}${valueCell(a.unitizingAlpha)}</tr>`
      )
    parts.push('</tbody></table>')
    parts.push(articleAttributes(report))
  }
  if (excluded.length > 0) {
    parts.push(`<h2>Articles left out (${excluded.length})</h2><table><thead><tr><th>Article</th><th>Why</th></tr></thead><tbody>`)
    for (const x of excluded) parts.push(`<tr><td>${e(x.title)} <span class="na">#${x.id}</span></td><td>${e(x.message)}</td></tr>`)
    parts.push('</tbody></table>')
  }

  parts.push('<h2>Definitions</h2><dl>')
  for (const doc of Object.values(STATISTIC_DOCS))
    parts.push(
      `<dt>${e(doc.name)}</dt><dd><p>${e(doc.definition)}</p><p><em>Units.</em> ${e(doc.units)}</p><p><em>Left out.</em> ${e(doc.excluded)}</p>` +
        `<p class="note">${doc.references.map((r) => e(formatReference(r))).join('<br>')}</p></dd>`
    )
  parts.push('</dl></body></html>\n')
  return parts.join('\n')
}

function prRows(agreement: SpanAgreement, criterion: string, report: AgreementReport): [string, Computed, number | '', string][] {
  if (report.annotators.length !== 2) return []
  const ref = `reference: ${report.annotators[0]!.name}`
  return [
    [`Precision, ${criterion} match`, agreement.precision, agreement.precision.ok ? agreement.precision.spansB : '', `${ref}; n = tags of ${report.annotators[1]!.name}`],
    [`Recall, ${criterion} match`, agreement.recall, agreement.recall.ok ? agreement.recall.spansA : '', `${ref}; n = tags of the reference`]
  ]
}

function valueCell(r: Computed): string {
  return r.ok ? `<td class="num">${r.value.toFixed(3)}</td>` : `<td class="num na" title="${escapeHtml(r.message)}">n/a</td>`
}

/** Horizontal bars per label (F1 overlap, alpha, unitizing alpha) on a -1..1 axis; values below -1 are drawn at -1. */
function labelChart(report: AgreementReport): string {
  const e = escapeHtml
  const series = [
    { name: 'F1 overlap', color: '#0072B2', get: (i: number) => report.perLabel[i]!.overlap.f1 },
    // alpha, not kappa: Fleiss' kappa needs every unit coded by every annotator, so with several coders it is mostly n/a
    { name: 'Alpha', color: '#E69F00', get: (i: number) => report.perLabel[i]!.alpha as Computed },
    { name: 'Unitizing alpha', color: '#009E73', get: (i: number) => report.perLabel[i]!.unitizingAlpha as Computed }
  ]
  const labelWidth = 160
  const plot = 360
  const bar = 12
  const groupHeight = series.length * (bar + 2) + 12
  const top = 24
  const height = top + report.perLabel.length * groupHeight + 24
  const x = (v: number): number => labelWidth + ((Math.max(-1, Math.min(1, v)) + 1) / 2) * plot
  const out: string[] = []
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + plot + 60}" height="${height}" role="img" aria-label="Agreement per label">`)
  series.forEach((s, i) => out.push(`<rect x="${labelWidth + i * 120}" y="4" width="10" height="10" fill="${s.color}"/><text x="${labelWidth + i * 120 + 14}" y="13" font-size="11">${e(s.name)}</text>`))
  for (const tick of [-1, -0.5, 0, 0.5, 1])
    out.push(
      `<line x1="${x(tick)}" y1="${top}" x2="${x(tick)}" y2="${height - 20}" stroke="${tick === 0 ? '#888' : '#e3e3e3'}"/><text x="${x(tick)}" y="${height - 6}" font-size="10" text-anchor="middle">${tick}</text>`
    )
  report.perLabel.forEach((l, li) => {
    const y0 = top + li * groupHeight + 4
    out.push(`<text x="${labelWidth - 8}" y="${y0 + groupHeight / 2}" font-size="12" text-anchor="end">${e(truncate(l.label, 18))}</text>`)
    series.forEach((s, si) => {
      const r = s.get(li)
      const y = y0 + si * (bar + 2)
      if (!r.ok) {
        out.push(`<text x="${x(0) + 4}" y="${y + bar - 2}" font-size="10" fill="#8a8a8e">n/a</text>`)
        return
      }
      const x0 = Math.min(x(0), x(r.value))
      const w = Math.max(1, Math.abs(x(r.value) - x(0)))
      out.push(`<rect x="${x0.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${bar}" fill="${s.color}"><title>${e(`${l.label}: ${s.name} ${r.value.toFixed(3)}`)}</title></rect>`)
      out.push(`<text x="${(Math.max(x(0), x(r.value)) + 4).toFixed(1)}" y="${y + bar - 2}" font-size="10">${r.value.toFixed(2)}</text>`)
    })
  })
  out.push('</svg>')
  return out.join('')
}

/**
 * Krippendorff's alpha on each attribute per article: a column per attribute that has a value in at least one article
 * (the others are named below the table rather than drawn as columns of n/a).
 */
function articleAttributes(report: AgreementReport): string {
  const e = escapeHtml
  if (report.perAttribute.length === 0) return ''
  const shown = report.perAttribute.flatMap((_, i) => (report.perArticle.some((a) => a.perAttribute[i]!.alpha.ok) ? [i] : []))
  const hidden = report.perAttribute.filter((_, i) => !shown.includes(i)).map((a) => `${a.label}: ${a.name ?? a.key}`)
  const parts: string[] = ["<h3>Attributes per article (Krippendorff's alpha)</h3>"]
  if (shown.length === 0) parts.push('<p class="na">No attribute could be compared within any single article.</p>')
  else {
    const head = shown.map((i) => `<th>${e(`${report.perAttribute[i]!.label}: ${report.perAttribute[i]!.name ?? report.perAttribute[i]!.key}`)} <span class="na">${e(report.perAttribute[i]!.level)}</span></th>`)
    parts.push(`<table><thead><tr><th>Article</th>${head.join('')}</tr></thead><tbody>`)
    for (const a of report.perArticle) parts.push(`<tr><td>${e(a.title)} <span class="na">#${a.id}</span></td>${shown.map((i) => valueCell(a.perAttribute[i]!.alpha)).join('')}</tr>`)
    parts.push('</tbody></table>')
  }
  if (hidden.length > 0) parts.push(`<p class="note">No value in any single article: ${e(hidden.join(', '))}.</p>`)
  return parts.join('')
}

/** Annotator-by-annotator grid coloured by a pairwise statistic (blue: higher agreement). */
function heatmap(report: AgreementReport, metric: 'kappa' | 'f1' | 'unitizing', caption: string): string {
  const e = escapeHtml
  const people = report.annotators
  const value = new Map<string, Computed>()
  for (const p of report.pairwise) {
    const r: Computed = metric === 'kappa' ? p.kappa : metric === 'unitizing' ? p.unitizingAlpha : p.overlap.f1
    value.set(`${p.a}|${p.b}`, r)
    value.set(`${p.b}|${p.a}`, r)
  }
  const cell = 56
  const left = 110
  const top = 100
  const size = people.length * cell
  const out: string[] = []
  out.push(`<figure><svg xmlns="http://www.w3.org/2000/svg" width="${left + size + 10}" height="${top + size + 10}" role="img" aria-label="${e(caption)} per annotator pair">`)
  people.forEach((a, i) => {
    out.push(`<text x="${left - 6}" y="${top + i * cell + cell / 2 + 4}" font-size="12" text-anchor="end">${e(truncate(a.name, 14))}</text>`)
    out.push(`<text transform="translate(${left + i * cell + cell / 2 + 4},${top - 6}) rotate(-45)" font-size="12">${e(truncate(a.name, 14))}</text>`)
  })
  people.forEach((a, i) =>
    people.forEach((b, j) => {
      const cx = left + j * cell
      const cy = top + i * cell
      if (i === j) {
        out.push(`<rect x="${cx}" y="${cy}" width="${cell}" height="${cell}" fill="#f0f0f0" stroke="#fff"/>`)
        return
      }
      const r = value.get(`${a.id}|${b.id}`)
      if (!r || !r.ok) {
        out.push(`<rect x="${cx}" y="${cy}" width="${cell}" height="${cell}" fill="#fafafa" stroke="#ddd"><title>${e(r ? r.message : 'No value')}</title></rect>`)
        out.push(`<text x="${cx + cell / 2}" y="${cy + cell / 2 + 4}" font-size="11" text-anchor="middle" fill="#8a8a8e">n/a</text>`)
        return
      }
      const t = Math.max(0, Math.min(1, r.value))
      const lightness = 96 - t * 60
      out.push(
        `<rect x="${cx}" y="${cy}" width="${cell}" height="${cell}" fill="hsl(210,65%,${lightness.toFixed(0)}%)" stroke="#fff"><title>${e(`${a.name} & ${b.name}: ${r.value.toFixed(3)}`)}</title></rect>`
      )
      out.push(`<text x="${cx + cell / 2}" y="${cy + cell / 2 + 4}" font-size="12" text-anchor="middle" fill="${lightness < 60 ? '#fff' : '#1d1d1f'}">${r.value.toFixed(2)}</text>`)
    })
  )
  out.push(`</svg><figcaption class="note">${e(caption)}</figcaption></figure>`)
  return out.join('')
}

function truncate(s: string, max: number): string {
  const chars = Array.from(s)
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`
}
