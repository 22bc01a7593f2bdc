import { AppError } from '../../../../shared/errors'

/** A zip input refused before anything was imported; readers that report issues use `issueCode`, packs throw it as it is. */
export class ZipRefused extends AppError {
  constructor(
    readonly issueCode: 'BAD_ARCHIVE' | 'FILE_TOO_LARGE',
    message: string
  ) {
    super('VALIDATION', message)
  }
}
