// OWASP CSV injection list (and ASVS: NUL): a spreadsheet would run a cell starting with these as a formula
const FORMULA_START = /^[=+\-@\t\r\0]/

/** A text cell made safe for spreadsheets: a leading apostrophe when it starts like a formula. */
export function neutraliseFormula(text: string): { text: string; changed: boolean } {
  return FORMULA_START.test(text) ? { text: `'${text}`, changed: true } : { text, changed: false }
}
