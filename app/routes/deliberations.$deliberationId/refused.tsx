import type { SubmissionResult } from '@conform-to/react'
import { Notice } from '~/components/forms'
import { useT } from '~/i18n/i18n'
import type { PageData } from './route'
import type { Intent } from './schema'

// A step refused because the deliberation moved on (the vote closed, the letter went out) takes
// its form off the page when the page reloads. Its message and what the user typed must not
// vanish with it: they are shown here, at the top.

type ActionResult = { intent: Intent; opinionId: number | null; result: SubmissionResult<Array<string>> }

function formShown(page: PageData, intent: Intent, opinionId: number | null): boolean {
	switch (intent) {
		case 'opinion':
			return page.can.writeOpinion
		case 'proxy':
			return page.can.proxyOpinion
		case 'editOpinion':
		case 'deleteOpinion':
			return Boolean(page.opinions?.some((o) => o.id === opinionId && o.editable))
		case 'vote':
			return page.vote.mayVote
		case 'closeVote':
			return page.can.closeVote
		case 'tally':
			return page.can.enterTally
		case 'saveLetter':
			return page.draft !== null
		case 'sendLetter':
			return page.draft !== null && page.can.sendLetter
		case 'submitHandling':
			return page.can.submitHandling
		case 'acceptHandling':
		case 'returnHandling':
			return page.can.reviewHandling
	}
}

// The free text of each kind of form, to hand back when the form is gone.
const typedField: Partial<Record<Intent, string>> = {
	opinion: 'text',
	proxy: 'text',
	editOpinion: 'text',
	saveLetter: 'body',
	submitHandling: 'text',
	returnHandling: 'reason',
}

export function RefusedElsewhere({ page, actionData }: { page: PageData; actionData: ActionResult | undefined }) {
	const t = useT()
	if (!actionData || formShown(page, actionData.intent, actionData.opinionId)) return null
	const messages = actionData.result.error?.[''] ?? []
	if (messages.length === 0) return null
	const field = typedField[actionData.intent]
	const typed = field ? actionData.result.initialValue?.[field] : undefined
	return (
		<Notice kind="error">
			{messages.join(' ')}
			{typeof typed === 'string' && typed.trim() ? (
				<>
					<br />
					{t.deliberation.yourInput}
					<span className="refused-input">{typed}</span>
				</>
			) : null}
		</Notice>
	)
}
