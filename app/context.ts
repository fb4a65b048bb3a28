// What the HTTP server hands every loader and action (server.ts getLoadContext).
declare module '@remix-run/node' {
	interface AppLoadContext {
		// The client's address: the socket's, or the proxy's X-Forwarded-For with TRUST_PROXY.
		clientAddress: string | null
	}
}

export {}
