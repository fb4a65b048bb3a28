import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { acquireLock } from '../lock.server'

// The command-line tools run as an operator runs them: child processes on a PGlite folder of
// their own. Each start costs a second or two, so the runs are few and each checks much.

const root = fileURLToPath(new URL('../..', import.meta.url))
const decisionFile = path.join(root, 'db/seed/wuhan-anti-fraud-decision-2021.txt')
let scratch: string
let pgliteDir: string

beforeAll(() => {
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-cli-'))
	pgliteDir = path.join(scratch, 'pglite')
})

afterAll(() => {
	fs.rmSync(scratch, { recursive: true, force: true })
})

type Run = { code: number | null; stdout: string; stderr: string }

function run(script: string, args: Array<string>, input = ''): Promise<Run> {
	const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: pgliteDir, ARGON2_CHEAP: '1' }
	// The tools write to DATABASE_URL when it is set; these runs are about the PGlite folder.
	delete env.DATABASE_URL
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', `db/cli/${script}.ts`, ...args], { cwd: root, env })
		let stdout = ''
		let stderr = ''
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
		child.on('error', reject)
		child.on('close', (code) => resolve({ code, stdout, stderr }))
		child.stdin.end(input)
	})
}

// A seeded PGlite folder: restored from the test run's snapshot when there is one (seconds
// faster than a first start); otherwise the tool migrates and seeds the empty folder itself.
async function seededFolder() {
	const template = inject('databaseTemplate')
	if (!template.endsWith('.tar.gz') || !fs.existsSync(template)) return
	fs.mkdirSync(pgliteDir, { recursive: true })
	const client = await PGlite.create({ dataDir: pgliteDir, loadDataDir: new Blob([fs.readFileSync(template)]) })
	await client.close()
}

test('import --dry-run --json prints only the parsed decision, in the documented shape', async () => {
	const { code, stdout, stderr } = await run('import', [decisionFile, '--dry-run', '--json'])
	expect(stderr).toBe('')
	expect(code).toBe(0)
	const parsed = JSON.parse(stdout)
	expect(Object.keys(parsed)).toEqual([
		'title',
		'issuer',
		'documentNumber',
		'adoptedOn',
		'publishedOn',
		'effectiveOn',
		'preamble',
		'parts',
		'clauses',
		'finalProvisions',
	])
	expect(parsed.parts).toHaveLength(6)
	expect(Object.keys(parsed.parts[0])).toEqual(['label', 'title', 'paragraphs'])
	expect(parsed.clauses).toHaveLength(20)
	expect(parsed.clauses.map((c: { label: string }) => c.label).slice(0, 3)).toEqual(['（一）', '（二）', '（三）'])
	expect(Object.keys(parsed.clauses[0])).toEqual(['label', 'ordinal', 'part', 'paragraphs', 'tasks'])
	expect(Object.keys(parsed.clauses[0].tasks[0])).toEqual(['subject', 'coSubjects', 'text'])
	expect(parsed.publishedOn).toBe('2021-06-16')
	expect(parsed.finalProvisions).toEqual(['本决定自公布之日起施行。'])
})

test('text that cannot be parsed exits with 1 and names the line; a missing file exits with 2', async () => {
	const garbage = path.join(scratch, 'garbage.txt')
	fs.writeFileSync(garbage, '会议纪要\n\n今天天气很好。\n大家都来了。\n')
	const [unparseable, missing] = await Promise.all([
		run('import', [garbage, '--dry-run', '--json']),
		run('import', [path.join(scratch, 'no-such-file.txt')]),
	])
	expect(unparseable.code).toBe(1)
	expect(unparseable.stdout).toBe('')
	expect(unparseable.stderr).toMatch(/第 \d+ 行：.+/)
	expect(missing.code).toBe(2)
	expect(missing.stderr).toContain('无法读取文件')
	expect(missing.stderr).toContain('文件不存在')
})

test('import refuses a PGlite folder that a running server holds', async () => {
	// This test process is alive, so its lock is what a running server's lock looks like.
	const release = acquireLock(pgliteDir)
	try {
		const { code, stdout, stderr } = await run('import', [decisionFile])
		expect(code).toBe(1)
		expect(stdout).toBe('')
		expect(stderr).toContain(`正由进程 ${process.pid} 使用`)
		expect(stderr).toContain('Stop it first')
	} finally {
		release()
	}
	expect(fs.existsSync(path.join(pgliteDir, 'PG_VERSION'))).toBe(false)
})

test('user:create creates an account that must change its password, and refuses a duplicate', { timeout: 120_000 }, async () => {
	await seededFolder()
	// No --password and stdin not a terminal: the password is read as one line from stdin.
	const created = await run('user-create', ['--username', 'chief', '--role', 'admin', '--name', '张主任', '--position', '信息中心'], 'Sicher-2024-Passwort\n')
	expect(created.stderr).toBe('')
	expect(created.code).toBe(0)
	expect(created.stdout).toContain('已创建账号 chief')
	expect(created.stdout).not.toContain('Sicher-2024-Passwort')

	const client = await PGlite.create({ dataDir: pgliteDir })
	try {
		const { rows } = await client.query<{ role: string; real_name: string; must_change_password: boolean; password_hash: string }>(
			"select role, real_name, must_change_password, password_hash from users where username = 'chief'",
		)
		expect(rows).toHaveLength(1)
		expect(rows[0]).toMatchObject({ role: 'admin', real_name: '张主任', must_change_password: true })
		expect(rows[0].password_hash).toMatch(/^\$argon2id\$/)
	} finally {
		await client.close()
	}

	const duplicate = await run('user-create', ['--username', 'Chief', '--role', 'member', '--name', '另一人', '--password', 'another-Passw0rd'])
	expect(duplicate.code).toBe(1)
	expect(duplicate.stderr).toContain('该用户名已存在')
})
