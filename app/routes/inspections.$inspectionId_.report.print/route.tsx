import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#db/client.server'
import { PrintButton } from '~/components/print-button'
import { invariantFound, notFound, parseId, requirePermission } from '~/auth/guards.server'
import { formatOfficialDate, shanghaiDate } from '~/domain/dates'
import { mayReadReport, reportIssuer, reportParagraphs, reportPartHeadings, reportParts } from '~/domain/inspection-report'
import { useT } from '~/i18n/i18n'
import type { RouteHandle } from '~/root'
import { getInspectionReport, getReadableInspection, inspectionDeliberation } from '~/models/inspections/queries.server'

// The inspection report in official format, for printing on A4 (the opinion letter's sheet):
// the title 关于检查《…》实施情况的报告, the four headed parts of Art. 36, the inspection
// group and the date in Chinese numerals. Those who read the inspection read its report, an
// agency liaison only once it is published with the opinion letter (404 before).

export const handle: RouteHandle = { bare: true }

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · 监督追踪` : '执法检查报告' }]

export async function loader(args: LoaderFunctionArgs) {
	const user = await requirePermission(args, 'record:read')
	const db = getDb()
	const inspection = await getReadableInspection(db, user, parseId(args.params.inspectionId))
	invariantFound(inspection)
	const [report, deliberation] = await Promise.all([getInspectionReport(db, inspection.id), inspectionDeliberation(db, inspection.id)])
	invariantFound(report)
	if (!mayReadReport(user, deliberation)) throw notFound()
	// Dated the day it went to deliberation; a draft, today.
	const date = deliberation ? deliberation.openedOn : shanghaiDate(new Date())
	return {
		id: inspection.id,
		title: report.reportTitle,
		draft: deliberation === null,
		parts: reportParts.map((part) => ({ part, heading: reportPartHeadings[part], paragraphs: reportParagraphs(report.parts[part]) })),
		issuer: reportIssuer,
		date: formatOfficialDate(date),
	}
}

export default function InspectionReportPrint() {
	const report = useLoaderData<typeof loader>()
	const t = useT()
	return (
		<>
			<div className="toolbar no-print letter-tools">
				<Link to={`/inspections/${report.id}`}>‹ {t.inspectionReport.back}</Link>
				{report.draft ? <span className="notice notice--info">{t.inspectionReport.draftMark}</span> : null}
				<PrintButton />
			</div>
			<article className="letter-sheet inspection-report-sheet" lang="zh-CN">
				<h1 className="letter-sheet__title">{report.title}</h1>
				<div className="letter-sheet__body">
					{report.parts.map((part) => (
						<section key={part.part}>
							<h2 className="inspection-report-sheet__heading">{part.heading}</h2>
							{part.paragraphs.length ? (
								part.paragraphs.map((paragraph, index) => <p key={index}>{paragraph}</p>)
							) : (
								<p>{t.inspectionReport.emptyPart}</p>
							)}
						</section>
					))}
				</div>
				<div className="letter-sheet__sign">
					<p>{report.issuer}</p>
					<p>{report.date}</p>
				</div>
			</article>
		</>
	)
}

