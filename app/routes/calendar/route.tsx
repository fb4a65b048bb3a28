import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { getConfig } from '~/config.server'
import { requirePermission } from '~/auth/guards.server'
import { calendarHref, calendarNavigation, monthGrid, parseCalendarQuery, viewRange, weekDates } from '~/domain/calendar'
import { formatMeetingDates } from '~/domain/meetings'
import { shanghaiDate } from '~/domain/dates'
import { can } from '~/auth/permissions'
import { fill, messagesFor, useLang, useT } from '~/i18n/i18n'
import { calendarEventsFor } from '~/models/calendar.server'
import { feedPath, generateFeed, getFeedStatus, revokeFeed } from '~/models/calendar-feeds.server'
import { FeedPanel } from './feed-panel'
import { feedSchema } from './schema'
import { MonthGrid, WeekList, type PageEvent } from './views'
import { readForm } from '~/http/forms.server'

export const meta: MetaFunction = () => [{ title: '日历 · 监督追踪' }]

// /calendar: the signed-in user's own meetings and visits by month (?date=YYYY-MM-DD) or by
// week (?view=week&date=…), in Asia/Shanghai dates; and the subscription panel.
export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const today = shanghaiDate(new Date())
	const { view, date } = parseCalendarQuery(new URL(args.request.url).searchParams, today)
	const events = await calendarEventsFor(db, user, viewRange(view, date))
	const feed = await getFeedStatus(db, user.id)
	return {
		view,
		date,
		today,
		role: user.role,
		// The office plans the meetings and visits: an empty calendar tells it where to start.
		manages: can(user.role, 'oversight:manage'),
		navigation: calendarNavigation(view, date, today),
		weeks: view === 'month' ? monthGrid(date) : [],
		days: view === 'week' ? weekDates(date) : [],
		events: events.map(
			(e): PageEvent => ({
				kind: e.kind,
				id: e.id,
				startsOn: e.startsOn,
				endsOn: e.endsOn,
				startTime: e.startTime,
				endTime: e.endTime,
				place: e.place,
				link: e.link,
				meeting: e.meeting,
				inspectionTitle: e.inspectionTitle,
				inquiry: e.inquiry,
				unannounced: e.unannounced,
			}),
		),
		feedSince: feed ? shanghaiDate(feed.createdAt) : null,
	}
}

export async function action(args: ActionFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const t = messagesFor(args.request)
	const submission = parseWithZod(await readForm(args.request), { schema: feedSchema(t) })
	if (submission.status !== 'success') {
		return data({ feedUrl: null, notice: null, error: t.calendar.subscribe.badIntent }, { status: 400 })
	}
	const db = getDb()
	if (submission.value.intent === 'generate') {
		const token = await generateFeed(db, user, user.id)
		// Calendar apps need the absolute address: the public one behind a proxy.
		const feedUrl = new URL(feedPath(token), getConfig().publicUrl ?? args.request.url).toString()
		return { feedUrl, notice: null, error: null }
	}
	const revoked = await revokeFeed(db, user, user.id)
	const notice = revoked ? t.calendar.subscribe.revoked : t.calendar.subscribe.nothingToRevoke
	return { feedUrl: null, notice, error: null }
}

function Navigation() {
	const { view, navigation, date } = useLoaderData<typeof loader>()
	const t = useT()
	const week = view === 'week'
	return (
		<nav className="toolbar cal-nav" aria-label={t.calendar.title}>
			<Link className="button button--small button--secondary" to={calendarHref(view, navigation.previous)} rel="prev">
				{week ? t.calendar.previousWeek : t.calendar.previousMonth}
			</Link>
			<Link className="button button--small button--secondary" to={calendarHref(view, navigation.current)}>
				{week ? t.calendar.thisWeek : t.calendar.thisMonth}
			</Link>
			<Link className="button button--small button--secondary" to={calendarHref(view, navigation.next)} rel="next">
				{week ? t.calendar.nextWeek : t.calendar.nextMonth}
			</Link>
			<span className="cal-nav__views">
				{week ? (
					<Link to={calendarHref('month', date)}>{t.calendar.monthView}</Link>
				) : (
					<strong aria-current="page">{t.calendar.monthView}</strong>
				)}
				{' · '}
				{week ? (
					<strong aria-current="page">{t.calendar.weekView}</strong>
				) : (
					<Link to={calendarHref('week', date)}>{t.calendar.weekView}</Link>
				)}
			</span>
		</nav>
	)
}

export default function CalendarPage() {
	const { view, date, today, role, manages, weeks, days, events, feedSince } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const t = useT()
	const lang = useLang()
	const heading =
		view === 'week'
			? formatMeetingDates({ startsOn: days[0], endsOn: days[6] }, lang)
			: fill(t.calendar.monthTitle, { year: date.slice(0, 4), month: lang === 'en' ? date.slice(5, 7) : Number(date.slice(5, 7)) })
	return (
		<>
			<div className="page-head">
				<h1>
					{t.calendar.title} <small className="muted">{heading}</small>
				</h1>
			</div>
			<p className="muted small">{t.calendar.scope[role]}</p>
			<Navigation />
			{events.length === 0 ? (
				<p className="empty">
					{view === 'week' ? t.calendar.nothingWeek : t.calendar.nothingMonth}
					{lang === 'en' ? ' ' : null}
					{manages ? t.calendar.nothingHintManage : t.calendar.nothingHint}
				</p>
			) : null}
			{view === 'week' ? <WeekList days={days} events={events} today={today} /> : <MonthGrid weeks={weeks} events={events} today={today} />}
			<FeedPanel
				feedSince={feedSince}
				generatedUrl={actionData?.feedUrl ?? null}
				notice={actionData?.notice ?? null}
				error={actionData?.error ?? null}
			/>
		</>
	)
}
