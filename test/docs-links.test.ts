import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

// The README and docs/ are read in a clone of this repository, on its own: every link they make
// to a file must point at a file of the repository (not at ../shared or anything beside it).
const root = fileURLToPath(new URL('..', import.meta.url))
const documents = ['README.md', ...fs.readdirSync(path.join(root, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)]

test.each(documents)('every link of %s leads to a file of the repository', (document) => {
	const text = fs.readFileSync(path.join(root, document), 'utf8')
	const targets = Array.from(text.matchAll(/\]\(([^)\s]+)\)/g), (match) => match[1]).filter(
		(target) => !/^(?:[a-z]+:|#)/i.test(target),
	)
	const broken = targets.filter((target) => {
		const resolved = path.resolve(root, path.dirname(document), target.replace(/#.*$/, ''))
		return !resolved.startsWith(root) || !fs.existsSync(resolved)
	})
	expect(broken).toEqual([])
})
