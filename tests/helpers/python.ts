import { spawnSync } from 'node:child_process'

/** Whether python3 runs here: the checks that slice or parse exports in Python skip, with a printed reason, where it does not. */
export const HAS_PYTHON = spawnSync('python3', ['--version']).status === 0
