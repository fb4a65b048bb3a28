// Route parameters get a real id from the demo data, so that the fuzzed requests reach the code
// behind the 404. A route with a parameter missing here fails the test below.
export const paramIds: Record<string, string> = {
	agencyId: 'select min(id) from agencies',
	attachmentId: 'select min(id) from attachments',
	clauseId: 'select min(id) from clauses',
	deliberationId: 'select min(id) from deliberations',
	findingId: 'select min(id) from findings',
	inspectionId: 'select min(inspection_id) from visits',
	instrumentId: 'select min(id) from instruments',
	inquiryId: 'select min(id) from inquiries',
	respondentId: 'select min(id) from inquiry_respondents',
	commitmentId: 'select min(id) from commitments',
	concernId: 'select min(id) from concerns',
	interpellationId: 'select min(id) from interpellations',
	itemId: 'select min(id) from plan_items',
	meetingId: 'select min(id) from meetings',
	reportId: 'select min(id) from reports',
	resolutionId: 'select min(id) from resolutions',
	taskId: 'select min(id) from tasks',
	userId: 'select max(id) from users',
	visitId: 'select min(id) from visits',
	// A calendar feed's secret: a well-formed token that opens nothing.
	token: `select '${'a'.repeat(52)}'`,
}
