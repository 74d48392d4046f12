// The operator console for the PAUSABLE_STREAMING rollout. The admin token lives only in this tab's
// sessionStorage and travels only in the Authorization header; every write carries the version of the
// state it was based on, so a stale console gets a 409 instead of overwriting another operator's change.

import { adminRequest, adminToken, confirmAction, forgetToken, storedToken } from './admin-api.js';
import { has, onLanguageChange, setupLanguageSwitch, t } from './i18n.js';

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

function currentToken() {
  return adminToken(ui.token);
}

/** A request of this section: the admin token and the operator's name, if given. */
function admin(path, options = {}) {
  return adminRequest(path, ui.token, { ...options, operator: ui.operator.value.trim() });
}

// ---------------------------------------------------------------- messages

function showError(message) {
  message = sentence(message);
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
    rollout = await admin('/api/admin/rollout');
    showError('');
    render();
    loadInstances();
    return true;
  } catch (err) {
    if (err.status === 401) rollout = null;
    showError(err.message);
    render();
    return false;
  }
}

/** The instances sharing the database (one on the embedded store); a failure leaves the table as it was. */
async function loadInstances() {
  let list;
  try {
    list = (await admin('/api/admin/instances')).instances || [];
  } catch (err) {
    return;
  }
  const body = document.getElementById('instances');
  body.replaceChildren(...list.map((i) => {
    const row = document.createElement('tr');
    for (const value of [i.id, i.host, formatTime(i.started_at), formatTime(i.heartbeat_at), i.running_tasks,
      t(i.alive ? 'admin.instances.yes' : 'admin.instances.no')]) {
      const cell = document.createElement('td');
      cell.textContent = text(value);
      row.append(cell);
    }
    return row;
  }));
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
  return found?.name ? planName(found.name) : '';
}

/** A plan stage's name ("early users") in the page language; an unknown one as the plan writes it. */
function planName(name) {
  const key = `stagename.${String(name).trim().replace(/\s+/g, '_')}`;
  return has(key) ? t(key) : String(name);
}

/** An id the page has no words for, readable at least: "force_percentage" → "force percentage". */
function humanize(id) {
  return String(id ?? '').replace(/_/g, ' ');
}

function lastStage() {
  return Math.max(0, ...(rollout?.stages || []).map((s) => s.stage));
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
    name.textContent = `${s.stage}. ${s.name ? planName(s.name) : ''} — ${s.percentage}%`;
    const soak = document.createElement('span');
    soak.className = 'muted';
    soak.textContent = s.min_soak ? t('admin.soak', { soak: formatSoak(s.min_soak) }) : '';
    li.append(name, soak);
    return li;
  }));
}

/** min_soak / soak_remaining: an ISO-8601 duration ("PT23H59M0.976S"), a number of seconds, or already a phrase. */
function formatSoak(value) {
  let seconds;
  if (typeof value === 'number') {
    seconds = value;
  } else {
    const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(String(value));
    if (!m) return String(value);
    seconds = Number(m[1] || 0) * 86400 + Number(m[2] || 0) * 3600 + Number(m[3] || 0) * 60 + Number(m[4] || 0);
  }
  return formatSeconds(seconds);
}

/** Whole units an operator reads at a glance: "1 d 2 h", "23 h 59 min", "4 min", "12 s" (never "59.976028394 s"). */
function formatSeconds(total) {
  const s = Math.max(0, Math.round(total));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const min = Math.floor((s % 3600) / 60);
  const parts = [];
  if (d) parts.push(t('dur.d', { n: d }));
  if (h) parts.push(t('dur.h', { n: h }));
  if (min && !d) parts.push(t('dur.min', { n: min }));
  if (!d && !h && (!min || s < 600) && s % 60) parts.push(t('dur.s', { n: s % 60 }));
  return parts.join(' ') || t('dur.s', { n: 0 });
}

function renderRollbackChoices() {
  const previous = ui.rollbackTo.value;
  const options = [option('', t('admin.rollback.previous'))];
  const current = rollout?.stage ?? 0;
  (rollout?.stages || []).filter((s) => s.stage < current - 1)
    .forEach((s) => options.push(option(String(s.stage),
      `${s.stage} — ${s.name ? planName(s.name) + ', ' : ''}${s.percentage}%`)));
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

const METRIC_KEYS = ['cancel_samples', 'cancel_latency_p95_ms', 'streams', 'stream_success_rate', 'connections',
  'connection_stability', 'memory_samples', 'memory_released_mean'];
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
  return GATE_KEYS.includes(key) ? t(`gate.${key}`) : humanize(key);
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([name, value]) => node.setAttribute(name, String(value)));
  return node;
}

/**
 * One gate's figure over the current stage as a small line chart against its threshold (a dashed line), in
 * plain SVG. The points come from the rollout's series: the figure as it stood at each moment of the stage.
 */
function gateChart(key, gate, points) {
  const unit = gate?.unit;
  const threshold = Number(gate?.threshold);
  const figure = document.createElement('figure');
  figure.className = 'gate-chart';
  figure.dataset.gate = key;
  const caption = document.createElement('figcaption');
  caption.className = 'muted';
  const values = points.map((p) => Number(p.value)).filter(Number.isFinite);
  if (values.length === 0) {
    caption.textContent = t('admin.chart.empty');
    figure.append(caption);
    return figure;
  }
  const W = 240;
  const H = 64;
  const pad = 4;
  let lo = Math.min(...values, threshold);
  let hi = Math.max(...values, threshold);
  if (unit === 'ratio') hi = Math.max(hi, 1);
  if (unit === 'ms') lo = 0;
  if (hi - lo < 1e-9) { hi += unit === 'ratio' ? 0.01 : 1; lo -= unit === 'ratio' ? 0.01 : 1; }
  const span = hi - lo;
  lo -= span * 0.08;
  hi += span * 0.08;
  const times = points.map((p) => new Date(p.at).getTime());
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (ms) => (t1 === t0 ? W - pad : pad + ((ms - t0) / (t1 - t0)) * (W - 2 * pad));
  const y = (v) => pad + (1 - (v - lo) / (hi - lo)) * (H - 2 * pad);
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'chart', preserveAspectRatio: 'none' });
  const last = values[values.length - 1];
  const label = t('admin.chart.label', { gate: gateLabel(key), value: formatFigure(last, unit),
    threshold: formatFigure(threshold, unit), n: points.length });
  chart.setAttribute('aria-label', label);
  const title = svg('title');
  title.textContent = label;
  chart.append(title);
  chart.append(svg('line', { x1: 0, x2: W, y1: y(threshold), y2: y(threshold), class: 'threshold' }));
  const coords = points.map((p, i) => `${x(times[i]).toFixed(1)},${y(values[i]).toFixed(1)}`);
  if (coords.length === 1) coords.unshift(`${pad},${y(values[0]).toFixed(1)}`);
  chart.append(svg('polyline', { points: coords.join(' '), class: 'series' }));
  const passes = gate?.comparison === '<' ? last < threshold : last > threshold;
  chart.append(svg('circle', { cx: x(times[times.length - 1]), cy: y(last), r: 3,
    class: passes ? 'dot ok' : 'dot bad' }));
  caption.textContent = t('admin.chart.caption', { threshold: formatFigure(threshold, unit) });
  figure.append(chart, caption);
  return figure;
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
      `${t('admin.gate.threshold')} ${comparisonWord(gate?.comparison)} ${formatFigure(gate?.threshold, unit)}`,
    ];
    if (Number.isFinite(gate?.samples)) {
      bits.push(t('admin.gate.samples', { n: gate.samples, min: gate.min_samples ?? '?' }));
    }
    if (gate?.baseline !== null && gate?.baseline !== undefined) {
      bits.push(`${t('admin.gate.baseline')} ${formatFigure(gate.baseline, unit)}`);
    }
    figure.textContent = bits.join(' · ');
    li.append(head, figure, gateChart(key, gate, rollout?.series?.[key] || []));
    return li;
  }));
  renderAdvanceCheck();
}

function comparisonWord(comparison) {
  return comparison === '<' ? t('admin.below') : comparison === '>' ? t('admin.above') : String(comparison ?? '');
}

/**
 * Why advancing is or is not possible, as a list a person reads: built from the structured state (stage, frozen,
 * soak left, each gate's verdict and figures) in the page language, never from the server's raw blocker strings.
 */
function advanceReasons(r) {
  const reasons = [];
  if (r.frozen) reasons.push(t('admin.block.frozen'));
  const soak = r.advance?.soak_remaining;
  if (soak) {
    const current = (r.stages || []).find((s) => s.stage === r.stage);
    reasons.push(current?.min_soak
      ? t('admin.block.soak.of', { left: formatSoak(soak), total: formatSoak(current.min_soak) })
      : t('admin.block.soak', { left: formatSoak(soak) }));
  }
  if (r.percentage > 0) {
    Object.entries(r.gates || {}).forEach(([key, gate]) => {
      if (gate?.status === 'pass') return;
      if (gate?.status === 'fail') {
        reasons.push(t('admin.block.gate.fail', { gate: gateLabel(key), value: formatFigure(gate.value, gate.unit),
          comparison: comparisonWord(gate.comparison), threshold: formatFigure(gate.threshold, gate.unit) }));
      } else {
        reasons.push(t('admin.block.gate.data', { gate: gateLabel(key), n: gate?.samples ?? 0,
          min: gate?.min_samples ?? '?' }));
      }
    });
  }
  return reasons;
}

function renderAdvanceCheck() {
  const r = rollout;
  ui.advanceCheck.replaceChildren();
  ui.advanceCheck.className = 'advance-check';
  if (!r) return;
  const head = document.createElement('p');
  if (r.stage >= lastStage() && lastStage() > 0) {
    // Nothing to advance to: say so, and list nothing.
    head.textContent = t('admin.advance.last');
    ui.advanceCheck.append(head);
    ui.advance.disabled = true;
    return;
  }
  ui.advance.disabled = busy;
  const reasons = advanceReasons(r);
  if (r.advance?.allowed || (!r.advance && reasons.length === 0)) {
    head.textContent = t('admin.advance.allowed', { stage: r.advance?.next_stage ?? r.stage + 1 });
    ui.advanceCheck.classList.add('ok');
    ui.advanceCheck.append(head);
    return;
  }
  head.textContent = t('admin.advance.blocked');
  ui.advanceCheck.classList.add('blocked');
  const list = document.createElement('ul');
  list.className = 'blockers';
  list.dataset.testid = 'advance-blockers';
  if (reasons.length === 0) (r.advance?.blockers || []).forEach((b) => reasons.push(sentence(String(b))));
  reasons.forEach((reason) => {
    const li = document.createElement('li');
    li.textContent = reason;
    list.append(li);
  });
  ui.advanceCheck.append(head, list);
}

/** A message as a sentence: capital first letter (the server's own messages sometimes start in lower case). */
function sentence(message) {
  const text = String(message ?? '').trim();
  return text ? text.charAt(0).toLocaleUpperCase() + text.slice(1) : '';
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
    const action = String(h.action ?? '');
    head.textContent = `${has(`history.${action}`) ? t(`history.${action}`) : humanize(action)}: `
      + `${text(h.from)} → ${text(h.to)}${pct}`;
    const reason = document.createElement('span');
    reason.className = 'h-reason';
    reason.textContent = h.reason ? String(h.reason) : '';
    const meta = document.createElement('span');
    meta.className = 'h-meta';
    const actor = String(h.actor ?? '');
    meta.textContent = `${formatTime(h.at)} · ${has(`actor.${actor}`) ? t(`actor.${actor}`) : text(h.actor)}`;
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
    // Figures without observations are left out of the JSON: list every known one, "—" where there is none.
    const keys = [...new Set([...METRIC_KEYS, ...Object.keys(metrics.pausable), ...Object.keys(metrics.off || {})])];
    keys.forEach((key) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = has(`metric.${key}`) ? t(`metric.${key}`) : humanize(key);
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
    dt.textContent = has(`metric.${name}`) ? t(`metric.${name}`) : humanize(name);
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
    const answer = await admin(`/api/admin/rollout/${action}`, { method: 'POST', json: body });
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
  if (rollout && rollout.stage >= lastStage() && lastStage() > 0) ui.advance.disabled = true;
}

/** Refuses a write without a reason before sending it, in the page language. */
function needReason() {
  if (ui.reason.value.trim()) return false;
  showError(t('admin.need.reason'));
  ui.reason.focus();
  return true;
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
  forgetToken();
  ui.token.value = '';
  rollout = null;
  showError('');
  showNotice('');
  render();
  ui.token.focus();
});
ui.refresh.addEventListener('click', () => { showNotice(''); load(); });
ui.advance.addEventListener('click', async () => {
  if (needReason()) return;
  const force = ui.force.checked;
  if (force && !(await confirmAction(t('admin.confirm.force'), t('admin.confirm.force.yes')))) return;
  write('advance', force ? { force: true } : {});
});
ui.rollback.addEventListener('click', async () => {
  if (needReason()) return;
  const to = ui.rollbackTo.value;
  const target = to === '' ? Math.max(0, (rollout?.stage ?? 1) - 1) : Number(to);
  if (target === 0 && !(await confirmAction(t('admin.confirm.off'), t('admin.confirm.off.yes')))) return;
  write('rollback', to === '' ? {} : { to_stage: Number(to) });
});
ui.setPct.addEventListener('click', async () => {
  if (needReason()) return;
  const value = ui.pctInput.value.trim();
  const percentage = value === '' ? null : Number(value);
  const raising = rollout && percentage !== null && percentage > rollout.percentage;
  const force = ui.force.checked && raising;
  if (force && !(await confirmAction(t('admin.confirm.force.pct', { pct: percentage }),
    t('admin.confirm.force.yes')))) return;
  if (percentage === 0 && rollout?.percentage > 0
      && !(await confirmAction(t('admin.confirm.off'), t('admin.confirm.off.yes')))) return;
  write('percentage', force ? { percentage, force: true } : { percentage });
});
ui.freeze.addEventListener('click', async () => {
  if (needReason()) return;
  if (!(await confirmAction(t('admin.confirm.freeze'), t('admin.confirm.freeze.yes')))) return;
  write('freeze');
});
ui.unfreeze.addEventListener('click', () => { if (!needReason()) write('unfreeze'); });
render();
if (ui.token.value) load();
