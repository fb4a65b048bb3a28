import { Link } from '@remix-run/react'
import { formatChineseDate } from '~/domain/dates'
import { groupRoles, type GroupRole } from '~/domain/inspections'
import { fill, useT } from '~/i18n/i18n'
import type { GroupMember } from '~/models/inspections/queries.server'
import type { ScheduleVisit } from '~/models/visits/queries.server'

// The group and the schedule of the inspection page.

export function GroupSection({ group, myRole }: { group: Array<GroupMember>; myRole: GroupRole | null }) {
	const t = useT()
	return (
		<section className="card" aria-labelledby="group-heading">
			<h2 id="group-heading" style={{ marginTop: 0 }}>
				{t.inspections.groupTitle}
				{myRole ? <span className="badge"> {t.inspections.roles[myRole]}</span> : null}
			</h2>
			{group.length === 0 ? (
				<p className="muted">{t.inspections.noGroup}</p>
			) : (
				<dl className="inspection-meta">
					{groupRoles.map((role) => {
						const people = group.filter((g) => g.role === role)
						if (people.length === 0) return null
						return (
							<div key={role} className="inspection-meta__row">
								<dt>{t.inspections.roles[role]}</dt>
								<dd>{people.map((p) => (p.position ? `${p.realName}（${p.position}）` : p.realName)).join('、')}</dd>
							</div>
						)
					})}
				</dl>
			)}
		</section>
	)
}

function byDate(visits: Array<ScheduleVisit>) {
	const days: Array<{ on: string; visits: Array<ScheduleVisit> }> = []
	for (const visit of visits) {
		const last = days[days.length - 1]
		if (last && last.on === visit.on) last.visits.push(visit)
		else days.push({ on: visit.on, visits: [visit] })
	}
	return days
}

export function ScheduleSection({
	inspection,
	visits,
	isAgency,
	canManage,
	open,
}: {
	inspection: { id: number; startsOn: string; endsOn: string }
	visits: Array<ScheduleVisit>
	isAgency: boolean
	canManage: boolean
	open: boolean
}) {
	const t = useT()
	const empty = canManage && open ? t.inspections.scheduleEmptyManage : isAgency ? t.inspections.scheduleEmptyAgency : t.inspections.scheduleEmpty
	return (
		<section className="card" id="schedule" aria-labelledby="schedule-heading">
			<div className="page-head" style={{ marginTop: 0 }}>
				<h2 id="schedule-heading" style={{ margin: 0 }}>
					{t.inspections.schedule}
				</h2>
				{canManage && open ? (
					<Link className="button button--small no-print" to={`/inspections/${inspection.id}/visits/new`}>
						{t.inspections.addVisit}
					</Link>
				) : null}
			</div>
			{canManage && !open ? <p className="muted small">{t.inspections.scheduleReadOnly}</p> : null}
			{visits.length === 0 ? (
				<p className="empty">{empty}</p>
			) : (
				<ol className="schedule">
					{byDate(visits).map((day) => (
						<li key={day.on} className="schedule__day">
							<h3 className="schedule__date">{formatChineseDate(day.on)}</h3>
							<ul className="schedule__visits">
								{day.visits.map((visit) => {
									const outside = visit.on < inspection.startsOn || visit.on > inspection.endsOn
									return (
										<li key={visit.id} id={`visit-${visit.id}`} className="schedule__visit">
											<div className="schedule__head">
												<span className="schedule__time">
													{visit.startTime}–{visit.endTime}
												</span>
												<strong>{visit.place}</strong>
												{visit.district ? <span className="muted small">{visit.district}</span> : null}
												{visit.form ? <span className="badge">{t.inspections.formNames[visit.form]}</span> : null}
												{visit.unannounced ? <span className="badge badge--unannounced">{t.visits.unannounced}</span> : null}
												{outside ? <span className="badge badge--warn">{t.visits.outsidePeriod}</span> : null}
												{canManage && open ? (
													<Link className="small no-print" to={`/inspections/${inspection.id}/visits/${visit.id}/edit`}>
														{t.common.edit}
													</Link>
												) : null}
											</div>
											<div className="small">
												{t.visits.agencies}：{visit.agencies.length ? visit.agencies.map((a) => a.name).join('、') : t.visits.noAgencies}
											</div>
											<div className="small">
												{t.visits.participants}：{visit.participants.map((p) => p.realName).join('、')}
											</div>
											{visit.conflictReason ? (
												<div className="small schedule__reason">{fill(t.visits.reasonShown, { reason: visit.conflictReason })}</div>
											) : null}
										</li>
									)
								})}
							</ul>
						</li>
					))}
				</ol>
			)}
		</section>
	)
}
