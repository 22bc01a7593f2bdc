import type { CodebookMigration } from '@shared/codebook/codebook-migration'

/** Both migrations at once; for the same label, attribute, value or link the second one's choice wins. */
export function mergeMigrations(a: CodebookMigration, b: CodebookMigration): CodebookMigration {
  const attrKey = (x: CodebookMigration['attributes'][number]) => `${x.label}\u0000${x.from}`
  const valueKey = (x: CodebookMigration['values'][number]) => `${x.label}\u0000${x.attribute}\u0000${x.from}`
  const linkKey = (x: CodebookMigration['links'][number]) => `${x.relation}\u0000${x.from}\u0000${x.target}`
  const retypeKey = (x: CodebookMigration['retype'][number]) => `${x.label}\u0000${x.attribute}`
  return {
    labels: { ...a.labels, ...b.labels },
    attributes: [...a.attributes.filter((x) => !b.attributes.some((y) => attrKey(y) === attrKey(x))), ...b.attributes],
    values: [...a.values.filter((x) => !b.values.some((y) => valueKey(y) === valueKey(x))), ...b.values],
    links: [...a.links.filter((x) => !b.links.some((y) => linkKey(y) === linkKey(x))), ...b.links],
    retype: [...a.retype.filter((x) => !b.retype.some((y) => retypeKey(y) === retypeKey(x))), ...b.retype]
  }
}
