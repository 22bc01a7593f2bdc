import type { EventPayload } from '../../shared/contract'
import type { EventName } from '../../shared/method-names'

/** Where main-side events go: IPC to the window, Server-Sent Events to a browser, or stderr for the CLI. */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void
