/** Every contract method once; the preload builds its bridge from this list (it cannot import zod in the sandbox). */
export const METHOD_NAMES = [
  'app.info',
  'user.setName',
  'project.open',
  'project.create',
  'project.openDemo',
  'project.pick',
  'articles.list',
  'articles.facets',
  'articles.search',
  'articles.get',
  'articles.setStatus',
  'articles.setNote',
  'annotations.list',
  'annotations.create',
  'annotations.update',
  'annotations.delete',
  'annotations.link',
  'annotations.unlink',
  'occurrences.find',
  'occurrences.accept',
  'actors.list',
  'actors.get',
  'actors.suggest',
  'actors.create',
  'actors.update',
  'actors.addAlias',
  'actors.removeAlias',
  'actors.merge',
  'actors.mentions',
  'history.state',
  'history.undo',
  'history.redo',
  'codebook.get',
  'codebook.versions',
  'codebook.usage',
  'codebook.import',
  'codebook.save',
  'import.start',
  'export.start',
  'exchange.import',
  'jobs.cancel'
] as const

export type MethodName = (typeof METHOD_NAMES)[number]

export const EVENT_NAMES = ['job.progress', 'job.finished', 'project.changed'] as const
export type EventName = (typeof EVENT_NAMES)[number]
