const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/

/** The value when it is a valid xsd:dateTime (our ISO timestamps are), else null so the attribute is left out. */
export function xsdDateTime(value: string | undefined): string | null {
  return value && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) ? value : null
}
