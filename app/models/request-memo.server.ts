import { AsyncLocalStorage } from 'node:async_hooks'
import type { NextFunction, Request, Response } from 'express'
import { getDb, type Database } from '#db/client.server'

// Reads that every loader of a page makes (the settings, whether this is a demo instance) are
// made once per page request: the root and route loaders of one request share what the first
// of them read. Only for reading requests (GET, HEAD): after a form post the loaders run again
// in the same request and must see what the action changed. Only on the database itself, never
// inside a transaction, where a mutation reads what it locked.

const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>()

export function requestMemoMiddleware(req: Request, _res: Response, next: NextFunction) {
	if (req.method === 'GET' || req.method === 'HEAD') scope.run(new Map(), next)
	else next()
}

export function memoInRequest<T>(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
	const store = scope.getStore()
	if (!store || db !== getDb()) return compute()
	let pending = store.get(key) as Promise<T> | undefined
	if (!pending) {
		pending = compute()
		store.set(key, pending)
		// A failed read is not remembered: the next loader tries again.
		pending.catch(() => store.delete(key))
	}
	return pending
}
