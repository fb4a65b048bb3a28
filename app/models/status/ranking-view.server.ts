import type { Database } from '#db/client.server'
import { parsePeriod } from '~/domain/dashboard'
import { shanghaiDate } from '~/domain/dates'
import type { Role } from '~/domain/roles'
import { loadSettings } from '../settings.server'
import { loadRanking } from './ranking.server'

// The ranking as a reader may see it: the committee's bodies and members see every agency; a
// liaison only its own agency's line (its rank stays the rank among all).
export async function rankingFor(db: Database, user: { role: Role; agencyId: number | null }, params: URLSearchParams) {
	const today = shanghaiDate(new Date())
	const period = parsePeriod(params, today)
	const groups = await loadRanking(db, period, today, await loadSettings(db))
	const own = user.role === 'agency'
	return {
		today,
		period,
		ownOnly: own,
		groups: groups.map((group) => ({ ...group, agencies: own ? group.agencies.filter((a) => a.id === user.agencyId) : group.agencies })).filter((group) => !own || group.agencies.length > 0),
	}
}
