/**
 * Splits Electronegativity findings into explained ones (matched by an allowlist entry: same check id and file,
 * and the same sample when the entry names one) and unexplained ones, and lists entries that no longer match.
 */
export function explainFindings(issues, allowlist) {
  const problems = []
  allowlist.forEach((entry, i) => {
    if (!entry.id || !entry.file || typeof entry.reason !== 'string' || entry.reason.trim().length < 20)
      problems.push(`allowlist entry ${i} needs an id, a file and a reason of at least a sentence`)
  })
  const matches = (entry, issue) => entry.id === issue.id && entry.file === issue.file && (entry.sample === undefined || entry.sample === issue.sample)
  const used = new Set()
  const explained = []
  const unexplained = []
  for (const issue of issues) {
    const at = allowlist.findIndex((entry) => matches(entry, issue))
    if (at === -1) unexplained.push(issue)
    else {
      used.add(at)
      explained.push({ issue, reason: allowlist[at].reason })
    }
  }
  const stale = allowlist.filter((_, i) => !used.has(i))
  return { explained, unexplained, stale, problems }
}
