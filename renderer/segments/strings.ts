/** Strings for segments, the rule editor, the matrix and the policy explanation; terms follow product.md's glossary. */
const zhCN = {
  segments: {
    nav: '客户细分', title: '客户细分', list: '细分列表', matrix: '矩阵视图', new: '新建客户细分', edit: '编辑', editTitle: '编辑客户细分 · {{name}}',
    priority: '优先级', name: '名称', nameEn: '英文名称', description: '说明', policy: '服务策略', tier: '服务等级', cadence: '联系频率',
    contactTypes: '计入联系的沟通方式', channels: '偏好渠道', review: '评审频率', days: '{{n}} 天', daysUnit: '天', clients: '客户数', exposure: '敞口（{{currency}}）',
    averageCsat: '平均最近满意度', coverage: '覆盖率', unsegmented: '未匹配任何客户细分的客户：{{n}} 户',
    rates: '敞口按 {{rates}} 折算为 {{currency}}', rate: '{{currency}} {{rate}}（{{date}}）', noRates: '全部为 {{currency}}，无需折算',
    missingRates: '{{currencies}} 没有汇率，未计入敞口', asOf: '截至 {{date}}',
    reorderHint: '拖动行，或聚焦行后按 Alt+↑ / Alt+↓ 调整优先级：排在前面的先匹配。', moveUp: '上移“{{name}}”', moveDown: '下移“{{name}}”',
    moved: '“{{name}}”已移到第 {{n}} 位', dragHandle: '拖动以调整“{{name}}”的顺序', order: '顺序', readOnly: '只有团队负责人和管理员可以修改客户细分。',
    deleted: '已删除客户细分“{{name}}”', rule: '匹配规则', loadError: '无法加载客户细分',
    editor: {
      all: '满足全部条件', any: '满足任一条件', addCondition: '添加条件', addGroup: '添加条件组', remove: '删除此条件', removeGroup: '删除此条件组',
      fact: '条件', group: '条件组', min: '最小值', max: '最大值', from: '最低', to: '最高', values: '取值', tags: '标签（任一）', logins: '客户经理登录名',
      ratingFrom: '不低于', ratingTo: '不高于（可选）', exposureUnit: '万元（{{currency}}）',
      preview: '实时预览', previewHint: '修改规则即可看到结果，无需保存。', matches: '符合规则：{{n}} 户', members: '将归入此细分：{{n}} 户',
      sample: '前 {{n}} 个符合规则的客户', joins: '将归入', staysIn: '仍属“{{name}}”（优先级更高）', noSegmentNow: '目前未匹配',
      movesIn: '将有 {{n}} 户客户从“{{from}}”移入此细分', movesOut: '将有 {{n}} 户客户移出此细分，改入“{{to}}”', noMoves: '不会改变其他客户的细分',
      noMatches: '没有客户符合此规则', previewError: '规则还不完整：{{message}}', stale: '正在计算…',
    },
    fact: {
      sizeBand: '规模', rating: '信用评级', status: '客户状态', industry: '行业', region: '地区', ownerLogin: '客户经理', tags: '标签',
      tenureYears: '合作年限（年）', pastProjects: '已融资关闭项目数', exposureMinor: '敞口', latestCsat: '最近一次客户满意度',
    },
    matrixView: {
      rows: '行', columns: '列', measure: '显示', measureClients: '客户数', measureExposure: '敞口', measureCsat: '平均满意度',
      axis: { sizeBand: '规模', rating: '信用评级', industry: '行业', region: '地区', segment: '客户细分', status: '客户状态', ownerLogin: '客户经理' },
      caption: '{{rows}} × {{columns}}：{{measure}}。点击单元格查看这些客户。', total: '合计', open: '查看 {{n}} 户客户：{{row}}，{{column}}',
      empty: '—', legendLow: '低', legendHigh: '高', noSegment: '未匹配',
    },
    why: {
      title: '为何适用此服务策略', matchedIn: '属于“{{name}}”（优先级 {{priority}}），满足：', none: '不满足任何客户细分的规则，没有服务策略。',
      passedOver: '未归入更高优先级的细分：', failed: '“{{name}}”（优先级 {{priority}}）：', met: '满足', notMet: '不满足', value: '本客户：{{value}}',
      noValue: '无', allOf: '同时满足以下全部', anyOf: '满足以下任一', unmetOf: '须全部满足，未满足的是',
    },
    describe: {
      in: '{{fact}}为{{values}}', ratingRange: '信用评级在 {{to}} 与 {{from}} 之间', ratingFrom: '信用评级不低于 {{from}}',
      range: '{{fact}}在 {{min}} 与 {{max}} 之间', atLeast: '{{fact}}不少于 {{min}}', atMost: '{{fact}}不超过 {{max}}',
    },
  },
};

type Strings = typeof zhCN;

const en: Strings = {
  segments: {
    nav: 'Segments', title: 'Segments', list: 'Segment list', matrix: 'Matrix', new: 'New segment', edit: 'Edit', editTitle: 'Edit segment · {{name}}',
    priority: 'Priority', name: 'Name', nameEn: 'English name', description: 'Description', policy: 'Service policy', tier: 'Service tier', cadence: 'Contact cadence',
    contactTypes: 'Interactions that count as contact', channels: 'Preferred channels', review: 'Review frequency', days: '{{n}} days', daysUnit: 'days', clients: 'Clients',
    exposure: 'Exposure ({{currency}})', averageCsat: 'Avg. latest CSAT', coverage: 'Coverage', unsegmented: 'Clients in no segment: {{n}}',
    rates: 'Exposure converted to {{currency}} at {{rates}}', rate: '{{currency}} {{rate}} ({{date}})', noRates: 'All in {{currency}}; nothing to convert',
    missingRates: 'No rate for {{currencies}}: not counted in exposure', asOf: 'As of {{date}}',
    reorderHint: 'Drag a row, or focus it and press Alt+↑ / Alt+↓: segments higher in the list are matched first.', moveUp: 'Move “{{name}}” up',
    moveDown: 'Move “{{name}}” down', moved: '“{{name}}” is now number {{n}}', dragHandle: 'Drag to reorder “{{name}}”', order: 'Order',
    readOnly: 'Only team leads and administrators can change segments.', deleted: 'Segment “{{name}}” deleted', rule: 'Rule',
    loadError: 'Could not load the segments',
    editor: {
      all: 'All of', any: 'Any of', addCondition: 'Add condition', addGroup: 'Add group', remove: 'Remove this condition', removeGroup: 'Remove this group',
      fact: 'Condition', group: 'Group', min: 'Minimum', max: 'Maximum', from: 'From', to: 'To', values: 'Values', tags: 'Tags (any)', logins: 'RM logins',
      ratingFrom: 'At least', ratingTo: 'At most (optional)', exposureUnit: '10k {{currency}}',
      preview: 'Live preview', previewHint: 'Edit the rule to see what it does; nothing is saved.', matches: 'Match the rule: {{n}}', members: 'Would be in this segment: {{n}}',
      sample: 'First {{n}} matching clients', joins: 'Joins', staysIn: 'Stays in “{{name}}” (higher priority)', noSegmentNow: 'In no segment now',
      movesIn: '{{n}} clients would move here from “{{from}}”', movesOut: '{{n}} clients would leave this segment for “{{to}}”', noMoves: 'No other client changes segment',
      noMatches: 'No client matches this rule', previewError: 'The rule is not complete yet: {{message}}', stale: 'Computing…',
    },
    fact: {
      sizeBand: 'Size band', rating: 'Credit rating', status: 'Status', industry: 'Industry', region: 'Region', ownerLogin: 'Relationship manager', tags: 'Tags',
      tenureYears: 'Tenure (years)', pastProjects: 'Projects reached financial close', exposureMinor: 'Exposure', latestCsat: 'Latest CSAT',
    },
    matrixView: {
      rows: 'Rows', columns: 'Columns', measure: 'Show', measureClients: 'Clients', measureExposure: 'Exposure', measureCsat: 'Avg. CSAT',
      axis: { sizeBand: 'Size band', rating: 'Credit rating', industry: 'Industry', region: 'Region', segment: 'Segment', status: 'Status', ownerLogin: 'RM' },
      caption: '{{rows}} × {{columns}}: {{measure}}. Click a cell to see its clients.', total: 'Total', open: 'Show {{n}} clients: {{row}}, {{column}}',
      empty: '—', legendLow: 'Low', legendHigh: 'High', noSegment: 'No segment',
    },
    why: {
      title: 'Why this service policy', matchedIn: 'In “{{name}}” (priority {{priority}}), which it meets:', none: 'Matches no segment\'s rule: no service policy.',
      passedOver: 'Not in these higher-priority segments:', failed: '“{{name}}” (priority {{priority}}):', met: 'met', notMet: 'not met', value: 'this client: {{value}}',
      noValue: 'none', allOf: 'All of', anyOf: 'Any of', unmetOf: 'Needs all of these; it does not meet',
    },
    describe: {
      in: '{{fact}} is {{values}}', ratingRange: 'Credit rating from {{from}} to {{to}}', ratingFrom: 'Credit rating {{from}} or better',
      range: '{{fact}} from {{min}} to {{max}}', atLeast: '{{fact}} at least {{min}}', atMost: '{{fact}} at most {{max}}',
    },
  },
};

export const segmentStrings = { 'zh-CN': zhCN, en };
