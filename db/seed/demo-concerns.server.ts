import { eq, inArray } from 'drizzle-orm'
import type { Database } from '../client.server'
import { agencies, clauses, concernCategories, concernReplies, concerns, users } from '../schema'
import type { ConcernRating, District, ResultClass } from '~/domain/concerns'
import { addDays, type IsoDate } from '~/domain/dates'
import {
	acceptConcern,
	arrangeConcern,
	assignConcern,
	closeUnrated,
	declineConcern,
	fileConcern,
	fulfilPromise,
	giveOpinion,
	mergeConcern,
	rateReply,
	replyToConcern,
	returnConcern,
	submitConcern,
} from '~/models/concerns/mutations.server'
import { write, type Actor } from '~/models/write.server'

// The demo's deputies' concerns (代表建议 on combating telecom network fraud), written through the
// pages' own functions and dated relative to the seeding day. 48 concerns of the three demo
// deputies (daibiao1..3), some co-signed, across all 13 districts and four functional zones, in
// every state:
// - 3 drafts; 3 submitted (one drafted first, then handed in); 2 accepted; 2 declined (with the
//   office's reason); 2 merged into concerns being handled;
// - 15 assigned: 9 handed over three weeks ago (some with co-agencies, some of whose opinions are in,
//   some awaited), one reassigned after a return, 2 marked difficult (six months), and 3 OVERDUE
//   (handed over about 105 days ago, unanswered);
// - 2 returned by the lead as wrongly assigned, waiting for the office;
// - 6 replied, waiting for the rating (classes A, B and C), one answered 45 days ago and unrated;
// - 3 rehandling after 不满意, one of them overdue again;
// - 10 closed: rated 满意/基本满意, one after a re-handling, one closed unrated by the office, one
//   class-B promise fulfilled, one class-B promise past its date and not reported done.
// Most hand-overs go to the public security and education bureaus, whose demo liaisons (gongan,
// jiaoyu) act for them; other agencies act without a named liaison. Titles are marked 示例; the
// constituents' names are invented and their mobile numbers follow the fictional 1x9000xxxxx
// pattern.

type DeputyNo = 1 | 2 | 3

type Spec = {
	title: string
	category: string
	clauses: Array<string>
	district: District
	community: string
	text: string
	deputy: DeputyNo
	cosigner?: DeputyNo
	// How many constituents the deputy recorded.
	people?: 1 | 2
}

// ── The concerns, by what became of them ─────────────────────────────────────────────────────

const drafts: Array<Spec> = [
	{
		title: '快递驿站、菜鸟站点张贴反诈提示',
		category: '反诈宣传',
		clauses: ['（十七）'],
		district: '江岸区',
		community: '后湖街道',
		text: '居民反映小区快递驿站取件人多、停留时间长，但没有任何反诈提示。建议在快递驿站张贴“冒充快递理赔”诈骗提示和96110预警劝阻电话。',
		deputy: 1,
	},
	{
		title: '农村留守老人防范“保健品”会销诈骗',
		category: '老年人防骗',
		clauses: ['（二十）'],
		district: '汉南区',
		community: '纱帽街道',
		text: '村民反映有人以“免费体检”“送鸡蛋”为名组织老人听课，诱导购买高价保健品并扫码“入股”。建议组织网格员逐户上门提醒。',
		deputy: 2,
		people: 2,
	},
	{
		title: '园区企业财务人员防范冒充领导诈骗',
		category: '涉诈资金与账户',
		clauses: ['（十二）'],
		district: '东湖高新区',
		community: '关东街道',
		text: '园区企业财务人员反映多次收到冒充公司负责人的社交软件好友申请，要求紧急转账。建议园区对企业财务人员开展专题培训。',
		deputy: 3,
	},
]

const waiting: Array<Spec> = [
	{
		title: '电话卡代理销售点实名核验流于形式',
		category: '电话卡与互联网账号',
		clauses: ['（十三）'],
		district: '江汉区',
		community: '唐家墩街道',
		text: '群众反映部分通信代理销售点办卡时不核验本人，凭身份证复印件即可开卡，存在“实名不实人”隐患。建议加强对代理点的暗访抽查。',
		deputy: 2,
		cosigner: 3,
	},
	{
		title: '村湾“大喇叭”增加反诈播报内容',
		category: '反诈宣传',
		clauses: ['（二十）'],
		district: '蔡甸区',
		community: '蔡甸街道',
		text: '村民反映村里老人不用智能手机，接触不到网上的反诈宣传。建议利用村湾广播每天定时播报反诈提示。',
		deputy: 3,
	},
	{
		title: '外来务工人员集中宿舍反诈宣传',
		category: '反诈宣传',
		clauses: ['（十六）'],
		district: '武汉经开区',
		community: '沌口街道',
		text: '企业员工反映工友在“刷单返利”“网络贷款”中被骗，宿舍区从未开展过反诈宣传。建议社区联合企业在宿舍区设立宣传点。',
		deputy: 1,
		people: 2,
	},
]

const accepted: Array<Spec> = [
	{
		title: '反诈举报奖励兑现周期过长',
		category: '其他',
		clauses: ['（九）'],
		district: '硚口区',
		community: '宝丰街道',
		text: '群众反映举报涉诈线索后很久没有收到奖励，也不知道办理进度。建议公开举报奖励的兑现流程和时限。',
		deputy: 1,
	},
	{
		title: '乡镇中学寄宿生反诈教育',
		category: '校园反诈',
		clauses: ['（二十）'],
		district: '新洲区',
		community: '邾城街道',
		text: '家长反映寄宿生周末使用手机时间集中，有学生被“免费领取游戏皮肤”骗走家长的钱。建议学校在周末离校前进行反诈提醒。',
		deputy: 2,
		people: 2,
	},
]

const declinedSpecs: Array<[Spec, string]> = [
	[
		{
			title: '被骗资金请求由公安机关先行垫付',
			category: '其他',
			clauses: [],
			district: '青山区',
			community: '红卫路街道',
			text: '一位居民被骗十余万元，要求公安机关先行垫付被骗资金。',
			deputy: 3,
		},
		'该事项属于个人案件诉求，不宜作为代表建议交办。涉案资金依法追缴后按程序返还，建议当事人向办案单位了解案件进展，必要时可申请法律援助。（示例）',
	],
	[
		{
			title: '建议一律关闭老年人银行卡网上支付功能',
			category: '老年人防骗',
			clauses: [],
			district: '黄陂区',
			community: '前川街道',
			text: '有子女反映父母多次被骗，建议银行对六十岁以上老人一律关闭网上支付功能。',
			deputy: 1,
		},
		'一律关闭网上支付涉及老年人自主使用金融服务的合法权益，不宜作为代表建议交办。老年人本人或经其同意，可向开户银行申请设置转账限额和大额转账提醒。（示例）',
	],
]

// Handed over three weeks ago; each with its lead and co-agencies.
type Handed = Spec & {
	lead: string
	co?: Array<string>
	priority?: boolean
	opinion?: string
}

const fresh: Array<Handed> = [
	{
		title: '高校新生入学“反诈第一课”',
		category: '校园反诈',
		clauses: ['（二十）'],
		district: '洪山区',
		community: '珞南街道',
		text: '高校学生反映新生入学时常接到冒充辅导员、冒充“学费退费”的诈骗电话。建议各高校在新生入学教育中安排反诈专题课，并由属地派出所民警授课。',
		deputy: 1,
		cosigner: 2,
		people: 2,
		lead: 'edu',
		co: ['psb'],
		priority: true,
		opinion: '市公安局将组织属地派出所民警进校园，为新生讲授反诈第一课，并提供近年校园典型案例。（示例）',
	},
	{
		title: '小区内有人公开收购银行卡、电话卡',
		category: '涉诈资金与账户',
		clauses: ['（八）'],
		district: '江夏区',
		community: '纸坊街道',
		text: '居民反映小区门口有人以每张数百元的价格收购银行卡和电话卡，还有人在业主群里发布收卡广告。建议公安机关依法打击。',
		deputy: 2,
		lead: 'psb',
	},
	{
		title: '中小学反诈教育进课堂',
		category: '校园反诈',
		clauses: ['（二十）'],
		district: '汉阳区',
		community: '四新街道',
		text: '家长反映学校反诈教育多是发一份告知书，孩子不重视。建议将反诈知识纳入中小学安全教育课程，每学期安排课时。',
		deputy: 3,
		lead: 'edu',
	},
	{
		title: '养老机构老人遭遇“以房养老”投资诈骗',
		category: '老年人防骗',
		clauses: ['（二十）', '（十九）'],
		district: '武昌区',
		community: '中南路街道',
		text: '养老院老人家属反映有人以“以房养老”“高息理财”为名，诱骗老人抵押房产投资。建议公安机关会同民政部门在养老机构开展专项宣传。',
		deputy: 1,
		lead: 'psb',
		co: ['civil-affairs'],
	},
	{
		title: '推广可疑来电提醒和反诈APP',
		category: '电话卡与互联网账号',
		clauses: ['（十一）'],
		district: '青山区',
		community: '钢都花园街道',
		text: '居民建议通信运营商为老年用户默认开通可疑来电提醒，社区帮助居民安装国家反诈中心APP并讲解使用方法。',
		deputy: 2,
		lead: 'psb',
		co: ['ca-hubei'],
	},
	{
		title: '新区建设工地务工人员反诈宣传',
		category: '反诈宣传',
		clauses: ['（十六）'],
		district: '长江新区',
		community: '武湖街道',
		text: '工地负责人反映务工人员流动性大，不少人在“网络贷款”“虚假招工”中被骗。建议在工地生活区开展反诈宣传。',
		deputy: 3,
		lead: 'zone-changjiang-xinqu',
	},
	{
		title: '跨境赌博引流短信屡禁不止',
		category: '电话卡与互联网账号',
		clauses: ['（十一）', '（十四）'],
		district: '黄陂区',
		community: '盘龙城经济开发区',
		text: '居民反映频繁收到境外赌博网站的引流短信和链接，有年轻人因此参赌并被诈骗。建议加强对引流短信的拦截和溯源打击。',
		deputy: 1,
		people: 2,
		lead: 'psb',
	},
	{
		title: '中职学校学生“跑分”风险',
		category: '校园反诈',
		clauses: ['（八）'],
		district: '江岸区',
		community: '百步亭社区',
		text: '家长反映中职学校有学生被人以“日赚几百元”诱导出借银行卡、参与“跑分”。建议学校和公安机关配合开展专项教育。',
		deputy: 2,
		lead: 'edu',
		co: ['psb'],
		opinion: '市公安局可提供“断卡”行动中涉学生案例，并配合学校开展警示教育。（示例）',
	},
	{
		title: '社区网格员接收预警信息后上门劝阻',
		category: '反诈宣传',
		clauses: ['（十六）'],
		district: '东西湖区',
		community: '吴家山街道',
		text: '网格员反映接到预警信息时常联系不上当事人。建议明确网格员上门劝阻的流程，并与派出所共享预警信息。',
		deputy: 3,
		lead: 'psb',
		co: ['district-dongxihu'],
	},
]

// Duplicates, each merged into one of the fresh concerns (by title).
const duplicates: Array<[Spec, string]> = [
	[
		{
			title: '大学新生入学季防范“退学费”诈骗',
			category: '校园反诈',
			clauses: [],
			district: '武昌区',
			community: '珞珈山街道',
			text: '学生家长反映孩子入学前接到“多交学费可退还”的电话，险些被骗。建议学校在录取通知书中夹寄反诈提示。',
			deputy: 2,
		},
		'高校新生入学“反诈第一课”',
	],
	[
		{
			title: '地铁站口有人高价收购手机卡',
			category: '电话卡与互联网账号',
			clauses: ['（八）'],
			district: '东西湖区',
			community: '将军路街道',
			text: '市民反映地铁站口有人发放“高价收卡”小卡片，建议公安机关查处。',
			deputy: 3,
		},
		'小区内有人公开收购银行卡、电话卡',
	],
]

// Handed over about 105 days ago and not answered: overdue.
const overdue: Array<Handed> = [
	{
		title: '涉诈冻结资金返还周期过长',
		category: '涉诈资金与账户',
		clauses: ['（七）', '（十一）'],
		district: '硚口区',
		community: '汉正街街道',
		text: '受害群众反映被冻结的资金一年多仍未返还，也不清楚返还需要哪些手续。建议简化返还流程，并告知受害人办理进度。',
		deputy: 1,
		people: 2,
		lead: 'psb',
	},
	{
		title: '寒暑假学生网络游戏账号交易诈骗提醒',
		category: '校园反诈',
		clauses: ['（二十）'],
		district: '东西湖区',
		community: '走马岭街道',
		text: '家长反映孩子在游戏平台买卖账号、装备被骗，并被诱导用家长手机转账。建议学校在放假前专门提醒学生和家长。',
		deputy: 2,
		lead: 'edu',
	},
	{
		title: '远城区农村反诈宣传覆盖不足',
		category: '反诈宣传',
		clauses: ['（十六）', '（二十）'],
		district: '蔡甸区',
		community: '索河街道',
		text: '村民反映村湾老人很少接触反诈宣传，上当后也不知道报警。建议组织反诈宣传队定期进村入户。',
		deputy: 3,
		lead: 'district-caidian',
	},
]

// Marked wide-ranging or difficult: six months to answer.
const difficult: Array<Handed> = [
	{
		title: '境外诈骗窝点回流人员帮教管控',
		category: '重点人员管控',
		clauses: ['（七）', '（十五）'],
		district: '江汉区',
		community: '民族街道',
		text: '社区干部反映有从境外诈骗窝点回流的人员回到社区，既缺少帮教，也缺少就业出路。建议建立回流人员的教育、帮扶和管控机制。',
		deputy: 1,
		lead: 'psb',
		co: ['justice'],
		priority: true,
		opinion: '市司法局将指导社区矫正机构和基层司法所参与回流人员的法治教育和帮扶。（示例）',
	},
	{
		title: '农村金融网点异常开户审核',
		category: '涉诈资金与账户',
		clauses: ['（十三）'],
		district: '新洲区',
		community: '阳逻街道',
		text: '群众反映有外地人员带着多名村民到乡镇金融网点集中开户，事后银行卡被用于转移涉诈资金。建议加强乡镇网点异常开户的核查。',
		deputy: 2,
		people: 2,
		lead: 'psb',
		co: ['nfra-hubei'],
	},
]

// Handed over 40 days ago to the education bureau, which returned it; the office reassigned it.
const reassigned: Handed = {
	title: '防止银行卡经寄递渠道流向境外',
	category: '涉诈资金与账户',
	clauses: ['（八）', '（十五）'],
	district: '汉南区',
	community: '邓南街道',
	text: '快递从业人员反映有人成批寄递银行卡、电话卡，收件地址在边境地区。建议加强寄递环节的开箱验视和线索移交。',
	deputy: 3,
	lead: 'psb',
	co: ['post'],
	opinion: '市邮政管理局将督促寄递企业落实收寄验视和实名收寄制度，发现成批寄递银行卡的线索及时移交公安机关。（示例）',
}

// Returned by the lead as wrongly assigned, waiting for the office to hand them over again.
const returned: Array<[Handed, string]> = [
	[
		{
			title: '景区虚假停车缴费二维码诈骗',
			category: '涉诈资金与账户',
			clauses: ['（十六）'],
			district: '东湖风景区',
			community: '东湖街道',
			text: '游客反映景区停车场被人贴上虚假缴费二维码，扫码付款后才发现被骗。建议景区管理部门定期清理并设置官方缴费标识。',
			deputy: 1,
			lead: 'edu',
		},
		'该事项涉及景区停车场管理和涉诈线索查处，不属于教育部门职责，建议交东湖风景区管委会和市公安局办理。（示例）',
	],
	[
		{
			title: '商户收款码被替换诈骗',
			category: '涉诈资金与账户',
			clauses: ['（十一）'],
			district: '汉阳区',
			community: '钟家村街道',
			text: '小商户反映门店收款码夜间被人替换，顾客付款进入他人账户。建议推广带防伪标识的收款码，并提醒商户每日核对。',
			deputy: 2,
			lead: 'psb',
		},
		'收款码安全主要涉及支付机构管理和商户经营指导，建议交市市场监管局会同人民银行湖北省分行办理，市公安局可配合查处具体案件。（示例）',
	],
]

// Answered, waiting for the deputy's rating.
type Answered = Handed & { resultClass: ResultClass }

const replied: Array<Answered> = [
	{
		title: '社区反诈宣传员队伍建设',
		category: '反诈宣传',
		clauses: ['（十六）', '（二十）'],
		district: '江岸区',
		community: '二七街道',
		text: '社区干部建议每个社区配备反诈宣传员，由派出所定期培训，并给予必要的工作补贴。',
		deputy: 3,
		lead: 'psb',
		resultClass: 'A',
	},
	{
		title: '校园兼职刷单诈骗需加强提醒',
		category: '校园反诈',
		clauses: ['（二十）'],
		district: '武昌区',
		community: '水果湖街道',
		text: '学生家长反映孩子在网上找兼职做“刷单返利”被骗。建议学校在开学季和寒暑假前集中提醒。',
		deputy: 1,
		people: 2,
		lead: 'edu',
		resultClass: 'B',
	},
	{
		title: '基层派出所反诈专业力量不足',
		category: '其他',
		clauses: ['（七）'],
		district: '洪山区',
		community: '青菱街道',
		text: '社区民警反映辖区人口多、涉诈警情多，派出所缺少专门的反诈民警。建议充实基层派出所反诈力量。',
		deputy: 2,
		lead: 'psb',
		resultClass: 'C',
	},
	{
		title: '高校周边“注销校园贷”诈骗',
		category: '校园反诈',
		clauses: ['（二十）'],
		district: '东湖高新区',
		community: '佛祖岭街道',
		text: '大学生反映接到“注销校园贷账户，否则影响征信”的电话，被要求转账。建议学校和公安机关联合发布预警。',
		deputy: 3,
		lead: 'edu',
		co: ['psb'],
		opinion: '市公安局将把“注销校园贷”类诈骗纳入校园预警发布内容，并向各高校推送典型案例。（示例）',
		resultClass: 'A',
	},
	{
		title: '二手交易平台诈骗',
		category: '电话卡与互联网账号',
		clauses: ['（十四）'],
		district: '硚口区',
		community: '古田街道',
		text: '群众反映在二手交易平台买卖物品时，被诱导脱离平台私下交易后被骗。建议督促平台加强风险提示。',
		deputy: 1,
		lead: 'psb',
		co: ['cac'],
		opinion: '市委网信办将督促属地互联网平台完善私下交易风险提示，及时处置涉诈账号。（示例）',
		resultClass: 'B',
	},
]

// Answered 45 days ago and never rated: the office may close it as 未评价.
const unratedLong: Answered = {
	title: '养老诈骗防范宣传进老年大学',
	category: '老年人防骗',
	clauses: ['（二十）'],
	district: '青山区',
	community: '冶金街道',
	text: '老年大学学员反映身边有人参与“养老项目投资”被骗。建议在老年大学开设防骗讲座。',
	deputy: 2,
	lead: 'psb',
	resultClass: 'A',
}

// Rated 不满意, handled again: [concern, days ago answered, days ago rated]. The last one's
// second answer is overdue.
const rehandling: Array<[Answered, number, number]> = [
	[
		{
			title: '“一证多卡”电话卡清理',
			category: '电话卡与互联网账号',
			clauses: ['（十三）'],
			district: '江汉区',
			community: '万松街道',
			text: '群众反映自己名下被人办了多张电话卡而不知情。建议通信部门开展“一证多卡”清理，并提供便捷的名下号码查询。',
			deputy: 3,
			people: 2,
			lead: 'psb',
			resultClass: 'C',
		},
		25,
		20,
	],
	[
		{
			title: '农村学校反诈家长会',
			category: '校园反诈',
			clauses: ['（二十）'],
			district: '新洲区',
			community: '仓埠街道',
			text: '农村留守儿童家长多在外务工，孩子用爷爷奶奶的手机被骗。建议农村学校定期召开线上反诈家长会。',
			deputy: 1,
			lead: 'edu',
			resultClass: 'C',
		},
		15,
		8,
	],
	[
		{
			title: '涉诈重点人员出租出借银行卡再犯问题',
			category: '重点人员管控',
			clauses: ['（八）'],
			district: '汉阳区',
			community: '琴断口街道',
			text: '社区反映有因出租银行卡被惩戒的人员再次为他人开卡。建议对“断卡”惩戒对象加强跟踪管理。',
			deputy: 2,
			lead: 'psb',
			resultClass: 'C',
		},
		50,
		40,
	],
]

// Rated 满意 or 基本满意.
const closed: Array<Answered & { rating: ConcernRating }> = [
	{
		title: '冒充公检法诈骗预警',
		category: '老年人防骗',
		clauses: ['（十九）'],
		district: '江岸区',
		community: '大智街道',
		text: '老人接到自称“公安局”的电话，要求把存款转到“安全账户”。建议加大冒充公检法诈骗的预警力度。',
		deputy: 1,
		lead: 'psb',
		resultClass: 'A',
		rating: 'satisfied',
	},
	{
		title: '中小学校园周边反诈宣传栏',
		category: '校园反诈',
		clauses: ['（二十）'],
		district: '江夏区',
		community: '藏龙岛街道',
		text: '家长建议在中小学校门口宣传栏设置反诈专栏，方便接送孩子的家长了解。',
		deputy: 2,
		lead: 'edu',
		resultClass: 'A',
		rating: 'satisfied',
	},
	{
		title: '直播间虚假带货诈骗老年人',
		category: '老年人防骗',
		clauses: ['（十二）'],
		district: '洪山区',
		community: '和平街道',
		text: '老人在直播间购买所谓“特效保健品”被骗。建议加强对直播带货的监管，并开展消费提示。',
		deputy: 3,
		lead: 'amr',
		resultClass: 'A',
		rating: 'basically_satisfied',
	},
	{
		title: '投资理财群诈骗典型案例推送',
		category: '涉诈资金与账户',
		clauses: ['（十九）'],
		district: '东西湖区',
		community: '金银湖街道',
		text: '居民被拉入“投资理财群”后受骗。建议公安机关定期推送投资理财类诈骗典型案例。',
		deputy: 1,
		cosigner: 3,
		lead: 'psb',
		resultClass: 'A',
		rating: 'satisfied',
	},
	{
		title: '养老服务中心反诈宣传',
		category: '老年人防骗',
		clauses: ['（二十）'],
		district: '黄陂区',
		community: '滠口街道',
		text: '建议在社区养老服务中心、老年活动室张贴反诈海报，并由社工定期讲解。',
		deputy: 2,
		lead: 'civil-affairs',
		resultClass: 'A',
		rating: 'basically_satisfied',
	},
	{
		title: '街道综治中心反诈工作站',
		category: '反诈宣传',
		clauses: ['（十六）'],
		district: '江夏区',
		community: '五里界街道',
		text: '建议在街道综治中心设立反诈工作站，集中受理群众咨询和线索举报。',
		deputy: 3,
		lead: 'district-jiangxia',
		resultClass: 'A',
		rating: 'satisfied',
	},
]

// Answered with class C, rated 不满意, answered again with class A and rated 基本满意.
const rehandled: Handed = {
	title: '医院周边虚假挂号诈骗',
	category: '其他',
	clauses: ['（十九）'],
	district: '武昌区',
	community: '首义路街道',
	text: '患者家属反映在网上找“代挂专家号”被骗。建议在医院挂号处和官方预约平台显著位置作出提示。',
	deputy: 3,
	lead: 'psb',
}

// Answered and never rated; the office closed it as 未评价 after a month.
const closedUnratedSpec: Handed = {
	title: '高校学生社团参与反诈志愿宣传',
	category: '校园反诈',
	clauses: ['（二十）'],
	district: '洪山区',
	community: '狮子山街道',
	text: '大学生志愿者建议组织高校学生社团进社区开展反诈宣传，既教育学生，也服务群众。',
	deputy: 1,
	lead: 'edu',
}

// Class B, promise kept and reported; class B, promise past its date and not reported.
const kept: Handed = {
	title: '地铁站点设置反诈宣传点位',
	category: '反诈宣传',
	clauses: ['（十七）'],
	district: '江汉区',
	community: '前进街道',
	text: '市民建议在客流大的地铁站设置反诈宣传点位，播放反诈公益短片。',
	deputy: 2,
	lead: 'psb',
}
const lapsed: Handed = {
	title: '职业院校反诈课程纳入教学计划',
	category: '校园反诈',
	clauses: ['（二十）'],
	district: '黄陂区',
	community: '横店街道',
	text: '职业院校教师建议将反诈课程纳入公共基础课教学计划，并编写适合职校学生的教材。',
	deputy: 3,
	cosigner: 1,
	lead: 'edu',
}

// ── Constituents (invented) ────────────────────────────────────────────────────────────────

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '朱', '胡', '郭', '何', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯']
const givenNames = ['秀英', '桂兰', '建国', '淑珍', '志强', '丽娟', '德明', '玉梅', '国庆', '春生', '海涛', '文斌', '美华', '振东', '月娥', '光荣', '晓燕', '卫东', '红梅', '小军']
const mobilePrefixes = ['139', '159', '189']

// ── Writing them ───────────────────────────────────────────────────────────────────────────

const replyTexts: Record<ResultClass, { content: string; reasons: string }> = {
	A: {
		content: '经研究，代表建议已经采纳。我单位已会同相关单位制定工作方案，有关措施已落实到位，并将作为常态化工作长期坚持。（示例）',
		reasons: '',
	},
	B: {
		content: '代表建议符合工作实际，已列入本年度工作计划，将分步骤推进落实，完成后书面报告代表。（示例）',
		reasons: '需协调经费和场地，计划分两批实施，第一批已于本季度启动。（示例）',
	},
	C: {
		content: '代表建议很有意义。受经费、人员编制等条件限制，目前难以全面实施，待条件成熟时推进，其间先通过现有渠道开展相关工作。（示例）',
		reasons: '涉及人员编制和市级财政统筹，需提请纳入下一年度预算。（示例）',
	},
}

const signers: Record<string, string> = {
	psb: '张国栋（示例）',
	edu: '李文静（示例）',
}

export async function seedDemoConcerns(db: Database, today: IsoDate) {
	const day = (offset: number) => addDays(today, offset)
	const userRows = await db
		.select({
			id: users.id,
			username: users.username,
			role: users.role,
			agencyId: users.agencyId,
		})
		.from(users)
	const actorOf = (username: string): Actor => {
		const row = userRows.find((u) => u.username === username)
		if (!row) throw new Error(`Demo data needs the user '${username}'.`)
		return {
			id: row.id,
			role: row.role,
			agencyId: row.agencyId,
			address: null,
		}
	}
	const agencyRows = await db.select({ id: agencies.id, key: agencies.key }).from(agencies)
	const agencyId = (key: string) => {
		const row = agencyRows.find((a) => a.key === key)
		if (!row) throw new Error(`Demo data needs the agency '${key}'.`)
		return row.id
	}
	// An agency's demo liaison where there is one (gongan, jiaoyu); otherwise an unnamed one of its
	// own staff.
	const agencyActor = (key: string): Actor => {
		const id = agencyId(key)
		const liaison = userRows.find((u) => u.role === 'agency' && u.agencyId === id)
		return {
			id: liaison?.id ?? null,
			role: 'agency',
			agencyId: id,
			address: null,
		}
	}
	const categoryRows = await db.select({ id: concernCategories.id, name: concernCategories.name }).from(concernCategories)
	const categoryId = (name: string) => {
		const row = categoryRows.find((c) => c.name === name)
		if (!row) throw new Error(`Demo data needs the concern category '${name}'.`)
		return row.id
	}
	const clauseRows = await db.select({ id: clauses.id, label: clauses.label }).from(clauses)
	const clauseIds = (labels: Array<string>) => labels.map((label) => clauseRows.find((c) => c.label === label)?.id).filter((id): id is number => id !== undefined)
	const office = actorOf('mishu')
	const deputy = (n: DeputyNo) => actorOf(`daibiao${n}`)
	const version = async (id: number) => (await db.select({ version: concerns.version }).from(concerns).where(eq(concerns.id, id)))[0].version

	// When each concern was filed, to date its row afterwards.
	const filedOn = new Map<number, IsoDate>()
	let person = 0
	const constituents = (count: number) =>
		Array.from({ length: count }, () => {
			const k = person++
			const name = surnames[(k * 7) % surnames.length] + givenNames[(k * 3) % givenNames.length]
			return {
				name,
				phone: `${mobilePrefixes[k % 3]}000${String(10000 + k * 137).slice(-5)}`,
			}
		})
	const file = async (spec: Spec, on: IsoDate, submit = true) => {
		const id = await fileConcern(db, deputy(spec.deputy), {
			title: `${spec.title}（示例）`,
			description: spec.text,
			district: spec.district,
			community: spec.community,
			categoryId: categoryId(spec.category),
			clauseIds: clauseIds(spec.clauses),
			constituents: constituents(spec.people ?? 1),
			cosignerIds: spec.cosigner ? [deputy(spec.cosigner).id as number] : [],
			files: [],
			submit,
			today: on,
		})
		filedOn.set(id, on)
		return id
	}
	// The office writes the 交办 text, cleared of personal details, and hands the concern over.
	const handOver = async (spec: Handed, filed: IsoDate, assigned: IsoDate, options: { difficult?: boolean; lead?: string; co?: Array<string> } = {}) => {
		const id = await file(spec, filed)
		await acceptConcern(db, office, {
			concernId: id,
			version: await version(id),
			today: addDays(filed, 2),
		})
		await arrangeConcern(db, office, {
			concernId: id,
			version: await version(id),
			priority: spec.priority ?? false,
			difficult: options.difficult ?? false,
			shareable: spec.cosigner !== undefined,
			assignmentText: `市人大代表反映：${spec.text.replace(/^[^，。]*反映/, '')}请按照职责研究办理，并在规定期限内答复代表。`,
			today: addDays(filed, 2),
		})
		await assign(id, assigned, options.lead ?? spec.lead, options.co ?? spec.co ?? [])
		return id
	}
	const assign = async (id: number, on: IsoDate, lead: string, co: Array<string>) =>
		assignConcern(db, office, {
			concernId: id,
			version: await version(id),
			leadId: agencyId(lead),
			coIds: co.map(agencyId),
			today: on,
		})
	const opine = async (id: number, spec: Handed, on: IsoDate) => {
		for (const key of spec.co ?? []) {
			if (spec.opinion)
				await giveOpinion(db, agencyActor(key), {
					concernId: id,
					opinion: spec.opinion,
					today: on,
				})
		}
	}
	const answer = async (id: number, lead: string, on: IsoDate, resultClass: ResultClass, promisedOn: IsoDate | null = null) =>
		replyToConcern(db, agencyActor(lead), {
			concernId: id,
			version: await version(id),
			resultClass,
			content: replyTexts[resultClass].content,
			reasons: replyTexts[resultClass].reasons,
			signedBy: signers[lead] ?? '王志刚（示例）',
			promisedOn,
			files: [],
			today: on,
		})
	const rate = (id: number, spec: Spec, on: IsoDate, rating: ConcernRating) =>
		rateReply(db, deputy(spec.deputy), {
			concernId: id,
			rating,
			comment:
				rating === 'unsatisfied'
					? '答复只讲条件限制，没有提出具体措施和时间表，群众反映的问题没有得到回应。'
					: rating === 'basically_satisfied'
					? '答复基本回应了群众关切，希望持续跟进落实情况。'
					: '措施具体，已落实到社区，群众反映良好。',
			today: on,
		})

	// Drafts; the deputies' working papers.
	for (const [n, spec] of drafts.entries()) await file(spec, day(-1 - 2 * n), false)

	// Waiting for the office: the first drafted a week ago and handed in later.
	{
		const [first, ...rest] = waiting
		const id = await file(first, day(-7), false)
		await submitConcern(db, deputy(first.deputy), {
			concernId: id,
			version: await version(id),
			today: day(-4),
		})
		for (const [n, spec] of rest.entries()) await file(spec, day(-3 + n))
	}

	// Accepted, not yet handed over.
	for (const spec of accepted) {
		const id = await file(spec, day(-9))
		await acceptConcern(db, office, {
			concernId: id,
			version: await version(id),
			today: day(-6),
		})
	}

	// Declined, with the reason the deputy reads.
	for (const [spec, reason] of declinedSpecs) {
		const id = await file(spec, day(-30))
		await declineConcern(db, office, {
			concernId: id,
			version: await version(id),
			reason,
			today: day(-27),
		})
	}

	// Handed over three weeks ago; the co-agencies with an opinion have given it.
	const freshIds = new Map<string, number>()
	for (const spec of fresh) {
		const id = await handOver(spec, day(-26), day(-21))
		await opine(id, spec, day(-12))
		freshIds.set(spec.title, id)
	}

	// Duplicates, merged into the concern they repeat.
	for (const [spec, into] of duplicates) {
		const id = await file(spec, day(-24))
		await mergeConcern(db, office, {
			concernId: id,
			version: await version(id),
			intoId: freshIds.get(into) as number,
			today: day(-20),
		})
	}

	// Overdue: handed over about 105 days ago and not answered (three months to answer).
	for (const [n, spec] of overdue.entries()) await handOver(spec, day(-112 - n), day(-105 - n))

	// Wide-ranging or difficult: six months to answer; the co-agency with an opinion has given it.
	for (const spec of difficult) {
		const id = await handOver(spec, day(-58), day(-50), { difficult: true })
		await opine(id, spec, day(-30))
	}

	// Returned by the education bureau within ten days, reassigned to the public security bureau.
	{
		const id = await handOver(reassigned, day(-45), day(-40), {
			lead: 'edu',
			co: [],
		})
		await returnConcern(db, agencyActor('edu'), {
			concernId: id,
			version: await version(id),
			reason: '查处成批寄递银行卡的线索属于公安机关和邮政管理部门职责，建议交市公安局会同市邮政管理局办理。（示例）',
			today: day(-36),
		})
		await assign(id, day(-33), reassigned.lead, reassigned.co ?? [])
		await opine(id, reassigned, day(-20))
	}

	// Returned and waiting for the office to hand them over again.
	for (const [spec, reason] of returned) {
		const id = await handOver(spec, day(-12), day(-8))
		await returnConcern(db, agencyActor(spec.lead), {
			concernId: id,
			version: await version(id),
			reason,
			today: day(-5),
		})
	}

	// Answered, waiting for the rating; class B with its promised date.
	for (const [n, spec] of replied.entries()) {
		const id = await handOver(spec, day(-75 + n), day(-70 + n))
		await opine(id, spec, day(-40))
		await answer(id, spec.lead, day(-12 + 2 * n), spec.resultClass, spec.resultClass === 'B' ? day(60 + 30 * n) : null)
	}
	{
		const id = await handOver(unratedLong, day(-110), day(-100))
		await answer(id, unratedLong.lead, day(-45), unratedLong.resultClass)
	}

	// Rated 不满意 and handled again: the answer is due a month after the rating.
	for (const [spec, answeredAgo, ratedAgo] of rehandling) {
		const id = await handOver(spec, day(-answeredAgo - 70), day(-answeredAgo - 60))
		await answer(id, spec.lead, day(-answeredAgo), spec.resultClass)
		await rate(id, spec, day(-ratedAgo), 'unsatisfied')
	}

	// Closed: rated 满意 or 基本满意.
	for (const [n, spec] of closed.entries()) {
		const id = await handOver(spec, day(-220 + 10 * n), day(-210 + 10 * n))
		await answer(id, spec.lead, day(-150 + 10 * n), spec.resultClass)
		await rate(id, spec, day(-140 + 10 * n), spec.rating)
	}
	// Closed after a re-handling: 不满意 with the first answer, 基本满意 with the second.
	{
		const id = await handOver(rehandled, day(-200), day(-190))
		await answer(id, rehandled.lead, day(-130), 'C')
		await rate(id, rehandled, day(-120), 'unsatisfied')
		await answer(id, rehandled.lead, day(-100), 'A')
		await rate(id, rehandled, day(-95), 'basically_satisfied')
	}
	// Closed unrated by the office, more than a month after the answer.
	{
		const id = await handOver(closedUnratedSpec, day(-180), day(-170))
		await answer(id, closedUnratedSpec.lead, day(-110), 'A')
		await closeUnrated(db, office, {
			concernId: id,
			version: await version(id),
			today: day(-75),
		})
	}
	// Class B: one promise kept and reported done, one past its date and not reported.
	{
		const id = await handOver(kept, day(-240), day(-230))
		await answer(id, kept.lead, day(-160), 'B', day(-40))
		await rate(id, kept, day(-150), 'satisfied')
		await fulfilPromise(db, agencyActor(kept.lead), {
			concernId: id,
			note: '已在全市客流前二十位的地铁站设置反诈宣传点位，站内屏幕循环播放反诈公益短片。（示例）',
			today: day(-45),
		})
	}
	{
		const id = await handOver(lapsed, day(-230), day(-220))
		await answer(id, lapsed.lead, day(-150), 'B', day(-20))
		await rate(id, lapsed, day(-140), 'basically_satisfied')
	}

	// The functions above stamp their rows with the time of seeding; the demo's records date from
	// when they would have happened.
	await write(db, office, async (tx, audit) => {
		const ids = [...filedOn.keys()]
		for (const [id, on] of filedOn)
			await tx
				.update(concerns)
				.set({ createdAt: at(on) })
				.where(eq(concerns.id, id))
		const replies = await tx.select({ id: concernReplies.id, repliedOn: concernReplies.repliedOn }).from(concernReplies).where(inArray(concernReplies.concernId, ids))
		for (const reply of replies)
			await tx
				.update(concernReplies)
				.set({ createdAt: at(reply.repliedOn) })
				.where(eq(concernReplies.id, reply.id))
		await audit({
			action: 'demo.seed',
			entityType: 'instance',
			after: { concerns: ids.length },
		})
	})
}

// 10:00 in Shanghai on a calendar day.
function at(date: IsoDate): Date {
	return new Date(`${date}T10:00:00+08:00`)
}
