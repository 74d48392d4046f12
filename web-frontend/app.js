// The annotation page: upload + requirement → one SSE stream with live progress and annotations,
// pause/resume (when PAUSABLE_STREAMING is on for this user), re-attach after a dropped connection,
// downloads, and the user's earlier tasks.

import { ApiError, request, requestJson, uploadForm } from './api.js';
import { TaskStream } from './task-stream.js';
import { acceptLanguage, has, onLanguageChange, setupLanguageSwitch, t } from './i18n.js';
import { AnnotationList, categoryLabel, renderDocument } from './annotations-view.js';
import { ACTIVE, RESUMABLE, prepareDates, renderTaskList, summary } from './task-list.js';
import { FilePicker, formatSize } from './file-picker.js';

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('start-form'), file: $('file-input'), fileName: $('file-name'), dropzone: $('dropzone'),
  requirement: $('requirement'), start: $('start'), formMessage: $('form-message'),
  status: $('status'), stage: $('stage'), progress: $('progress'), progressFill: $('progress-fill'),
  detail: $('detail'), reconnecting: $('reconnecting'), error: $('error'), actions: $('task-actions'),
  taskFile: $('task-file'), taskList: $('task-list'), tasksEmpty: $('tasks-empty'), tasksRefresh: $('tasks-refresh'),
  docText: $('doc-text'), docEmpty: $('doc-empty'),
  upload: $('upload-progress'), uploadFill: $('upload-fill'), checks: $('checks'),
  analyserField: $('analyser-field'), analyser: $('analyser'),
  docNav: $('doc-nav'), docPosition: $('doc-position'), prevFinding: $('prev-finding'), nextFinding: $('next-finding'),
};
const annotations = new AnnotationList({
  list: $('ann-list'), empty: $('ann-empty'), count: $('ann-count'), tools: $('ann-tools'),
  categorySelect: $('filter-category'), severitySelect: $('filter-severity'),
  groupToggle: $('group-by-category'), expandAll: $('groups-expand-all'), collapseAll: $('groups-collapse-all'),
});
/** The document's highlights: list index -> first <mark> showing that annotation; the finding last stepped to. */
let highlights = new Map();
/** The highlighted findings' list indexes in document order (sorted once, not on every step). */
let findingOrder = [];
let currentFinding = -1;
const picker = new FilePicker({
  input: ui.file, nameElement: ui.fileName, dropzone: ui.dropzone,
  onChange: (file) => {
    if (!file) return;
    ui.formMessage.hidden = true;
    // A new choice starts afresh: an old task's error no longer applies (a running task's error still does).
    if (!ACTIVE.has(state.status) || state.terminal) showError('');
    checkSize(file);
  },
});

/** Everything the page knows about the task on screen. */
const state = {
  taskId: null,
  filename: '',
  status: null,        // the task status as the contract names it
  stage: null,         // queued | read | analyse | apply | done | paused | shutdown | interrupted | failed
  progress: 0,
  message: '',
  detail: '',
  lastSeq: 0,          // the id of the last event seen, for Last-Event-ID
  taskPausable: null,  // the task's own decision (task event)
  featurePausable: false, // GET /api/features for this user
  resumable: false,
  terminal: false,     // a terminal event was seen: the stream is over
  pausing: false,      // pause was pressed; the page already says paused while the server confirms
  result: null,        // the result event
  upload: null,        // {loaded, total} while the document is being uploaded, before the server knows the task
};
let uploading = null;  // the running upload's handle (abort)
let stream = null;     // the TaskStream whose events the page shows

// ---------------------------------------------------------------- rendering

function render() {
  if (state.status) {
    ui.status.dataset.status = state.status;
    ui.status.textContent = t(`status.${state.status}`);
  } else {
    // No task on the server yet (or none at all): no data-status, which names only the server's statuses.
    delete ui.status.dataset.status;
    ui.status.textContent = state.upload ? t('status.uploading') : t('status.idle');
  }
  if (state.taskId) ui.status.dataset.taskId = state.taskId;
  else delete ui.status.dataset.taskId;
  ui.status.className = `status ${state.status ? 'st-' + state.status : ''}`;
  ui.stage.textContent = state.upload ? uploadText(state.upload) : !state.stage ? t('task.none')
    : has(`stage.${state.stage}`) ? t(`stage.${state.stage}`) : state.stage;
  ui.upload.hidden = !state.upload;
  if (state.upload) {
    const percent = uploadPercent(state.upload);
    ui.upload.setAttribute('aria-valuenow', String(percent));
    ui.uploadFill.style.width = `${percent}%`;
  }
  ui.progress.setAttribute('aria-valuenow', String(state.progress));
  ui.progress.setAttribute('aria-valuetext', `${state.progress}%`);
  ui.progressFill.style.width = `${state.progress}%`;
  ui.detail.textContent = [pageMessage(), state.detail].filter(Boolean).join(' — ');
  ui.taskFile.hidden = !state.filename;
  ui.taskFile.textContent = state.filename;
  renderActions();
}

/** The page's own sentences follow the page language (the server's follow the language it was asked in). */
function pageMessage() {
  if (state.status === 'completed') {
    return summary(state.result?.annotation_count ?? state.annotationCount ?? annotations.size);
  }
  if (state.status === 'cancelled') return t('task.paused.at', { progress: state.progress });
  return state.message;
}

/** Pause, Resume and the download links exist in the page only when they apply (tests rely on that). */
function renderActions() {
  const wanted = [];
  // Pause appears only once the server has acknowledged the task (its task event said pausable): before that
  // a cancel would name a task the server does not know yet. During the upload, Stop upload takes its place.
  const canPause = state.taskId && ACTIVE.has(state.status) && !state.terminal && !state.upload &&
      state.featurePausable && state.taskPausable === true;
  if (state.upload) wanted.push('stop-upload');
  if (canPause) wanted.push('pause');
  if (state.taskId && RESUMABLE.has(state.status) && state.resumable) wanted.push('resume');
  if (state.taskId && state.status === 'completed') wanted.push('download', 'download-json');
  const existing = new Map([...ui.actions.children].map((node) => [node.dataset.action, node]));
  for (const [action, node] of existing) {
    if (wanted.includes(action)) continue;
    // Pause disappears when pressed: keep keyboard users in the task's controls rather than on <body>.
    if (node.contains(document.activeElement)) focusPending = true;
    node.remove();
  }
  for (const action of wanted) {
    let node = existing.get(action);
    if (!node) node = createAction(action);
    updateAction(node);
    ui.actions.append(node); // keeps the wanted order
  }
  if (focusPending && ui.actions.firstElementChild) {
    focusPending = false;
    ui.actions.firstElementChild.focus();
  }
}

let focusPending = false;

function createAction(action) {
  let node;
  if (action === 'pause' || action === 'resume' || action === 'stop-upload') {
    node = document.createElement('button');
    node.type = 'button';
    node.className = action === 'resume' ? 'button primary' : 'button secondary';
    if (action !== 'stop-upload') node.dataset.testid = action;
    node.addEventListener('click', action === 'pause' ? pause : action === 'resume' ? resume : stopUpload);
  } else {
    node = document.createElement('a');
    node.className = action === 'download' ? 'button primary' : 'button secondary';
    node.setAttribute('download', '');
    if (action === 'download') node.dataset.testid = 'download';
  }
  node.dataset.action = action;
  return node;
}

function updateAction(node) {
  const action = node.dataset.action;
  const id = encodeURIComponent(state.taskId);
  if (action === 'pause') node.textContent = t('task.pause');
  if (action === 'resume') node.textContent = t('task.resume');
  if (action === 'stop-upload') node.textContent = t('task.stop.upload');
  if (action === 'download') {
    node.textContent = t('task.download');
    node.href = sameOriginPath(state.result?.download_url) ?? `/api/tasks/${id}/result`;
  }
  if (action === 'download-json') {
    node.textContent = t('task.download.json');
    node.href = sameOriginPath(state.result?.annotations_url) ?? `/api/tasks/${id}/annotations`;
    const base = (state.filename || 'document').replace(/\.[^.]*$/, '') || 'document';
    node.setAttribute('download', `${base}.annotations.json`);
  }
}

/** Accepts a server-given link only when it stays on this server's API. */
function sameOriginPath(url) {
  return typeof url === 'string' && url.startsWith('/api/') ? url : null;
}

function showError(message) {
  ui.error.textContent = message || '';
  ui.error.hidden = !message;
}

function setReconnecting(on) {
  ui.reconnecting.hidden = !on;
  ui.reconnecting.textContent = on ? t('task.reconnecting') : '';
}

function resetView() {
  annotations.clear();
  whatRanShown = false;
  lastWhatRan = null;
  ui.checks.hidden = true;
  ui.checks.replaceChildren();
  highlights = new Map();
  findingOrder = [];
  currentFinding = -1;
  ui.docNav.hidden = true;
  ui.docPosition.textContent = '';
  ui.docText.replaceChildren();
  ui.docText.hidden = true;
  ui.docEmpty.hidden = false;
  showError('');
  setReconnecting(false);
}

function beginTask(taskId, filename) {
  stopStream();
  uploading?.abort();
  uploading = null;
  Object.assign(state, {
    taskId, filename: filename || '', status: null, stage: null, progress: 0, message: '', detail: '',
    lastSeq: 0, taskPausable: null, resumable: false, terminal: false, pausing: false, result: null, upload: null,
  });
  resetView();
}

// ---------------------------------------------------------------- events

/** Applies one event. Events are applied idempotently (annotations by id, progress never backwards). */
function handleEvent(data, seq) {
  state.lastSeq = seq;
  switch (data.type) {
    case 'task':
      if (data.task_id) state.taskId = data.task_id;
      refreshTasks();
      state.taskPausable = data.pausable === true;
      // A task event after a terminal one starts a new run of the same task (a resume): the stream goes on.
      state.terminal = false;
      if (!state.pausing) {
        state.status = data.status || 'queued';
        state.stage = state.status === 'queued' ? 'queued' : state.stage || 'read';
      }
      break;
    case 'progress':
      if (state.terminal || state.pausing) break;
      if (data.stage === 'analyse' && !whatRanShown) loadWhatRan(state.taskId);
      state.stage = data.stage || state.stage;
      state.status = data.stage === 'queued' ? 'queued' : 'running';
      state.progress = clampProgress(Math.max(state.progress, Number(data.progress) || 0));
      state.message = data.message || '';
      state.detail = data.detail || '';
      updateListedTask();
      break;
    case 'annotation':
      // Thousands may arrive at once: the list renders them in slices; the task card has nothing new to show.
      if (data.annotation) annotations.add(data.annotation);
      return;
    case 'cancelled':
      state.terminal = true;
      state.status = 'cancelled';
      state.stage = 'paused';
      state.resumable = data.resumable !== false;
      if (Number.isFinite(Number(data.progress))) state.progress = clampProgress(Number(data.progress));
      // The page calls a user's cancel "paused" everywhere; the server's sentence says "cancelled".
      state.message = t('task.paused.at', { progress: state.progress });
      state.detail = '';
      refreshTasks();
      break;
    case 'result':
      state.terminal = true;
      state.status = 'completed';
      state.stage = 'done';
      state.progress = 100;
      state.result = data;
      renderWhatRan(data);
      state.message = summary(data.annotation_count ?? annotations.size);
      state.detail = '';
      loadDocument(state.taskId);
      refreshTasks();
      break;
    case 'error':
      state.terminal = true;
      state.status = 'failed';
      state.stage = 'failed';
      showError(data.message || data.code || '');
      refreshTasks();
      break;
    case 'shutdown':
      state.terminal = true;
      state.status = 'interrupted';
      state.stage = 'shutdown';
      state.resumable = data.resumable !== false;
      state.message = data.message || '';
      state.detail = '';
      refreshTasks();
      break;
    default:
      break;
  }
  render();
}

function uploadPercent({ loaded, total }) {
  return total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
}

function uploadText(upload) {
  return t('stage.upload', { percent: uploadPercent(upload), loaded: formatSize(upload.loaded),
    total: formatSize(upload.total) });
}

function clampProgress(value) {
  return Math.min(100, Math.max(0, Math.round(value)));
}

// ---------------------------------------------------------------- streams

function stopStream() {
  stream?.stop();
  stream = null;
}

/**
 * Shows the stream that open() answers (null: re-attach to the task on screen), superseding any other.
 * Rejects with the server's error; its beforeStream says whether the first request itself was refused.
 */
async function follow(open) {
  stopStream();
  const mine = new TaskStream(state.taskId, {
    lastSeq: state.lastSeq,
    onEvent: (data, seq) => { if (stream === mine) handleEvent(data, seq); },
    onReconnecting: (on) => { if (stream === mine) setReconnecting(on); },
  });
  stream = mine;
  try {
    await mine.run(open);
  } catch (err) {
    if (stream === mine) throw err;
  }
}

/** A task id of our own, so that even a connection lost before the first event can be re-attached. */
function newTaskId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// ---------------------------------------------------------------- actions

async function start(event) {
  event.preventDefault();
  const file = picker.file();
  ui.formMessage.hidden = true;
  if (!file) {
    ui.formMessage.textContent = t('form.need.file');
    ui.formMessage.hidden = false;
    ui.file.focus();
    return;
  }
  const taskId = newTaskId();
  const requirement = ui.requirement.value;
  const analyser = chosenAnalyser();
  beginTask(taskId, file.name);
  state.upload = { loaded: 0, total: file.size };
  render();
  ui.start.disabled = true;
  ui.progress.closest('section').scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  const features = loadFeatures();
  try {
    // The document goes up first, on its own, so the page can show the upload's progress; the task starts
    // only once it is there, so nothing is offered that the server cannot act on yet.
    const form = new FormData();
    form.append('file', file, file.name);
    const mine = uploadForm('/api/documents', form, (loaded, total) => {
      if (state.taskId !== taskId || !state.upload) return;
      state.upload = { loaded, total: total || file.size };
      render();
    });
    uploading = mine;
    let documentId;
    try {
      documentId = (await mine.promise)?.document_id;
    } finally {
      if (uploading === mine) uploading = null;
    }
    if (state.taskId !== taskId) return; // another task was opened meanwhile
    state.upload = null;
    state.status = 'queued';
    state.stage = 'queued';
    render();
    await follow(async () => {
      const response = await request('/api/chat/stream', {
        method: 'POST',
        headers: { Accept: 'text/event-stream', 'Content-Type': 'application/json' },
        body: JSON.stringify({ message: requirement, task_type: 'DOC_ANNOTATE', document_id: documentId, task_id: taskId,
          ...(analyser ? { analyser } : {}) }),
      });
      await features;
      ui.start.disabled = false;
      refreshTasks();
      return response;
    });
  } catch (err) {
    if (state.taskId !== taskId) return;
    if (err.name === 'AbortError' || err.beforeStream || state.upload) {
      // Stopped or rejected before the stream started: nothing runs; show the server's sentence.
      Object.assign(state, { taskId: null, status: null, stage: null, filename: '', upload: null });
    }
    if (err.name !== 'AbortError') showError(err.message);
    render();
  } finally {
    ui.start.disabled = false;
  }
}

function stopUpload() {
  uploading?.abort();
}

async function pause() {
  if (!state.taskId || state.terminal) return;
  const id = state.taskId;
  const before = { status: state.status, stage: state.stage };
  // Say "paused" at once; the stream's cancelled event confirms it moments later.
  state.pausing = true;
  state.status = 'cancelled';
  state.stage = 'paused';
  render();
  try {
    await requestJson(`/api/tasks/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
    if (id !== state.taskId) return;
    if (!state.terminal) state.resumable = true; // a cancelled task is resumable; its cancelled event may say more
    render();
  } catch (err) {
    if (id !== state.taskId) return;
    state.pausing = false;
    if (!state.terminal) {
      Object.assign(state, before);
      await syncTask(id);
    }
    showError(err.message);
    render();
  }
}

async function resume() {
  if (!state.taskId) return;
  const id = state.taskId;
  showError('');
  state.terminal = false;
  state.pausing = false;
  state.resumable = false;
  state.status = 'running';
  state.stage = null;
  render();
  try {
    await follow(() => request(`/api/tasks/${encodeURIComponent(id)}/resume`, {
      method: 'POST', headers: { Accept: 'text/event-stream' },
    }));
  } catch (err) {
    if (err.beforeStream) await syncTask(id);
    showError(err.message);
    render();
  }
}

/** Re-reads a task's state from the server after an action was refused. */
async function syncTask(id) {
  try {
    const task = await requestJson(`/api/tasks/${encodeURIComponent(id)}`);
    if (id !== state.taskId) return;
    applyTask(task);
  } catch { /* keep what we have */ }
}

// ---------------------------------------------------------------- what ran

let whatRanShown = false;

/** Once the analysis runs, the task knows which checks it runs: shows them before the findings. */
async function loadWhatRan(id) {
  whatRanShown = true;
  try {
    const task = await requestJson(`/api/tasks/${encodeURIComponent(id)}`);
    // An answer that arrives after the result would put back what was known before the end (e.g. without the
    // note that the model failed): the result's own account wins.
    if (id === state.taskId && !state.result) renderWhatRan(task);
  } catch { /* shown with the result instead */ }
}

/** A check's parameters as a person reads them: "max. 25 words", "en-GB", "“foo”, “bar”". */
function paramsText(params) {
  if (!params || typeof params !== 'object') return '';
  return Object.entries(params).map(([key, value]) => {
    const shown = Array.isArray(value) ? value.map((v) => `“${v}”`).join(t('list.sep'))
      : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    return has(`param.${key}`) ? t(`param.${key}`, { value: shown }) : `${key.replace(/_/g, ' ')}: ${shown}`;
  }).join(t('list.sep'));
}

/** What ran (the contract's checks, requirement and analyser), from a result event or the task's JSON. */
function renderWhatRan(source) {
  const box = ui.checks;
  const checks = Array.isArray(source?.checks) ? source.checks : null;
  const requirement = source?.requirement && typeof source.requirement === 'object' ? source.requirement : null;
  if (!checks && !requirement) return;
  whatRanShown = true;
  box.replaceChildren();
  const add = (cls, label, items) => {
    if (!items.length) return;
    const row = document.createElement('div');
    row.className = `what-ran ${cls}`;
    const head = document.createElement('span');
    head.className = 'what-label';
    head.textContent = label;
    const list = document.createElement('ul');
    items.forEach((text) => {
      const li = document.createElement('li');
      li.textContent = text;
      list.append(li);
    });
    row.append(head, list);
    box.append(row);
  };
  if (checks) {
    add('ran', t('ran.checks'), checks.map((c) => {
      const label = categoryLabel(c?.id);
      const params = paramsText(c?.params);
      return params ? `${label} (${params})` : label;
    }));
  }
  if (requirement) {
    add('understood', t('ran.understood'), (requirement.understood || []).map((p) => `“${p}”`));
    add('not-understood', t('ran.not_understood'), (requirement.not_understood || []).map((p) => `“${p}”`));
    const notes = [...(requirement.notes || []).map(String)];
    if (requirement.fell_back) notes.unshift(t('ran.fell_back'));
    add('notes', t('ran.notes'), notes);
  }
  if (typeof source.analyser === 'string') {
    const by = document.createElement('p');
    by.className = 'muted what-by';
    by.textContent = t('ran.analyser', { analyser: has(`analyser.${source.analyser}`)
      ? t(`analyser.${source.analyser}`) : source.analyser });
    box.append(by);
  }
  box.hidden = box.childElementCount === 0;
  lastWhatRan = source;
}

let lastWhatRan = null;

function applyTask(task) {
  renderWhatRan(task);
  state.status = task.status;
  const stageByStatus = { cancelled: 'paused', completed: 'done', interrupted: 'interrupted', failed: 'failed' };
  state.stage = stageByStatus[task.status] ?? task.stage;
  state.progress = clampProgress(Number(task.progress) || 0);
  state.resumable = task.resumable === true;
  if (typeof task.pausable === 'boolean') state.taskPausable = task.pausable;
  state.terminal = !ACTIVE.has(task.status);
  // A paused task's own message is the last thing it did ("Analysing …"): say it is paused instead.
  state.message = task.status === 'cancelled' ? t('task.paused.at', { progress: state.progress })
    : task.message || '';
  state.annotationCount = Number.isFinite(task.annotation_count) ? task.annotation_count : null;
  state.filename = task.filename || state.filename;
}

/** The server's limits (GET /api/limits); until they arrive the form says nothing it might get wrong. */
const limits = { maxUploadBytes: null, maxRequirementChars: null };

async function loadLimits() {
  try {
    const body = await requestJson('/api/limits');
    limits.maxUploadBytes = Number(body?.max_upload_bytes) || null;
    limits.maxRequirementChars = Number(body?.max_requirement_chars) || null;
  } catch { /* the server checks anyway */ }
  renderLimits();
}

function renderLimits() {
  const hint = $('file-hint');
  hint.textContent = limits.maxUploadBytes
    ? t('form.file.hint.max', { size: formatSize(limits.maxUploadBytes) }) : t('form.file.hint');
  if (limits.maxRequirementChars) ui.requirement.maxLength = limits.maxRequirementChars;
}

/**
 * Warns at once when the chosen file is over the server's limit. Start still sends it: the server's own answer
 * (413, in the page language) is what the error area shows.
 */
function checkSize(file) {
  if (limits.maxUploadBytes && file.size > limits.maxUploadBytes) {
    ui.formMessage.textContent = t('form.too.big', { size: formatSize(file.size), max: formatSize(limits.maxUploadBytes) });
    ui.formMessage.hidden = false;
    return false;
  }
  return true;
}

/**
 * What this server can do (GET /api/capabilities): the analyser choice is offered only when a language model is
 * configured; otherwise the field stays hidden and the server's default (the rules) runs.
 */
async function loadCapabilities() {
  let body = null;
  try {
    body = await requestJson('/api/capabilities');
  } catch { /* no choice offered: the server decides */ }
  const offered = body?.llm === true && Array.isArray(body.analysers) ? body.analysers.map(String) : [];
  [...ui.analyser.options].forEach((option) => { option.hidden = !offered.includes(option.value); });
  const usable = offered.filter((id) => [...ui.analyser.options].some((o) => o.value === id));
  ui.analyserField.hidden = usable.length < 2;
  if (!ui.analyserField.hidden && !usable.includes(ui.analyser.value)) {
    ui.analyser.value = usable.includes(body.default_analyser) ? body.default_analyser : usable[0];
  }
  ui.analyserField.dataset.ready = 'true'; // for tests: the choice is settled (shown or not)
}

/** The analyser the user chose, or null when no choice is offered (the server's default then). */
function chosenAnalyser() {
  return ui.analyserField.hidden ? null : ui.analyser.value || null;
}

async function loadFeatures() {
  try {
    const body = await requestJson('/api/features');
    state.featurePausable = body?.features?.PAUSABLE_STREAMING === true;
  } catch {
    state.featurePausable = false;
  }
  render();
}

/** Fetches the extracted text and all annotations, and shows the highlighted document (built in slices). */
async function loadDocument(id) {
  try {
    const body = await fetchAnnotations(id);
    if (id !== state.taskId) return;
    (body.annotations || []).forEach((a) => annotations.add(a));
    if (typeof body.text === 'string') {
      ui.docText.hidden = false;
      ui.docEmpty.hidden = true;
      const built = await renderDocument(ui.docText, body.text, annotations.annotations(),
        (annotationId) => annotations.indexOf(annotationId), () => id === state.taskId);
      if (id !== state.taskId) return;
      highlights = built;
      findingOrder = [...built.keys()].sort((a, b) =>
        annotations.annotationAt(a).start - annotations.annotationAt(b).start || a - b);
      ui.docNav.hidden = highlights.size === 0;
      ui.docText.dataset.ready = 'true';
    }
  } catch (err) {
    if (id === state.taskId && state.status === 'completed') showError(err.message);
  }
}

/**
 * GET /api/tasks/{id}/annotations, parsed in a worker (a long review's JSON is megabytes); answers {text,
 * annotations} with only the annotations not listed yet. Without workers, the ordinary request.
 */
function fetchAnnotations(id) {
  const url = `/api/tasks/${encodeURIComponent(id)}/annotations`;
  if (typeof Worker !== 'function') return requestJson(url);
  return new Promise((resolve, reject) => {
    const worker = new Worker('/annotations-worker.js');
    worker.onmessage = ({ data }) => {
      worker.terminate();
      if (data.ok) resolve({ text: data.text, annotations: data.missing });
      else reject(new ApiError(data.status, data.error?.code || `http_${data.status}`,
        data.error?.message || (data.status ? t('error.unexpected', { status: data.status }) : t('error.network'))));
    };
    worker.onerror = () => { worker.terminate(); requestJson(url).then(resolve, reject); };
    worker.postMessage({ url, known: annotations.annotations().map((a) => String(a.id)), acceptLanguage: acceptLanguage() });
  });
}

/** Steps to the next (+1) or previous (-1) finding in the document that the filters show, wrapping around. */
function stepFinding(direction) {
  const indexes = findingOrder.filter((i) => annotations.visible(i));
  if (indexes.length === 0) return;
  let position = indexes.indexOf(currentFinding);
  position = position < 0 ? (direction > 0 ? 0 : indexes.length - 1)
    : (position + direction + indexes.length) % indexes.length;
  currentFinding = indexes[position];
  const mark = highlights.get(currentFinding);
  ui.docText.querySelectorAll('.hl.current').forEach((m) => m.classList.remove('current'));
  mark.classList.add('current');
  mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const annotation = annotations.annotationAt(currentFinding);
  ui.docPosition.textContent = t('doc.position', { n: position + 1, total: indexes.length,
    message: String(annotation.message ?? '') });
  flash(mark);
}

function flash(target) {
  target.classList.remove('flash');
  void target.offsetWidth; // restart the flash animation
  target.classList.add('flash');
}

/** Shows an earlier task: follows it live when it still runs, else loads what it has. */
async function openTask(task, thenResume = false) {
  beginTask(task.task_id, task.filename);
  applyTask(task);
  if (task.error) showError(typeof task.error === 'string' ? task.error : task.error.message);
  render();
  await loadFeatures();
  if (ACTIVE.has(task.status)) {
    state.terminal = false;
    follow(null).catch((err) => showError(err.message));
    return;
  }
  if (task.status === 'completed' || RESUMABLE.has(task.status)) await loadDocument(task.task_id);
  if (thenResume) await resume();
}

// ---------------------------------------------------------------- task list

let tasksCache = [];

async function refreshTasks() {
  try {
    const body = await requestJson('/api/tasks');
    tasksCache = Array.isArray(body?.tasks) ? body.tasks : [];
  } catch {
    return; // the list is a convenience; the current task is unaffected
  }
  renderTasks();
}

let listUpdate = null;

/** Keeps the running task's entry in "Your reviews" current (status, progress), at most a few times a second. */
function updateListedTask() {
  const listed = tasksCache.find((task) => task.task_id === state.taskId);
  if (!listed) return;
  listed.status = state.status;
  listed.progress = state.progress;
  listed.annotation_count = annotations.size;
  if (listUpdate) return;
  listUpdate = setTimeout(() => { listUpdate = null; renderTasks(); }, 300);
}

function renderTasks() {
  renderTaskList(ui.taskList, ui.tasksEmpty, tasksCache, {
    onOpen: (task) => openTask(task),
    onResume: (task) => openTask(task, true),
  });
}

// ---------------------------------------------------------------- highlight <-> list links

/** "Show in document" moves to the highlight; clicking a highlight moves to its list entry. The URL stays. */
function followInternalLink(event) {
  const show = event.target.closest('a.ann-show');
  const mark = event.target.closest('#doc-text .hl');
  let target = null;
  if (show) {
    event.preventDefault();
    const index = Number(show.dataset.show);
    target = highlights.get(index);
    if (!target) return;
    currentFinding = index;
    ui.docText.querySelectorAll('.hl.current').forEach((m) => m.classList.remove('current'));
    target.classList.add('current');
  } else if (mark) {
    target = annotations.nodeAt(Number(mark.dataset.annotationIndex));
    if (!target) return;
  } else {
    return;
  }
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  // To a list entry at once: the list is virtual, and on a smooth way through it the chunks passed render and
  // change height, so the scroll ended elsewhere than at the entry.
  target.scrollIntoView({ block: 'center', behavior: mark ? 'auto' : 'smooth' });
  target.focus({ preventScroll: true });
  flash(target);
}

// ---------------------------------------------------------------- boot

setupLanguageSwitch($('lang-select'));
onLanguageChange(() => {
  renderLimits();
  annotations.rerender();
  if (lastWhatRan) renderWhatRan(lastWhatRan);
  render();
  renderTasks();
  picker.refresh();
  setReconnecting(!ui.reconnecting.hidden);
});
ui.form.addEventListener('submit', start);
ui.tasksRefresh.addEventListener('click', refreshTasks);
document.addEventListener('click', followInternalLink);
ui.prevFinding.addEventListener('click', () => stepFinding(-1));
ui.nextFinding.addEventListener('click', () => stepFinding(1));
render();
prepareDates();
loadFeatures();
loadLimits();
loadCapabilities();
refreshTasks().then(() => {
  // After a reload, a task that is still running is followed again without a click.
  const latest = tasksCache[0];
  if (!state.taskId && latest && ACTIVE.has(latest.status)) openTask(latest);
});
