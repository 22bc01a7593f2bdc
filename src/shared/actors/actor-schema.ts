import { z } from 'zod'
import { ACTOR_KINDS, ACTOR_RELATION_TYPES, ALIAS_TYPES, EDITABLE_ACTOR_RELATIONS } from '../domain'

const isoDay = z.union([z.literal(''), z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use a date like 2024, 2024-11 or 2024-11-07')])

/** One surface form of an actor, as the coder or the seed registry enters it. */
export const aliasInput = z.object({
  alias: z.string().trim().min(1, 'an alias cannot be empty').max(300),
  language: z.string().trim().max(35).default(''),
  aliasType: z.enum(ALIAS_TYPES).default('media_name'),
  designatedBy: z.string().trim().max(300).default(''),
  validFrom: isoDay.default(''),
  validTo: isoDay.default(''),
  ambiguous: z.boolean().default(false)
})

const name = z.string().trim().min(1, 'an actor needs a name').max(300)
const kind = z.enum(ACTOR_KINDS)
const type = z.string().trim().max(100)
const country = z.union([z.literal(''), z.string().regex(/^[A-Z]{3}$/, 'use an ISO 3166 alpha-3 code such as COL')])
const parentId = z.string().min(1).max(100).nullable()
const externalIds = z.record(z.string().trim().min(1).max(50), z.string().max(500))
const notes = z.string().max(20_000)

/** The editable fields of a canonical actor, with defaults for a new one. */
export const actorFields = z.object({
  name,
  kind: kind.default('organisation'),
  type: type.default(''),
  country: country.default(''),
  parentId: parentId.default(null),
  externalIds: externalIds.default({}),
  notes: notes.default('')
})

/** Some fields of an existing actor; no defaults, so a field left out is left as it is. */
export const actorPatch = z.object({ name, kind, type, country, parentId, externalIds, notes }).partial()

/** A relation as the registry editor sends it. */
export const actorRelationInput = z.object({
  type: z.enum(EDITABLE_ACTOR_RELATIONS, { message: `use one of: ${EDITABLE_ACTOR_RELATIONS.join(', ')} (merging records merged_into)` }),
  to: z.string().min(1).max(100),
  date: isoDay.default('')
})

/** The shipped seed registry file: actors keyed locally so parents and relations can refer to each other. */
export const registrySeedSchema = z.object({
  format: z.literal('spanwise-actor-registry'),
  name: z.string(),
  description: z.string().default(''),
  actors: z.array(
    actorFields.omit({ parentId: true }).extend({
      key: z.string().min(1),
      parent: z.string().optional(),
      aliases: z.array(aliasInput).min(1),
      relations: z.array(z.object({ type: z.enum(ACTOR_RELATION_TYPES), to: z.string(), date: z.string().default('') })).default([])
    })
  )
})

export type AliasInput = z.input<typeof aliasInput>
export type ActorRelationInput = z.input<typeof actorRelationInput>
export type ActorFieldsInput = z.input<typeof actorFields>
