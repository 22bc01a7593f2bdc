import { z } from 'zod'

/** Attribute values as they cross the contract; null (or empty) clears one; the codebook checks the rest. */
export const attributeValues = z.record(
  z.string().max(64),
  z.union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.string().max(200)).max(100), z.null()])
)
