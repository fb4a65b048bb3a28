import type { Database } from '#db/client.server'
import type { IsoDate } from '~/domain/dates'
import type { PolicyUser } from '~/domain/roles'
import type { Settings } from '~/domain/settings'
import type { TimelineEvent } from '~/domain/timeline'
import type { TodoItem } from '~/domain/todo'

// What each kind of record contributes to the views they all share. A kind of record writes its
// providers next to its model (app/models/<kind>/providers.server.ts) and names them in the
// maps of app/models/registry.server.ts. Every provider scopes its queries by the user in their
// WHERE clause: a liaison gets their agency's records only, a member their own opinions and
// ballots, a deputy their own concerns.

export type ProviderUser = { id: number; role: PolicyUser['role']; agencyId: number | null }

// "What does this user have to do about my records?" — the home page's to-do list.
export type TodoProvider = (db: Database, user: ProviderUser, today: IsoDate, settings: Settings) => Promise<Array<TodoItem>>

// "What happened to my records that touch this clause?" — the clause page's timeline, only what
// the user may read.
export type TimelineProvider = (db: Database, user: ProviderUser, clauseId: number, settings: Settings) => Promise<Array<TimelineEvent>>

// "What does this agency still owe on my records?" — the agency page's open items, only what the
// viewer may read.
export type OpenItemProvider = (
	db: Database,
	viewer: ProviderUser,
	agencyId: number,
	today: IsoDate,
	settings: Settings,
) => Promise<Array<TodoItem>>
