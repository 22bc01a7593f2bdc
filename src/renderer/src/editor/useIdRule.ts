import { useEffect } from 'react'
import { ID_CLASS_PREFIX } from './extensions/annotation/constants'

/**
 * Styles the text of the given tags with one CSS rule, without touching the decorations. The rule goes into a
 * constructed style sheet: the page's CSP (style-src 'self') blocks inline <style> elements, not the CSSOM.
 */
export function useIdRule(ids: readonly string[], declarations: string): void {
  const key = ids.join(',')
  useEffect(() => {
    if (ids.length === 0) return
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(`${ids.map((id) => `.ProseMirror .${ID_CLASS_PREFIX}${CSS.escape(id)}`).join(',\n')} { ${declarations} }`)
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)
    }
    // ids are compared by their joined key, so a new array with the same ids keeps the sheet
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, declarations])
}
