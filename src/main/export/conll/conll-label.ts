/** A label as a CoNLL tag type: whitespace would split the column, so runs of it become "_". */
export function conllLabel(label: string): string {
  return label.trim().replace(/\s+/g, '_')
}
