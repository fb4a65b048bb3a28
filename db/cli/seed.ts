import { readArgs, runCli } from './shell'

// npm run db:seed [-- --demo] — reference data (agencies, subject mapping, the Wuhan decision)
// into any database where it is missing; with --demo also the demo accounts and records, but
// only into a database that has no account yet. The server does the same at start-up (demo
// there follows DEMO); this is for preparing a database before the first start.

const usage = `用法 / usage: npm run db:seed [-- --demo]

  --demo   数据库中尚无任何账号时，同时写入演示账号和演示数据（密码 oversight-demo）

先应用迁移，再写入缺少的参考数据（责任单位、主体对应关系、武汉市决定）。
写入 DATABASE_URL 指定的 PostgreSQL；未设置时写入 PGLITE_DIR（默认 ./data/pglite）。
服务器运行期间不能写入其 PGlite 数据目录：请先停止服务器。`

runCli(async () => {
	const { values } = readArgs({ demo: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, usage)
	if (values.help) {
		process.stderr.write(`${usage}\n`)
		return 0
	}
	const demo = values.demo ?? false
	const { withDatabase } = await import('./database')
	const { prepareDatabase } = await import('../seed/prepare.server')
	await withDatabase(async ({ handle, where }) => {
		const result = await prepareDatabase(handle.db, { demo })
		const lines = [
			result.referenceSeeded ? `已写入参考数据：${where}` : `参考数据已存在，未改动：${where}`,
		]
		if (demo) {
			lines.push(
				result.demoSeeded
					? '已写入演示账号和演示数据（admin、mishu、weiyuan1–9、daibiao1–3、gongan、jiaoyu；密码 oversight-demo）。'
					: '数据库中已有账号，未写入演示数据。',
			)
		}
		process.stdout.write(`${lines.join('\n')}\n`)
	})
	return 0
})
