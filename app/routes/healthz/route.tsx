import { getHandle, ping } from '#db/client.server'

// For operators and load balancers: no session needed, no personal data.
export async function loader() {
	const started = performance.now()
	let handle
	try {
		handle = getHandle()
		await ping(handle.db)
		return Response.json(
			{ status: 'ok', database: handle.driver, latencyMs: Math.round((performance.now() - started) * 10) / 10, uptimeSeconds: Math.round(process.uptime()) },
			{ headers: { 'Cache-Control': 'no-store' } },
		)
	} catch {
		// No error text: this answer needs no session, and a driver's message can name hosts.
		return Response.json(
			{ status: 'unavailable', database: handle?.driver ?? null },
			{ status: 503, headers: { 'Cache-Control': 'no-store' } },
		)
	}
}
