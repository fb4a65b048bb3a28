import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { invariantFound, parseId, requirePermission } from '~/auth/guards.server'
import { AgencyBadge } from '~/components/agency-badge'
import { formatChineseDate } from '~/domain/dates'
import { useT } from '~/i18n/i18n'
import { clauseAnchor } from '~/domain/clauses'
import { getInstrumentWithClauses } from '~/models/clauses.server'
import { clauseAgencies } from '~/models/instruments.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.instrument.title ?? ''} · 监督追踪` }]

export async function loader(args: LoaderFunctionArgs) {
	await requirePermission(args, 'record:read')
	const db = getDb()
	const found = await getInstrumentWithClauses(db, parseId(args.params.instrumentId))
	invariantFound(found)
	const agenciesByClause = await clauseAgencies(
		db,
		found.clauses.map((c) => c.id),
	)
	const { sourceText: _source, ...instrument } = found.instrument
	return {
		instrument,
		parts: found.parts,
		clauses: found.clauses.map((c) => ({ ...c, agencies: agenciesByClause.get(c.id) ?? [] })),
	}
}

export default function InstrumentPage() {
	const { instrument, parts, clauses } = useLoaderData<typeof loader>()
	const t = useT()
	const dated = [
		instrument.adoptedOn ? `${formatChineseDate(instrument.adoptedOn)}通过` : null,
		instrument.publishedOn ? `${formatChineseDate(instrument.publishedOn)}公布` : null,
		instrument.effectiveOn ? `${formatChineseDate(instrument.effectiveOn)}施行` : null,
	].filter(Boolean)
	const unparted = clauses.filter((c) => c.partId === null)
	return (
		<article className="decision">
			<h1>{instrument.title}</h1>
			<p className="decision__meta">
				{[instrument.issuer, instrument.documentNumber].filter(Boolean).join(' · ')}
				<br />
				{dated.join('　')}
			</p>
			<p className="no-print toolbar" style={{ justifyContent: 'center' }}>
				<Link to="/tasks">{t.nav.tasks}</Link>
			</p>
			{instrument.preamble ? <p style={{ textIndent: '2em' }}>{instrument.preamble}</p> : null}
			{unparted.map((clause) => (
				<ClauseBlock key={clause.id} clause={clause} />
			))}
			{parts.map((part) => (
				<section key={part.id}>
					<h2 className="decision__part">
						{part.label}
						{part.title}
					</h2>
					{part.paragraphs.map((paragraph, index) => (
						<p key={index} className="decision__paragraph">
							{paragraph}
						</p>
					))}
					{clauses
						.filter((c) => c.partId === part.id)
						.map((clause) => (
							<ClauseBlock key={clause.id} clause={clause} />
						))}
				</section>
			))}
			{instrument.finalProvisions.map((text) => (
				<p key={text} style={{ textIndent: '2em' }}>
					{text}
				</p>
			))}
		</article>
	)
}

function ClauseBlock({
	clause,
}: {
	clause: { id: number; ordinal: number; label: string; paragraphs: Array<string>; agencies: Array<{ id: number; shortName: string; role: 'lead' | 'co' }> }
}) {
	return (
		<div className="clause" id={clauseAnchor(clause.ordinal)}>
			<div>
				{clause.paragraphs.map((paragraph, index) => (
					<p key={index}>
						{index === 0 ? (
							<Link to={`/clauses/${clause.id}`}>
								<strong>{clause.label}</strong>
							</Link>
						) : null}
						{paragraph}
					</p>
				))}
			</div>
			<div className="clause__agencies">
				{clause.agencies.map((agency) => (
					<AgencyBadge key={agency.id} agency={agency} />
				))}
			</div>
		</div>
	)
}
