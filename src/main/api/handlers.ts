import type { MethodOutput, ParsedInput } from '../../shared/contract'
import { actorMentions } from '../actors/actor-mentions'
import { AppError } from '../../shared/errors'
import type { MethodName } from '../../shared/method-names'
import { setArticleNote } from '../articles/set-article-note'
import { importCodebook } from '../codebook/import-codebook'
import type { ImportInput } from '../import/run-import'
import type { Workbench } from '../app/workbench'
import { findOccurrences } from '../annotations/find-occurrences'
import { buildAgreementReport } from '../../shared/agreement/agreement-report'
import { agreementInput } from '../review/agreement-input'
import { packReview } from '../../shared/review/packed-review'

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> }

/** Every contract method, implemented over the workbench; each is thin: validate (done by dispatch) → domain → DTO. */
export function createHandlers(wb: Workbench): Handlers {
  const changed = (articleId: number) => wb.emit('project.changed', { what: 'annotations', articleId })
  const actorsChanged = <T>(result: T): T => {
    wb.emit('project.changed', { what: 'actors' })
    return result
  }
  const layersState = (articleId: number) => {
    const all = wb.store.review.layers(articleId)
    return { layers: wb.review.layers(wb.user, articleId, all), blind: wb.store.review.blindCoding(), hiddenLayers: wb.review.hiddenLayers(wb.user, articleId, all) }
  }
  // under blind coding, the corpus list counts only the tags this coder may see
  const blindFor = () => (wb.store.review.blindCoding() ? (wb.settings.user?.id ?? '') : null)
  return {
    'app.info': () => wb.info(),
    'user.setName': ({ name }) => {
      wb.renameCoder(wb.settings.setUserName(name))
      return wb.info()
    },
    'project.open': ({ path }) => wb.open(path),
    'project.create': (input) => wb.create(input),
    'project.openDemo': () => wb.openDemo(),
    'project.recover': (input) => wb.recover(input),
    'backup.list': () => wb.backupList(),
    'backup.create': () => wb.backupNow(),
    'backup.restore': ({ backup }) => wb.restore(backup),
    'articles.list': (input) => wb.store.articles.list(input, blindFor()),
    'articles.facets': () => wb.store.articles.facets(),
    'articles.search': ({ query, limit, after }) => wb.store.articles.search(query, limit, after, blindFor()),
    'articles.get': ({ id }) => {
      const article = wb.store.articles.get(id)
      if (!article) throw new AppError('NOT_FOUND', `Article ${id} does not exist in this project.`)
      return article
    },
    'articles.setStatus': ({ id, status }) => {
      if (!wb.store.articles.setStatus(id, status)) throw new AppError('NOT_FOUND', `Article ${id} does not exist in this project.`)
      wb.emit('project.changed', { what: 'articles' })
      const { text: _text, hash: _hash, url: _url, metadata: _m, note: _note, ...summary } = wb.store.articles.get(id)!
      return summary
    },
    'articles.setNote': ({ id, note }) => setArticleNote(wb.store, wb.user, id, note),
    'annotations.list': ({ articleId, startsIn }) => wb.review.visible(wb.user, articleId, startsIn).annotations,
    'annotations.create': (input) => {
      const m = wb.annotations.create(wb.user, input)
      changed(m.articleId)
      return m
    },
    'annotations.update': (input) => {
      const m = wb.annotations.update(wb.user, input)
      changed(m.articleId)
      return m
    },
    'annotations.delete': ({ id }) => {
      const m = wb.annotations.delete(wb.user, id)
      changed(m.articleId)
      return m
    },
    'annotations.link': (input) => {
      const m = wb.annotations.link(wb.user, input)
      changed(m.articleId)
      return m
    },
    'annotations.unlink': (input) => {
      const m = wb.annotations.unlink(wb.user, input)
      changed(m.articleId)
      return m
    },
    'annotations.copy': ({ id }) => {
      const m = wb.annotations.copy(wb.user, id)
      changed(m.articleId)
      return m
    },
    'review.layers': ({ articleId }) => layersState(articleId),
    'review.markDone': ({ articleId, done }) => {
      wb.review.markDone(wb.user, articleId, done)
      changed(articleId)
      return layersState(articleId)
    },
    'review.setBlind': ({ on }) => {
      wb.emit('project.changed', { what: 'project' })
      return { blind: wb.review.setBlindCoding(on) }
    },
    'review.article': ({ articleId, annotators }) => packReview(wb.review.article(wb.user, articleId, annotators)),
    'review.corpus': ({ annotators, limit }) => ({ rows: wb.review.corpus(wb.user, annotators, limit), blind: wb.store.review.blindCoding() }),
    'review.decide': (input) => {
      const m = wb.review.decide(wb.user, input)
      changed(m.articleId)
      return m
    },
    'review.acceptAgreed': ({ articleId, annotators }) => {
      const m = wb.review.acceptAgreed(wb.user, articleId, annotators)
      if (m) changed(articleId)
      return m
    },
    'comments.list': ({ annotationId }) => wb.review.comments(annotationId),
    'comments.add': ({ annotationId, body }) => wb.review.addComment(wb.user, annotationId, body),
    'agreement.coders': () =>
      wb.store.db.prepare('SELECT id, name FROM annotator WHERE id IN (SELECT DISTINCT annotator_id FROM annotation) ORDER BY name, id').all() as { id: string; name: string }[],
    'agreement.report': (selection) => buildAgreementReport(agreementInput(wb.store, { ...selection, blindFor: blindFor() })),
    'occurrences.find': ({ annotationId, scope, withAliases }) => {
      const tag = wb.store.annotations.get(annotationId)
      if (!tag) throw new AppError('NOT_FOUND', `Tag ${annotationId} does not exist (it may have been deleted or undone).`)
      return findOccurrences(wb.store, tag, scope, withAliases)
    },
    'occurrences.accept': ({ annotationId, items }) => {
      const result = wb.annotations.tagOccurrences(wb.user, annotationId, items)
      wb.emit('project.changed', { what: 'articles' })
      return result
    },
    'actors.list': ({ query, limit }) => wb.store.actors.list(query, limit),
    'actors.get': ({ id }) => wb.actors.require(id),
    'actors.suggest': ({ text, date }) => wb.actors.suggest(text, date),
    'actors.create': (input) => actorsChanged(wb.actors.create(wb.user, input)),
    'actors.update': (input) => actorsChanged(wb.actors.update(wb.user, input)),
    'actors.addAlias': (input) => actorsChanged(wb.actors.addAlias(wb.user, input)),
    'actors.removeAlias': ({ aliasId }) => actorsChanged(wb.actors.removeAlias(wb.user, aliasId)),
    'actors.addRelation': (input) => actorsChanged(wb.actors.addRelation(wb.user, input)),
    'actors.removeRelation': (input) => actorsChanged(wb.actors.removeRelation(wb.user, input)),
    'actors.merge': (input) => actorsChanged(wb.actors.merge(wb.user, input)),
    'actors.mentions': ({ id, limit }) => {
      wb.actors.require(id)
      return actorMentions(wb.store, id, limit)
    },
    'history.state': ({ articleId }) => wb.annotations.history(wb.user, articleId),
    'history.undo': ({ articleId }) => {
      const m = wb.annotations.undo(wb.user, articleId)
      if (m) changed(articleId)
      return m
    },
    'history.redo': ({ articleId }) => {
      const m = wb.annotations.redo(wb.user, articleId)
      if (m) changed(articleId)
      return m
    },
    'codebook.get': ({ version }) => wb.store.codebooks.get(version),
    'codebook.versions': () => wb.store.codebooks.versions(),
    'codebook.usage': () => wb.store.codebooks.usage(),
    'codebook.import': ({ json }) => importCodebook(json),
    'codebook.save': (input) => {
      const saved = wb.codebooks.save(wb.user, input)
      wb.emit('project.changed', { what: 'codebook' })
      return saved
    },
    'import.start': ({ sources, encoding }) => {
      const inputs: ImportInput[] = sources.map((s) =>
        s.kind === 'path' ? s : { kind: 'bytes', name: s.name, bytes: new Uint8Array(Buffer.from(s.base64, 'base64')) }
      )
      const jobId = wb.jobs.startImport(wb.store.path, inputs, encoding, () => wb.emit('project.changed', { what: 'articles' }))
      return { jobId }
    },
    'export.start': (options) => ({ jobId: wb.jobs.startExport(wb.store.path, options, undefined, options.format === 'pack' ? wb.user : null) }),
    'exchange.import': (options) => {
      const user = wb.user
      const jobId = wb.jobs.startAnnotatedImport(wb.store.path, options, user, (report) => {
        if (!report.committed) return
        wb.emit('project.changed', { what: 'articles' })
        wb.emit('project.changed', { what: 'codebook' })
      })
      return { jobId }
    },
    'jobs.cancel': ({ jobId }) => ({ cancelled: wb.jobs.cancel(jobId) })
  }
}
