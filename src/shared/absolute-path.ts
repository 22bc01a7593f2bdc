import { z } from 'zod'

/** A path from /, a drive (C:\ or C:/) or a network share (\\server): what the app may read or write. */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\')
}

/** A full file or folder path: a relative one would land in whatever folder the app happened to start in. */
export const absolutePath = (required: string) =>
  z
    .string()
    .min(1, required)
    .max(4096)
    .refine(isAbsolutePath, 'give the full path, from / (or a drive such as C:\\): a relative path would land in whatever folder Spanwise was started from')
