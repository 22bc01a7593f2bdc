/** A tag label with its one-key shortcut and colour (Okabe–Ito palette: distinguishable with colour-blindness). */
export interface LabelDef {
  name: string
  key: string
  color: string
  description: string
}

export const DEFAULT_LABELS: readonly LabelDef[] = [
  { name: 'Actor', key: '1', color: '#0072B2', description: 'A mention of an actor: an organisation, armed group, state body, person or group of people.' },
  { name: 'Event', key: '2', color: '#D55E00', description: 'The clause or sentence reporting one event: an attack, clash, protest, agreement or other development.' },
  { name: 'Claim', key: '3', color: '#009E73', description: 'A reported statement or act by which an actor makes a demand, criticism, proposal or position public.' }
]
