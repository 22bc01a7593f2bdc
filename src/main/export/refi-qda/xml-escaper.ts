// Characters XML 1.0 cannot carry even as references: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/FFFF.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const TEXT_SPECIAL = /[&<>\r]/g
const ATTR_SPECIAL = /[&<>"\r\n\t]/g
const REFS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#xD;', '\n': '&#xA;', '\t': '&#x9;' }

/** Escapes text for XML 1.0 and counts the characters it had to remove because XML cannot carry them. */
export class XmlEscaper {
  removed = 0

  /** For element content; CR is written as a reference so parsers do not fold CRLF into LF. */
  text(value: string): string {
    return this.strip(value).replace(TEXT_SPECIAL, (c) => REFS[c]!)
  }

  /** For attribute values; tab and line breaks are references so attribute normalisation keeps them. */
  attr(value: string): string {
    return this.strip(value).replace(ATTR_SPECIAL, (c) => REFS[c]!)
  }

  /** Attributes ` name="value"` in order, skipping those without a value. */
  attrs(values: Record<string, string | number | null | undefined>): string {
    let out = ''
    for (const [name, value] of Object.entries(values)) if (value !== null && value !== undefined) out += ` ${name}="${this.attr(String(value))}"`
    return out
  }

  private strip(value: string): string {
    return value.replace(NOT_XML, () => {
      this.removed++
      return ''
    })
  }
}
