/** Stable error codes: the UI and scripts switch on these, never on message text. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'NO_PROJECT',
  'NO_USER',
  'NOT_A_PROJECT',
  'PROJECT_TOO_NEW',
  'PROJECT_EXISTS',
  'PROJECT_DAMAGED',
  'MIGRATION_FAILED',
  'BACKUP_FAILED',
  'NOT_SUPPORTED',
  'JOB_RUNNING',
  'CONFLICT',
  'IO',
  'INTERNAL'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorShape {
  code: ErrorCode
  message: string
  details?: unknown
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorShape }

/** An error meant for the user: a code to switch on and a message saying what, where and how to fix. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
    this.name = 'AppError'
  }

  toShape(): ErrorShape {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details }
  }
}
