/** A coder's file name as doccano names members' files (`<username>.jsonl`), made safe and unique among `taken`. */
export function doccanoFileName(name: string, taken: readonly string[]): string {
  const base = name.normalize('NFC').replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/^[.\s]+|\s+$/g, '').slice(0, 80) || 'coder'
  let file = `${base}.jsonl`
  for (let n = 2; taken.includes(file); n++) file = `${base}-${n}.jsonl`
  return file
}
