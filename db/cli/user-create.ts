import { randomInt } from 'node:crypto'
import readline from 'node:readline'
import { passwordProblem } from '~/domain/accounts'
import { accountFieldsProblem, type AccountProblem } from '~/models/account-create.server'
import { zh } from '~/i18n/zh'
import { cliError, readArgs, runCli } from './shell'

// npm run user:create -- --username U --role ROLE --name 真实姓名 [--position P] [--phone X]
//   [--agency 'key, name or short name'] [--password P] [--no-must-change]
//
// How an operator creates the first admin of a real database (outside demo mode no account
// exists). Without --password the password is asked for on a terminal (not echoed), read as one
// line from stdin when stdin is not a terminal, or generated and printed once when none is given.
// The account must choose its own password at first login unless --no-must-change.

const usage = `用法 / usage: npm run user:create -- --username U --role ROLE --name 真实姓名
         [--position 职务] [--phone 电话] [--agency 单位] [--password 密码] [--no-must-change]

  --role            admin（系统管理员）| secretariat（办公厅/工作委员会）| member（常委会组成人员）
                    | deputy（人大代表）| agency（责任单位联络员）
  --agency          agency 角色必填：单位的标识（如 psb）、全称或简称
  --password        不给出时：在终端上输入（不回显，直接回车则自动生成）；stdin 不是终端时读取
                    一行；读到空行则自动生成并只显示一次
  --no-must-change  不要求首次登录时修改密码（默认要求修改）

写入 DATABASE_URL 指定的 PostgreSQL；未设置时写入 PGLITE_DIR（默认 ./data/pglite）。
服务器运行期间不能写入其 PGlite 数据目录：请先停止服务器。`

const problemText: Record<AccountProblem, string> = {
	invalidUsername: '用户名须为 2–64 个字符，且不含空格。',
	invalidRole: '未知的角色：须为 admin、secretariat、member、deputy 或 agency。',
	nameRequired: '请用 --name 给出真实姓名。',
	agencyRequired: '责任单位联络员（agency）须用 --agency 指定所属单位。',
	agencyNotAllowed: '只有责任单位联络员（agency）才属于某个单位：其他角色不要给出 --agency。',
	unknownAgency: '未找到该单位：请给出单位的标识、全称或简称（见“责任单位”页面）。',
	inactiveAgency: '该单位已停用，不能为其创建联络员账号。',
	duplicateUsername: '该用户名已存在。',
	tooShort: '密码至少 8 位。',
	sameAsUsername: '密码不能与用户名相同。',
	tooSimple: '密码过于简单，请勿使用纯数字或重复字符。',
}

runCli(async () => {
	const { values } = readArgs(
		{
			username: { type: 'string' },
			role: { type: 'string' },
			name: { type: 'string' },
			position: { type: 'string' },
			phone: { type: 'string' },
			agency: { type: 'string' },
			password: { type: 'string' },
			'no-must-change': { type: 'boolean' },
			help: { type: 'boolean', short: 'h' },
		},
		usage,
	)
	if (values.help) {
		process.stderr.write(`${usage}\n`)
		return 0
	}
	if (!values.username || !values.role || !values.name) {
		throw cliError(`请给出 --username、--role 和 --name。\n\n${usage}`, 2)
	}
	const fields = { username: values.username.trim(), role: values.role, realName: values.name, agency: values.agency ?? null }
	const fieldsProblem = accountFieldsProblem(fields)
	if (fieldsProblem) throw cliError(problemText[fieldsProblem], fieldsProblem === 'invalidRole' ? 2 : 1)

	// Asked before the database is opened, so a PGlite folder is held only for the write.
	const given = values.password ?? (await askPassword())
	const generated = given === ''
	const password = generated ? generatePassword(fields.username) : given
	const weak = passwordProblem(password, fields.username)
	if (weak) throw cliError(problemText[weak], 1)

	const { withDatabase } = await import('./database')
	const { seedReference } = await import('../seed/prepare.server')
	const { createAccount } = await import('~/models/account-create.server')
	const { systemActor } = await import('~/models/write.server')
	return withDatabase(async ({ handle, where }) => {
		// The agencies a liaison belongs to are reference data.
		await seedReference(handle.db)
		const result = await createAccount(
			handle.db,
			systemActor,
			{
				...fields,
				password,
				position: values.position,
				phone: values.phone,
				mustChangePassword: !values['no-must-change'],
			},
		)
		if (!result.ok) throw cliError(`未创建账号 ${fields.username}：${problemText[result.problem]}`, 1)
		const lines = [
			`已创建账号 ${result.user.username}（${zh.roles[result.user.role]}${result.user.agencyName ? `，${result.user.agencyName}` : ''}，${fields.realName}），id ${result.user.id}：${where}`,
		]
		if (generated) lines.push(`初始密码（只显示这一次，请妥善转交）：${password}`)
		lines.push(values['no-must-change'] ? '首次登录时不要求修改密码。' : '首次登录时须修改密码。')
		process.stdout.write(`${lines.join('\n')}\n`)
		return 0
	})
})

// '' means "generate one".
async function askPassword(): Promise<string> {
	if (!process.stdin.isTTY) return readLine()
	const first = await promptHidden('密码（不回显；直接回车则自动生成）：')
	if (first === '') return ''
	const second = await promptHidden('再次输入密码：')
	if (first !== second) throw cliError('两次输入的密码不一致。', 1)
	return first
}

function readLine(): Promise<string> {
	return new Promise((resolve) => {
		const rl = readline.createInterface({ input: process.stdin, terminal: false })
		let answered = false
		rl.once('line', (line) => {
			answered = true
			rl.close()
			resolve(line.replace(/\r$/, ''))
		})
		rl.once('close', () => {
			if (!answered) resolve('')
		})
	})
}

// Raw mode, so the terminal shows nothing while the password is typed.
function promptHidden(question: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const stdin = process.stdin
		process.stderr.write(question)
		stdin.setRawMode(true)
		stdin.setEncoding('utf8')
		stdin.resume()
		let value = ''
		const finish = () => {
			stdin.off('data', onData)
			stdin.setRawMode(false)
			stdin.pause()
			process.stderr.write('\n')
		}
		function onData(chunk: string) {
			for (const char of chunk) {
				if (char === '\r' || char === '\n' || char === '\u0004') {
					finish()
					resolve(value)
					return
				}
				if (char === '\u0003') {
					finish()
					reject(cliError('已取消。', 130))
					return
				}
				value = char === '\u007f' || char === '\b' ? Array.from(value).slice(0, -1).join('') : value + char
			}
		}
		stdin.on('data', onData)
	})
}

// Letters and digits that cannot be misread when the password is read out or copied by hand.
const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

function generatePassword(username: string): string {
	for (;;) {
		const candidate = Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('')
		if (!passwordProblem(candidate, username)) return candidate
	}
}
