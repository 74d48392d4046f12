// The user's earlier tasks (GET /api/tasks), newest first, each with the actions its status allows.
// File names come from users: they are inserted as text only.

import { t } from './i18n.js';

export const ACTIVE = new Set(['queued', 'running']);
export const RESUMABLE = new Set(['cancelled', 'interrupted']);

/** "3 annotations" / "1 annotation" in the page language. */
export function summary(count) {
  return t(Number(count) === 1 ? 'task.summary.one' : 'task.summary', { count });
}

const formats = new Map(); // page language -> Intl.DateTimeFormat

/**
 * One date format per page language, made once: the first toLocaleString() of a page sets up the locale's
 * data (20-60 ms), which in the middle of a review's stream would be a long task.
 */
function dateFormat() {
  const lang = document.documentElement.lang || 'en';
  if (!formats.has(lang)) {
    formats.set(lang, new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: '2-digit', second: '2-digit' }));
  }
  return formats.get(lang);
}

/** Prepares the date format while the page is idle, before a review's stream needs it. */
export function prepareDates() {
  const prepare = () => dateFormat().format(new Date());
  if (typeof requestIdleCallback === 'function') requestIdleCallback(prepare, { timeout: 2000 });
  else setTimeout(prepare, 0);
}

/** Renders the list into listElement; onOpen(task) and onResume(task) are called from its buttons. */
export function renderTaskList(listElement, emptyElement, tasks, { onOpen, onResume }) {
  emptyElement.hidden = tasks.length > 0;
  listElement.replaceChildren(...tasks.map((task) => renderItem(task, onOpen, onResume)));
}

function renderItem(task, onOpen, onResume) {
  const li = document.createElement('li');
  li.className = 'task-item';
  li.dataset.testid = 'task-item';
  li.dataset.taskId = task.task_id;
  li.dataset.status = task.status;

  const name = document.createElement('span');
  name.className = 'task-name';
  name.textContent = task.filename || t('tasks.untitled');
  const badge = document.createElement('span');
  badge.className = `status small st-${task.status}`;
  badge.textContent = t(`status.${task.status}`);
  const head = document.createElement('div');
  head.className = 'task-head';
  head.append(name, badge);

  const meta = document.createElement('span');
  meta.className = 'task-meta';
  const when = task.created_at ? new Date(task.created_at) : null;
  const parts = [];
  if (when && !Number.isNaN(when.getTime())) parts.push(dateFormat().format(when));
  if (Number.isFinite(task.annotation_count)) parts.push(summary(task.annotation_count));
  if (ACTIVE.has(task.status)) parts.push(`${task.progress ?? 0}%`);
  meta.textContent = parts.join(' · ');

  const actions = document.createElement('div');
  actions.className = 'task-actions';
  actions.append(button(t('tasks.open'), 'task-open', () => onOpen(task)));
  if (RESUMABLE.has(task.status) && task.resumable) {
    actions.append(button(t('tasks.resume'), 'task-resume', () => onResume(task)));
  }
  if (task.status === 'completed') {
    const link = document.createElement('a');
    link.className = 'button ghost small';
    link.href = `/api/tasks/${encodeURIComponent(task.task_id)}/result`;
    link.setAttribute('download', '');
    link.dataset.testid = 'task-download';
    link.textContent = t('tasks.download');
    actions.append(link);
  }
  li.append(head, meta, actions);
  return li;
}

function button(label, testid, onClick) {
  const node = document.createElement('button');
  node.type = 'button';
  node.className = 'button ghost small';
  node.dataset.testid = testid;
  node.textContent = label;
  node.addEventListener('click', onClick);
  return node;
}
