// The roles of DESIGN §1. Client-safe: db/schema.ts, the permission table and the forms all
// import this one list.
export const roles = ['admin', 'secretariat', 'member', 'deputy', 'agency'] as const
export type Role = (typeof roles)[number]

// The committee's office runs the oversight work; an administrator may read what it reads.
export function isOffice(role: Role): boolean {
	return role === 'admin' || role === 'secretariat'
}

// The user a policy judges: an Actor (app/models/write.server.ts) and the session's user both
// are one.
export type PolicyUser = { id: number | null; role: Role; agencyId: number | null }
