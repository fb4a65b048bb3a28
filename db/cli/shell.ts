import { parseArgs, type ParseArgsConfig } from 'node:util'

// What the command-line tools share: arguments, messages and exit codes (opening the database
// is in database.ts, loaded only by commands that write). The tools themselves only parse
// arguments and print; the work is in app/domain and app/models.
//
// Exit codes: 0 done, 1 refused or failed (unparseable text, a held PGlite folder, a duplicate),
// 2 wrong invocation or an unreadable file.

export type CliError = Error & { name: 'CliError'; exitCode: number }

export function cliError(message: string, exitCode = 1): CliError {
	return Object.assign(new Error(message), { name: 'CliError' as const, exitCode })
}

function isCliError(error: unknown): error is CliError {
	return error instanceof Error && error.name === 'CliError'
}

export function readArgs<T extends NonNullable<ParseArgsConfig['options']>>(options: T, usage: string) {
	try {
		return parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true })
	} catch (error) {
		throw cliError(`${(error as Error).message}\n\n${usage}`, 2)
	}
}

// Runs a command: its result is the exit code; a CliError is printed to stderr as it is, any
// other error with its message (a database that cannot be reached, a bug).
export function runCli(main: () => Promise<number | void>) {
	main().then(
		(code) => {
			process.exitCode = code ?? 0
		},
		(error: unknown) => {
			if (isCliError(error)) {
				process.stderr.write(`${error.message}\n`)
				process.exitCode = error.exitCode
			} else {
				process.stderr.write(`错误 / error: ${error instanceof Error ? error.message : String(error)}\n`)
				process.exitCode = 1
			}
		},
	)
}
