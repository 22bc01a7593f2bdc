import { expect } from 'vitest'
import { AppError } from '../../src/shared/errors'

/** The AppError `fn` throws, for its code and message; fails the test when it throws nothing or something else. */
export function appError(fn: () => unknown): AppError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error('expected an AppError, but nothing was thrown')
}
