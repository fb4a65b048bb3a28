import fs from 'node:fs'
import path from 'node:path'

// PGlite has no lock between processes, and two processes on one data folder corrupt it. The
// server holds a lock file while it runs; commands that write to the folder refuse while a live
// process holds it. A lock left by a crashed process (its PID gone) is taken over.
const lockName = 'server.lock'

function lockPath(dataDir: string) {
	return path.join(dataDir, '..', `${path.basename(dataDir)}.${lockName}`)
}

function isAlive(pid: number) {
	try {
		process.kill(pid, 0)
		return true
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM'
	}
}

export function lockHolder(dataDir: string): number | null {
	const file = lockPath(dataDir)
	if (!fs.existsSync(file)) return null
	const pid = Number(fs.readFileSync(file, 'utf8').trim())
	if (!Number.isInteger(pid) || pid === process.pid || !isAlive(pid)) return null
	return pid
}

export function assertUnlocked(dataDir: string) {
	const pid = lockHolder(dataDir)
	if (pid !== null) {
		throw new Error(
			`数据目录 ${dataDir} 正由进程 ${pid} 使用（服务器正在运行）。请先停止服务器再执行此命令。\n` +
				`The PGlite folder ${dataDir} is held by process ${pid} (a running server). Stop it first.`,
		)
	}
}

export function acquireLock(dataDir: string) {
	assertUnlocked(dataDir)
	fs.mkdirSync(path.dirname(lockPath(dataDir)), { recursive: true })
	fs.writeFileSync(lockPath(dataDir), String(process.pid))
	return function release() {
		const file = lockPath(dataDir)
		if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').trim() === String(process.pid)) {
			fs.rmSync(file)
		}
	}
}
