import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { PrintButton } from '~/components/print-button'
import { invariantFound, notFound, parseId, requirePermission } from '~/auth/guards.server'
import { formatOfficialDate, shanghaiDate } from '~/domain/dates'
import {
	deliberationPolicy,
	handlingReportDue,
	handlingRequestSentence,
	letterIsSent,
	letterIssuer,
	letterParagraphs,
	letterTitle,
} from '~/domain/deliberation'
import { useT } from '~/i18n/i18n'
import type { RouteHandle } from '~/root'
import { getReadableDeliberation } from '~/models/deliberation/queries.server'
import { loadSettings } from '~/models/settings.server'

// The opinion letter (审议意见书) in official format, for printing on A4: 文号 top right, the
// title, the 主送 line, the body indented two characters, the issuing office and the date in
// Chinese numerals bottom right, the 抄送 line at the foot. Everyone who may read the
// deliberation reads the letter once sent; before that only the secretariat and admin, who
// check the draft here before sending it.

export const handle: RouteHandle = { bare: true }

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · 监督追踪` : '审议意见书' }]

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const d = await getReadableDeliberation(db, user, parseId(args.params.deliberationId))
	invariantFound(d)
	// Before it is sent, a draft with a body is there for the office to check.
	const sent = letterIsSent(d.state)
	if (!deliberationPolicy(user, d).readLetter || (!sent && !d.letterBody.trim())) throw notFound()
	const today = shanghaiDate(new Date())
	// A draft shows the due date it would get if sent today.
	const dueOn = sent ? d.handlingDueOn : handlingReportDue(today, await loadSettings(db), d.handlingDueOn, d.subjectType)
	return {
		id: d.id,
		draft: !sent,
		number: d.letterNumber,
		title: letterTitle(d.title, d.subjectType),
		to: d.letterTo,
		cc: d.letterCc,
		paragraphs: [...letterParagraphs(d.letterBody), ...(dueOn ? [handlingRequestSentence(dueOn)] : [])],
		issuer: letterIssuer,
		date: formatOfficialDate(d.letterSentOn ?? today),
	}
}

export default function OpinionLetter() {
	const letter = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<div className="toolbar no-print letter-tools">
				<Link to={`/deliberations/${letter.id}`}>‹ {t.deliberation.backToDeliberation}</Link>
				{letter.draft ? <span className="notice notice--info">{t.deliberation.draftLetter}</span> : null}
				<PrintButton />
			</div>
			<article className="letter-sheet" lang="zh-CN">
				<p className="letter-sheet__number">{letter.number}</p>
				<h1 className="letter-sheet__title">{letter.title}</h1>
				<p className="letter-sheet__to">{letter.to}：</p>
				<div className="letter-sheet__body">
					{letter.paragraphs.map((paragraph, index) => (
						<p key={index}>{paragraph}</p>
					))}
				</div>
				<div className="letter-sheet__sign">
					<p>{letter.issuer}</p>
					<p>{letter.date}</p>
				</div>
				{letter.cc ? (
					<p className="letter-sheet__cc">
						抄送：{letter.cc}
						{/[。.]$/.test(letter.cc) ? '' : '。'}
					</p>
				) : null}
			</article>
		</>
	)
}

