import type { Actor } from '../../../shared/domain'
import type { ExportAnnotation } from '../export-dataset'
import { mentionActorIds, resolveActor } from './resolve-actor'
import { tagQuote } from './tag-quote'
import type { TablesContext } from './tables-context'

/** An actor mention with the registry actor it refers to (null when not linked) and the name to write. */
export interface MentionActor {
  tag: ExportAnnotation
  actor: Actor | null
  /** The canonical name, or the mention's own text when it is not linked to the registry. */
  name: string
}

export function mentionActor(tag: ExportAnnotation, tc: TablesContext): MentionActor {
  const id = mentionActorIds(tag, tc.codebookOf(tag))[0]
  const actor = id === undefined ? null : resolveActor(tc.ctx.actors, id)
  return { tag, actor, name: actor?.name ?? tagQuote(tag) }
}

/** Whether a tag's label refers to registry actors (has an actor attribute), i.e. it is an actor mention. */
export function isActorMention(tag: ExportAnnotation, tc: TablesContext): boolean {
  return tc.codebookOf(tag).labels.find((l) => l.name === tag.label)?.attributes.some((a) => a.type === 'actor') ?? false
}
