import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { EmptyList, ListHead } from '~/components/list-page'
import { redirectToCanonicalList } from '~/http/list-url.server'
import { getDb } from '#db/client.server'
import { requirePermission } from '~/auth/guards.server'
import { can } from '~/auth/permissions'
import { FilterActions } from '~/components/filter-actions'
import { Pagination } from '~/components/pagination'
import { SelectFilter } from '~/components/select-filter'
import { formatChineseDate, shanghaiDate } from '~/domain/dates'
import { inquiryKinds, inquiryListSearch, isInquiryListFiltered, parseInquiryListQuery } from '~/domain/inquiries'
import { fill, useT } from '~/i18n/i18n'
import { inquiryFilterOptions, listInquiries } from '~/models/inquiries/queries.server'

export const meta: MetaFunction = () => [{ title: '询问和专题询问 · 监督追踪' }]

const filterKeys = ['meeting', 'kind', 'agency', 'clause', 'year', 'page']

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const url = new URL(args.request.url)
	const query = parseInquiryListQuery(url.searchParams)
	redirectToCanonicalList(url, filterKeys, inquiryListSearch(query))
	const [list, options] = await Promise.all([listInquiries(db, user, query, shanghaiDate(new Date())), inquiryFilterOptions(db)])
	return { query, filtered: isInquiryListFiltered(query), ...list, options, role: user.role, canSchedule: can(user.role, 'oversight:manage') }
}

export default function InquiriesPage() {
	const { query, filtered, rows, total, page, pages, options, role, canSchedule } = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<ListHead title={t.inquiries.title} count={fill(t.inquiries.count, { count: total })} create={canSchedule ? { to: '/inquiries/new', label: t.inquiries.schedule } : null}>
				<Link className="button button--secondary button--small" to="/commitments">
					{t.commitments.title}
				</Link>
			</ListHead>
			<p className="muted small">{t.inquiries.intro}</p>
			<Form method="get" className="filters no-print" aria-label={t.inquiries.filters} key={inquiryListSearch(query)}>
				<SelectFilter id="filter-meeting" name="meeting" label={t.inquiries.meeting} value={query.meetingId ?? ''} any={t.common.all} choices={options.meetings.map((m) => ({ value: m.id, label: m.label }))} />
				<SelectFilter id="filter-kind" name="kind" label={t.inquiries.kind} value={query.kind ?? ''} any={t.common.all} choices={inquiryKinds.map((k) => ({ value: k, label: t.inquiries.kinds[k] }))} />
				<SelectFilter id="filter-agency" name="agency" label={t.inquiries.agency} value={query.agencyId ?? ''} any={t.common.all} choices={options.agencies.map((a) => ({ value: a.id, label: a.name }))} />
				<SelectFilter id="filter-clause" name="clause" label={t.inquiries.clause} value={query.clauseId ?? ''} any={t.common.all} choices={options.clauses.map((c) => ({ value: c.id, label: c.label }))} />
				<SelectFilter id="filter-year" name="year" label={t.inquiries.year} value={query.year ?? ''} any={t.common.all} choices={options.years.map((y) => ({ value: y, label: String(y) }))} />
				<FilterActions resetTo="/inquiries" />
			</Form>
			{rows.length === 0 ? (
				<EmptyList message={filtered ? t.inquiries.emptyFiltered : t.inquiries.empty[role]} filtered={filtered} clear={{ to: '/inquiries', label: t.inquiries.clearFilters }} create={canSchedule ? { to: '/inquiries/new', label: t.inquiries.schedule } : null} />
			) : (
				<div className="table-wrap">
					<table className="inquiry-table">
						<thead>
							<tr>
								<th scope="col">{t.inquiries.topic}</th>
								<th scope="col">{t.inquiries.kind}</th>
								<th scope="col">{t.inquiries.meeting}</th>
								<th scope="col">{t.inquiries.respondents}</th>
								<th scope="col">{t.inquiries.questions}</th>
								<th scope="col">{t.inquiries.commitmentsColumn}</th>
								<th scope="col">{t.inquiries.recordState}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((row) => (
								<tr key={row.id}>
									<td>
										<Link to={`/inquiries/${row.id}`}>{row.topic}</Link>
									</td>
									<td>{t.inquiries.kinds[row.kind]}</td>
									<td>
										{row.meetingLabel}
										<div className="muted small nowrap">{formatChineseDate(row.heldOn)}</div>
									</td>
									<td>{row.agencies.join(t.common.listSeparator)}</td>
									<td>{row.questions}</td>
									<td>
										{row.commitments}
										{row.overdueCommitments > 0 ? <div className="commitment-overdue small">{fill(t.inquiries.overdueCount, { count: row.overdueCommitments })}</div> : null}
									</td>
									<td>
										<span className={`inquiry-state inquiry-state--${row.state}`}>{t.inquiries.states[row.state]}</span>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<Pagination page={page} pages={pages} href={(n) => `/inquiries${inquiryListSearch({ ...query, page: n })}`} />
		</>
	)
}
