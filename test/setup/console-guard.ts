import { afterEach, beforeEach, vi } from 'vitest'

// A console.error during a test fails it: errors must be handled, not logged and forgotten.
beforeEach(() => {
	vi.spyOn(console, 'error').mockImplementation((...args: Array<unknown>) => {
		throw new Error(`console.error was called: ${args.map(String).join(' ')}`)
	})
})

afterEach(() => {
	vi.restoreAllMocks()
})
