import { z } from 'zod'
import type { PickPathsRequest } from '../shared/pick-paths'

const extension = z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'an extension without its dot, such as "spanpack", or *')
const pathFilter = z.strictObject({ name: z.string().trim().min(1).max(100), extensions: z.array(extension).min(1).max(20) })

/** A Choose… button's request as it arrives over IPC: unknown until it parses here. */
export const pickPathsRequest = z
  .strictObject({
    kind: z.enum(['open-files', 'open-folder', 'save-file']),
    title: z.string().trim().min(1, 'a dialog needs a title saying what the path is for').max(200),
    filters: z.array(pathFilter).max(10).optional(),
    defaultPath: z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'a path cannot contain NUL').optional(),
    multiple: z.boolean().optional()
  })
  .refine((r) => !(r.kind === 'save-file' && r.multiple), { message: 'a save dialog names one file', path: ['multiple'] })
  .refine((r) => !(r.kind === 'open-folder' && r.filters), { message: 'a folder dialog has no file types', path: ['filters'] }) satisfies z.ZodType<PickPathsRequest>
