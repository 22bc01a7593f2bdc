import { useCodebook } from '../../labels'

/** An attribute's name as the codebook gives it (its key when the codebook no longer has it). */
export function useAttributeName(): (label: string, key: string) => string {
  const codebook = useCodebook()
  return (label, key) => codebook?.labels.find((l) => l.name === label)?.attributes.find((a) => a.key === key)?.name ?? key
}
