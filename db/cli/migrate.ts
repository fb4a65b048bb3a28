import { readArgs, runCli } from './shell'

// npm run db:migrate — applies the committed migrations (db/migrations) to DATABASE_URL or the
// PGlite folder. The server does the same at every start; this is for an operator who updates
// the schema before starting it, or checks that the database is reachable.

const usage = `用法 / usage: npm run db:migrate

应用 db/migrations 中尚未应用的迁移。写入 DATABASE_URL 指定的 PostgreSQL；未设置时写入
PGLITE_DIR（默认 ./data/pglite）。服务器运行期间不能写入其 PGlite 数据目录：请先停止服务器。`

runCli(async () => {
	const { values } = readArgs({ help: { type: 'boolean', short: 'h' } }, usage)
	if (values.help) {
		process.stderr.write(`${usage}\n`)
		return 0
	}
	const { withDatabase } = await import('./database')
	// Opening for write applies the migrations.
	await withDatabase(async ({ where }) => {
		process.stdout.write(`迁移已应用：${where}\n`)
	})
	return 0
})
