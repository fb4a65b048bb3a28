import { asc, eq, or } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { agencies } from '#db/schema'
import { roles, type Role } from '~/domain/roles'
import { passwordProblem, type PasswordProblem } from '~/domain/accounts'
import { insertUser } from './users/mutations.server'
import { findUserByUsername } from './users/queries.server'
import { write, type Actor } from './write.server'

// Creating an account from the command line (`npm run user:create`): how an operator makes the
// first admin of a real database, where no account exists. Every refusal is a named problem,
// so the caller words it.

export type AccountFields = {
	username: string
	role: string
	realName: string
	agency?: string | null
}

export type AccountProblem =
	| 'invalidUsername'
	| 'invalidRole'
	| 'nameRequired'
	| 'agencyRequired'
	| 'agencyNotAllowed'
	| 'unknownAgency'
	| 'inactiveAgency'
	| 'duplicateUsername'
	| PasswordProblem

// No spaces: a username is typed at the login form and named in the audit log.
const usernamePattern = /^\S{2,64}$/u

export function isRole(value: string): value is Role {
	return (roles as ReadonlyArray<string>).includes(value)
}

// What can be checked before a password is asked for and before the database is opened.
export function accountFieldsProblem(fields: AccountFields): AccountProblem | null {
	if (!usernamePattern.test(fields.username.trim())) return 'invalidUsername'
	if (!isRole(fields.role)) return 'invalidRole'
	if (!fields.realName.trim()) return 'nameRequired'
	const agency = fields.agency?.trim()
	if (fields.role === 'agency' && !agency) return 'agencyRequired'
	if (fields.role !== 'agency' && agency) return 'agencyNotAllowed'
	return null
}

// An agency named by its key (psb), full name (武汉市公安局) or short name (市公安局).
export async function findAgency(db: Database, name: string) {
	const wanted = name.trim()
	const [row] = await db
		.select({ id: agencies.id, name: agencies.name, active: agencies.active })
		.from(agencies)
		.where(or(eq(agencies.key, wanted), eq(agencies.name, wanted), eq(agencies.shortName, wanted)))
		.orderBy(asc(agencies.displayOrder))
		.limit(1)
	return row ?? null
}

export type NewAccount = AccountFields & {
	password: string
	position?: string
	phone?: string
	mustChangePassword: boolean
}

export type CreateAccountResult =
	| { ok: true; user: { id: number; username: string; role: Role; agencyName: string | null } }
	| { ok: false; problem: AccountProblem }

export async function createAccount(db: Database, actor: Actor, input: NewAccount): Promise<CreateAccountResult> {
	const problem = accountFieldsProblem(input) ?? passwordProblem(input.password, input.username.trim())
	if (problem) return { ok: false, problem }
	const role = input.role as Role
	let agency: { id: number; name: string } | null = null
	if (role === 'agency') {
		const found = await findAgency(db, input.agency ?? '')
		if (!found) return { ok: false, problem: 'unknownAgency' }
		if (!found.active) return { ok: false, problem: 'inactiveAgency' }
		agency = found
	}
	if (await findUserByUsername(db, input.username)) return { ok: false, problem: 'duplicateUsername' }
	const user = await write(db, actor, (tx, audit) =>
		insertUser(tx, audit, {
			username: input.username,
			password: input.password,
			realName: input.realName,
			position: input.position,
			phone: input.phone,
			role,
			agencyId: agency?.id ?? null,
			mustChangePassword: input.mustChangePassword,
		}),
	)
	return { ok: true, user: { id: user.id, username: user.username, role: user.role, agencyName: agency?.name ?? null } }
}
