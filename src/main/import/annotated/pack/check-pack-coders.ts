import { AppError } from '../../../../shared/errors'
import type { Store } from '../../../store/store'
import { GOLD_LAYER } from '../../../store/migrations/0008-review'
import type { PackFile } from './read-pack-file'

/**
 * Refuses packs that would write where they must not: the user's own layer, the gold layer, or a coder id
 * that another pack or this project knows under another name (two people sharing an id, or a wrong file).
 */
export function checkPackCoders(packs: PackFile[], user: { id: string; name: string }, store?: Store): void {
  const names = new Map<string, { name: string; file: string }>()
  for (const { file, manifest } of packs) {
    const { id, name } = manifest.annotator
    if (id === user.id) {
      throw new AppError('CONFLICT', `${file} holds your own tags (${name}, exported ${manifest.createdAt.slice(0, 16).replace('T', ' ')} UTC); a pack brings a colleague's tags in as their layer, and yours are already in this project. Import packs your colleagues exported.`)
    }
    if (id === GOLD_LAYER) throw new AppError('CONFLICT', `${file} names the gold-standard layer as its coder; gold tags come from adjudication in this project, not from packs.`)
    const seen = names.get(id)
    if (seen && seen.name !== name) {
      throw new AppError('CONFLICT', `${seen.file} and ${file} name the same coder id ${id} as "${seen.name}" and as "${name}"; nothing was imported. Ask who made them: one person renamed, or two people share one id. Import the packs one at a time once that is settled.`)
    }
    names.set(id, { name, file })
  }
  if (!store) return
  const known = store.db.prepare('SELECT name FROM annotator WHERE id = ?').pluck()
  for (const [id, { name, file }] of names) {
    const here = known.get(id) as string | undefined
    if (here !== undefined && here !== name) {
      throw new AppError('CONFLICT', `${file} is by "${name}", but this project already knows that coder id (${id}) as "${here}"; nothing was imported. Ask whether "${name}" and "${here}" are the same person: if so they should export again under the name "${here}"; if not, two people share one id and one of them must set Spanwise up afresh.`)
    }
  }
}
