/** Largest article text accepted (10 MiB): news articles are far smaller; larger files are almost always mistakes. */
export const MAX_TEXT_BYTES = 10 * 1024 * 1024

/** Largest JSONL/CSV file accepted (256 MiB); each record inside is still held to MAX_TEXT_BYTES. */
export const MAX_TABLE_BYTES = 256 * 1024 * 1024

/** Articles written per transaction: large enough for speed, small enough that tagging is never blocked long. */
export const BATCH_SIZE = 500

export const TEXT_EXTENSIONS = ['.txt', '.md', '.markdown'] as const
export const TABLE_EXTENSIONS = ['.jsonl', '.ndjson', '.csv'] as const
