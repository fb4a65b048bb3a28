import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { ListTable } from '~/components/list-table'
import { shanghaiDate } from '~/domain/dates'
import { formatMeetingDates, meetingLabel, meetingLabelEn, meetingPhase, meetingPolicy, type MeetingPhase } from '~/domain/meetings'
import { fill, useLang, useT } from '~/i18n/i18n'
import { countAgendaItems, listPastMeetings, listUpcomingMeetings } from '~/models/meetings/queries.server'

export const meta: MetaFunction = () => [{ title: '常委会会议 · 监督追踪' }]

// Everyone signed in sees the list: the meetings to come (and in session) first, soonest first;
// then the past ones, latest first.
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const today = shanghaiDate(new Date())
	const upcoming = await listUpcomingMeetings(db, today)
	const past = await listPastMeetings(db, today)
	const counts = await countAgendaItems(db, [...upcoming, ...past].map((m) => m.id))
	const row = (m: (typeof upcoming)[number]) => ({
		id: m.id,
		term: m.term,
		session: m.session,
		startsOn: m.startsOn,
		endsOn: m.endsOn,
		place: m.place,
		phase: meetingPhase(m, today),
		agendaCount: counts.get(m.id) ?? 0,
	})
	return { upcoming: upcoming.map(row), past: past.map(row), canManage: meetingPolicy(user).manage }
}

type Row = {
	id: number
	term: number
	session: number
	startsOn: string
	endsOn: string
	place: string
	phase: MeetingPhase
	agendaCount: number
}

function MeetingTable({ rows, empty }: { rows: Array<Row>; empty: ReactNode }) {
	const t = useT()
	const lang = useLang()
	return (
		<ListTable rows={rows} empty={empty} className="meeting-table" headers={[t.meetings.meeting, t.meetings.dates, t.meetings.place, t.meetings.agendaCount]}>
			{(m) => (
				<tr key={m.id}>
					<td>
						<Link to={`/meetings/${m.id}`}>{lang === 'en' ? meetingLabelEn(m) : meetingLabel(m)}</Link>{' '}
						{m.phase === 'past' ? null : <span className={`badge meeting-phase meeting-phase--${m.phase}`}>{t.meetings.phases[m.phase]}</span>}
					</td>
					<td className="nowrap">{formatMeetingDates(m, lang)}</td>
					<td>{m.place || <span className="muted">{t.meetings.placeNone}</span>}</td>
					<td className="nowrap">{fill(t.meetings.agendaCountValue, { count: m.agendaCount })}</td>
				</tr>
			)}
		</ListTable>
	)
}

export default function MeetingsPage() {
	const { upcoming, past, canManage } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<div className="page-head">
				<h1>{t.meetings.title}</h1>
				{canManage ? (
					<Link className="button button--small" to="/meetings/new">
						{t.meetings.add}
					</Link>
				) : null}
			</div>
			<section aria-labelledby="upcoming-heading">
				<h2 id="upcoming-heading">{t.meetings.upcoming}</h2>
				<MeetingTable
					rows={upcoming}
					empty={
						<>
							{t.meetings.noUpcoming} {canManage ? t.meetings.noUpcomingManage : null}
						</>
					}
				/>
			</section>
			<section aria-labelledby="past-heading">
				<h2 id="past-heading">{t.meetings.past}</h2>
				<MeetingTable rows={past} empty={t.meetings.noPast} />
			</section>
		</>
	)
}
