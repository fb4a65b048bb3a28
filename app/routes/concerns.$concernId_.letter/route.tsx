import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, notFound, parseId, requirePermission } from '~/auth/guards.server'
import { PrintButton } from '~/components/print-button'
import { mayReadAssignmentLetter, opinionDueOn } from '~/domain/concerns'
import { formatChineseDate, formatOfficialDate, shanghaiDate } from '~/domain/dates'
import { parseRecordId } from '~/domain/ids'
import { fill, useT } from '~/i18n/i18n'
import type { RouteHandle } from '~/root'
import { concernParts, getReadableConcern } from '~/models/concerns/queries.server'

// The two official letters of a concern, for printing on A4:
// - the 交办函 to one agency (?agency=id): the office's hand-over text — never the deputy's
//   original unless marked shareable, never a constituent — with the answer's due date; for the
//   office and for the agency it is addressed to;
// - the 答复函 of an answer (?reply=round): the lead agency's answer to the deputy, signed by its
//   official; for everyone who reads the concern.

export const handle: RouteHandle = { bare: true }

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · 监督追踪` : '代表建议' }]

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const loaded = await getReadableConcern(db, user, parseId(args.params.concernId))
	invariantFound(loaded)
	const c = loaded.concern
	const parts = await concernParts(db, user, loaded)
	const params = new URL(args.request.url).searchParams
	const agencyId = parseRecordId(params.get('agency'))
	const round = parseRecordId(params.get('reply'))
	if (agencyId) {
		const to = parts.handover.find((a) => a.agencyId === agencyId)
		if (!to || !mayReadAssignmentLetter(user, agencyId) || !c.assignedOn || !c.replyDueOn) throw notFound()
		const original = c.shareable ? c.description : null
		return {
			kind: 'assignment' as const,
			id: c.id,
			title: c.title,
			to: to.name,
			role: to.role,
			text: c.assignmentText || c.title,
			original,
			dueOn: formatChineseDate(c.replyDueOn),
			opinionDueOn: formatChineseDate(opinionDueOn(c.replyDueOn)),
			date: formatOfficialDate(c.assignedOn),
		}
	}
	const answer = round ? parts.replies.find((r) => r.round === round) : undefined
	if (!answer) throw notFound()
	return {
		kind: 'reply' as const,
		id: c.id,
		title: c.title,
		filerName: loaded.filerName,
		agencyName: answer.agencyName,
		resultClass: answer.resultClass,
		content: answer.content,
		reasons: answer.reasons,
		promisedOn: answer.promisedOn ? formatChineseDate(answer.promisedOn) : null,
		signedBy: answer.signedBy,
		date: formatOfficialDate(answer.repliedOn ?? shanghaiDate(new Date())),
	}
}

const paragraphs = (text: string) => text.split(/\n+/).map((p) => p.trim()).filter(Boolean)

export default function ConcernLetter() {
	const letter = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<div className="toolbar no-print letter-tools">
				<Link to={`/concerns/${letter.id}`}>‹ {letter.title}</Link>
				<PrintButton />
			</div>
			{letter.kind === 'assignment' ? (
				<article className="letter-sheet" lang="zh-CN">
					<h1 className="letter-sheet__title">{t.concerns.letter.assignmentTitle}</h1>
					<p className="letter-sheet__to">{fill(t.concerns.letter.assignmentTo, { agency: letter.to })}</p>
					<div className="letter-sheet__body">
						<p>
							{fill(t.concerns.letter.assignmentBody, {
								title: letter.title,
								role: letter.role === 'lead' ? t.concerns.letter.leadRole : fill(t.concerns.letter.coRole, { date: letter.opinionDueOn }),
								date: letter.dueOn,
							})}
						</p>
						{paragraphs(letter.text).map((p, i) => (
							<p key={`t${i}`}>{p}</p>
						))}
						{letter.original
							? paragraphs(letter.original).map((p, i) => (
									<p key={`o${i}`}>{p}</p>
								))
							: null}
					</div>
					<div className="letter-sheet__sign">
						<p>{t.concerns.letter.issuer}</p>
						<p>{letter.date}</p>
					</div>
				</article>
			) : (
				<article className="letter-sheet" lang="zh-CN">
					<p className="letter-sheet__number">{t.concerns.resultClasses[letter.resultClass]}</p>
					<h1 className="letter-sheet__title">{fill(t.concerns.letter.replyTitle, { title: letter.title })}</h1>
					<p className="letter-sheet__to">{fill(t.concerns.letter.replyTo, { name: letter.filerName })}</p>
					<div className="letter-sheet__body">
						{paragraphs(letter.content).map((p, i) => (
							<p key={`c${i}`}>{p}</p>
						))}
						{paragraphs(letter.reasons).map((p, i) => (
							<p key={`r${i}`}>{p}</p>
						))}
						{letter.promisedOn ? <p>{fill(t.concerns.promiseDue, { date: letter.promisedOn })}</p> : null}
					</div>
					<div className="letter-sheet__sign">
						<p>{letter.agencyName}</p>
						<p>{fill(t.concerns.letter.signature, { name: letter.signedBy })}</p>
						<p>{letter.date}</p>
					</div>
				</article>
			)}
		</>
	)
}
