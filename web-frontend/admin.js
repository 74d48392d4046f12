// The operator console for the PAUSABLE_STREAMING rollout. The admin token lives only in this tab's
// sessionStorage and travels only in the Authorization header; every write carries the version of the
// state it was based on, so a stale console gets a 409 instead of overwriting another operator's change.

import { requestJson } from './api.js';
import { onLanguageChange, setupLanguageSwitch, t } from './i18n.js';

const TOKEN_KEY = 'docannotator.adminToken';
const OPERATOR_KEY = 'docannotator.operator';
const $ = (id) => document.getElementById(id);
const ui = {
  token: $('admin-token'), connect: $('connect'), forget: $('forget'), refresh: $('refresh'),
  stage: $('rollout-stage'), percentage: $('rollout-percentage'), frozen: $('rollout-frozen'),
  version: $('rollout-version'), feature: $('rollout-feature'), since: $('rollout-since'),
  error: $('admin-error'), notice: $('admin-notice'), reason: $('reason'), force: $('force'),
  advance: $('advance'), rollback: $('rollback'), rollbackTo: $('rollback-to'),
  pctInput: $('percentage'), setPct: $('set-percentage'), freeze: $('freeze'), unfreeze: $('unfreeze'),
  stages: $('stages'), gates: $('gates'), gatesEmpty: $('gates-empty'),
  history: $('history'), historyEmpty: $('history-empty'), metrics: $('metrics'),
  advanceCheck: $('advance-check'), operator: $('operator'),
};

let rollout = null; // the last GET /api/admin/rollout answer
let busy = false;

// ---------------------------------------------------------------- token

function storedToken() {
  try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch { return ''; }
}

function currentToken() {
  const typed = ui.token.value.trim();
  try {
    if (typed) sessionStorage.setItem(TOKEN_KEY, typed);
  } catch { /* session storage disabled: the token then lives only in the input */ }
  return typed;
}

function authHeaders() {
  const token = currentToken();
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const operator = ui.operator.value.trim();
  if (operator) headers['X-Operator'] = operator;
  return headers;
}

// ---------------------------------------------------------------- messages

function showError(message) {
  ui.error.textContent = message || '';
  ui.error.hidden = !message;
  if (message) {
    ui.notice.textContent = '';
    ui.error.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }
}

function showNotice(message) {
  ui.notice.textContent = message || '';
}

// ---------------------------------------------------------------- loading and rendering

async function load() {
  try {
    rollout = await requestJson('/api/admin/rollout', { headers: authHeaders() });
    showError('');
    render();
    return true;
  } catch (err) {
    if (err.status === 401) rollout = null;
    showError(err.message);
    render();
    return false;
  }
}

function text(value) {
  return value === undefined || value === null || value === '' ? '—' : String(value);
}

function formatTime(value) {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString(document.documentElement.lang);
}

function stageName(stage) {
  if (!rollout || stage === 0) return t('admin.off');
  const found = (rollout.stages || []).find((s) => s.stage === stage);
  return found?.name ? String(found.name) : '';
}

function render() {
  const r = rollout;
  ui.stage.textContent = r ? `${r.stage}${stageName(r.stage) ? ' · ' + stageName(r.stage) : ''}` : '—';
  ui.stage.dataset.stage = r ? String(r.stage) : '';
  ui.percentage.textContent = r ? `${r.percentage}%` : '—';
  ui.percentage.dataset.percentage = r ? String(r.percentage) : '';
  ui.frozen.textContent = r ? (r.frozen ? t('admin.yes') : t('admin.no')) : '—';
  ui.version.textContent = r ? text(r.version) : '—';
  ui.feature.textContent = r ? text(r.feature) : '—';
  ui.since.textContent = r ? formatTime(r.since) : '—';
  if (r && document.activeElement !== ui.pctInput) ui.pctInput.value = String(r.percentage ?? '');
  $('not-loaded').hidden = Boolean(r);
  renderStages();
  renderRollbackChoices();
  renderGates();
  renderHistory();
  renderMetrics();
}

function renderStages() {
  const stages = rollout?.stages || [];
  ui.stages.replaceChildren(...stages.map((s) => {
    const li = document.createElement('li');
    li.className = s.stage === rollout.stage ? 'current' : s.stage < rollout.stage ? 'done' : '';
    if (s.stage === rollout.stage) li.setAttribute('aria-current', 'step');
    const name = document.createElement('span');
    name.textContent = `${s.stage}. ${s.name ?? ''} — ${s.percentage}%`;
    const soak = document.createElement('span');
    soak.className = 'muted';
    soak.textContent = s.min_soak ? t('admin.soak', { soak: formatSoak(s.min_soak) }) : '';
    li.append(name, soak);
    return li;
  }));
}

/** min_soak may be an ISO-8601 duration ("PT1H"), a number of seconds, or already a phrase. */
function formatSoak(value) {
  if (typeof value === 'number') {
    if (value % 86400 === 0) return `${value / 86400} d`;
    if (value % 3600 === 0) return `${value / 3600} h`;
    if (value % 60 === 0) return `${value / 60} min`;
    return `${value} s`;
  }
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(String(value));
  if (!m) return String(value);
  const parts = [];
  if (m[1]) parts.push(`${m[1]} d`);
  if (m[2]) parts.push(`${m[2]} h`);
  if (m[3]) parts.push(`${m[3]} min`);
  if (m[4]) parts.push(`${m[4]} s`);
  return parts.join(' ') || '0';
}

function renderRollbackChoices() {
  const previous = ui.rollbackTo.value;
  const options = [option('', t('admin.rollback.previous'))];
  const current = rollout?.stage ?? 0;
  (rollout?.stages || []).filter((s) => s.stage < current - 1)
    .forEach((s) => options.push(option(String(s.stage), `${s.stage} — ${s.percentage}%`)));
  options.push(option('0', t('admin.rollback.off')));
  ui.rollbackTo.replaceChildren(...options);
  if ([...ui.rollbackTo.options].some((o) => o.value === previous)) ui.rollbackTo.value = previous;
}

function option(value, label) {
  const node = document.createElement('option');
  node.value = value;
  node.textContent = label;
  return node;
}

const GATE_KEYS = ['cancel_latency_p95', 'stream_success_rate', 'sse_connection_stability', 'memory_released'];

/** A figure as an operator reads it: "812 ms" or "98.50 %". */
function formatFigure(value, unit) {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return String(value);
  if (unit === 'ms') return `${Math.round(value)} ms`;
  if (unit === 'ratio') return `${(value * 100).toFixed(2)} %`;
  return formatValue(value);
}

function gateLabel(key) {
  return GATE_KEYS.includes(key) ? t(`gate.${key}`) : key;
}

/** Each gate: its name and verdict, the pausable cohort's figure, the threshold, the samples and the baseline. */
function renderGates() {
  const entries = Object.entries(rollout?.gates || {});
  ui.gatesEmpty.hidden = entries.length > 0;
  ui.gates.replaceChildren(...entries.map(([key, gate]) => {
    const li = document.createElement('li');
    const status = String(gate?.status ?? '');
    li.className = status === 'pass' ? 'pass' : status === 'fail' ? 'fail' : 'inconclusive';
    li.dataset.gate = key;
    li.dataset.status = status;
    const head = document.createElement('span');
    head.className = 'gate-head';
    const name = document.createElement('span');
    name.className = 'gate-name';
    name.textContent = gateLabel(key);
    const verdict = document.createElement('span');
    verdict.className = `verdict v-${li.className}`;
    verdict.textContent = t(`admin.gate.${li.className}`);
    head.append(name, verdict);
    const figure = document.createElement('span');
    figure.className = 'gate-figure';
    const unit = gate?.unit;
    const bits = [
      `${t('admin.gate.value')} ${formatFigure(gate?.value, unit)}`,
      `${t('admin.gate.threshold')} ${gate?.comparison ?? ''} ${formatFigure(gate?.threshold, unit)}`.replace(/\s+/g, ' '),
    ];
    if (Number.isFinite(gate?.samples)) {
      bits.push(t('admin.gate.samples', { n: gate.samples, min: gate.min_samples ?? '?' }));
    }
    if (gate?.baseline !== null && gate?.baseline !== undefined) {
      bits.push(`${t('admin.gate.baseline')} ${formatFigure(gate.baseline, unit)}`);
    }
    figure.textContent = bits.join(' · ');
    li.append(head, figure);
    return li;
  }));
  renderAdvanceCheck();
}

function renderAdvanceCheck() {
  const check = rollout?.advance;
  if (!check) {
    ui.advanceCheck.textContent = '';
    return;
  }
  const parts = [];
  if (check.allowed) parts.push(t('admin.advance.allowed', { stage: check.next_stage ?? '' }));
  else parts.push(t('admin.advance.blocked'));
  (check.blockers || []).forEach((b) => parts.push(String(b)));
  if (check.soak_remaining) parts.push(t('admin.soak.remaining', { soak: formatSoak(check.soak_remaining) }));
  ui.advanceCheck.textContent = parts.join(' · ');
  ui.advanceCheck.className = check.allowed ? 'advance-check ok' : 'advance-check blocked';
}

function formatValue(value) {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** History, newest first, whatever order the server sends it in. */
function renderHistory() {
  const history = [...(rollout?.history || [])]
    .sort((a, b) => String(b.at ?? '').localeCompare(String(a.at ?? '')));
  ui.historyEmpty.hidden = history.length > 0;
  ui.history.replaceChildren(...history.map((h) => {
    const li = document.createElement('li');
    li.dataset.action = String(h.action ?? '');
    const head = document.createElement('span');
    head.className = 'h-head';
    const pct = h.from_percentage !== undefined && h.to_percentage !== undefined
      ? ` (${h.from_percentage}% → ${h.to_percentage}%)` : '';
    head.textContent = `${h.action ?? ''}: ${text(h.from)} → ${text(h.to)}${pct}`;
    const reason = document.createElement('span');
    reason.className = 'h-reason';
    reason.textContent = h.reason ? String(h.reason) : '';
    const meta = document.createElement('span');
    meta.className = 'h-meta';
    meta.textContent = `${formatTime(h.at)} · ${text(h.actor)}`;
    li.append(head, reason, meta);
    return li;
  }));
}

/** The two cohorts side by side (pausable = feature on, off = the rest), or a flat list of figures. */
function renderMetrics() {
  const metrics = rollout?.metrics || {};
  ui.metrics.replaceChildren();
  if (metrics.pausable && typeof metrics.pausable === 'object') {
    const table = document.createElement('table');
    table.className = 'metrics-table';
    const caption = document.createElement('caption');
    caption.textContent = metrics.window_start ? t('admin.metrics.since', { at: formatTime(metrics.window_start) }) : '';
    const head = document.createElement('tr');
    [t('admin.metrics.figure'), t('admin.metrics.on'), t('admin.metrics.off')].forEach((label) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = label;
      head.append(th);
    });
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    Object.keys(metrics.pausable).forEach((key) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = key;
      tr.append(th);
      [metrics.pausable[key], metrics.off?.[key]].forEach((v) => {
        const td = document.createElement('td');
        const unit = key.endsWith('_ms') ? 'ms' : /rate|stability|mean/.test(key) ? 'ratio' : null;
        td.textContent = formatFigure(v, unit);
        tr.append(td);
      });
      tbody.append(tr);
    });
    table.append(caption, thead, tbody);
    ui.metrics.append(table);
    return;
  }
  const list = document.createElement('dl');
  list.className = 'facts';
  Object.entries(metrics).forEach(([name, value]) => {
    const box = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = formatValue(value);
    box.append(dt, dd);
    list.append(box);
  });
  ui.metrics.append(list);
}

// ---------------------------------------------------------------- writes

/** Sends one write with the reason and the version of the last GET, then shows the new state. */
async function write(action, extra = {}) {
  if (busy) return;
  busy = true;
  setButtonsDisabled(true);
  showNotice('');
  try {
    // A console that has not loaded yet (token typed, Connect not pressed) reads the state first,
    // so that the write carries a real version. Without a token this read is refused like the write.
    if (!rollout && currentToken()) {
      if (!(await load())) return;
    }
    const body = { reason: ui.reason.value.trim(), ...extra };
    if (rollout) body.version = rollout.version;
    const answer = await requestJson(`/api/admin/rollout/${action}`, {
      method: 'POST', headers: authHeaders(), json: body,
    });
    if (answer && typeof answer === 'object' && 'stage' in answer && 'version' in answer) rollout = answer;
    showError('');
    ui.reason.value = '';
    ui.force.checked = false;
    await load();
    showNotice(t('admin.done'));
  } catch (err) {
    // A conflict means the state moved on (another operator, or a gate): show the state as it is now.
    if (err.status === 409) await load();
    showError(err.message);
  } finally {
    busy = false;
    setButtonsDisabled(false);
  }
}

function setButtonsDisabled(disabled) {
  [ui.advance, ui.rollback, ui.setPct, ui.freeze, ui.unfreeze].forEach((b) => { b.disabled = disabled; });
}

// ---------------------------------------------------------------- boot

setupLanguageSwitch($('lang-select'));
onLanguageChange(render);
ui.token.value = storedToken();
try { ui.operator.value = sessionStorage.getItem(OPERATOR_KEY) || ''; } catch { /* not stored */ }
ui.operator.addEventListener('change', () => {
  try { sessionStorage.setItem(OPERATOR_KEY, ui.operator.value.trim()); } catch { /* not stored */ }
});
ui.connect.addEventListener('click', () => { showNotice(''); load(); });
ui.token.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') { e.preventDefault(); load(); }
});
ui.forget.addEventListener('click', () => {
  try { sessionStorage.removeItem(TOKEN_KEY); } catch { /* nothing stored */ }
  ui.token.value = '';
  rollout = null;
  showError('');
  showNotice('');
  render();
  ui.token.focus();
});
ui.refresh.addEventListener('click', () => { showNotice(''); load(); });
ui.advance.addEventListener('click', () => write('advance', ui.force.checked ? { force: true } : {}));
ui.rollback.addEventListener('click', () => {
  const to = ui.rollbackTo.value;
  write('rollback', to === '' ? {} : { to_stage: Number(to) });
});
ui.setPct.addEventListener('click', () => {
  const value = ui.pctInput.value.trim();
  write('percentage', { percentage: value === '' ? null : Number(value) });
});
ui.freeze.addEventListener('click', () => write('freeze'));
ui.unfreeze.addEventListener('click', () => write('unfreeze'));
render();
if (ui.token.value) load();
