import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { isUtf8 } from 'node:buffer'
import { codebookSchema, type Codebook } from '../../../../shared/codebook/codebook-schema'
import { AppError } from '../../../../shared/errors'
import { NATIVE_FILE } from '../../../../shared/exchange/native-format'
import { PACK_CODEBOOK, PACK_MANIFEST, packManifest, type PackManifest } from '../../../../shared/exchange/pack-format'
import { parseBoundedJson } from '../../../../shared/text/parse-bounded-json'
import { firstInvalidUtf8 } from '../../first-invalid-utf8'
import { where } from '../native/native-lines'
import { readBoundedZip } from '../zip/read-bounded-zip'
import { ZIP_LIMITS } from '../zip/zip-limits'

const WANTED = new Set([PACK_MANIFEST, NATIVE_FILE, PACK_CODEBOOK])

/** A pack read whole and checked against its manifest; `articles` is articles.jsonl as bytes. */
export interface PackFile {
  path: string
  file: string
  manifest: PackManifest
  codebook: Codebook
  articles: Uint8Array
}

const refuse = (message: string) => new AppError('VALIDATION', message)
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')

/**
 * Reads an annotation pack and checks, before anything is imported: that it is a zip within the size,
 * entry and compression limits with no unsafe entry names, that pack.json is a valid manifest, and that
 * articles.jsonl and codebook.json are exactly the bytes the manifest describes (so a truncated copy fails).
 */
export function readPackFile(path: string): PackFile {
  const file = basename(path)
  const stat = statSync(path, { throwIfNoEntry: false })
  if (!stat) throw new AppError('NOT_FOUND', `${path} does not exist; check the path.`)
  if (stat.isDirectory()) throw refuse(`${path} is a folder; choose the .spanpack file your colleague exported.`)
  if (stat.size === 0) throw refuse(`${file} is empty, so it is not an annotation pack; ask for the file again.`)
  if (stat.size > ZIP_LIMITS.pack.fileBytes) throw refuse(`${file} is ${Math.round(stat.size / 2 ** 20)} MB; a pack can be at most ${ZIP_LIMITS.pack.fileBytes / 2 ** 20} MB. Export smaller packs (fewer articles, or without text).`)
  const data = new Uint8Array(readFileSync(path))
  if (!(data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04)) {
    const looksJson = data[0] === 0x7b || data[0] === 0x5b
    throw refuse(
      `${file} is not an annotation pack: a .spanpack file is a zip archive and this file is not one${looksJson ? ' (it looks like JSON; import a Spanwise JSONL export with the "Spanwise JSONL" format)' : ''}. Choose the .spanpack file your colleague exported.`
    )
  }
  const entries = readBoundedZip(data, file, ZIP_LIMITS.pack, (name) => WANTED.has(name))
  const manifestBytes = entries.get(PACK_MANIFEST)
  if (!manifestBytes) throw refuse(`${file} is a zip archive but not an annotation pack: it has no ${PACK_MANIFEST}. Choose the .spanpack file your colleague exported.`)
  const manifest = parseManifest(manifestBytes, file)
  const articles = checked(entries, NATIVE_FILE, manifest.files[NATIVE_FILE], file)
  if (!isUtf8(articles)) throw refuse(`${file} is damaged: ${NATIVE_FILE} is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(articles)}). Ask for the file again.`)
  if (manifest.files[NATIVE_FILE].lines !== manifest.counts.articles + 1) {
    throw refuse(`${file}: ${PACK_MANIFEST} says ${NATIVE_FILE} has ${manifest.files[NATIVE_FILE].lines} lines but ${manifest.counts.articles} articles (one header line plus one per article); the manifest was edited. Ask for the file again.`)
  }
  const codebookBytes = checked(entries, PACK_CODEBOOK, manifest.files[PACK_CODEBOOK], file)
  let codebook: Codebook
  try {
    const parsed = codebookSchema.safeParse(parseBoundedJson(new TextDecoder('utf-8', { fatal: true }).decode(codebookBytes)))
    if (!parsed.success) throw new Error(where(parsed.error.issues))
    codebook = parsed.data
  } catch (error) {
    throw refuse(`${file}: ${PACK_CODEBOOK} is not a valid codebook (${(error as Error).message}); ask for the file again.`)
  }
  return { path, file, manifest, codebook, articles }
}

function parseManifest(bytes: Uint8Array, file: string): PackManifest {
  let value: unknown
  try {
    value = parseBoundedJson(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (error) {
    throw refuse(`${file}: ${PACK_MANIFEST} is not valid JSON (${(error as Error).message}); the pack is damaged. Ask for the file again.`)
  }
  const parsed = packManifest.safeParse(value)
  if (!parsed.success) {
    throw refuse(`${file}: ${PACK_MANIFEST} is not a valid annotation pack manifest (${where(parsed.error.issues)}). Choose a pack exported by Spanwise's "Export my pack", unedited.`)
  }
  return parsed.data
}

/** The entry's bytes, when they are exactly what the manifest says (size and SHA-256). */
function checked(entries: Map<string, Uint8Array>, name: string, expected: { sha256: string; bytes: number }, file: string): Uint8Array {
  const bytes = entries.get(name)
  if (!bytes) throw refuse(`${file} is incomplete: it has no ${name}, which every pack holds. Ask for the file again.`)
  if (bytes.length !== expected.bytes || sha256(bytes) !== expected.sha256) {
    throw refuse(`${file} is damaged: ${name} does not match the pack's manifest (${bytes.length === expected.bytes ? 'its SHA-256 differs' : `${bytes.length} bytes, the manifest says ${expected.bytes}`}), so it was changed or cut short after export. Ask for the file again.`)
  }
  return bytes
}
