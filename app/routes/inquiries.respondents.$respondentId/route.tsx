import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { getReadableInquiry, inquiryOfRespondent } from '~/models/inquiries/queries.server'

// A 专题询问's deliberation is about one responding agency of the session (its subject is that
// agency's row): its link back lands here and goes on to the session, at the agency's line —
// for those who may read the session; anyone else: not found.
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const respondentId = parseId(args.params.respondentId)
	const inquiryId = await inquiryOfRespondent(db, respondentId)
	invariantFound(inquiryId)
	invariantFound(await getReadableInquiry(db, user, inquiryId))
	return redirect(`/inquiries/${inquiryId}#respondent-${respondentId}`)
}
