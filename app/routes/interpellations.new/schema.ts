import { z } from 'zod'
import { fill } from '~/i18n/i18n'
import type { Messages } from '~/i18n/zh'
import { int4 } from '~/domain/form-values'

export const maxMatter = 200
export const maxQuestions = 20_000

// Drafting an interpellation (Art. 51 para. 2: the target, the matter, the questions). A member
// names the members they ask to co-sign; the office, entering one signed on paper, names its
// signers. What the schema cannot know (is the target one the committee may question, are the
// people members) the model checks.
export function draftSchema(t: Messages) {
	return z.object({
		targetAgencyId: int4(t.interpellations.targetRequired),
		matter: z
			.string({ error: t.interpellations.matterRequired })
			.trim()
			.min(1, t.interpellations.matterRequired)
			.max(maxMatter, fill(t.interpellations.tooLong, { max: maxMatter })),
		questions: z
			.string({ error: t.interpellations.questionsRequired })
			.trim()
			.min(1, t.interpellations.questionsRequired)
			.max(maxQuestions, fill(t.interpellations.tooLong, { max: maxQuestions })),
		clauseIds: z.array(int4()).optional(),
		memberIds: z.array(int4()).optional(),
	})
}

export type DraftValue = z.infer<ReturnType<typeof draftSchema>>
