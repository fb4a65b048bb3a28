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

export type OpenFindingRow = {
	id: number
	title: string
	clauseLabel: string
	inspectionTitle: string
	severity: Severity
	rectificationDueOn: IsoDate
	rectificationState: RectificationState
	overdueDays: number
}

// The agency page's open rectifications: every finding about the agency not yet accepted, with
// its due date, the most pressing first.
export function OpenFindings({ findings }: { findings: ReadonlyArray<OpenFindingRow> }) {
	const t = useT()
	return (
		<section aria-labelledby="open-findings-heading">
			<h2 id="open-findings-heading">
				{t.findings.agencyOpen}（{findings.length}）
			</h2>
			{findings.length === 0 ? (
				<p className="empty">{t.findings.agencyOpenEmpty}</p>
			) : (
				<div className="table-wrap">
					<table className="finding-table">
						<thead>
							<tr>
								<th scope="col">{t.findings.finding}</th>
								<th scope="col">{t.findings.clause}</th>
								<th scope="col">{t.findings.severity}</th>
								<th scope="col">{t.findings.dueOn}</th>
								<th scope="col">{t.findings.state}</th>
							</tr>
						</thead>
						<tbody>
							{findings.map((row) => (
								<tr key={row.id} className={row.overdueDays > 0 ? 'finding-row--overdue' : undefined}>
									<td>
										<Link to={`/findings/${row.id}`}>{row.title}</Link>
										<div className="muted small">{row.inspectionTitle}</div>
									</td>
									<td className="nowrap">{row.clauseLabel}</td>
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
			)}
		</section>
	)
}
