/** Okabe–Ito: eight colours that stay distinguishable with the common kinds of colour-blindness. */
export const OKABE_ITO: readonly { name: string; hex: string }[] = [
  { name: 'Blue', hex: '#0072B2' },
  { name: 'Vermillion', hex: '#D55E00' },
  { name: 'Bluish green', hex: '#009E73' },
  { name: 'Reddish purple', hex: '#CC79A7' },
  { name: 'Orange', hex: '#E69F00' },
  { name: 'Sky blue', hex: '#56B4E9' },
  { name: 'Yellow', hex: '#F0E442' },
  { name: 'Black', hex: '#000000' }
]

const PAGE = '#ffffff'

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(rgb(a)), luminance(rgb(b))].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/**
 * Why a label colour would be hard to see in the article, or null when it is fine. Tagged text keeps its dark
 * colour over a 16% tint (at least 10:1 for any colour), so the risk is the underline and swatch: WCAG 1.4.11
 * asks 3:1 against the page for such marks.
 */
export function legibilityWarning(hex: string): string | null {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) return null
  const onPage = contrastRatio(hex, PAGE)
  if (onPage < 3) return `Tags in this colour are hard to see: its underline is faint on the white page (contrast ${onPage.toFixed(1)}:1; aim for 3:1).`
  return null
}
