/** Strings for data quality (数据质量): the profile's completeness card and the per-RM view. */
const zhCN = {
  quality: {
    nav: '数据质量', title: '数据质量', subtitle: '按客户经理查看客户资料完整度，最不完整的在前',
    card: '资料完整度', score: '{{score}} 分', complete: '资料完整', missing: '缺少 {{n}} 项', fix: '去补充',
    fixItem: '去补充：{{item}}', loadError: '完整度加载失败',
    item: {
      creditCode: '统一社会信用代码', rating: '信用评级', industry: '行业', region: '地区', englishName: '英文名称',
      relationshipStart: '建立关系日期', financials: '财务数据（营业收入或总资产）', decisionMaker: '可联系的决策人（电话或邮箱）',
      recentInteraction: '近一年的沟通记录', recentFeedback: '近一年的客户反馈',
    },
    owners: '客户经理', owner: '客户经理', clients: '客户数', average: '平均完整度', incomplete: '资料不完整', all: '全部客户经理',
    client: '客户', missingItems: '缺少', empty: '没有客户', ownerFilter: '按客户经理筛选', more: '显示更多（已显示 {{shown}} / {{total}}）',
    open: '打开 {{name}}',
  },
};

type Strings = typeof zhCN;

const en: Strings = {
  quality: {
    nav: 'Data quality', title: 'Data quality', subtitle: 'How complete client records are, per relationship manager, least complete first',
    card: 'Completeness', score: '{{score}} points', complete: 'Complete', missing: '{{n}} missing', fix: 'Fix',
    fixItem: 'Fix: {{item}}', loadError: 'Could not load completeness',
    item: {
      creditCode: 'Unified social credit code', rating: 'Credit rating', industry: 'Industry', region: 'Region', englishName: 'English name',
      relationshipStart: 'Relationship start', financials: 'Financials (revenue or total assets)', decisionMaker: 'A reachable decision maker (phone or e-mail)',
      recentInteraction: 'An interaction in the last year', recentFeedback: 'Feedback in the last year',
    },
    owners: 'Relationship managers', owner: 'Relationship manager', clients: 'Clients', average: 'Average completeness', incomplete: 'Incomplete', all: 'All relationship managers',
    client: 'Client', missingItems: 'Missing', empty: 'No clients', ownerFilter: 'Filter by relationship manager', more: 'Show more ({{shown}} of {{total}} shown)',
    open: 'Open {{name}}',
  },
};

export const qualityStrings = { 'zh-CN': zhCN, en };
