// Process configuration from the environment, read once. See README "Configuration".
function flag(value: string | undefined): boolean | undefined {
	if (value === undefined || value === '') return undefined
	return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase())
}

export type ServerConfig = {
	publicUrl: URL | null
	trustProxy: boolean
	demo: boolean
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
	const usesPostgres = Boolean(env.DATABASE_URL)
	return {
		publicUrl: env.PUBLIC_URL ? new URL(env.PUBLIC_URL) : null,
		trustProxy: flag(env.TRUST_PROXY) ?? false,
		// Demo data fills an EMPTY database: on by default for the embedded database a newcomer
		// starts with, off by default on PostgreSQL, where real data lives.
		demo: flag(env.DEMO) ?? !usesPostgres,
	}
}

let config: ServerConfig | undefined

export function getConfig(): ServerConfig {
	config ??= readConfig()
	return config
}

export function setConfig(next: ServerConfig | undefined) {
	config = next
}

// Cookies get `Secure` when users reach the app over https: by the public URL behind a proxy,
// or by the request itself (Express sets the protocol from X-Forwarded-Proto with TRUST_PROXY).
export function isSecureRequest(request: Request): boolean {
	return getConfig().publicUrl?.protocol === 'https:' || new URL(request.url).protocol === 'https:'
}
