import type { Database } from '#db/client.server'
import type { IsoDate } from '~/domain/dates'
import type { Settings } from '~/domain/settings'
import { mergeTimeline, type TimelineEvent } from '~/domain/timeline'
import { compareTodo, splitTodo, type TodoItem, type TodoLists } from '~/domain/todo'
import type { AttachmentReader, MayReadOwner } from './attachments.server'
import { deliberationOpenItems, deliberationTodos, mayReadHandlingReportFiles } from './deliberation/providers.server'
import { findingTimeline, findingTodos, mayReadFindingById } from './findings/providers.server'
import { concernOpenItems, concernTimeline, concernTodos, mayReadConcernFiles, mayReadConcernReplyFiles } from './concerns/providers.server'
import { commitmentOpenItems, commitmentTimeline, commitmentTodos } from './commitments/providers.server'
import { inquiryTimeline, inquiryTodos } from './inquiries/providers.server'
import { interpellationOpenItems, interpellationTimeline, interpellationTodos } from './interpellations/providers.server'
import { meetingTodos } from './meetings/providers.server'
import type { OpenItemProvider, ProviderUser, TimelineProvider, TodoProvider } from './providers.server'
import { mayReadReportFiles, reportOpenItems, reportTimeline, reportTodos } from './reports/providers.server'
import { resolutionOpenItems, resolutionTimeline, resolutionTodos } from './resolutions/providers.server'

// Every kind of record's contributions to the shared views, named once here (see
// providers.server.ts). A new kind of record adds its entries; nothing registers itself as a
// side effect of being imported.

export const todoProviders = {
	report: reportTodos,
	deliberation: deliberationTodos,
	meeting: meetingTodos,
	finding: findingTodos,
	interpellation: interpellationTodos,
	resolution: resolutionTodos,
	inquiry: inquiryTodos,
	commitment: commitmentTodos,
	concern: concernTodos,
} satisfies Record<string, TodoProvider>

export const timelineProviders = {
	report: reportTimeline,
	finding: findingTimeline,
	interpellation: interpellationTimeline,
	resolution: resolutionTimeline,
	inquiry: inquiryTimeline,
	commitment: commitmentTimeline,
	concern: concernTimeline,
} satisfies Record<string, TimelineProvider>

export const openItemProviders = {
	report: reportOpenItems,
	deliberation: deliberationOpenItems,
	interpellation: interpellationOpenItems,
	resolution: resolutionOpenItems,
	commitment: commitmentOpenItems,
	concern: concernOpenItems,
} satisfies Record<string, OpenItemProvider>

// Who may read the files of each kind of owner. An owner type not named here is readable by no
// one: a forgotten entry hides the file rather than exposing it.
export const attachmentOwners: Record<string, MayReadOwner> = {
	report: mayReadReportFiles,
	handling_report: mayReadHandlingReportFiles,
	finding: mayReadFindingById,
	rectification: mayReadFindingById,
	concern: mayReadConcernFiles,
	concern_reply: mayReadConcernReplyFiles,
}

export async function loadTodo(
	db: Database,
	user: ProviderUser,
	today: IsoDate,
	settings: Settings,
	providers: ReadonlyArray<TodoProvider> = Object.values(todoProviders),
): Promise<TodoLists> {
	const lists = await Promise.all(providers.map((provide) => provide(db, user, today, settings)))
	return splitTodo(lists.flat(), today, settings.todoHorizonDays)
}

export async function loadClauseTimeline(
	db: Database,
	user: ProviderUser,
	clauseId: number,
	settings: Settings,
	providers: ReadonlyArray<TimelineProvider> = Object.values(timelineProviders),
): Promise<Array<TimelineEvent>> {
	const lists = await Promise.all(providers.map((provide) => provide(db, user, clauseId, settings)))
	return mergeTimeline(...lists)
}

// The agency page's open items, overdue first.
export async function loadAgencyOpenItems(
	db: Database,
	viewer: ProviderUser,
	agencyId: number,
	today: IsoDate,
	settings: Settings,
): Promise<Array<TodoItem>> {
	const lists = await Promise.all(Object.values(openItemProviders).map((provide) => provide(db, viewer, agencyId, today, settings)))
	return lists.flat().sort(compareTodo)
}

export async function mayReadAttachmentOwner(db: Database, user: AttachmentReader, ownerType: string, ownerId: number) {
	const mayRead = Object.hasOwn(attachmentOwners, ownerType) ? attachmentOwners[ownerType] : undefined
	return mayRead ? mayRead(user, ownerId, db) : false
}
