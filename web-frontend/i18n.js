// English and Chinese strings for both pages. The language comes from navigator.language,
// can be switched on the page (remembered in localStorage) and is sent to the server as Accept-Language.

const STRINGS = {
  en: {
    'app.title': 'DocAnnotator',
    'skip': 'Skip to content',
    'app.tagline': 'Review a document against your requirement, live.',
    'lang.label': 'Language',
    'form.heading': 'New review',
    'form.file': 'Document',
    'form.file.hint': 'DOCX, PDF, TXT or Markdown, up to 25 MB. Drop it here or choose a file.',
    'form.file.choose': 'Choose a file',
    'form.file.none': 'No file chosen',
    'form.requirement': 'What should be checked?',
    'form.requirement.placeholder': 'e.g. Check spelling and grammar, flag vague wording and missing dates.',
    'form.start': 'Start',
    'form.need.file': 'Choose a document first.',
    'form.need.requirement': 'Write what should be checked first.',
    'task.heading': 'Progress',
    'task.none': 'No review running.',
    'task.pause': 'Pause',
    'task.resume': 'Resume',
    'task.download': 'Download annotated document',
    'task.download.json': 'Download annotations (JSON)',
    'task.reconnecting': 'Connection lost, reconnecting…',
    'task.lost': 'The connection to the server was lost. Reload the page to see the task in your list.',
    'task.summary': '{count} annotations',
    'task.summary.one': '1 annotation',
    'status.idle': 'Idle',
    'status.queued': 'Queued',
    'status.running': 'Running',
    'status.cancelled': 'Paused',
    'status.completed': 'Completed',
    'status.failed': 'Failed',
    'status.interrupted': 'Interrupted',
    'stage.queued': 'Waiting in line',
    'stage.upload': 'Uploading the document: {percent} % ({loaded} of {total})',
    'upload.label': 'Upload',
    'task.stop.upload': 'Stop upload',
    'stage.read': 'Reading the document',
    'stage.analyse': 'Analysing',
    'stage.apply': 'Writing annotations',
    'stage.done': 'Done',
    'stage.paused': 'Paused — resume to continue where it stopped',
    'stage.shutdown': 'The server is restarting',
    'stage.interrupted': 'Interrupted by a server restart — resume to continue where it stopped',
    'stage.failed': 'Stopped with an error',
    'progress.label': 'Progress',
    'ann.heading': 'Annotations',
    'ann.empty': 'Annotations appear here as they are found.',
    'ann.suggestion': 'Suggestion',
    'ann.show': 'Show in document',
    'cat.terms': 'Requested term',
    'cat.long_sentence': 'Long sentence',
    'cat.passive_voice': 'Passive voice',
    'cat.vague_words': 'Vague wording',
    'cat.repeated_words': 'Repeated word',
    'cat.inconsistent_terms': 'Inconsistent terms',
    'cat.undefined_acronyms': 'Undefined acronym',
    'cat.todo_markers': 'TODO marker',
    'cat.number_mismatch': 'Number mismatch',
    'cat.grammar': 'Grammar and spelling',
    'severity.info': 'Info',
    'severity.warning': 'Warning',
    'severity.error': 'Error',
    'doc.heading': 'Document',
    'doc.empty': 'The document text with highlights appears here when the review is done.',
    'doc.back': 'Back to annotation',
    'tasks.heading': 'Your reviews',
    'tasks.empty': 'No earlier reviews.',
    'tasks.refresh': 'Refresh',
    'tasks.open': 'Open',
    'tasks.resume': 'Resume',
    'tasks.download': 'Download',
    'tasks.untitled': 'Untitled document',
    'error.network': 'The server could not be reached.',
    'error.unexpected': 'The server answered unexpectedly (HTTP {status}).',
    'admin.title': 'Rollout console',
    'admin.tagline': 'Gradual rollout of pausable streaming.',
    'admin.token': 'Admin token',
    'admin.token.hint': 'Kept only in this browser tab’s session storage.',
    'admin.token.use': 'Connect',
    'admin.token.forget': 'Forget token',
    'admin.refresh': 'Refresh',
    'admin.state': 'Current state',
    'admin.feature': 'Feature',
    'admin.stage': 'Stage',
    'admin.percentage': 'Users',
    'admin.frozen': 'Frozen',
    'admin.since': 'Since',
    'admin.version': 'Version',
    'admin.yes': 'yes',
    'admin.no': 'no',
    'admin.off': 'off',
    'admin.stages': 'Stages',
    'admin.soak': 'min. soak {soak}',
    'admin.gates': 'Gates',
    'admin.gates.empty': 'No gate figures yet.',
    'admin.gate.pass': 'pass',
    'admin.gate.fail': 'fail',
    'admin.gate.threshold': 'threshold',
    'admin.actions': 'Actions',
    'admin.reason': 'Reason',
    'admin.reason.placeholder': 'Why? (recorded in the history)',
    'admin.advance': 'Advance to next stage',
    'admin.force': 'Force (ignore failing gates and soak time)',
    'admin.rollback': 'Roll back',
    'admin.rollback.to': 'Roll back to',
    'admin.rollback.previous': 'previous stage',
    'admin.rollback.off': '0 — off for everyone',
    'admin.setpct': 'Set percentage',
    'admin.pct': 'Percentage',
    'admin.freeze': 'Freeze',
    'admin.unfreeze': 'Unfreeze',
    'admin.history': 'History',
    'admin.history.empty': 'No changes yet.',
    'admin.done': 'Done.',
    'admin.notloaded': 'Enter the admin token and connect first.',
    'admin.metrics': 'Metrics',
    'admin.metrics.since': 'Since {at}',
    'admin.metrics.figure': 'Figure',
    'admin.metrics.on': 'Pausable',
    'admin.metrics.off': 'Others',
    'admin.operator': 'Your name (shown in the history)',
    'admin.gate.value': 'now',
    'admin.gate.inconclusive': 'too little data',
    'admin.gate.samples': '{n} of {min} samples',
    'admin.gate.baseline': 'others',
    'admin.advance.allowed': 'Advancing to stage {stage} is allowed',
    'admin.advance.blocked': 'Advancing is blocked',
    'admin.soak.remaining': 'soak time left {soak}',
    'gate.cancel_latency_p95': 'Cancel latency (p95)',
    'gate.stream_success_rate': 'Stream success rate',
    'gate.sse_connection_stability': 'SSE connection stability',
    'gate.memory_released': 'Memory released after cancel',
  },
  zh: {
    'app.title': 'DocAnnotator 文档批注',
    'skip': '跳到主要内容',
    'app.tagline': '按照您的要求实时审阅文档。',
    'lang.label': '语言',
    'form.heading': '新的审阅',
    'form.file': '文档',
    'form.file.hint': '支持 DOCX、PDF、TXT 或 Markdown，最大 25 MB。拖放到此处或选择文件。',
    'form.file.choose': '选择文件',
    'form.file.none': '未选择文件',
    'form.requirement': '需要检查什么？',
    'form.requirement.placeholder': '例如：检查拼写和语法，标出含糊的措辞和缺失的日期。',
    'form.start': '开始',
    'form.need.file': '请先选择文档。',
    'form.need.requirement': '请先写下需要检查的内容。',
    'task.heading': '进度',
    'task.none': '当前没有审阅任务。',
    'task.pause': '暂停',
    'task.resume': '继续',
    'task.download': '下载批注后的文档',
    'task.download.json': '下载批注（JSON）',
    'task.reconnecting': '连接已断开，正在重新连接…',
    'task.lost': '与服务器的连接已丢失。刷新页面后可在列表中找到该任务。',
    'task.summary': '{count} 条批注',
    'task.summary.one': '1 条批注',
    'status.idle': '空闲',
    'status.queued': '排队中',
    'status.running': '进行中',
    'status.cancelled': '已暂停',
    'status.completed': '已完成',
    'status.failed': '失败',
    'status.interrupted': '已中断',
    'stage.queued': '排队等待',
    'stage.upload': '正在上传文档：{percent}%（{loaded} / {total}）',
    'upload.label': '上传进度',
    'task.stop.upload': '停止上传',
    'stage.read': '正在读取文档',
    'stage.analyse': '正在分析',
    'stage.apply': '正在写入批注',
    'stage.done': '完成',
    'stage.paused': '已暂停——继续后将从停止处接着处理',
    'stage.shutdown': '服务器正在重启',
    'stage.interrupted': '因服务器重启而中断——继续后将从停止处接着处理',
    'stage.failed': '因错误而停止',
    'progress.label': '进度',
    'ann.heading': '批注',
    'ann.empty': '发现的批注会在这里逐条出现。',
    'ann.suggestion': '建议',
    'ann.show': '在文档中显示',
    'cat.terms': '指定术语',
    'cat.long_sentence': '长句',
    'cat.passive_voice': '被动语态',
    'cat.vague_words': '含糊措辞',
    'cat.repeated_words': '重复用词',
    'cat.inconsistent_terms': '术语不一致',
    'cat.undefined_acronyms': '未定义缩写',
    'cat.todo_markers': '待办标记',
    'cat.number_mismatch': '数字不一致',
    'cat.grammar': '语法和拼写',
    'severity.info': '提示',
    'severity.warning': '警告',
    'severity.error': '错误',
    'doc.heading': '文档',
    'doc.empty': '审阅完成后，这里会显示带高亮的文档文本。',
    'doc.back': '返回批注',
    'tasks.heading': '您的审阅记录',
    'tasks.empty': '还没有审阅记录。',
    'tasks.refresh': '刷新',
    'tasks.open': '打开',
    'tasks.resume': '继续',
    'tasks.download': '下载',
    'tasks.untitled': '未命名文档',
    'error.network': '无法连接服务器。',
    'error.unexpected': '服务器返回了意外的响应（HTTP {status}）。',
    'admin.title': '发布控制台',
    'admin.tagline': '可暂停流式处理功能的逐步发布。',
    'admin.token': '管理员令牌',
    'admin.token.hint': '仅保存在此浏览器标签页的会话存储中。',
    'admin.token.use': '连接',
    'admin.token.forget': '清除令牌',
    'admin.refresh': '刷新',
    'admin.state': '当前状态',
    'admin.feature': '功能',
    'admin.stage': '阶段',
    'admin.percentage': '用户比例',
    'admin.frozen': '已冻结',
    'admin.since': '开始于',
    'admin.version': '版本',
    'admin.yes': '是',
    'admin.no': '否',
    'admin.off': '关闭',
    'admin.stages': '阶段',
    'admin.soak': '最短观察期 {soak}',
    'admin.gates': '发布门槛',
    'admin.gates.empty': '暂无门槛数据。',
    'admin.gate.pass': '通过',
    'admin.gate.fail': '未通过',
    'admin.gate.threshold': '阈值',
    'admin.actions': '操作',
    'admin.reason': '原因',
    'admin.reason.placeholder': '原因（将记录在历史中）',
    'admin.advance': '进入下一阶段',
    'admin.force': '强制（忽略未通过的门槛和观察期）',
    'admin.rollback': '回滚',
    'admin.rollback.to': '回滚到',
    'admin.rollback.previous': '上一阶段',
    'admin.rollback.off': '0 — 对所有人关闭',
    'admin.setpct': '设置比例',
    'admin.pct': '百分比',
    'admin.freeze': '冻结',
    'admin.unfreeze': '解冻',
    'admin.history': '历史',
    'admin.history.empty': '还没有变更。',
    'admin.done': '已完成。',
    'admin.notloaded': '请先输入管理员令牌并连接。',
    'admin.metrics': '指标',
    'admin.metrics.since': '自 {at} 起',
    'admin.metrics.figure': '指标项',
    'admin.metrics.on': '可暂停用户',
    'admin.metrics.off': '其他用户',
    'admin.operator': '您的名字（记录在历史中）',
    'admin.gate.value': '当前',
    'admin.gate.inconclusive': '数据不足',
    'admin.gate.samples': '样本 {n}/{min}',
    'admin.gate.baseline': '其他用户',
    'admin.advance.allowed': '可以进入第 {stage} 阶段',
    'admin.advance.blocked': '暂不能进入下一阶段',
    'admin.soak.remaining': '剩余观察期 {soak}',
    'gate.cancel_latency_p95': '取消延迟（p95）',
    'gate.stream_success_rate': '流成功率',
    'gate.sse_connection_stability': 'SSE 连接稳定性',
    'gate.memory_released': '取消后释放的内存',
  },
};

const STORAGE_KEY = 'docannotator.lang';

/** Picks the page language: the saved choice, else the browser's. */
function initialLanguage() {
  let saved = null;
  try { saved = localStorage.getItem(STORAGE_KEY); } catch { /* storage may be disabled */ }
  if (saved && STRINGS[saved]) return saved;
  const preferred = String(navigator.language || navigator.languages?.[0] || 'en').toLowerCase();
  return preferred.startsWith('zh') ? 'zh' : 'en';
}

let current = initialLanguage();
const listeners = [];

export function language() {
  return current;
}

/** The Accept-Language header value for the chosen language. */
export function acceptLanguage() {
  return current === 'zh' ? 'zh-CN,zh;q=0.9,en;q=0.5' : 'en';
}

/** Whether a string exists for this key (in either language). */
export function has(key) {
  return key in STRINGS[current] || key in STRINGS.en;
}

/** Looks up a string and fills {placeholders}. */
export function t(key, params = {}) {
  const template = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** Translates every element marked with data-i18n / data-i18n-placeholder / data-i18n-title under root. */
export function translate(root = document) {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => {
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
  });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => {
    el.setAttribute('title', t(el.dataset.i18nTitle));
  });
}

export function setLanguage(lang) {
  if (!STRINGS[lang] || lang === current) return;
  current = lang;
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* not fatal */ }
  translate();
  listeners.forEach((fn) => fn(lang));
}

export function onLanguageChange(fn) {
  listeners.push(fn);
}

/** Wires a <select> to the language and translates the page once. */
export function setupLanguageSwitch(select) {
  select.value = current;
  select.addEventListener('change', () => setLanguage(select.value));
  translate();
}
