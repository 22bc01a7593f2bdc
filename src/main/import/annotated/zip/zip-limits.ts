import { MAX_TABLE_BYTES } from '../../import-limits'

/** What a zip input may hold before it is refused as damage or a zip bomb; every size is checked as inflated, not as declared. */
export interface ZipLimits {
  /** What the archive should be, for messages ("an annotation pack"). */
  kind: string
  /** How to get a file that will import, the end of every refusal. */
  advice: string
  /** Largest archive file read into memory. */
  fileBytes: number
  /** Most entries in the archive's directory (all entries, read or not). */
  entries: number
  /** Most bytes all entries that are read may inflate to, together. */
  inflatedBytes: number
  /** Highest inflated/compressed ratio an entry may have once it inflates to more than `ratioFloor` bytes (RSPEC-5042: real files stay far below). */
  ratio: number
  ratioFloor: number
}

/** The limits of each zip input. */
export const ZIP_LIMITS = {
  // a pack holds three small-to-medium entries; anything far beyond that is damage or a zip bomb
  pack: { kind: 'an annotation pack', advice: 'Ask for the file again, exported by Spanwise.', fileBytes: 512 * 2 ** 20, entries: 16, inflatedBytes: 512 * 2 ** 20, ratio: 200, ratioFloor: 2 ** 20 },
  // a project holds its XML and one file per source (media included, though only text is read)
  refiQda: { kind: 'a REFI-QDA project', advice: 'Export or download the .qdpx again from the QDA program (without media if it is large).', fileBytes: 2 ** 30, entries: 100_000, inflatedBytes: MAX_TABLE_BYTES, ratio: 200, ratioFloor: 2 ** 20 },
  // a doccano export holds one JSONL file per member, or all.jsonl
  doccano: { kind: 'a doccano export', advice: 'Export it again from doccano, or unzip it and import the .jsonl files.', fileBytes: MAX_TABLE_BYTES, entries: 10_000, inflatedBytes: MAX_TABLE_BYTES, ratio: 200, ratioFloor: 2 ** 20 }
} as const satisfies Record<string, ZipLimits>
