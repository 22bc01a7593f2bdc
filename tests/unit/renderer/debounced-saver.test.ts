import { describe, expect, it } from 'vitest'
import { createDebouncedSaver } from '@renderer/state/createDebouncedSaver'

const DELAY = 30
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

// a save that records what it was given and ends when the test says, so overlapping saves would show
function setup(saved = '') {
  const texts: string[] = []
  const unfinished: ((ok: boolean) => void)[] = []
  const failures: boolean[] = []
  const saver = createDebouncedSaver({
    saved,
    delayMs: DELAY,
    save: (text) => {
      texts.push(text)
      return new Promise<boolean>((end) => unfinished.push(end))
    },
    onFailedChange: (f) => failures.push(f)
  })
  const finish = async (ok = true) => {
    unfinished.shift()!(ok)
    await sleep(0)
  }
  return { saver, texts: () => texts, finish, failures }
}

describe('createDebouncedSaver', () => {
  it('saves once per pause, the latest text', async () => {
    const { saver, texts } = setup()
    saver.change('N')
    saver.change('No')
    saver.change('Note')
    expect(texts()).toEqual([])
    await sleep(DELAY * 3)
    expect(texts()).toEqual(['Note'])
  })

  it('flush saves at once, and does nothing when nothing is waiting or the text is already stored', async () => {
    const { saver, texts, finish } = setup('stored')
    saver.flush()
    saver.change('stored')
    saver.flush()
    expect(texts()).toEqual([])
    saver.change('typed')
    saver.flush()
    expect(texts()).toEqual(['typed'])
    await finish()
    await sleep(DELAY * 2)
    expect(texts()).toEqual(['typed'])
  })

  it('never has two saves in flight: text flushed meanwhile goes out when the first one ends', async () => {
    const { saver, texts, finish } = setup()
    saver.change('a')
    saver.flush()
    saver.change('ab')
    saver.flush()
    await sleep(DELAY * 2)
    expect(texts()).toEqual(['a'])
    await finish()
    expect(texts()).toEqual(['a', 'ab'])
  })

  it('an urgent flush (the page is going away) does not wait for the save in flight', () => {
    const { saver, texts } = setup()
    saver.change('a')
    saver.flush()
    saver.change('ab')
    saver.flush(true)
    expect(texts()).toEqual(['a', 'ab'])
  })

  it('keeps a failed text, reports the failure, and sends it again on the next flush', async () => {
    const { saver, texts, finish, failures } = setup()
    saver.change('lost?')
    saver.flush()
    await finish(false)
    expect(failures).toEqual([true])
    expect(saver.reset('from elsewhere')).toBe(false)
    saver.flush()
    expect(texts()).toEqual(['lost?', 'lost?'])
    await finish(true)
    expect(failures).toEqual([true, false])
    expect(saver.reset('from elsewhere')).toBe(true)
  })

  it('lets a change made elsewhere show only while nothing typed here is waiting or in flight', async () => {
    const { saver, finish } = setup()
    expect(saver.reset('undone')).toBe(true)
    saver.change('typing')
    expect(saver.reset('undone')).toBe(false)
    saver.flush()
    expect(saver.reset('undone')).toBe(false)
    await finish()
    expect(saver.reset('undone')).toBe(true)
  })
})
