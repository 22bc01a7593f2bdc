import { describe, expect, it } from 'vitest'
import { migrationSummary } from '@renderer/views/codebook/migrationSummary'

describe('migrationSummary', () => {
  it('lists every kind of carry-over a version made, links and type changes included', () => {
    expect(
      migrationSummary({
        labels: { Place: { to: 'Location' }, Quantity: { delete: true } },
        attributes: [{ label: 'Event', from: 'date', to: 'date_start' }],
        values: [{ label: 'Event', attribute: 'event_type', from: 'riots', to: null }],
        links: [{ relation: 'located_at', from: 'Event', target: 'Location', to: null }],
        retype: [{ label: 'Event', attribute: 'location_text', to: 'summary' }]
      })
    ).toEqual([
      'Place → Location',
      'delete Quantity tags',
      'Event › date → date_start',
      'clear Event › event_type “riots”',
      'remove located_at links Event → Location',
      'Event › location_text values of another type → summary'
    ])
  })
})
