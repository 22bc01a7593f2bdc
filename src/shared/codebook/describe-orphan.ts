import type { CodebookOrphan } from './codebook-migration'
import { quoted } from '../text/quoted'

const TYPE_WORDS: Record<string, string> = {
  text: 'text',
  number: 'a number',
  date: 'a date (YYYY-MM-DD)',
  boolean: 'yes or no',
  single: 'one choice',
  multi: 'a list of choices',
  actor: 'an actor reference',
  tag: 'a tag reference'
}
const tags = (n: number) => (n === 1 ? '1 tag uses' : `${n} tags use`)
const have = (n: number) => (n === 1 ? '1 tag has' : `${n} tags have`)

/** One sentence saying what tags would lose and what the user can do about it. */
export function describeOrphan(o: CodebookOrphan): string {
  switch (o.kind) {
    case 'label':
      return `${tags(o.tags)} label ${o.label}, which this codebook removes: relabel them or delete them`
    case 'attribute':
      return `${have(o.tags)} a value for ${o.label} › ${o.attribute}, which this codebook removes: move it to another attribute or clear it`
    case 'value':
      return `${tags(o.tags)} ${o.label} › ${o.attribute} ${quoted(o.value)}, which this codebook removes: map it to another value or clear it`
    case 'type':
      return `${have(o.tags)} a value for ${o.label} › ${o.attribute} that is not ${TYPE_WORDS[o.type] ?? o.type} and cannot be turned into one${o.examples?.length ? ` (${o.examples.slice(0, 3).map((x) => quoted(x)).join(', ')}${o.examples.length > 3 ? ', …' : ''})` : ''}: move it to a text attribute or clear it`
    case 'link':
      return `${o.tags === 1 ? '1 link' : `${o.tags} links`} ${quoted(o.relation)} from ${o.from} to ${o.target}, which this codebook no longer allows: change them to another relation or remove them`
  }
}
