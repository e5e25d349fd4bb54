/** Strings for the client profile's segment-change notice (issue 10, 14): when and why a client changed segment. */
const zhCN = {
  segmentChange: {
    title: '{{date}} 由 {{from}}调整为 {{to}}',
    named: '{{name}}（{{tier}}）',
    none: '未匹配客户细分',
    deleted: '{{name}}（已删除）',
    cause: {
      client_edited: '客户资料修改后重新归类', project_changed: '项目变化后重新归类', feedback: '新的客户反馈后重新归类',
      merge: '合并客户后重新归类', import: '导入数据后重新归类', sync: '同步数据后重新归类',
      reevaluated: '细分规则、汇率或日期变化后重新归类',
    },
    because: '原因：',
    meets: '满足“{{name}}”的条件：{{conditions}}',
    value: '{{condition}}（本客户：{{value}}）',
    noneMatches: '不满足任何客户细分的规则',
    failsOld: '不再满足“{{name}}”：{{conditions}}',
    explain: '查看完整说明',
    earlier: '近 30 天内还有 {{count}} 次调整',
  },
};

const en: typeof zhCN = {
  segmentChange: {
    title: 'On {{date}} moved from {{from}} to {{to}}',
    named: '{{name}} ({{tier}})',
    none: 'no segment',
    deleted: '{{name}} (deleted)',
    cause: {
      client_edited: 'Placed again after the client was edited', project_changed: 'Placed again after a project changed',
      feedback: 'Placed again after new client feedback', merge: 'Placed again after a client merge', import: 'Placed again after an import',
      sync: 'Placed again after a sync', reevaluated: 'Placed again after segment rules, rates or the date changed',
    },
    because: 'Why: ',
    meets: 'it meets “{{name}}”: {{conditions}}',
    value: '{{condition}} (this client: {{value}})',
    noneMatches: 'it matches no segment\'s rule',
    failsOld: 'it no longer meets “{{name}}”: {{conditions}}',
    explain: 'Full explanation',
    earlier: '{{count}} more changes in the last 30 days',
  },
};

export const profileStrings = { 'zh-CN': zhCN, en };
