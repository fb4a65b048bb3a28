// Where each kind of record lives in the app: one address per record, for links on pages,
// to-do items, timelines and exports alike.

export function reportHref(id: number) {
	return `/reports/${id}`
}

export function deliberationHref(id: number) {
	return `/deliberations/${id}`
}

export function meetingHref(id: number) {
	return `/meetings/${id}`
}

export function findingHref(id: number) {
	return `/findings/${id}`
}

export function inspectionHref(id: number) {
	return `/inspections/${id}`
}

export function inquiryHref(id: number) {
	return `/inquiries/${id}`
}

export function commitmentHref(id: number) {
	return `/commitments/${id}`
}

export function interpellationHref(id: number) {
	return `/interpellations/${id}`
}

export function resolutionHref(id: number) {
	return `/resolutions/${id}`
}

export function concernHref(id: number) {
	return `/concerns/${id}`
}
