import { Form, Link } from '@remix-run/react'
import { ErrorList, SubmitButton } from '~/components/forms'
import { formatChineseDate } from '~/domain/dates'
import { fill, useT } from '~/i18n/i18n'
import type { PageData } from './route'
import { useLiveForm } from './live'

// The session page's parts besides the log and the registered questions: what the session is,
// who must answer, and the secretariat's steps.

export function BasicsSection({ page }: { page: PageData }) {
	const t = useT()
	const { inquiry } = page
	return (
		<section className="card report-section" aria-labelledby="basics-heading">
			<h2 id="basics-heading">{t.inquiries.basics}</h2>
			<dl className="report-meta">
				<dt>{t.inquiries.kind}</dt>
				<dd>{t.inquiries.kinds[inquiry.kind]}</dd>
				<dt>{t.inquiries.meeting}</dt>
				<dd>
					<Link to={`/meetings/${inquiry.meeting.id}`}>{inquiry.meeting.label}</Link>
				</dd>
				<dt>{t.inquiries.heldOn}</dt>
				<dd>{formatChineseDate(inquiry.heldOn)}</dd>
				{inquiry.report ? (
					<>
						<dt>{t.inquiries.subject}</dt>
						<dd>
							<Link to={`/reports/${inquiry.report.id}`}>{inquiry.report.title}</Link>
						</dd>
					</>
				) : null}
				{inquiry.inspection ? (
					<>
						<dt>{t.inquiries.subject}</dt>
						<dd>
							<Link to={`/inspections/${inquiry.inspection.id}`}>{inquiry.inspection.title}</Link>
						</dd>
					</>
				) : null}
				<dt>{t.inquiries.clauses}</dt>
				<dd className="badge-list">
					{inquiry.clauses.map((c) => (
						<Link key={c.id} className="badge" to={`/clauses/${c.id}`}>
							{c.label}
						</Link>
					))}
				</dd>
				{inquiry.planItem ? (
					<>
						<dt>{t.inquiries.planItem}</dt>
						<dd>
							<Link to={`/plan?year=${inquiry.planItem.year}#item-${inquiry.planItem.id}`}>{inquiry.planItem.title}</Link>
						</dd>
					</>
				) : null}
				{inquiry.kind === 'special' ? (
					<>
						<dt>{t.inquiries.satisfactionVote}</dt>
						<dd>{inquiry.withVote ? t.inquiries.voteYes : t.inquiries.voteNo}</dd>
					</>
				) : null}
				<dt>{t.inquiries.askers}</dt>
				<dd>{inquiry.askers.length ? inquiry.askers.map((a) => a.realName).join(t.common.listSeparator) : t.inquiries.noAskers}</dd>
				<dt>{t.inquiries.recordState}</dt>
				<dd>{inquiry.publishedOn ? fill(t.inquiries.publishedOn, { date: formatChineseDate(inquiry.publishedOn) }) : t.inquiries.notPublished}</dd>
			</dl>
		</section>
	)
}

export function RespondentsSection({ page }: { page: PageData }) {
	const t = useT()
	const { inquiry, deliberations } = page
	return (
		<section className="card report-section" aria-labelledby="respondents-heading">
			<h2 id="respondents-heading">{t.inquiries.respondents}</h2>
			<p className="muted small">{t.inquiries.respondentsNote}</p>
			<div className="table-wrap">
				<table>
					<thead>
						<tr>
							<th scope="col">{t.inquiries.agency}</th>
							<th scope="col">{t.inquiries.official}</th>
							{inquiry.kind === 'special' ? <th scope="col">{t.inquiries.deliberation}</th> : null}
						</tr>
					</thead>
					<tbody>
						{inquiry.respondents.map((r) => {
							const deliberation = deliberations.find((d) => d.respondentId === r.id)
							return (
								<tr key={r.id} id={`respondent-${r.id}`}>
									<th scope="row">
										<Link to={`/agencies/${r.agencyId}`}>{r.agencyName}</Link>
									</th>
									<td>
										{r.officialTitle} {r.officialName}
									</td>
									{inquiry.kind === 'special' ? (
										<td>
											{deliberation ? (
												<Link to={`/deliberations/${deliberation.deliberationId}`}>{t.deliberation.states[deliberation.state]}</Link>
											) : (
												<span className="muted">{page.facts.deliberationOpened ? t.inquiries.deliberationHidden : t.inquiries.deliberationNotOpened}</span>
											)}
										</td>
									) : null}
								</tr>
							)
						})}
					</tbody>
				</table>
			</div>
		</section>
	)
}

// Publishing the record and opening a 专题询问's deliberation: each its own form with the
// session's version; what still stands in the way is said before the button.
export function StepsSection({ page }: { page: PageData }) {
	const t = useT()
	const { can, inquiry, facts } = page
	if (inquiry.state === 'published' && !can.openDeliberation) return null
	const office = can.record || can.openDeliberation
	if (!office) return null
	return (
		<section className="card report-section report-steps" aria-labelledby="steps-heading">
			<h2 id="steps-heading">{t.inquiries.stepsTitle}</h2>
			{inquiry.state !== 'published' ? (
				<StepForm intent="publish" version={inquiry.version} enabled={can.publish} label={t.inquiries.publish}>
					<p className="muted small">{t.inquiries.publishHint}</p>
					{!can.publish ? (
						<p className="small standing standing--overdue">
							{page.today < inquiry.heldOn
								? fill(t.inquiries.refusals.notHeld, { date: formatChineseDate(inquiry.heldOn) })
								: facts.logged === 0
									? t.inquiries.refusals.emptyLog
									: fill(t.inquiries.refusals.unanswered, { count: facts.unanswered })}
						</p>
					) : null}
				</StepForm>
			) : null}
			{inquiry.kind === 'special' && !facts.deliberationOpened ? (
				<StepForm intent="openDeliberation" version={inquiry.version} enabled={can.openDeliberation} label={t.inquiries.openDeliberation}>
					<p className="muted small">{inquiry.withVote ? t.inquiries.openDeliberationHintVote : t.inquiries.openDeliberationHint}</p>
					{!can.openDeliberation ? (
						<p className="small standing standing--overdue">{fill(t.inquiries.refusals.notHeld, { date: formatChineseDate(inquiry.heldOn) })}</p>
					) : null}
				</StepForm>
			) : null}
		</section>
	)
}

function StepForm({ intent, version, enabled, label, children }: { intent: 'publish' | 'openDeliberation'; version: number; enabled: boolean; label: string; children: React.ReactNode }) {
	const { reply } = useLiveForm(intent)
	return (
		<Form method="post" className="form form--wide">
			{children}
			<input type="hidden" name="version" value={version} />
			{reply?.message ? <ErrorList errors={[reply.message]} /> : null}
			{enabled ? (
				<div>
					<SubmitButton name="intent" value={intent}>
						{label}
					</SubmitButton>
				</div>
			) : null}
		</Form>
	)
}
