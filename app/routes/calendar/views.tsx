import { Link } from '@remix-run/react'
import { eventsByDay, isoWeekday, type GridDay } from '~/domain/calendar'
import type { IsoDate } from '~/domain/dates'
import type { InquiryKind } from '~/domain/inquiries'
import { meetingLabel, meetingLabelEn } from '~/domain/meetings'
import { fill, useLang, useT } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'

// The month grid and the week list. Both read the events the loader sent; multi-day meetings
// are placed on each of their days by eventsByDay (the same function the tests check).

export type PageEvent = {
	kind: 'meeting' | 'visit' | 'inquiry'
	id: number
	startsOn: IsoDate
	endsOn: IsoDate
	startTime: string | null
	endTime: string | null
	place: string
	link: string
	meeting: { term: number; session: number } | null
	inspectionTitle: string | null
	inquiry: { kind: InquiryKind; topic: string } | null
	unannounced: boolean
}

type Weekday = keyof Messages['calendar']['weekdays']

function weekdayKey(date: IsoDate): Weekday {
	return String(isoWeekday(date)) as Weekday
}

function dayLabel(t: Messages, date: IsoDate) {
	const [, m, d] = date.split('-').map(Number)
	return fill(t.calendar.dayLabel, { month: m, day: d })
}

function EventTitle({ event }: { event: PageEvent }) {
	const t = useT()
	const lang = useLang()
	if (event.meeting) return <>{lang === 'en' ? meetingLabelEn(event.meeting) : meetingLabel(event.meeting)}</>
	if (event.inquiry) return <>{fill(t.calendar.inquiryTitle, { kind: t.inquiries.kinds[event.inquiry.kind], topic: event.inquiry.topic })}</>
	return <>{fill(t.calendar.visitTitle, { title: event.inspectionTitle ?? '' })}</>
}

function EventTime({ event }: { event: PageEvent }) {
	const t = useT()
	if (!event.startTime || !event.endTime) return <span className="cal-event__time">{t.calendar.allDay}</span>
	return (
		<span className="cal-event__time">
			<time>{event.startTime}</time>–<time>{event.endTime}</time>
		</span>
	)
}

function EventEntry({ event, showPlace }: { event: PageEvent; showPlace: boolean }) {
	const t = useT()
	return (
		<li className={`cal-event cal-event--${event.kind}`}>
			<EventTime event={event} />{' '}
			<Link to={event.link} className="cal-event__title">
				<EventTitle event={event} />
			</Link>
			{event.unannounced ? <span className="badge cal-event__secret">{t.calendar.unannounced}</span> : null}
			{showPlace && event.place ? <span className="cal-event__place">{event.place}</span> : null}
		</li>
	)
}

export function MonthGrid({ weeks, events, today }: { weeks: Array<Array<GridDay>>; events: Array<PageEvent>; today: IsoDate }) {
	const t = useT()
	const days = weeks.flat()
	const byDay = eventsByDay(
		days.map((d) => d.date),
		events,
	)
	const weekdays = Object.keys(t.calendar.weekdays) as Array<Weekday>
	return (
		<div className="cal-month">
			<div className="cal-month__head" aria-hidden="true">
				{weekdays.map((key) => (
					<span key={key}>{t.calendar.weekdays[key]}</span>
				))}
			</div>
			<ol className="cal-month__days">
				{days.map((day) => {
					const dayEvents = byDay.get(day.date) ?? []
					const isToday = day.date === today
					const classes = [
						'cal-day',
						day.inMonth ? '' : 'cal-day--outside',
						isToday ? 'cal-day--today' : '',
						dayEvents.length ? '' : 'cal-day--empty',
					]
					return (
						<li key={day.date} className={classes.filter(Boolean).join(' ')} aria-current={isToday ? 'date' : undefined}>
							<div className="cal-day__label">
								<span className="cal-day__num">{Number(day.date.slice(8))}</span>
								<span className="cal-day__full">
									{dayLabel(t, day.date)} {t.calendar.weekdaysLong[weekdayKey(day.date)]}
								</span>
								{isToday ? <span className="badge cal-day__today">{t.calendar.today}</span> : null}
							</div>
							{dayEvents.length ? (
								<ul className="cal-events">
									{dayEvents.map((event) => (
										<EventEntry key={`${event.kind}-${event.id}`} event={event} showPlace={false} />
									))}
								</ul>
							) : null}
						</li>
					)
				})}
			</ol>
		</div>
	)
}

export function WeekList({ days, events, today }: { days: Array<IsoDate>; events: Array<PageEvent>; today: IsoDate }) {
	const t = useT()
	const byDay = eventsByDay(days, events)
	return (
		<ol className="cal-week">
			{days.map((date) => {
				const dayEvents = byDay.get(date) ?? []
				const isToday = date === today
				return (
					<li key={date} className={`cal-week__day${isToday ? ' cal-day--today' : ''}`} aria-current={isToday ? 'date' : undefined}>
						{/* The page's h1 is the week: each day is a section of it. */}
						<h2 className="cal-week__label">
							{t.calendar.weekdaysLong[weekdayKey(date)]} <span className="muted">{dayLabel(t, date)}</span>
							{isToday ? <span className="badge cal-day__today">{t.calendar.today}</span> : null}
						</h2>
						{dayEvents.length ? (
							<ul className="cal-events">
								{dayEvents.map((event) => (
									<EventEntry key={`${event.kind}-${event.id}`} event={event} showPlace />
								))}
							</ul>
						) : (
							<p className="muted cal-week__none">{t.calendar.noEventsDay}</p>
						)}
					</li>
				)
			})}
		</ol>
	)
}
