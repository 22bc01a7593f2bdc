import { z } from 'zod'

/** An annotation pack: a zip holding pack.json (this manifest), a native-format articles.jsonl and codebook.json. */
export const PACK_KIND = 'spanwise-annotation-pack'
export const PACK_VERSION = 1
export const PACK_EXTENSION = '.spanpack'
export const PACK_MANIFEST = 'pack.json'
export const PACK_CODEBOOK = 'codebook.json'

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex')
const packedFile = z.object({ sha256, bytes: z.number().int().min(0) })

/** pack.json: who made the pack and when, and enough counts and hashes to tell a complete pack from a damaged one. */
export const packManifest = z.object({
  type: z.literal(PACK_KIND),
  version: z.literal(PACK_VERSION, { message: `this pack was made by a newer Spanwise; this build reads pack version ${PACK_VERSION}` }),
  id: z.string().uuid(),
  // UTC with a Z, so packs order by their text as well as by time
  createdAt: z.iso.datetime(),
  annotator: z.object({ id: z.string().min(1).max(200), name: z.string().trim().min(1).max(100) }),
  project: z.string().max(300),
  codebook: z.object({ name: z.string().max(300), version: z.number().int().min(1), versionsUsed: z.array(z.number().int().min(1)) }),
  includesText: z.boolean(),
  offsetUnit: z.literal('codepoint'),
  // doneMarks: the articles the coder marked done (packs made before done marks travelled have none)
  counts: z.object({ articles: z.number().int().min(0), annotations: z.number().int().min(0), links: z.number().int().min(0), doneMarks: z.number().int().min(0).optional() }),
  /** articles.jsonl: one native header line, then one line per article. */
  files: z.object({ 'articles.jsonl': packedFile.extend({ lines: z.number().int().min(1) }), 'codebook.json': packedFile })
})
export type PackManifest = z.infer<typeof packManifest>

/** What a pack import found beyond an annotated import's report: the packs, the articles they name, and what changed per layer. */
export interface PackImportSummary {
  packs: { file: string; id: string; createdAt: string; annotator: { id: string; name: string }; articles: number; includesText: boolean; codebook: string }[]
  /** Articles of the packs this project lacks and the import did not add, by title and content hash. */
  missing: { title: string; hash: string; hasText: boolean }[]
  /** Articles refused because a newer pack from the same coder was imported for them before. */
  refused: number
  tagsAdded: number
  /** Tags that were in the coder's layer and are again, rewritten from the pack. */
  tagsReplaced: number
  /** Tags of the coder's layer the pack no longer has (deleted by the coder since their last pack). */
  tagsRemoved: number
  /** Done marks the pack set or changed (the coder finished the article), and marks it took back (the coder reopened the article). */
  doneMarked: number
  doneCleared: number
}
