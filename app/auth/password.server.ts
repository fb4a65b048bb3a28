import { hash, verify } from '@node-rs/argon2'

// argon2id at OWASP's recommended cost in production; a deliberately low cost under test, or
// seeding the demo accounts alone takes minutes.
const cheap = process.env.VITEST === 'true' || process.env.ARGON2_CHEAP === '1'
const options = cheap
	? { memoryCost: 1024, timeCost: 1, parallelism: 1 }
	: { memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string) {
	return hash(password, options)
}

export async function verifyPassword(passwordHash: string, password: string) {
	try {
		return await verify(passwordHash, password)
	} catch {
		return false
	}
}

// Comparing against a fixed hash when the account does not exist keeps the response time from
// telling whether a username exists.
let dummyHash: Promise<string> | undefined
export async function burnPasswordCheck(password: string) {
	dummyHash ??= hashPassword('not-a-real-password')
	await verifyPassword(await dummyHash, password)
}
