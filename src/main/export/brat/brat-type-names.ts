/** Turns any label into a brat type name: ASCII letters, digits, _ and - only, starting with a letter. */
export function bratTypeName(label: string): string {
  // accents are dropped rather than replaced, so "Acción" stays readable as "Accion"
  const ascii = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9_-]/g, '_')
  return /^[A-Za-z]/.test(ascii) ? ascii : `L_${ascii}`
}

/** Gives every label one brat type name for the whole export, the same in annotation.conf, visual.conf and every .ann. */
export class BratTypeNames {
  private readonly byLabel = new Map<string, string>()
  private readonly taken = new Set<string>()

  of(label: string): string {
    const known = this.byLabel.get(label)
    if (known !== undefined) return known
    const base = bratTypeName(label)
    let name = base
    for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`
    this.byLabel.set(label, name)
    this.taken.add(name)
    return name
  }

  /** Labels whose brat name differs from the label, in first-seen order. */
  renamed(): [label: string, name: string][] {
    return [...this.byLabel].filter(([label, name]) => label !== name)
  }

  entries(): [label: string, name: string][] {
    return [...this.byLabel]
  }
}
