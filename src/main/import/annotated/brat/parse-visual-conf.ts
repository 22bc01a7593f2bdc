import { SPANWISE_VISUAL_MARKER } from '../../../export/brat/brat-conf'

export interface BratVisualConf {
  /** Written by Spanwise: the first display name after each type is the label it stands for. */
  spanwise: boolean
  /** Display names by type, from [labels]. */
  labels: Map<string, string[]>
  /** bgColor by type, from [drawing]. */
  colors: Map<string, string>
}

/** Reads brat's visual.conf: `Type | Display | Abbrev` in [labels], `Type<TAB>bgColor:#…, …` in [drawing]. */
export function parseVisualConf(text: string): BratVisualConf {
  const conf: BratVisualConf = { spanwise: text.trimStart().startsWith(SPANWISE_VISUAL_MARKER), labels: new Map(), colors: new Map() }
  let section = ''
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const header = /^\[(\w+)\]$/.exec(line)
    if (header) section = header[1]!
    else if (section === 'labels') {
      const [type, ...names] = line.split('|').map((s) => s.trim())
      if (type && names.length) conf.labels.set(type, names)
    } else if (section === 'drawing') {
      const [type, ...rest] = line.split(/\s+/)
      const bg = /(?:^|,)\s*bgColor:([^,\s]+)/.exec(rest.join(' '))
      if (type && bg) conf.colors.set(type, bg[1]!)
    }
  }
  return conf
}
