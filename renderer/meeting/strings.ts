/** Strings for meeting mode, the client-facing survey, the PIN and loyalty facts; terms follow product.md's glossary. */
const zhCN = {
  meeting: {
    open: '会议模式', resume: '继续会议记录', title: '会议模式 · {{name}}', backToProfile: '返回客户档案',
    type: '沟通方式', occurredAt: '时间', contacts: '客户参会人', logins: '我行参会人（客户经理）', loginsHint: '输入登录名后回车',
    notes: '纪要', outcomes: '会议成果', nextSteps: '后续行动', nextStepLine: '新的后续行动',
    nextStepHint: '输入后按 Ctrl+Enter（Mac 为 ⌘+Enter）添加为待办事项',
    stepTitle: '待办事项', stepDue: '到期日', stepAssignee: '负责人', removeStep: '删除后续行动“{{title}}”', noSteps: '尚无后续行动',
    feedback: '客户反馈（可选）', feedbackComment: '客户意见',
    finish: '完成并保存', finishHint: 'Ctrl+Shift+Enter', discard: '丢弃草稿', confirmDiscard: '丢弃这份会议草稿？已输入的内容将被删除。',
    saving: '正在保存草稿…', savedAt: '草稿已保存 {{time}}', saveFailed: '草稿保存失败，正在重试（内容仍在本页）', notSaved: '尚未输入内容',
    finished: '已保存沟通记录和 {{count}} 条待办事项', restored: '已恢复未完成的会议草稿',
    clearScore: '清除评分', stale: '这份草稿已在另一个窗口中更新，本窗口已停止保存。请重新打开以查看最新内容。', reopen: '重新打开', referred: '已新建推荐的潜在客户“{{name}}”', draftsTitle: '未完成的会议草稿', draftsEmpty: '没有未完成的会议草稿',
  },
  survey: {
    open: '客户自助问卷', title: '客户满意度调查', intro: '感谢您抽出时间。您的反馈将帮助我们改进服务。',
    csatQuestion: '您对我行本次服务的整体满意度如何？', csatLow: '非常不满意', csatHigh: '非常满意',
    npsQuestion: '您有多大可能向朋友或同事推荐我行？', npsLow: '完全不可能', npsHigh: '极有可能',
    comment: '您还有什么想告诉我们的吗？（可选）', submit: '提交', thanks: '感谢您的反馈！', thanksHint: '请将电脑交还给您的客户经理。',
    another: '重新填写', rmReturn: '客户经理返回', scoreRequired: '请至少回答一个评分问题',
  },
  pin: {
    title: '客户经理 PIN', enter: '输入 PIN 返回', setTitle: '设置客户经理 PIN', setHint: '交给客户填写问卷前，先设置 PIN。只有输入 PIN 才能退出客户自助问卷。',
    pin: 'PIN（4–12 位数字）', currentPin: '当前 PIN', confirm: '再次输入 PIN', mismatch: '两次输入的 PIN 不一致', format: 'PIN 须为 4–12 位数字',
    wrong: 'PIN 不正确', tooMany: 'PIN 错误次数过多，请 {{wait}}后再试', unlock: '解锁', start: '开始客户自助问卷', change: '修改 PIN', saved: 'PIN 已设置',
  },
  loyalty: {
    title: '客户忠诚度', repeat: '重复合作项目（已融资关闭）', referrals: '推荐客户', none: '暂无',
    trend: '客户满意度 / 净推荐值趋势', trendEmpty: '暂无客户反馈，无法显示趋势', referral: '记录推荐客户', referralTitle: '新建推荐的潜在客户',
    history: '历次反馈（含已更正）',
  },
};

type Strings = typeof zhCN;

const en: Strings = {
  meeting: {
    open: 'Meeting mode', resume: 'Resume meeting notes', title: 'Meeting mode · {{name}}', backToProfile: 'Back to client profile',
    type: 'Type', occurredAt: 'Time', contacts: 'Client attendees', logins: 'Our attendees (RMs)', loginsHint: 'Type a login and press Enter',
    notes: 'Notes', outcomes: 'Outcomes', nextSteps: 'Next steps', nextStepLine: 'New next step',
    nextStepHint: 'Type, then press Ctrl+Enter (⌘+Enter on a Mac) to add it as a task',
    stepTitle: 'Task', stepDue: 'Due date', stepAssignee: 'Assignee', removeStep: 'Remove next step "{{title}}"', noSteps: 'No next steps yet',
    feedback: 'Client feedback (optional)', feedbackComment: 'Client comment',
    finish: 'Finish and save', finishHint: 'Ctrl+Shift+Enter', discard: 'Discard draft', confirmDiscard: 'Discard this meeting draft? What you typed will be deleted.',
    saving: 'Saving draft…', savedAt: 'Draft saved {{time}}', saveFailed: 'Could not save the draft; retrying (your text is still here)', notSaved: 'Nothing typed yet',
    finished: 'Saved the interaction and {{count}} tasks', restored: 'Restored your unfinished meeting draft',
    clearScore: 'Clear score', stale: 'This draft was updated in another window; this window has stopped saving. Reopen it to see the latest text.', reopen: 'Reopen', referred: 'Created the referred prospect “{{name}}”', draftsTitle: 'Unfinished meeting drafts', draftsEmpty: 'No unfinished meeting drafts',
  },
  survey: {
    open: 'Client survey', title: 'Client satisfaction survey', intro: 'Thank you for your time. Your feedback helps us serve you better.',
    csatQuestion: 'Overall, how satisfied are you with our service?', csatLow: 'Very dissatisfied', csatHigh: 'Very satisfied',
    npsQuestion: 'How likely are you to recommend us to a friend or colleague?', npsLow: 'Not at all likely', npsHigh: 'Extremely likely',
    comment: 'Anything else you would like to tell us? (optional)', submit: 'Submit', thanks: 'Thank you for your feedback!', thanksHint: 'Please hand the laptop back to your relationship manager.',
    another: 'Answer again', rmReturn: 'Relationship manager: return', scoreRequired: 'Please answer at least one of the rating questions',
  },
  pin: {
    title: 'RM PIN', enter: 'Enter your PIN to return', setTitle: 'Set your RM PIN', setHint: 'Set a PIN before handing the laptop to the client. Only the PIN ends the client survey.',
    pin: 'PIN (4–12 digits)', currentPin: 'Current PIN', confirm: 'Repeat the PIN', mismatch: 'The two PINs differ', format: 'The PIN must be 4 to 12 digits',
    wrong: 'Wrong PIN', tooMany: 'Too many wrong PINs; try again in {{wait}}', unlock: 'Unlock', start: 'Start client survey', change: 'Change PIN', saved: 'PIN set',
  },
  loyalty: {
    title: 'Loyalty', repeat: 'Repeat projects (reached financial close)', referrals: 'Clients referred', none: 'None',
    trend: 'CSAT / NPS trend', trendEmpty: 'No feedback yet, so no trend to show', referral: 'Record a referral', referralTitle: 'New referred prospect',
    history: 'All feedback (including corrected entries)',
  },
};

export const meetingStrings = { 'zh-CN': zhCN, en };
