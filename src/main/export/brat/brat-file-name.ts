import type { ExportArticle } from '../export-dataset'

/** A file base name that is unique (the article id) and still says which article it is (a slug of the title). */
export function bratFileName(article: Pick<ExportArticle, 'id' | 'title'>): string {
  const slug = article.title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '')
  const id = String(article.id).padStart(6, '0')
  return slug ? `${id}-${slug}` : id
}
