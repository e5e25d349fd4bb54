/** Strings for the bank settings an administrator edits: exchange rates, reporting currency, risk thresholds. */
const zhCN = {
  bankSettings: {
    nav: '设置', title: '银行设置', adminOnly: '只有管理员可以修改这些设置；修改会同步到每台设备。当前用户：{{login}}（{{role}}）。', noUser: '只有管理员可以修改这些设置；修改会同步到每台设备。本机尚未设置当前用户，同步时由服务器判定权限。',
    role: { rm: '客户经理', team_lead: '团队负责人', admin: '管理员' },
    reporting: '报告币种', reportingHint: '跨币种汇总（敞口、融资规模、集中度）都折算为此币种。', default: '默认值',
    rates: '汇率表', ratesHint: '1 单位外币折合多少报告币种；汇总时使用不晚于当日的最近汇率。', currency: '币种', quote: '折算为', rate: '汇率', asOf: '生效日期',
    addRate: '新增汇率', editRate: '编辑汇率', newRate: '新增汇率', noRates: '还没有汇率',
    thresholds: '风险预警阈值', thresholdsHint: '每台设备按同样的阈值计算预警。',
    threshold: {
      ratingDowngradeNotches: '评级下调（子级）', feedbackWindowDays: '满意度观察期（天）', lowCsatMax: '低满意度（≤ 分）', npsDetractorMax: '贬损者（净推荐值 ≤）',
      contactOverdueFactor: '联系逾期（联系频率的倍数）', dscrHeadroom: '偿债覆盖率预警余量（x）', stalledStageDays: '阶段停滞（天）', concentrationShare: '客户集中度（占比）',
    },
    saveThresholds: '保存阈值', saved: '已保存，将在下次同步时发送', saveReporting: '保存报告币种',
  },
};

type Strings = typeof zhCN;

const en: Strings = {
  bankSettings: {
    nav: 'Settings', title: 'Bank settings', adminOnly: 'Only an administrator can change these settings; changes sync to every device. Current user: {{login}} ({{role}}).',
    noUser: 'Only an administrator can change these settings; changes sync to every device. No user is set on this device yet: the server decides at sync.', role: { rm: 'Relationship manager', team_lead: 'Team lead', admin: 'Administrator' },
    reporting: 'Reporting currency', reportingHint: 'Sums across currencies (exposure, financing volume, concentration) are converted to it.', default: 'Default',
    rates: 'Exchange rates', ratesHint: 'How much of the reporting currency one unit is worth; sums use the latest rate on or before their day.',
    currency: 'Currency', quote: 'Into', rate: 'Rate', asOf: 'As of', addRate: 'Add rate', editRate: 'Edit rate', newRate: 'New rate', noRates: 'No rates yet',
    thresholds: 'Risk alert thresholds', thresholdsHint: 'Every device evaluates the alerts on the same thresholds.',
    threshold: {
      ratingDowngradeNotches: 'Rating downgrade (notches)', feedbackWindowDays: 'Feedback window (days)', lowCsatMax: 'Low CSAT (at most)', npsDetractorMax: 'NPS detractor (at most)',
      contactOverdueFactor: 'Contact overdue (× cadence)', dscrHeadroom: 'DSCR warning headroom (x)', stalledStageDays: 'Stalled in a stage (days)', concentrationShare: 'Concentration (share)',
    },
    saveThresholds: 'Save thresholds', saved: 'Saved; sent at the next sync', saveReporting: 'Save reporting currency',
  },
};

export const bankSettingStrings = { 'zh-CN': zhCN, en };
