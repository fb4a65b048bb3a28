import { expect, test } from 'vitest'
import { extractTasks, findCoSubjects, findSubject, splitSentences } from './task-extraction'

test('sentences end at 。；！？ in full-width and ASCII, and join back to the paragraph', () => {
	const paragraph = '甲应当做一事。乙应当做二事；丙应当做三事!丁呢?剩下的话'
	const sentences = splitSentences(paragraph)
	expect(sentences).toEqual(['甲应当做一事。', '乙应当做二事；', '丙应当做三事!', '丁呢?', '剩下的话'])
	expect(sentences.join('')).toBe(paragraph)
})

test('a closing quote after a full stop stays with its sentence', () => {
	expect(splitSentences('营造“不敢骗。”的氛围。下一句。')).toEqual(['营造“不敢骗。”', '的氛围。', '下一句。'])
})

test('the subject is the whole phrase before 应当, never split on 、', () => {
	expect(findSubject('公安机关、人民检察院、人民法院应当加强协作配合。')).toBe(
		'公安机关、人民检察院、人民法院',
	)
	expect(findSubject('市、区人民政府应当发动党员干部。')).toBe('市、区人民政府')
})

test('a leading adverbial before the last comma is not part of the subject', () => {
	expect(findSubject('对于违规违法经营问题突出的企业，行业主管部门应当依法及时查处。')).toBe('行业主管部门')
})

test('a sentence without 应当, or whose 应当 follows a condition, has no subject', () => {
	expect(findSubject('依法及时冻结涉案问题账户，最大限度追赃挽损。')).toBeNull()
	expect(findSubject('申请登记时，应当提交下列材料：')).toBeNull()
	expect(findSubject('依照本条例规定应当登记的车辆。')).toBeNull()
})

test('还 and 也 between the subject and 应当 are dropped', () => {
	expect(findSubject('公安机关还应当定期通报。')).toBe('公安机关')
})

test('an item label in front of a sentence is not part of the subject', () => {
	expect(findSubject('（一）教育主管部门应当开展宣传。')).toBe('教育主管部门')
})

test('会同 names a co-subject up to the next comma', () => {
	expect(findCoSubjects('公安机关应当会同金融、通信等行业主管部门,深入推进“断卡”行动。')).toEqual([
		'金融、通信等行业主管部门',
	])
})

test('会同 names a co-subject up to the verb that follows it', () => {
	expect(findCoSubjects('公安机关应当会同相关部门适时举办新闻发布会，公布成果。')).toEqual(['相关部门'])
})

test('与……协作 and 与……协作配合 name a co-subject', () => {
	expect(findCoSubjects('征信部门应当与公安机关协作，依法及时将有关人员纳入名单。')).toEqual(['公安机关'])
	expect(findCoSubjects('水务部门应当与生态环境主管部门协作配合，建立联合监测机制。')).toEqual([
		'生态环境主管部门',
	])
	expect(findCoSubjects('加强与公安机关的工作联动。')).toEqual([])
})

test('sentences without a subject continue the task before them', () => {
	const tasks = extractTasks(['公安机关应当完善机制。开展全链条打击。依法及时冻结账户。'])
	expect(tasks).toEqual([
		{ subject: '公安机关', coSubjects: [], text: '公安机关应当完善机制。开展全链条打击。依法及时冻结账户。' },
	])
})

test('a new subject inside a paragraph starts a new task; the same subject continues it', () => {
	const tasks = extractTasks([
		'金融主管部门应当强化监管。金融主管部门应当加强培训。对于问题突出的企业，行业主管部门应当依法查处。',
	])
	expect(tasks.map((task) => task.subject)).toEqual(['金融主管部门', '行业主管部门'])
	expect(tasks[0].text).toBe('金融主管部门应当强化监管。金融主管部门应当加强培训。')
})

test('each paragraph that opens with a subject starts a new task, even the same subject', () => {
	const tasks = extractTasks(['公安机关应当做一事。', '公安机关应当做二事。'])
	expect(tasks.map((task) => task.text)).toEqual(['公安机关应当做一事。', '公安机关应当做二事。'])
})

test('a paragraph without a subject continues the task before it, on its own line', () => {
	const tasks = extractTasks(['水务部门应当履行下列职责：', '（一）编制规划；', '（二）组织实施。'])
	expect(tasks).toEqual([
		{
			subject: '水务部门',
			coSubjects: [],
			text: '水务部门应当履行下列职责：\n（一）编制规划；\n（二）组织实施。',
		},
	])
})

test('co-subjects are collected from every sentence of the task, once each', () => {
	const tasks = extractTasks(['公安机关应当会同相关部门举办发布会。定期会同相关部门通报警情。'])
	expect(tasks[0].coSubjects).toEqual(['相关部门'])
})

test('sentences before the first subject join the first task', () => {
	const tasks = extractTasks(['加强组织领导。市人民政府应当建立协调机制。'])
	expect(tasks).toEqual([
		{ subject: '市人民政府', coSubjects: [], text: '加强组织领导。市人民政府应当建立协调机制。' },
	])
})

test('a clause with no subject at all gives one task with an empty subject', () => {
	expect(extractTasks(['本条例自2022年1月1日起施行。'])).toEqual([
		{ subject: '', coSubjects: [], text: '本条例自2022年1月1日起施行。' },
	])
	expect(extractTasks([])).toEqual([])
})
