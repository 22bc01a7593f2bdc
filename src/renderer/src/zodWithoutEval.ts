import { config } from 'zod'

// zod compiles parsers with new Function when it can; the CSP forbids that, so say so before its probe trips a violation
config({ jitless: true })
