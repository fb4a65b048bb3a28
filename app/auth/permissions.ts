import type { Role } from '~/domain/roles'

// Who may do what, as one table: the server checks it in every loader and action (guards),
// and the UI asks it only to hide what would be refused anyway.
const grants = {
	'record:read': ['admin', 'secretariat', 'member', 'deputy', 'agency'],
	'tasks:edit': ['admin', 'secretariat'],
	'agencies:edit': ['admin', 'secretariat'],
	'subjects:edit': ['admin', 'secretariat'],
	'users:manage': ['admin'],
	'settings:edit': ['admin'],
	'instruments:import': ['admin'],
	'audit:read': ['admin', 'secretariat'],
	// Oversight work: the secretariat runs it; members deliberate and vote; an
	// agency liaison drafts and answers for their own agency only (scope checked per record).
	'plan:read': ['admin', 'secretariat', 'member'],
	'oversight:manage': ['secretariat'],
	'deliberation:participate': ['member'],
	'reports:draft': ['agency'],
	// The roles that take a report's steps; which step, on which report, is reportPolicy's.
	'reports:step': ['agency', 'secretariat'],
	// Inquiries: members register questions, the secretariat keeps the log (which session and
	// step is inquiryPolicy's); agencies report on commitments, the secretariat verifies.
	'inquiries:take_part': ['secretariat', 'member'],
	'commitments:step': ['agency', 'secretariat'],
	// Interpellations: members draft one in the app, the office enters one signed on paper; the
	// roles that take its steps (which step on which one is interpellationPolicy's).
	'interpellations:draft': ['member', 'secretariat'],
	'interpellations:act': ['member', 'secretariat', 'agency'],
	// Resolutions: the acting agency reports on its actions, the office closes them.
	'resolutions:act': ['agency', 'secretariat'],
	// Law-enforcement inspections: the roles that write an inspection's report and record its
	// findings; which inspection, inspectionReportPolicy's and mayRecordFindingOn's.
	'inspections:report': ['secretariat', 'member'],
	'findings:record': ['secretariat', 'member', 'deputy'],
	// Implementation status: the secretariat assesses tasks; the dashboard and the ranking
	// notice are the committee's (a liaison sees its own agency's cards on the ranking page).
	'status:assess': ['secretariat'],
	'dashboard:read': ['admin', 'secretariat', 'member'],
	// A liaison reads its own agency's line of the ranking notice.
	'ranking:read': ['admin', 'secretariat', 'member', 'agency'],
	// Deputies' concerns: a deputy files; the roles that take a concern's steps (which step on
	// which concern is concernPolicy's; admin only sees the constituents through the audited show);
	// the office's triage queue and its export with the constituents.
	'concerns:file': ['deputy'],
	'concerns:act': ['admin', 'secretariat', 'deputy', 'agency'],
	'concerns:manage': ['secretariat'],
	// What goes on the public page beyond the status (results, inspection reports, the ranking
	// notice) is the office's decision.
	'publications:manage': ['secretariat'],
} as const satisfies Record<string, ReadonlyArray<Role>>

export type Permission = keyof typeof grants

export function can(role: Role, permission: Permission): boolean {
	return (grants[permission] as ReadonlyArray<Role>).includes(role)
}

export function rolesWith(permission: Permission): ReadonlyArray<Role> {
	return grants[permission]
}
