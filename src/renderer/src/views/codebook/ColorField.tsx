import { legibilityWarning, OKABE_ITO } from './colorContrast'

interface Props {
  id: string
  value: string
  onChange: (hex: string) => void
  describedBy?: Record<string, unknown>
}

/** A colour from the Okabe–Ito palette (radio buttons: arrow keys move between them) or any hex colour, with a warning when it would be hard to see. */
export function ColorField({ id, value, onChange, describedBy }: Props) {
  const warning = legibilityWarning(value)
  const valid = /^#[0-9a-fA-F]{6}$/.test(value)
  return (
    <div className="color-field">
      <div className="palette" role="radiogroup" aria-label="Colour-blind-safe palette (Okabe–Ito)">
        {OKABE_ITO.map((c) => (
          <label key={c.hex} className="palette-option" title={`${c.name} ${c.hex}`}>
            <input type="radio" name={`${id}-palette`} aria-label={c.name} checked={value.toLowerCase() === c.hex.toLowerCase()} onChange={() => onChange(c.hex)} />
            <span className="palette-swatch" style={{ background: c.hex }} />
          </label>
        ))}
      </div>
      <input id={id} className="hex-input" type="text" value={value} spellCheck={false} maxLength={7} onChange={(e) => onChange(e.target.value.trim())} {...describedBy} />
      <input type="color" aria-label="Pick any colour" value={valid ? value.toLowerCase() : '#000000'} onChange={(e) => onChange(e.target.value.toUpperCase())} />
      {warning && (
        <p className="warning" role="status">
          {warning}
        </p>
      )}
    </div>
  )
}
