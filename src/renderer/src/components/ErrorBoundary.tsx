import { Component, type ReactNode } from 'react'

/** Shows what broke instead of a blank window; the data is safe in the project file. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null }

  static getDerivedStateFromError(error: Error) {
    return { error }
  }

  override render() {
    if (!this.state.error) return this.props.children
    return (
      <div className="empty" role="alert">
        <h2>Something went wrong in this window.</h2>
        <p>Everything shown as saved is in the project file. Reload to continue.</p>
        <pre>{this.state.error.message}</pre>
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    )
  }
}
