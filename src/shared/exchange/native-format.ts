/** Spanwise's own JSONL: a header line, then one article per line; every field a project needs to rebuild. */
export const NATIVE_FORMAT = 'spanwise-native'
export const NATIVE_VERSION = 1
export const NATIVE_FILE = 'articles.jsonl'
