import type { ArticleStatus } from '@shared/domain'

/** How an article's coding status reads in the UI. */
export const STATUS_TEXT: Record<ArticleStatus, string> = { new: 'New', in_progress: 'In progress', done: 'Done' }
