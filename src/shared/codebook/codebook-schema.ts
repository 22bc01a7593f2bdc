import { z } from 'zod'

const key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower-case letters, digits and _ (for example date_start)')
const name = z.string().trim().min(1, 'a name is required').max(80)

/** One allowed value of a single- or multiple-choice attribute; `parent` ties a sub-type to its type. */
export const choiceSchema = z.object({
  value: key,
  label: name,
  description: z.string().max(2000).default(''),
  parent: key.optional()
})

export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'single', 'multi', 'boolean', 'actor', 'tag'] as const

export const attributeSchema = z.object({
  key,
  name,
  description: z.string().max(4000).default(''),
  type: z.enum(ATTRIBUTE_TYPES),
  required: z.boolean().default(false),
  /** For single/multi: the allowed values. */
  values: z.array(choiceSchema).optional(),
  /** For single/multi: the attribute whose value each choice's `parent` must match (sub-type → type). */
  dependsOn: key.optional(),
  /** For number: the allowed range. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** For tag references: the labels the referenced tag may have. */
  targetLabels: z.array(name).optional(),
  /** For actor and tag references: one reference or several. */
  many: z.boolean().default(false)
})

export const labelSchema = z.object({
  name,
  description: z.string().max(8000).default(''),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a colour like #0072B2'),
  hotkey: z.string().regex(/^[0-9a-z]$/, 'use one digit or lower-case letter').nullable().default(null),
  parent: name.nullable().default(null),
  order: z.number().int().min(0),
  attributes: z.array(attributeSchema).default([])
})

export const relationSchema = z.object({
  type: key,
  name,
  description: z.string().max(2000).default(''),
  from: name,
  to: z.array(name).min(1, 'a relation needs at least one target label'),
  /** 'one': at most one link of this type from a tag; 'many': any number. */
  cardinality: z.enum(['one', 'many'])
})

/** Cross-attribute rules: `a` must not exceed `b` (dates or numbers) on tags of `label`. */
export const ruleSchema = z.object({
  kind: z.literal('not_after'),
  label: name,
  a: key,
  b: key,
  message: z.string().max(400).optional()
})

export const codebookSchema = z.object({
  format: z.literal('spanwise-codebook', { message: 'this is not a Spanwise codebook (format must be "spanwise-codebook")' }),
  version: z.number().int().min(1),
  name,
  description: z.string().max(8000).default(''),
  labels: z.array(labelSchema).min(1, 'a codebook needs at least one label'),
  relations: z.array(relationSchema).default([]),
  rules: z.array(ruleSchema).default([])
})

export type Choice = z.infer<typeof choiceSchema>
export type AttributeDef = z.infer<typeof attributeSchema>
export type LabelDefinition = z.infer<typeof labelSchema>
export type RelationDef = z.infer<typeof relationSchema>
export type RuleDef = z.infer<typeof ruleSchema>
export type Codebook = z.infer<typeof codebookSchema>
