import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

// The commands the README and CI name are package.json scripts: one that runs a file the
// repository does not have fails only when someone types it, so check every named file here.
const root = fileURLToPath(new URL('..', import.meta.url))
const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
	.scripts

test.each(Object.entries(scripts))('npm run %s names only files the repository has', (_name, command) => {
	const files = command.split(/\s+/).filter((word) => /^[\w./-]+\.(?:[cm]?[jt]s|tsx)$/.test(word))
	const missing = files.filter((file) => !fs.existsSync(path.join(root, file)))
	expect(missing).toEqual([])
})
