/** Strings for likely duplicates (疑似重复客户), the merge dialog and the profile's notice. */
const zhCN = {
  duplicates: {
    nav: '疑似重复', title: '疑似重复客户', subtitle: '名称或统一社会信用代码相近的客户，最可能重复的在前', count: '共 {{n}} 对',
    empty: '没有发现疑似重复的客户', loadError: '疑似重复客户加载失败', back: '返回客户列表',
    pair: '{{a}} 与 {{b}}', why: '相似原因', merge: '合并', mergeWith: '合并 · {{a}} 与 {{b}}', open: '打开 {{name}}',
    reason: {
      creditCode: '统一社会信用代码相同：{{code}}', sameName: '规范化后名称相同：{{name}}',
      sameTradeName: '字号相同：“{{trade}}”', place: '名称中的地名：{{place}}', trades: '同属{{trades}}',
    },
    notice: '该客户可能与 {{count}} 个客户重复', noticeItem: '{{name}}（{{why}}）', compare: '比较并合并', compareWith: '比较并合并 · {{name}}',
    dialog: {
      title: '合并客户', survivor: '保留的客户', survivorHint: '另一客户的联系人、融资项目、沟通记录、反馈、任务和历史都将转到保留的客户，另一客户随后删除并指向保留的客户。',
      field: '字段', keep: '保留的值', both: '两者都保留', same: '相同', empty: '（空）', moves: '将转移：{{list}}', nothingMoves: '没有需要转移的记录',
      confirm: '确认合并', confirmTitle: '确认将“{{merged}}”合并到“{{survivor}}”？', confirmHint: '合并记入审计日志，并同步到其他设备。',
      done: '已合并到“{{name}}”', loading: '正在加载两个客户…', choose: '{{field}}：选择保留的值',
    },
    field: { referredById: '推荐客户' },
  },
};

type Strings = typeof zhCN;

const en: Strings = {
  duplicates: {
    nav: 'Duplicates', title: 'Likely duplicate clients', subtitle: 'Clients with similar names or the same credit code, surest first', count: '{{n}} pairs',
    empty: 'No likely duplicates found', loadError: 'Could not load likely duplicates', back: 'Back to clients',
    pair: '{{a}} and {{b}}', why: 'Why they look alike', merge: 'Merge', mergeWith: 'Merge · {{a}} and {{b}}', open: 'Open {{name}}',
    reason: {
      creditCode: 'Same credit code: {{code}}', sameName: 'Same name once normalised: {{name}}',
      sameTradeName: 'Same trade name: “{{trade}}”', place: 'place in the name: {{place}}', trades: 'shared words: {{trades}}',
    },
    notice: 'This client may be a duplicate of {{count}} other client(s)', noticeItem: '{{name}} ({{why}})', compare: 'Compare and merge', compareWith: 'Compare and merge · {{name}}',
    dialog: {
      title: 'Merge clients', survivor: 'Client to keep', survivorHint: 'Contacts, projects, interactions, feedback, tasks and history of the other client move to the one kept; the other is then deleted and points to it.',
      field: 'Field', keep: 'Value to keep', both: 'Keep both', same: 'Same', empty: '(empty)', moves: 'Moves: {{list}}', nothingMoves: 'No records to move',
      confirm: 'Merge', confirmTitle: 'Merge “{{merged}}” into “{{survivor}}”?', confirmHint: 'The merge is recorded in the audit log and syncs to other devices.',
      done: 'Merged into “{{name}}”', loading: 'Loading both clients…', choose: '{{field}}: value to keep',
    },
    field: { referredById: 'Referred by' },
  },
};

export const duplicateStrings = { 'zh-CN': zhCN, en };
