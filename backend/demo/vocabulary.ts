import type { Industry, ProjectSector, Region } from '../../shared/domain/index.ts';

/** Fictional but plausible words for demo companies, people and projects. */
export const REGION_NAMES: ReadonlyArray<readonly [Region, string, string, string]> = [
  ['BJ', '北京', 'Beijing', '110000'], ['SH', '上海', 'Shanghai', '310000'], ['GD', '广东', 'Guangdong', '440000'],
  ['JS', '江苏', 'Jiangsu', '320000'], ['ZJ', '浙江', 'Zhejiang', '330000'], ['SD', '山东', 'Shandong', '370000'],
  ['SC', '四川', 'Sichuan', '510000'], ['HB', '湖北', 'Hubei', '420000'], ['HN', '湖南', 'Hunan', '430000'],
  ['FJ', '福建', 'Fujian', '350000'], ['NM', '内蒙古', 'Inner Mongolia', '150000'], ['XJ', '新疆', 'Xinjiang', '650000'],
  ['GS', '甘肃', 'Gansu', '620000'], ['YN', '云南', 'Yunnan', '530000'], ['SN', '陕西', 'Shaanxi', '610000'],
  ['HE', '河北', 'Hebei', '130000'], ['AH', '安徽', 'Anhui', '340000'], ['CQ', '重庆', 'Chongqing', '500000'],
  ['TJ', '天津', 'Tianjin', '120000'], ['GX', '广西', 'Guangxi', '450000'], ['HK', '香港', 'Hong Kong', '810000'],
];

/** Trade-name syllables with a romanisation, combined in pairs. */
export const TRADE_SYLLABLES: ReadonlyArray<readonly [string, string]> = [
  ['华', 'Hua'], ['中', 'Zhong'], ['国', 'Guo'], ['长', 'Chang'], ['江', 'Jiang'], ['海', 'Hai'], ['泰', 'Tai'], ['恒', 'Heng'],
  ['通', 'Tong'], ['远', 'Yuan'], ['明', 'Ming'], ['隆', 'Long'], ['盛', 'Sheng'], ['鑫', 'Xin'], ['润', 'Run'], ['东', 'Dong'],
  ['南', 'Nan'], ['西', 'Xi'], ['北', 'Bei'], ['宏', 'Hong'], ['金', 'Jin'], ['源', 'Yuan'], ['航', 'Hang'], ['峰', 'Feng'],
  ['宇', 'Yu'], ['瑞', 'Rui'], ['德', 'De'], ['信', 'Xin'], ['安', 'An'], ['嘉', 'Jia'], ['博', 'Bo'], ['凯', 'Kai'],
  ['辰', 'Chen'], ['晟', 'Sheng'], ['弘', 'Hong'], ['融', 'Rong'], ['达', 'Da'], ['天', 'Tian'], ['新', 'Xin'], ['星', 'Xing'],
];

export const INDUSTRY_WORDS: ReadonlyArray<readonly [Industry, string, string, ProjectSector]> = [
  ['power', '电力', 'Power', 'power'], ['renewables', '新能源', 'New Energy', 'renewables'],
  ['renewables', '风电', 'Wind Power', 'renewables'], ['renewables', '光伏', 'Solar', 'renewables'],
  ['transport', '交通投资', 'Transport Investment', 'transport'], ['transport', '高速公路', 'Expressway', 'transport'],
  ['water', '水务', 'Water', 'water'], ['social_infrastructure', '城市建设', 'Urban Construction', 'social_infrastructure'],
  ['oil_gas', '油气', 'Oil & Gas', 'oil_gas'], ['telecom', '通信', 'Telecom', 'telecom'],
  ['manufacturing', '装备制造', 'Equipment', 'other'], ['mining', '矿业', 'Mining', 'other'],
];

export const COMPANY_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['股份有限公司', 'Co., Ltd.'], ['有限公司', 'Co., Ltd.'], ['集团有限公司', 'Group Co., Ltd.'], ['开发有限公司', 'Development Co., Ltd.'],
];

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
export const GIVEN_NAMES = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '军', '涛', '明', '超', '秀英', '建华', '晓东', '海燕', '志强', '丽娟', '国庆', '文博'];
export const CONTACT_TITLES: ReadonlyArray<readonly [string, string, boolean]> = [
  ['董事长', '董事会', true], ['总经理', '总经理办公室', true], ['财务总监', '财务部', true], ['融资部经理', '融资部', false],
  ['项目经理', '项目管理部', false], ['投资总监', '投资部', true], ['法务经理', '法务部', false], ['资金主管', '财务部', false],
];

export const PROJECT_TEMPLATES: Record<ProjectSector, readonly string[]> = {
  power: ['{place}2×660MW燃煤电厂项目', '{place}燃气热电联产项目', '{place}抽水蓄能电站项目'],
  renewables: ['{place}200MW光伏电站项目', '{place}海上风电项目', '{place}风光储一体化项目', '{place}分散式风电项目'],
  transport: ['{place}高速公路PPP项目', '{place}城际铁路项目', '{place}港口码头扩建项目', '{place}机场改扩建项目'],
  water: ['{place}污水处理厂项目', '{place}供水管网改造项目', '{place}海水淡化项目'],
  social_infrastructure: ['{place}人民医院新院区项目', '{place}保障性住房项目', '{place}大学城建设项目'],
  oil_gas: ['{place}LNG接收站项目', '{place}天然气管道项目'],
  telecom: ['{place}数据中心项目', '{place}5G基站共建项目'],
  other: ['{place}产业园区项目', '{place}物流园项目'],
};

export const PLACES = ['滨海', '临港', '东湖', '西山', '南沙', '北湾', '金川', '白云', '青山', '龙泉', '凤凰', '紫金', '玉门', '哈密', '酒泉', '盐城', '如东', '阳江'];
export const SPONSORS = ['国家电投', '华能集团', '中广核', '三峡集团', '中国交建', '中国建筑', '北控水务', '中石化', '中国铁塔', '龙源电力'];
export const SYNDICATE_BANKS = ['工商银行', '建设银行', '农业银行', '中国银行', '国家开发银行', '交通银行', '招商银行', '兴业银行', 'HSBC', 'Standard Chartered'];

/** Sentence templates for meeting notes; {project} and {contact} are filled in. */
export const NOTE_SENTENCES = [
  '与{contact}讨论{project}的融资结构,对方希望提高银团贷款比例。',
  '客户确认{project}已取得核准批复,计划下月启动尽职调查。',
  '{contact}反馈电价补贴到位延迟,现金流承压,需关注偿债覆盖率。',
  '沟通授信审批进度,客户对利率和担保条款有疑问。',
  '拜访项目现场,{project}建设进度符合预期,提款计划不变。',
  '客户有新的融资需求,拟在明年启动第二期项目。',
  '讨论再融资方案,客户希望延长贷款期限并降低利差。',
  'Discussed the financing timetable for {project}; the sponsor wants financial close before year end.',
  '电话跟进放款条件落实情况,法律文件签署预计两周内完成。',
  '客户对我行服务满意,推荐了同业的一家新能源企业。',
];
export const OUTCOMES = ['双方就主要条款达成一致', '需补充提供财务报表', '客户将内部审议后回复', 'Agreed indicative terms', '确认下次会议时间'];
export const NEXT_STEPS = ['发送融资条款清单', '安排尽调现场访谈', '提交授信申请材料', 'Send the term sheet', '跟进担保方案'];
export const TASK_TITLES = ['发送融资条款清单', '准备授信审批材料', '回访客户满意度', '更新项目现金流模型', '核对放款条件', 'Follow up on the term sheet', '安排季度客户拜访'];
export const FEEDBACK_COMMENTS = ['响应及时,方案专业', '审批流程偏慢', '利率有竞争力', 'Very responsive team', '希望加强投后服务', ''];
