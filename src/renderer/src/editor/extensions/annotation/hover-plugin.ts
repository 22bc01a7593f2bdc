import { Plugin, PluginKey } from '@tiptap/pm/state'
import { ID_CLASS_PREFIX, SELECTED_CLASS, TAG_CLASS } from './constants'
import { annotationPluginKey } from './plugin'
import { innermostFirst } from './utils/innermostFirst'
import { tagIdsOf } from './utils/tagIdsOf'

export const hoverPluginKey = new PluginKey('spanwiseTagHover')

/**
 * Outlines every fragment of the tag under the pointer (the innermost one) with a single stylesheet rule:
 * hovering changes no decoration and no DOM inside the editor, so it costs one style recalculation and
 * never disturbs a drag-selection in progress.
 */
export function hoverPlugin(): Plugin {
  return new Plugin({
    key: hoverPluginKey,
    view(view) {
      const doc = view.dom.ownerDocument
      const sheet = new (doc.defaultView ?? window).CSSStyleSheet()
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet]
      let hovered: string | null = null
      const show = (id: string | null) => {
        if (id === hovered) return
        hovered = id
        // the look lives in app.css (--tag-hover-outline); a selected tag keeps its own outline
        sheet.replaceSync(id ? `.${ID_CLASS_PREFIX}${id}:not(.${SELECTED_CLASS}) { outline: var(--tag-hover-outline, 1px dashed currentColor); }` : '')
      }
      const over = (event: MouseEvent) => {
        const piece = (event.target as Element | null)?.closest?.(`.${TAG_CLASS}`)
        const items = annotationPluginKey.getState(view.state)?.items
        show(piece && items ? (innermostFirst(tagIdsOf(piece), items, view.posAtDOM(piece, 0))[0] ?? null) : null)
      }
      const leave = () => show(null)
      view.dom.addEventListener('mouseover', over)
      view.dom.addEventListener('mouseleave', leave)
      return {
        destroy() {
          view.dom.removeEventListener('mouseover', over)
          view.dom.removeEventListener('mouseleave', leave)
          doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet)
        }
      }
    }
  })
}
