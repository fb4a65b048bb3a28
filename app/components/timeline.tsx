import type { ReportStatus } from '~/domain/reports'
import { Link } from '@remix-run/react'
import { groupByYear, type TimelineEvent } from '~/domain/timeline'
import { fill, useLang, useT } from '~/i18n/i18n'
import { formatDate } from './todo-list'

const isoDate = /^\d{4}-\d{2}-\d{2}$/

// The clause page's record of events, newest first, grouped by year.
export function Timeline({ events, empty }: { events: ReadonlyArray<TimelineEvent>; empty: string }) {
	const t = useT()
	const lang = useLang()
	if (events.length === 0) return <p className="empty">{empty}</p>
	const label = (event: TimelineEvent) => {
		const template = Object.hasOwn(t.timeline.events, event.kind)
			? t.timeline.events[event.kind as keyof typeof t.timeline.events]
			: event.kind
		const params = Object.fromEntries(
			Object.entries(event.params ?? {}).map(([key, value]) => [
				key,
				typeof value === 'string' && isoDate.test(value) ? formatDate(value, lang) : value,
			]),
		)
		return fill(template, params)
	}
	const kindOf = (event: TimelineEvent) => {
		const prefix = event.kind.split('.')[0]
		return Object.hasOwn(t.timeline.kinds, prefix) ? t.timeline.kinds[prefix as keyof typeof t.timeline.kinds] : prefix
	}
	return (
		<div className="timeline">
			{groupByYear(events).map((group) => (
				<section key={group.year} aria-label={group.year}>
					<h3 className="timeline__year">{lang === 'zh' ? `${group.year}年` : group.year}</h3>
					<ol className="timeline__events">
						{group.events.map((event, index) => (
							<li key={`${event.kind}|${event.href}|${event.at}|${index}`} className="timeline__event" data-kind={event.kind}>
								<time dateTime={event.at} className="timeline__date">
									{formatDate(event.at, lang)}
								</time>
								<div className="timeline__body">
									<div>
										<span className="badge">{kindOf(event)}</span> {label(event)}
									</div>
									<Link to={event.href}>{event.title}</Link>
									{event.detail ? <div className="muted small">{event.detail}</div> : null}
								</div>
							</li>
						))}
					</ol>
				</section>
			))}
		</div>
	)
}

type ReportLinkRow = { id: number; title: string; status: ReportStatus; meetingLabel: string; href: string }

// The reports that touch a clause or an agency, as a compact table (scrolls sideways on a phone).
export function ReportLinks({ reports, empty }: { reports: ReadonlyArray<ReportLinkRow>; empty: string }) {
	const t = useT()
	if (reports.length === 0) return <p className="empty">{empty}</p>
	return (
		<div className="table-wrap">
			<table className="report-links">
				<thead>
					<tr>
						<th scope="col">{t.timeline.reportTitle}</th>
						<th scope="col">{t.timeline.meeting}</th>
						<th scope="col">{t.timeline.state}</th>
					</tr>
				</thead>
				<tbody>
					{reports.map((report) => (
						<tr key={report.id}>
							<td>
								<Link to={report.href}>{report.title}</Link>
							</td>
							<td className="nowrap">{report.meetingLabel}</td>
							<td>{t.reports.statuses[report.status]}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
