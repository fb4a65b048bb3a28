import fs from 'node:fs'
import { isParseError, parseInstrument, type ParsedInstrument } from '~/domain/instrument-parser'
import { describeOutline, instrumentOutline } from '~/domain/instrument-outline'
import { cliError, readArgs, runCli } from './shell'

// npm run --silent import -- FILE [--dry-run] [--json] [--as USERNAME] [--allow-duplicate]
//
// --dry-run --json prints ONLY the parsed instrument as JSON on stdout (with `npm run --silent`,
// npm adds nothing either), so other tools can read it. Messages go to stderr.

const usage = `用法 / usage: npm run --silent import -- FILE [--dry-run] [--json] [--as USERNAME] [--allow-duplicate]

  FILE               法规文件全文（UTF-8 纯文本，可含标题、公告等页眉）
  --dry-run          只解析并显示结果，不写入数据库
  --json             以 JSON 输出（与 --dry-run 同用时 stdout 只有 JSON）
  --as USERNAME      以该系统管理员账号的名义导入（默认：系统）
  --allow-duplicate  已有同名或同文号的文件时仍然导入

写入 DATABASE_URL 指定的 PostgreSQL；未设置时写入 PGLITE_DIR（默认 ./data/pglite）。
服务器运行期间不能写入其 PGlite 数据目录：请先停止服务器。`

runCli(async () => {
	const { values, positionals } = readArgs(
		{
			'dry-run': { type: 'boolean' },
			json: { type: 'boolean' },
			as: { type: 'string' },
			'allow-duplicate': { type: 'boolean' },
			help: { type: 'boolean', short: 'h' },
		},
		usage,
	)
	if (values.help) {
		process.stderr.write(`${usage}\n`)
		return 0
	}
	if (positionals.length !== 1) throw cliError(`请给出一个要导入的文件。\n\n${usage}`, 2)
	const file = positionals[0]
	const text = readText(file)
	const parsed = parse(file, text)

	if (values['dry-run']) {
		const outline = instrumentOutline(parsed)
		process.stdout.write(values.json ? `${JSON.stringify(outline, null, 2)}\n` : `${describeOutline(outline)}\n`)
		return 0
	}

	// The database modules load only now: a dry run touches no database and prints nothing else.
	const { withDatabase } = await import('./database')
	const { seedReference } = await import('../seed/prepare.server')
	const { findExistingInstrument, importInstrument } = await import('~/models/instrument-import.server')
	const { findUserByUsername } = await import('~/models/users/queries.server')
	const { can } = await import('~/auth/permissions')
	const { systemActor } = await import('~/models/write.server')
	return withDatabase(async ({ handle, where }) => {
		const db = handle.db
		// Agencies and the subject mapping must exist for the new tasks to get agencies.
		await seedReference(db)
		let actor = systemActor
		if (values.as) {
			const user = await findUserByUsername(db, values.as)
			if (!user || user.disabled) throw cliError(`账号 ${values.as} 不存在或已停用。`, 1)
			if (!can(user.role, 'instruments:import')) throw cliError(`账号 ${values.as} 不是系统管理员，不能导入法规文件。`, 1)
			actor = { id: user.id, role: user.role, agencyId: user.agencyId, address: null }
		}
		const existing = await findExistingInstrument(db, parsed)
		if (existing && !values['allow-duplicate']) {
			throw cliError(
				`数据库中已有同名或同文号的文件：#${existing.id} ${existing.title}。如确需再次导入，请加 --allow-duplicate。`,
				1,
			)
		}
		const result = await importInstrument(db, actor, parsed, text)
		if (values.json) {
			process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
		} else {
			process.stdout.write(
				[
					`已导入（${where}）：#${result.id} ${result.title}`,
					`${result.parts} 个部分，${result.clauses} 个条款，${result.tasks} 项责任事项` +
						(result.tasksWithoutLead > 0 ? `；其中 ${result.tasksWithoutLead} 项尚无牵头单位，请在责任分解表中指定。` : '。'),
					`查看：/instruments/${result.id}`,
				].join('\n') + '\n',
			)
		}
		return 0
	})
})

function readText(file: string): string {
	let bytes: Buffer
	try {
		bytes = fs.readFileSync(file)
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code
		const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : code === 'EACCES' ? '没有读取权限' : (error as Error).message
		throw cliError(`无法读取文件 ${file}：${why}。`, 2)
	}
	try {
		// The BOM, if any, is dropped.
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
	} catch {
		throw cliError(
			`无法读取文件 ${file}：不是 UTF-8 编码。若为 GBK 编码，请先转换：iconv -f GBK -t UTF-8 ${file} > 新文件.txt`,
			2,
		)
	}
}

function parse(file: string, text: string): ParsedInstrument {
	try {
		return parseInstrument(text)
	} catch (error) {
		if (!isParseError(error)) throw error
		const source = text.split(/\r\n|\r|\n/)[error.line - 1]?.trim()
		throw cliError(
			`无法解析 ${file}：第 ${error.line} 行：${error.reason}` + (source ? `\n  第 ${error.line} 行内容：${source}` : ''),
			1,
		)
	}
}
