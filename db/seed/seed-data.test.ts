import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { resolveSubject } from '../../app/domain/subjects'
import { agencyRoster } from './agencies'
import { subjectMapping } from './subject-mapping'

const decisionText = readFileSync(
	new URL('./wuhan-anti-fraud-decision-2021.txt', import.meta.url),
	'utf8',
)

const mapping = subjectMapping.map((entry) => ({
	subject: entry.subject,
	agencyIds: entry.agencies,
}))

const agencyByKey = new Map(agencyRoster.map((agency) => [agency.key, agency]))

// Every responsible subject of the Wuhan decision as task extraction will pass it: the phrase
// before 应当, kept whole, and the co-subjects after 会同 / 与…协作.
const decisionSubjects = [
	'全市各级国家机关、人民团体、企业事业单位、社会组织',
	'全面开展打击治理电信网络诈骗违法犯罪工作',
	'市、区人民政府',
	'市社会治安综合治理统筹协调部门',
	'市打击治理电信网络新型违法犯罪工作联席会议办公室',
	'全市各级监察机关',
	'公安机关',
	'金融、通信等行业主管部门',
	'公安机关、人民检察院、人民法院',
	'金融、通信、互联网等行业主管部门',
	'行业主管部门',
	'金融、通信行业主管部门',
	'互联网行业主管部门',
	'全市各相关职能部门、打击治理电信网络新型违法犯罪工作联席会议各成员单位',
	'教育主管部门',
	'征信部门',
	'市场监管部门',
	'邮政管理部门',
	'司法行政部门',
	'各区',
	'宣传部门',
	'相关部门',
	'市、区人大常委会',
]

const districtNames = [
	'江岸区',
	'江汉区',
	'硚口区',
	'汉阳区',
	'武昌区',
	'青山区',
	'洪山区',
	'东西湖区',
	'汉南区',
	'蔡甸区',
	'江夏区',
	'黄陂区',
	'新洲区',
]

function resolveNames(subject: string): Array<string> {
	return resolveSubject(subject, mapping).map((key) => agencyByKey.get(key)?.shortName ?? key)
}

function duplicatesOf(values: Array<string>): Array<string> {
	return values.filter((value, index) => values.indexOf(value) !== index)
}

test('agency keys are unique ASCII slugs', () => {
	const keys = agencyRoster.map((agency) => agency.key)
	expect(duplicatesOf(keys)).toEqual([])
	for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
})

test('agency names and short names are unique', () => {
	expect(duplicatesOf(agencyRoster.map((agency) => agency.name))).toEqual([])
	expect(duplicatesOf(agencyRoster.map((agency) => agency.shortName))).toEqual([])
})

test('district-level agencies name their district and city-level ones do not', () => {
	for (const agency of agencyRoster) {
		if (agency.level === '区') expect(agency.district, agency.name).toBeTruthy()
		else expect(agency.district, agency.name).toBeNull()
	}
})

test('the roster contains the 13 district governments in the official order', () => {
	const districts = agencyRoster.filter((agency) => agency.key.startsWith('district-'))
	expect(districts.map((agency) => agency.district)).toEqual(districtNames)
	for (const agency of districts) {
		expect(agency).toMatchObject({ kind: 'government', level: '区' })
		expect(agency.name).toBe(`武汉市${agency.district}人民政府`)
	}
})

test('the functional zones stand among the districts, run by their management committees', () => {
	const zones = agencyRoster.filter((agency) => agency.key.startsWith('zone-'))
	expect(zones.map((agency) => agency.district)).toEqual([
		'东湖高新区',
		'武汉经开区',
		'东湖风景区',
		'长江新区',
	])
	for (const agency of zones) {
		expect(agency).toMatchObject({ kind: 'government', level: '区' })
		expect(agency.name).toMatch(/管理委员会$/)
	}
})

test('the roster contains the organs that report to the committee', () => {
	expect(agencyByKey.get('gov')).toMatchObject({ name: '武汉市人民政府', kind: 'government' })
	expect(agencyByKey.get('supervision')).toMatchObject({
		name: '武汉市监察委员会',
		kind: 'supervisory_commission',
	})
	expect(agencyByKey.get('court')).toMatchObject({ name: '武汉市中级人民法院', kind: 'court' })
	expect(agencyByKey.get('procuratorate')).toMatchObject({
		name: '武汉市人民检察院',
		kind: 'procuratorate',
	})
})

test('the committee itself is of kind congress', () => {
	expect(agencyByKey.get('congress')).toMatchObject({
		name: '武汉市人民代表大会常务委员会',
		kind: 'congress',
	})
	expect(agencyRoster.filter((agency) => agency.kind === 'congress')).toHaveLength(1)
})

test('the joint-conference office is there as the coordinating body', () => {
	expect(agencyByKey.get('jco')).toMatchObject({
		name: '武汉市打击治理电信网络新型违法犯罪工作联席会议办公室',
		kind: 'other',
	})
})

test('the regulators under vertical management are there and kept apart from city departments', () => {
	const vertical = agencyRoster.filter((agency) => agency.kind === 'vertical')
	expect(vertical.map((agency) => agency.key)).toEqual(
		expect.arrayContaining(['pbc-hubei', 'nfra-hubei', 'ca-hubei', 'post']),
	)
	expect(agencyByKey.get('psb')).toMatchObject({ shortName: '市公安局', kind: 'department' })
	expect(agencyByKey.get('edu')).toMatchObject({ kind: 'department' })
})

test('every agency key used in the subject mapping exists in the roster', () => {
	const unknown = subjectMapping.flatMap((entry) =>
		entry.agencies.filter((key) => !agencyByKey.has(key)),
	)
	expect(unknown).toEqual([])
})

test('each subject is mapped once, to at least one agency, listing each agency once', () => {
	expect(duplicatesOf(subjectMapping.map((entry) => entry.subject))).toEqual([])
	for (const entry of subjectMapping) {
		expect(entry.agencies.length, entry.subject).toBeGreaterThan(0)
		expect(duplicatesOf(entry.agencies), entry.subject).toEqual([])
	}
})

test('every subject phrase listed for the decision occurs in the decision text', () => {
	const body = decisionText.replace(/\s+/gu, '')
	for (const subject of decisionSubjects) expect(body, subject).toContain(subject)
})

test('every subject phrase of the decision resolves to at least one agency', () => {
	const unresolved = decisionSubjects.filter((subject) => resolveSubject(subject, mapping).length === 0)
	expect(unresolved).toEqual([])
})

test('the decision’s subjects land on the agencies the design names', () => {
	expect(resolveNames('公安机关')).toEqual(['市公安局'])
	expect(resolveNames('公安机关、人民检察院、人民法院')).toEqual(['市公安局', '市检察院', '市中院'])
	expect(resolveNames('全面开展打击治理电信网络诈骗违法犯罪工作')).toEqual(['市联席办'])
	expect(resolveNames('市社会治安综合治理统筹协调部门')).toEqual(['市委政法委'])
	expect(resolveNames('互联网行业主管部门')).toEqual(['市委网信办'])
	expect(resolveNames('宣传部门')).toEqual(['市委宣传部'])
	expect(resolveNames('征信部门')[0]).toBe('人民银行湖北省分行')
	expect(resolveNames('市、区人大常委会')).toEqual(['市人大常委会'])
})

test('市、区人民政府 are the city and the 13 district governments; 各区 adds the zones', () => {
	const governments = resolveSubject('市、区人民政府', mapping)
	expect(governments[0]).toBe('gov')
	expect(governments.slice(1).map((key) => agencyByKey.get(key)?.district)).toEqual(districtNames)

	const districts = resolveSubject('各区', mapping).map((key) => agencyByKey.get(key))
	expect(districts).toHaveLength(17)
	for (const agency of districts) expect(agency?.level).toBe('区')
})

test('generic terms other instruments use resolve through the same mapping', () => {
	expect(resolveNames('各级人民法院')).toEqual(['市中院'])
	expect(resolveNames('本市各级人民检察院')).toEqual(['市检察院'])
	expect(resolveNames('监察机关')).toEqual(['市监委'])
	expect(resolveNames('市人民政府')).toEqual(['市政府'])
	expect(resolveNames('区人民政府')).toHaveLength(13)
	expect(resolveNames('金融行业主管部门')).toContain('湖北金融监管局')
	expect(resolveNames('通信行业主管部门')).toContain('省通信管理局')
	expect(resolveNames('电信主管部门、网信部门')).toEqual(['省通信管理局', '市委网信办'])
})
