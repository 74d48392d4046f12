// The document workers on the operator console: the list from GET /api/admin/workers (refreshed every 5 s while
// a token is entered) and the start / stop / restart controls. The token is the one the rollout section uses.

import { adminRequest, adminToken, confirmAction } from './admin-api.js';
import { onLanguageChange, t } from './i18n.js';

const REFRESH_MS = 5000;
const $ = (id) => document.getElementById(id);
const ui = {
  token: $('admin-token'), connect: $('connect'), refresh: $('refresh'), forget: $('forget'),
  mode: $('workers-mode'), list: $('workers'), empty: $('workers-empty'), error: $('workers-error'),
  start: $('workers-start'), stop: $('workers-stop'), restart: $('workers-restart'),
};

let view = null; // the last GET /api/admin/workers answer
let busy = false;

function token() {
  return adminToken(ui.token);
}

function showError(message) {
  ui.error.textContent = message || '';
  ui.error.hidden = !message;
}

async function load() {
  if (!token()) return;
  try {
    view = await adminRequest('/api/admin/workers', ui.token);
    showError('');
  } catch (err) {
    view = null;
    showError(err.message);
  }
  render();
}

async function control(path, confirmText) {
  if (busy || !token()) return;
  if (confirmText && !(await confirmAction(confirmText, t('admin.workers.stop')))) return;
  busy = true;
  setDisabled(true);
  try {
    view = await adminRequest(path, ui.token, { method: 'POST' });
    showError('');
  } catch (err) {
    showError(err.message);
  } finally {
    busy = false;
    setDisabled(false);
  }
  render();
}

function setDisabled(disabled) {
  const inProcess = view?.mode === 'in-process';
  [ui.start, ui.stop, ui.restart].forEach((b) => { b.disabled = disabled || !view || inProcess; });
  ui.list.querySelectorAll('button').forEach((b) => { b.disabled = disabled; });
}

function uptime(startedAt) {
  if (!startedAt) return '—';
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(startedAt)) / 1000));
  if (seconds < 60) return t('admin.workers.seconds', { n: seconds });
  if (seconds < 3600) return t('admin.workers.minutes', { n: Math.floor(seconds / 60) });
  return t('admin.workers.hours', { n: Math.floor(seconds / 3600) });
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.append(td);
  return td;
}

function render() {
  ui.mode.textContent = view ? t(view.mode === 'process' ? 'admin.workers.mode.process' : 'admin.workers.mode.none') : '—';
  ui.list.replaceChildren();
  const workers = view?.workers || [];
  ui.empty.hidden = workers.length > 0;
  ui.list.hidden = workers.length === 0;
  if (workers.length > 0) {
    const head = document.createElement('tr');
    ['admin.workers.id', 'admin.workers.state', 'admin.workers.pid', 'admin.workers.task', 'admin.workers.done',
      'admin.workers.restarts', 'admin.workers.uptime', 'admin.workers.heap', 'admin.workers.actions']
      .forEach((key) => {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = t(key);
        head.append(th);
      });
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    workers.forEach((w) => {
      const row = document.createElement('tr');
      row.dataset.testid = 'worker';
      row.dataset.workerId = w.id;
      row.dataset.state = w.state;
      const id = document.createElement('th');
      id.scope = 'row';
      id.textContent = w.id;
      row.append(id);
      cell(row, t(`admin.workers.state.${w.state}`)).dataset.testid = 'worker-state';
      cell(row, w.pid ?? '—');
      cell(row, w.task_id ?? '—');
      cell(row, String(w.tasks_done));
      cell(row, String(w.restarts));
      cell(row, w.pid ? uptime(w.started_at) : '—');
      cell(row, `${w.heap_max_mb} MB`);
      const actions = cell(row, '');
      const restart = document.createElement('button');
      restart.type = 'button';
      restart.className = 'button secondary';
      restart.dataset.testid = 'worker-restart';
      restart.textContent = t('admin.workers.restart.one');
      restart.setAttribute('aria-label', t('admin.workers.restart.named', { id: w.id }));
      restart.addEventListener('click', () => control(`/api/admin/workers/${encodeURIComponent(w.id)}/restart`));
      actions.append(restart);
      tbody.append(row);
    });
    ui.list.append(thead, tbody);
  }
  setDisabled(busy);
}

onLanguageChange(render);
ui.connect.addEventListener('click', load);
ui.refresh.addEventListener('click', load);
ui.token.addEventListener('keydown', (e) => { if (e.key === 'Enter') load(); });
ui.forget.addEventListener('click', () => { view = null; showError(''); render(); });
ui.start.addEventListener('click', () => control('/api/admin/workers/start'));
ui.stop.addEventListener('click', () => control('/api/admin/workers/stop', t('admin.workers.confirm.stop')));
ui.restart.addEventListener('click', () => control('/api/admin/workers/restart'));
setInterval(() => { if (!busy && !document.hidden) load(); }, REFRESH_MS);
render();
load();
