import { Link } from '@remix-run/react'
import type { IsoDate } from '~/domain/dates'
import type { Severity } from '~/domain/inspections'
import type { RectificationState } from '~/domain/rectification'
import { fill, useLang, useT } from '~/i18n/i18n'
import { formatDate } from './todo-list'

export function SeverityBadge({ severity }: { severity: Severity }) {
	const t = useT()
	return <span className={`severity severity--${severity}`}>{t.findings.severities[severity]}</span>
}

export function RectificationBadge({ state }: { state: RectificationState }) {
	const t = useT()
	return <span className={`rectification-state rectification-state--${state}`}>{t.findings.states[state]}</span>
}

// The due date, and in red how many days it is overdue (computed by the loader from today).
export function RectificationDue({ dueOn, overdueDays }: { dueOn: IsoDate; overdueDays: number }) {
	const t = useT()
	const lang = useLang()
	return (
		<span className="nowrap">
			{formatDate(dueOn, lang)}
			{overdueDays > 0 ? <span className="finding-overdue">{fill(t.findings.overdueDays, { days: overdueDays })}</span> : null}
		</span>
	)
}

// A finding as its one line in a table: the findings list, the agency page.
export type FindingTableRow = {
	id: number
	title: string
	inspectionTitle: string
	clauseId: number
	clauseLabel: string
	agencyName?: string
	severity: Severity
	rectificationDueOn: IsoDate
	rectificationState: RectificationState
	overdueDays: number
}

// The findings table: each finding with its inspection, clause, agency (left out on a page that
// is the agency's own), severity, due date — overdue in red — and where its rectification stands.
export function FindingsTable({ rows, showAgency = true }: { rows: ReadonlyArray<FindingTableRow>; showAgency?: boolean }) {
	const t = useT()
	return (
		<div className="table-wrap">
			<table className="finding-table">
				<thead>
					<tr>
						<th scope="col">{t.findings.finding}</th>
						<th scope="col">{t.findings.clause}</th>
						{showAgency ? <th scope="col">{t.findings.agency}</th> : null}
						<th scope="col">{t.findings.severity}</th>
						<th scope="col">{t.findings.dueOn}</th>
						<th scope="col">{t.findings.state}</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((row) => (
						<tr key={row.id} className={row.overdueDays > 0 ? 'finding-row--overdue' : undefined}>
							<td className="finding-table__title">
								<Link to={`/findings/${row.id}`}>{row.title}</Link>
								<div className="muted small">{row.inspectionTitle}</div>
							</td>
							<td className="nowrap">
								<Link to={`/clauses/${row.clauseId}`}>{row.clauseLabel}</Link>
							</td>
							{showAgency ? <td>{row.agencyName}</td> : null}
							<td>
								<SeverityBadge severity={row.severity} />
							</td>
							<td>
								<RectificationDue dueOn={row.rectificationDueOn} overdueDays={row.overdueDays} />
							</td>
							<td>
								<RectificationBadge state={row.rectificationState} />
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

// The agency page's open rectifications: every finding about the agency not yet accepted, with
// its due date, the most pressing first.
export function OpenFindings({ findings }: { findings: ReadonlyArray<FindingTableRow> }) {
	const t = useT()
	return (
		<section aria-labelledby="open-findings-heading">
			<h2 id="open-findings-heading">
				{t.findings.agencyOpen}（{findings.length}）
			</h2>
			{findings.length === 0 ? <p className="empty">{t.findings.agencyOpenEmpty}</p> : <FindingsTable rows={findings} showAgency={false} />}
		</section>
	)
}
