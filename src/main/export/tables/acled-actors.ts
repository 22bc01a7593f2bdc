import { acledInter, acledInteraction } from './acled-inter'
import type { MentionActor } from './mention-actor'
import type { Row } from './table-spec'

/** The rule, stated in the tables' README, by which actor1/actor2 are derived from an event's role links. */
export const ACLED_ACTOR_RULE =
  'actor1 is the first perpetrator link (in the order the links were made) and actor2 the first target link, or the first victim link when the event has no target; ' +
  'further perpetrators and every associated link go to assoc_actor_1, further targets and victims to assoc_actor_2, joined by "; " as ACLED does. ' +
  'Each actor is written by its canonical registry name (following merges), or by the mention’s text when the mention is not linked to the registry (actor1_id/actor2_id are then empty). ' +
  'inter1/inter2 come from the registry actor type (state_forces 1, rebel_group 2, political_militia 3, identity_militia 4, rioters 5, protesters 6, civilians 7, external_other 8); interaction is both codes, lower first, or inter1 × 10 for a single actor.'

const inter = (m: MentionActor | undefined) => (m?.actor ? acledInter(m.actor.type) : null)
const names = (list: MentionActor[]) => (list.length > 0 ? [...new Set(list.map((m) => m.name))].join('; ') : null)

/** ACLED's actor columns for an event, from its mentions by role (perpetrator, target, victim, associated). */
export function acledActors(roles: Map<string, MentionActor[]>): Row {
  const perpetrators = roles.get('perpetrator') ?? []
  const sideTwo = [...(roles.get('target') ?? []), ...(roles.get('victim') ?? [])]
  const actor1 = perpetrators[0]
  const actor2 = sideTwo[0]
  const inter1 = inter(actor1)
  const inter2 = inter(actor2)
  return {
    actor1: actor1?.name ?? null,
    actor1_id: actor1?.actor?.id ?? null,
    assoc_actor_1: names([...perpetrators.slice(1), ...(roles.get('associated') ?? [])]),
    inter1,
    actor2: actor2?.name ?? null,
    actor2_id: actor2?.actor?.id ?? null,
    assoc_actor_2: names(sideTwo.slice(1)),
    inter2,
    interaction: acledInteraction(inter1, inter2)
  }
}
