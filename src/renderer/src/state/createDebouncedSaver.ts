export interface DebouncedSaver {
  /** The text changed: save it once changes pause for the delay. */
  change(text: string): void
  /** Save what is waiting now, or as soon as the save in flight ends; `urgent` does not wait (the page is going away). */
  flush(urgent?: boolean): void
  /** The saved text changed elsewhere. True when nothing typed here is waiting or in flight, so it may be shown. */
  reset(text: string): boolean
}

export interface DebouncedSaverOptions {
  /** Resolves false when the save failed (the caller reports why). */
  save: (text: string) => Promise<boolean>
  delayMs: number
  /** The text as stored now. */
  saved: string
  onFailedChange?: (failed: boolean) => void
}

/**
 * Saves text as it is typed: one save per pause, never two of one text at once (so they cannot land out of
 * order), nothing sent for text that is already stored, and a failed text kept and sent again on the next flush.
 */
export function createDebouncedSaver({ save, delayMs, saved: stored, onFailedChange }: DebouncedSaverOptions): DebouncedSaver {
  let saved = stored
  let pending: string | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let sending = false
  let failed = false

  const setFailed = (value: boolean) => {
    if (value !== failed) onFailedChange?.(value)
    failed = value
  }

  const send = (text: string) => {
    pending = null
    sending = true
    void save(text)
      .catch(() => false)
      .then((ok) => {
        sending = false
        setFailed(!ok)
        if (ok) saved = text
        else pending ??= text
        // text typed while this save was in flight, whose pause has already come
        if (ok && pending !== null && timer === undefined) flush()
      })
  }

  const flush = (urgent = false) => {
    clearTimeout(timer)
    timer = undefined
    if (pending === null || (sending && !urgent)) return
    if (pending === saved && !sending) {
      pending = null
      setFailed(false)
      return
    }
    send(pending)
  }

  return {
    change(text) {
      pending = text
      clearTimeout(timer)
      timer = setTimeout(flush, delayMs)
    },
    flush,
    reset(text) {
      if (pending !== null || sending) return false
      saved = text
      return true
    }
  }
}
