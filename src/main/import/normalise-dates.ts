const ISO = /^\d{4}(-\d{2}(-\d{2})?)?([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/
const DAY_MONTH_YEAR = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/
const YEAR_MONTH_DAY = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$/
const TIME_AND_ZONE = /\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:z|[+-]\d{2}:?\d{2}|gmt|utc|[ecmp][sd]t)\b)?/g

// English and Spanish names and abbreviations: the corpora are news in both
const MONTH_NAMES: [number, string[]][] = [
  [1, ['january', 'jan', 'enero', 'ene']],
  [2, ['february', 'feb', 'febrero']],
  [3, ['march', 'mar', 'marzo']],
  [4, ['april', 'apr', 'abril', 'abr']],
  [5, ['may', 'mayo']],
  [6, ['june', 'jun', 'junio']],
  [7, ['july', 'jul', 'julio']],
  [8, ['august', 'aug', 'agosto', 'ago']],
  [9, ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'set']],
  [10, ['october', 'oct', 'octubre']],
  [11, ['november', 'nov', 'noviembre']],
  [12, ['december', 'dec', 'diciembre', 'dic']]
]
const MONTHS = new Map(MONTH_NAMES.flatMap(([n, names]) => names.map((name) => [name, n] as const)))
const ENGLISH_MONTHS = MONTH_NAMES.map(([, names]) => names[0]!.replace(/^./, (c) => c.toUpperCase()))
const FILLERS = new Set(
  ['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
    .concat(['lunes', 'martes', 'miércoles', 'miercoles', 'jueves', 'viernes', 'sábado', 'sabado', 'domingo', 'de', 'del', 'of', 'the', 'gmt', 'utc', 'z'])
)

const pad = (n: number) => String(n).padStart(2, '0')
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
const ymd = (year: number, month: number, day: number): string | null =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) ? `${year}-${pad(month)}-${pad(day)}` : null

/** A date with its month by name and an explicit year ("March 3, 2031", "3 de marzo de 2031", RFC 2822), as written: the time is dropped, never the day moved. */
function namedMonthDate(value: string): string | null {
  const tokens = value
    .toLowerCase()
    .replace(TIME_AND_ZONE, ' ')
    .split(/[\s,./-]+/)
    .filter((t) => t !== '' && !FILLERS.has(t))
  if (tokens.length < 2 || tokens.length > 3) return null
  let month: number | undefined
  let year: number | undefined
  let day: number | undefined
  for (const t of tokens) {
    const named = MONTHS.get(t)
    if (named !== undefined && month === undefined) month = named
    else if (/^\d{4}$/.test(t) && year === undefined) year = Number(t)
    else if (/^\d{1,2}(st|nd|rd|th)?$/.test(t) && day === undefined) day = parseInt(t, 10)
    else return null
  }
  if (month === undefined || year === undefined) return null
  return day === undefined ? `${year}-${pad(month)}` : ymd(year, month, day)
}

/**
 * Normalises one file's article dates to ISO so the corpus sorts by date, never guessing: ISO stays as written,
 * named months need a written year, and numeric day/month dates (03/09/2031) follow the order the file itself
 * shows (a first part over 12 means day first, a second part over 12 month first). When the file shows both
 * orders, or none while some dates could be read either way, those dates are kept as written with one warning.
 * Anything that is not a date is kept as written.
 */
export function normaliseDates(values: string[]): { dates: string[]; warning: string | null } {
  const numeric = values.map((v) => DAY_MONTH_YEAR.exec(v.trim()))
  let dayFirst: string | undefined
  let monthFirst: string | undefined
  let ambiguous: RegExpExecArray | undefined
  for (const m of numeric) {
    if (!m) continue
    const [a, b] = [Number(m[1]), Number(m[3])]
    if (a > 12 && b <= 12) dayFirst ??= m[0]
    else if (b > 12 && a <= 12) monthFirst ??= m[0]
    else if (a !== b && a <= 12 && b <= 12) ambiguous ??= m
  }
  // 'either': every such date has day and month equal, so the order does not matter
  const order = dayFirst && monthFirst ? null : dayFirst ? 'day' : monthFirst ? 'month' : ambiguous ? null : 'either'
  let warning: string | null = null
  if (dayFirst && monthFirst)
    warning = `the dates put the day first in some rows (${dayFirst}) and the month first in others (${monthFirst}), so dates written with numbers only were kept as written — write them as YYYY-MM-DD`
  else if (ambiguous && order === null) {
    const [a, b] = [Number(ambiguous[1]), Number(ambiguous[3])]
    warning = `dates such as ${ambiguous[0]} could be ${a} ${ENGLISH_MONTHS[b - 1]} or ${b} ${ENGLISH_MONTHS[a - 1]}; kept as written — write them as YYYY-MM-DD`
  }
  const dates = values.map((value, i) => {
    const v = value.trim()
    if (v === '' || ISO.test(v)) return value
    const m = numeric[i]
    if (m) {
      if (order === null) return value
      const [a, b, year] = [Number(m[1]), Number(m[3]), Number(m[4])]
      return (order === 'month' ? ymd(year, a, b) : ymd(year, b, a)) ?? value
    }
    const y = YEAR_MONTH_DAY.exec(v)
    if (y) return ymd(Number(y[1]), Number(y[3]), Number(y[4])) ?? value
    return namedMonthDate(v) ?? value
  })
  return { dates, warning }
}
