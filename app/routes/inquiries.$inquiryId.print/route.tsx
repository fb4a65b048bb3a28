import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { PrintButton } from '~/components/print-button'
import { invariantFound, notFound, parseId, requirePermission } from '~/auth/guards.server'
import { numberToChinese } from '~/domain/chinese-numerals'
import { formatChineseDate, formatOfficialDate, shanghaiDate } from '~/domain/dates'
import { inquiryPolicy, officialLabel, recordIssuer, recordTitle } from '~/domain/inquiries'
import { useT } from '~/i18n/i18n'
import { getReadableInquiry, loadLog, sessionFacts } from '~/models/inquiries/queries.server'
import type { RouteHandle } from '~/root'

// The record of the session (询问纪要) in the official layout, printed on A4 like the opinion
// letter: the title, the session's particulars (time, place, subject, who asked, which agencies
// and officials answered), then each question and answer in order — follow-ups and commitments
// under their question — and the issuing office with the date in Chinese numerals. It is the
// whole record: a liaison reads it once published (404 before); the office reads the draft.

export const handle: RouteHandle = { bare: true }

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · 监督追踪` : '询问纪要' }]

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const inquiry = await getReadableInquiry(db, user, parseId(args.params.inquiryId))
	invariantFound(inquiry)
	const today = shanghaiDate(new Date())
	const facts = await sessionFacts(db, inquiry)
	const policy = inquiryPolicy(user, { ...facts, respondentAgencyIds: inquiry.respondentAgencyIds }, today)
	if (!policy.print) throw notFound()
	const log = await loadLog(db, inquiry.id, policy.log, today)
	const shortName = new Map(inquiry.respondents.map((r) => [r.agencyId, r.agencyShortName]))
	return {
		id: inquiry.id,
		draft: inquiry.state !== 'published',
		title: recordTitle(inquiry.meeting.label, inquiry.kind),
		topic: inquiry.topic,
		heldOn: formatChineseDate(inquiry.heldOn),
		meeting: inquiry.meeting.label,
		subject: inquiry.reportTitle ?? inquiry.inspectionTitle,
		clauses: inquiry.clauses.map((c) => c.label).join('、'),
		askers: inquiry.askers.map((a) => a.realName).join('、'),
		respondents: inquiry.respondents.map((r) => officialLabel(r.agencyShortName, { name: r.officialName, title: r.officialTitle })).join('，'),
		entries: log.map((e) => ({
			id: e.id,
			number: e.number,
			asker: e.askerName,
			official: officialLabel(shortName.get(e.agencyId) ?? e.agencyShortName, { name: e.officialName, title: e.officialTitle }),
			question: e.question,
			answer: e.answer,
			followUps: e.followUps.map((f) => ({ id: f.id, question: f.question, answer: f.answer })),
			commitments: e.commitments.map((c) => ({ id: c.id, text: `${c.agencyShortName}：${c.text}（期限：${formatChineseDate(c.dueOn)}）` })),
		})),
		issuer: recordIssuer,
		date: formatOfficialDate(inquiry.publishedOn ?? today),
	}
}

export default function InquiryRecordPrint() {
	const record = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<div className="toolbar no-print letter-tools">
				<Link to={`/inquiries/${record.id}`}>‹ {t.inquiries.backToSession}</Link>
				{record.draft ? <span className="notice notice--info">{t.inquiries.draftRecord}</span> : null}
				<PrintButton />
			</div>
			<article className="letter-sheet inquiry-record-sheet" lang="zh-CN">
				<h1 className="letter-sheet__title">{record.title}</h1>
				<p className="inquiry-record-sheet__topic">（{record.topic}）</p>
				<div className="letter-sheet__body">
					<p>时间：{record.heldOn}</p>
					<p>会议：{record.meeting}</p>
					{record.subject ? <p>审议事项：{record.subject}</p> : null}
					<p>涉及条款：决定第{record.clauses}项</p>
					{record.askers ? <p>询问人：{record.askers}</p> : null}
					<p>应询单位及负责人：{record.respondents}</p>
				</div>
				<div className="letter-sheet__body inquiry-record-sheet__log">
					{record.entries.length === 0 ? <p>（尚无询问记录）</p> : null}
					{record.entries.map((entry) => (
						<section key={entry.id}>
							<h2 className="inquiry-record-sheet__heading">
								{numberToChinese(entry.number)}、
							</h2>
							<p>
								<strong>问（{entry.asker}）：</strong>
								{entry.question}
							</p>
							<p>
								<strong>答（{entry.official}）：</strong>
								{entry.answer || '（未答复）'}
							</p>
							{entry.followUps.map((f) => (
								<div key={f.id}>
									<p>
										<strong>追问：</strong>
										{f.question}
									</p>
									<p>
										<strong>答：</strong>
										{f.answer || '（未答复）'}
									</p>
								</div>
							))}
							{entry.commitments.map((c) => (
								<p key={c.id}>
									<strong>承诺事项：</strong>
									{c.text}
								</p>
							))}
						</section>
					))}
				</div>
				<div className="letter-sheet__sign">
					<p>{record.issuer}</p>
					<p>{record.date}</p>
				</div>
			</article>
		</>
	)
}

