import type { z } from 'zod'
import type { Database } from '#db/client.server'
import type { Messages } from '~/i18n/zh'
import { isAgencyNameTaken } from '~/models/agencies/queries.server'

// A name another agency has is said beside the name while the form is read, with the other
// errors; the mutation checks again in its transaction (the agency list and an agency's page).
export function refineAgencyName(db: Database, t: Messages, exceptId?: number) {
	return async (value: { name: string }, ctx: z.RefinementCtx) => {
		if (await isAgencyNameTaken(db, value.name, exceptId)) {
			ctx.addIssue({ code: 'custom', path: ['name'], message: t.adminAgencies.refusals.nameTaken })
		}
	}
}
