import { Link } from '@remix-run/react'
import { RectificationBadge, RectificationDue, SeverityBadge } from '~/components/findings-list'
import type { Choice, DeliberationState } from '~/domain/deliberation'
import type { Severity } from '~/domain/inspections'
import type { RectificationState } from '~/domain/rectification'
import { fill, useT } from '~/i18n/i18n'

// The inspection page's findings (grouped by clause) and its report with the deliberation.

export type PageFinding = {
	id: number
	title: string
	agencyName: string
	severity: Severity
	rectificationDueOn: string
	rectificationState: RectificationState
	overdueDays: number
}

export type FindingGroup = { clauseId: number; clauseLabel: string; findings: Array<PageFinding> }

export function FindingsSection({
	inspectionId,
	groups,
	count,
	mayRecord,
	isAgency,
}: {
	inspectionId: number
	groups: Array<FindingGroup>
	count: number
	mayRecord: boolean
	isAgency: boolean
}) {
	const t = useT()
	const empty = mayRecord ? t.inspectionReport.findingsEmptyRecorder : isAgency ? t.inspectionReport.findingsEmptyAgency : t.inspectionReport.findingsEmpty
	return (
		<section className="card" id="findings" aria-labelledby="findings-heading">
			<div className="page-head" style={{ marginTop: 0 }}>
				<h2 id="findings-heading" style={{ margin: 0 }}>
					{t.inspectionReport.findingsTitle}
					{count ? <span className="muted small"> {fill(t.inspectionReport.findingsCount, { count })}</span> : null}
				</h2>
				{mayRecord ? (
					<Link className="button button--small no-print" to={`/inspections/${inspectionId}/findings/new`}>
						{t.inspectionReport.recordFinding}
					</Link>
				) : null}
			</div>
			{groups.length === 0 ? (
				<p className="empty">{empty}</p>
			) : (
				<>
					{groups.map((group) => (
						<div key={group.clauseId} className="finding-group">
							<h3 className="finding-group__clause">
								<Link to={`/clauses/${group.clauseId}`}>{group.clauseLabel}</Link>
							</h3>
							<ul className="finding-group__list">
								{group.findings.map((f) => (
									<li key={f.id} className={f.overdueDays > 0 ? 'finding-row--overdue' : undefined}>
										<Link to={`/findings/${f.id}`}>{f.title}</Link>
										<div className="small finding-group__meta">
											<span>{f.agencyName}</span> <SeverityBadge severity={f.severity} /> <RectificationBadge state={f.rectificationState} />{' '}
											<span className="muted">{t.findings.dueOn}</span> <RectificationDue dueOn={f.rectificationDueOn} overdueDays={f.overdueDays} />
										</div>
									</li>
								))}
							</ul>
						</div>
					))}
					<p className="small no-print">
						<Link to={`/findings?inspection=${inspectionId}`}>{t.inspectionReport.allFindings}</Link>
					</p>
				</>
			)}
		</section>
	)
}

export type ReportSummary = {
	title: string
	written: boolean
	meetingLabel: string | null
	mayEdit: boolean
	mayPrint: boolean
	published: boolean
	deliberation: { id: number | null; state: DeliberationState; result: Choice | null } | null
}

export function ReportSection({ inspectionId, report, isAgency }: { inspectionId: number; report: ReportSummary; isAgency: boolean }) {
	const t = useT()
	const d = report.deliberation
	const status = report.meetingLabel
		? fill(t.inspectionReport.stateSubmitted, { meeting: report.meetingLabel })
		: report.written
			? t.inspectionReport.stateDrafting
			: report.mayEdit
				? t.inspectionReport.stateNoneManage
				: t.inspectionReport.stateNone
	return (
		<section className="card" id="report" aria-labelledby="report-heading">
			<div className="page-head" style={{ marginTop: 0 }}>
				<h2 id="report-heading" style={{ margin: 0 }}>
					{t.inspectionReport.sectionTitle}
				</h2>
				<span className="toolbar no-print">
					{report.mayEdit ? (
						<Link className="button button--small" to={`/inspections/${inspectionId}/report`}>
							{t.inspectionReport.edit}
						</Link>
					) : null}
					{report.mayPrint ? (
						<Link className="button button--secondary button--small" to={`/inspections/${inspectionId}/report/print`}>
							{t.inspectionReport.print}
						</Link>
					) : null}
				</span>
			</div>
			{report.written ? <p className="inspection-report__title">{report.title}</p> : null}
			<p className={report.written ? undefined : 'empty'}>{isAgency && !report.published ? t.inspectionReport.notPublished : status}</p>
			{d ? (
				<dl className="inspection-meta">
					<dt>{t.inspectionReport.deliberationState}</dt>
					<dd>
						<span className={`badge deliberation-state deliberation-state--${d.state}`}>{t.deliberation.states[d.state]}</span>
						{d.id !== null ? (
							<>
								{' '}
								<Link to={`/deliberations/${d.id}`}>{t.inspectionReport.openDeliberation}</Link>
							</>
						) : null}
					</dd>
					{d.result ? (
						<>
							<dt>{t.inspectionReport.deliberationResult}</dt>
							<dd>{t.deliberation.choices[d.result]}</dd>
						</>
					) : null}
				</dl>
			) : null}
		</section>
	)
}
