import type { CodebookProblem } from '@shared/codebook/validate-codebook'

interface Props {
  title: string
  problems: readonly CodebookProblem[]
  /** Announce at once (a refused import); live validation is announced politely instead. */
  alert?: boolean
  onPick?: (p: CodebookProblem) => void
  onDismiss?: () => void
}

/** Every problem with its JSON path; picking one shows the part of the codebook it is in. */
export function ProblemList({ title, problems, alert, onPick, onDismiss }: Props) {
  return (
    <div className={`cb-problems${alert ? ' refused' : ''}`} role={alert ? 'alert' : 'region'} aria-label={alert ? undefined : 'Problems'}>
      <div className="cb-problems-title">
        <strong>{title}</strong>
        {onDismiss && (
          <button type="button" className="icon" aria-label="Dismiss" onClick={onDismiss}>
            ✕
          </button>
        )}
      </div>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {onPick ? (
              <button type="button" className="link" onClick={() => onPick(p)}>
                <code>{p.path}</code> {p.message}
              </button>
            ) : (
              <>
                <code>{p.path}</code> {p.message}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
