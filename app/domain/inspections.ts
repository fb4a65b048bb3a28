// Law-enforcement inspections (执法检查): the vocabulary shared by the schema, the pages and
// the rules. Kept here, not in db/schema.ts, so that browser code can use it.

// 座谈会, 实地检查, 第三方评估, 问卷调查, 抽查 (Supervision Law Art. 35)
export const inspectionForms = ['symposium', 'field', 'third_party', 'survey', 'spot_check'] as const
export type InspectionForm = (typeof inspectionForms)[number]

export const inspectionStates = ['planned', 'in_progress', 'reporting', 'deliberation', 'closed'] as const
export type InspectionState = (typeof inspectionStates)[number]

// The inspection group (Art. 33): a leader, members, invited deputies.
export const groupRoles = ['leader', 'member', 'deputy'] as const
export type GroupRole = (typeof groupRoles)[number]

// 一般 / 较重 / 严重
export const severities = ['general', 'serious', 'severe'] as const
export type Severity = (typeof severities)[number]
