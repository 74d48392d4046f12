// Renders the annotation list and the document text with highlights that link to the list and back.
// Everything that comes from a document or a user is inserted as text nodes, never as markup.
//
// Long reviews (thousands of findings) stay responsive: annotations are queued and rendered in slices of a few
// milliseconds between which the browser can handle input, and filters are one style rule (not thousands of
// element updates). The list and the document are built of chunks of at most CHUNK_SIZE entries (or blocks), each
// skipping style and layout while off screen (content-visibility): a flat list of 12,000 entries is laid out
// again as a whole on every append (60-200 ms at 12,000) and restyled as a whole on every filter change (seconds);
// 120 chunks are not. Highlights are not tab stops; keyboard users step through findings with Next/Previous.

import { has, t } from './i18n.js';

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };
const SEVERITIES = ['error', 'warning', 'info'];
/**
 * A slice of work on the main thread stays well under the 50 ms that makes a long task, also on a busy machine,
 * where a slice's wall time stretches several-fold while other processes have the core.
 */
const SLICE_MS = 5;
/** Entries per chunk of the list, and blocks per chunk of the document (see above). */
const CHUNK_SIZE = 100;
/** A line longer than this many characters is shown as several blocks, cut at sentence ends. */
const LONG_BLOCK = 1500;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/**
 * Category names are sorted with one collator, set up while the page is idle: setting up collation loads ICU data,
 * 30-220 ms on a busy machine (measured in headless Chromium), and its first use used to fall inside a slice of the
 * stream, once a second category arrived.
 */
let collator = null;
function compareText(a, b) {
  collator ??= new Intl.Collator();
  return collator.compare(a, b);
}
function prepareCollation() {
  const prepare = () => compareText('a', 'b');
  if (typeof requestIdleCallback === 'function') requestIdleCallback(prepare, { timeout: 2000 });
  else setTimeout(prepare, 0);
}

/** Lets the browser run input and rendering before the next slice of work. */
export function yieldToMain() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => { setTimeout(resolve, 0); });
}

/** A category's name in the page language; an unknown one is shown as its id with spaces. */
export function categoryLabel(category) {
  const id = String(category ?? '');
  return has(`cat.${id}`) ? t(`cat.${id}`) : id.replace(/_/g, ' ');
}

function severityOf(annotation) {
  return SEVERITY_RANK[annotation.severity] ? annotation.severity : 'info';
}

/** CSS.escape for attribute values in the filter rule. */
function cssString(value) {
  return `"${String(value).replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`;
}

/**
 * The annotation list: one <li data-testid="annotation"> per annotation, in arrival order, with filters by
 * category and severity that show how many findings each has. Grouped (the groupToggle checkbox), the list holds
 * one collapsible group per category (<li data-testid="annotation-group">, its header a button with aria-expanded
 * and the category's count) with that category's annotations inside, in arrival order.
 */
export class AnnotationList {
  constructor({ list, empty, count, tools, categorySelect, severitySelect, summary, groupToggle, expandAll,
    collapseAll, onRendered = () => {} }) {
    this.list = list;
    this.empty = empty;
    this.count = count;
    this.tools = tools;
    this.categorySelect = categorySelect;
    this.severitySelect = severitySelect;
    this.summary = summary;
    this.onRendered = onRendered;
    this.items = new Map(); // annotation id -> {annotation, index, node}
    this.order = [];
    this.pending = [];
    this.flushing = false;
    this.generation = 0;
    this.counts = { category: new Map(), severity: new Map() };
    this.filter = { category: '', severity: '' };
    this.grouped = false;
    this.groups = new Map(); // category -> {node, toggle, name, count, items}
    this.chunks = []; // every chunk of the list: {node, items, size, parent, kinds: Map("category\0severity" -> n)}
    this.lastChunk = new Map(); // parent <ol> -> its last chunk, which takes new entries until it is full
    this.collapsed = new Set(); // categories whose group is collapsed (kept across re-renders)
    this.retired = []; // nodes of a previous view still in the list, removed a chunk at a time (see retire)
    this.groupToggle = groupToggle;
    this.expandAll = expandAll;
    this.collapseAll = collapseAll;
    groupToggle?.addEventListener('change', () => this.setGrouped(groupToggle.checked));
    expandAll?.addEventListener('click', () => this.setAllCollapsed(false));
    collapseAll?.addEventListener('click', () => this.setAllCollapsed(true));
    this.sheet = null;
    if (typeof CSSStyleSheet === 'function' && 'adoptedStyleSheets' in document) {
      this.sheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
    }
    categorySelect?.addEventListener('change', () => this.setFilter({ category: categorySelect.value }));
    prepareCollation();
    severitySelect?.addEventListener('change', () => this.setFilter({ severity: severitySelect.value }));
  }

  /** Renders every item again, e.g. after the page language changed (in slices, like new ones). */
  rerender() {
    this.generation++;
    this.groups = new Map();
    this.resetChunks();
    this.retire();
    this.order.forEach((item) => { item.node = null; });
    this.pending = [...this.order];
    this.list.dataset.rendered = '0';
    this.renderTools();
    this.schedule();
  }

  clear() {
    this.generation++;
    this.items.clear();
    this.order = [];
    this.pending = [];
    this.counts = { category: new Map(), severity: new Map() };
    this.filter = { category: '', severity: '' };
    this.groups = new Map();
    this.resetChunks();
    this.collapsed.clear();
    this.applyFilter();
    this.retire();
    this.list.dataset.rendered = '0';
    this.refreshEmpty();
    this.renderTools();
    if (this.retired.length) this.schedule();
  }

  /**
   * Removes what the list shows: as much as one slice's time allows now (a short list at once), the rest in flush(),
   * a chunk at a time from the end, before anything new is rendered. Taking 12,000 entries out of the document walks
   * every node (ids, layout objects): one task of 34 ms of script on a quiet machine. The old entries stay as they
   * are meanwhile (a few slices); hiding them costs more than removing them. With display: none, content-visibility
   * stops skipping them and the browser styles every entry never shown, at once (1.7 s of CPU in one frame at 12,000);
   * collapsing them (content-visibility: hidden) still cost 40-85 ms of style work in the next frame and 20-35 ms in
   * each frame until they were gone.
   */
  retire() {
    this.retired = [...this.list.children]; // also what an earlier retire() left
    this.removeRetired(performance.now());
  }

  /** Removes retired nodes until the slice's time is up; a group goes chunk by chunk, then itself. */
  removeRetired(started) {
    while (this.retired.length && performance.now() - started < SLICE_MS) {
      const node = this.retired[this.retired.length - 1];
      const chunk = node.classList.contains('ann-group') ? node.lastElementChild?.lastElementChild : null;
      if (chunk) {
        chunk.remove();
      } else {
        node.remove();
        this.retired.pop();
      }
    }
  }

  has(id) {
    return this.items.has(String(id));
  }

  annotations() {
    return this.order.map((item) => item.annotation);
  }

  /** How many annotations the list holds (rendered or still queued). */
  get size() {
    return this.order.length;
  }

  /** The annotation at list index {@code index}. */
  annotationAt(index) {
    return this.order[index]?.annotation;
  }

  /** Adds one annotation unless it is already listed (replayed events and reloads send some twice). */
  add(annotation) {
    const key = String(annotation.id);
    if (this.items.has(key)) return;
    const item = { annotation, index: this.order.length, node: null };
    this.items.set(key, item);
    this.order.push(item);
    this.pending.push(item);
    const category = String(annotation.category ?? '');
    const severity = severityOf(annotation);
    this.counts.category.set(category, (this.counts.category.get(category) || 0) + 1);
    this.counts.severity.set(severity, (this.counts.severity.get(severity) || 0) + 1);
    this.schedule();
  }

  schedule() {
    if (this.flushing) return;
    this.flushing = true;
    const generation = this.generation;
    setTimeout(() => this.flush(generation), 0);
  }

  /** Renders queued items for one slice, then lets the browser breathe and continues. */
  flush(generation) {
    if (generation !== this.generation) {
      this.flushing = false;
      if (this.pending.length || this.retired.length) this.schedule();
      return;
    }
    const started = performance.now();
    // A previous view leaves first, so that when every entry is rendered nothing of the old view is left.
    this.removeRetired(started);
    const fragments = new Map(); // container -> fragment: one append per container and slice
    while (this.pending.length && performance.now() - started < SLICE_MS) {
      const batchEnd = Math.min(this.pending.length, 20);
      for (let i = 0; i < batchEnd; i++) {
        const item = this.pending[i];
        item.node = this.render(item.annotation, item.index);
        const container = this.place(item.annotation);
        if (!fragments.has(container)) fragments.set(container, document.createDocumentFragment());
        fragments.get(container).append(item.node);
      }
      this.pending.splice(0, batchEnd);
    }
    fragments.forEach((fragment, container) => container.append(fragment));
    // How many entries are in the list (a cheap signal for tests, which would otherwise count thousands of nodes).
    this.list.dataset.rendered = String(this.order.length - this.pending.length);
    this.refreshGroups();
    this.refreshEmpty();
    this.renderTools();
    this.flushing = false;
    if (this.pending.length || this.retired.length) this.schedule();
    else this.onRendered();
  }

  render(annotation, index) {
    const severity = severityOf(annotation);
    const quote = el('blockquote', { className: 'ann-quote' }, String(annotation.quote ?? ''));
    const meta = el('div', { className: 'ann-meta' },
      el('span', { className: `badge sev-${severity}`, dataset: { severity } }, t(`severity.${severity}`)),
      el('span', { className: 'ann-category', dataset: { category: String(annotation.category ?? '') } },
        categoryLabel(annotation.category)),
      annotation.page != null ? el('span', { className: 'ann-where' }, t('ann.page', { page: annotation.page })) : null);
    const message = el('p', { className: 'ann-message' }, String(annotation.message ?? ''));
    const suggestion = annotation.suggestion
      ? el('p', { className: 'ann-suggestion' },
          el('span', { className: 'ann-suggestion-label' }, `${t('ann.suggestion')}: `),
          String(annotation.suggestion))
      : null;
    const show = el('a', { className: 'ann-show', href: `#ann-${index}`, dataset: { show: String(index) } },
      t('ann.show'));
    return el('li', {
      className: `ann sev-${severity}`,
      id: `ann-${index}`,
      tabindex: '-1',
      'data-testid': 'annotation',
      dataset: { annotationId: String(annotation.id), severity, category: String(annotation.category ?? '') },
    }, meta, quote, message, suggestion, show);
  }

  indexOf(id) {
    return this.items.get(String(id))?.index;
  }

  /** Where an annotation's entry goes: the list, or its category's group when grouped. */
  containerFor(annotation) {
    if (!this.grouped) return this.list;
    return this.groupFor(String(annotation.category ?? '')).items;
  }

  /**
   * The chunk an annotation's entry goes into (the last one of its list or group, or a new one when that is full),
   * counted there so that a filter can hide chunks with nothing to show. Answers the chunk's own <ol>.
   */
  place(annotation) {
    const parent = this.containerFor(annotation);
    let chunk = this.lastChunk.get(parent);
    if (!chunk || chunk.size >= CHUNK_SIZE) {
      // role=none: assistive technology sees one list of findings, not a list of chunks.
      const items = el('ol', { className: 'ann-chunk-items', role: 'none' });
      chunk = { node: el('li', { className: 'ann-chunk', role: 'none' }, items), items, size: 0, kinds: new Map() };
      this.chunks.push(chunk);
      this.lastChunk.set(parent, chunk);
      parent.append(chunk.node);
    }
    chunk.size++;
    const kind = `${String(annotation.category ?? '')}\u0000${severityOf(annotation)}`;
    chunk.kinds.set(kind, (chunk.kinds.get(kind) || 0) + 1);
    this.showChunk(chunk);
    return chunk.items;
  }

  resetChunks() {
    this.chunks = [];
    this.lastChunk = new Map();
  }

  /**
   * A chunk none of whose entries passes the filters is collapsed, so that the list's height says what is left
   * (collapsed, not hidden: see .collapsed in styles.css).
   */
  showChunk(chunk) {
    const { category, severity } = this.filter;
    const shows = !category && !severity ? true : [...chunk.kinds.keys()].some((kind) => {
      const [c, s] = kind.split('\u0000');
      return (!category || c === category) && (!severity || s === severity);
    });
    if (chunk.node.classList.contains('collapsed') === shows) chunk.node.classList.toggle('collapsed', !shows);
  }

  groupFor(category) {
    let group = this.groups.get(category);
    if (group) return group;
    const id = `ann-group-${this.generation}-${this.groups.size}`;
    const open = !this.collapsed.has(category);
    const name = el('span', { className: 'group-name' }, categoryLabel(category));
    const count = el('span', { className: 'group-count', 'data-testid': 'group-count', 'aria-hidden': 'true' }, '0');
    const toggle = el('button', { type: 'button', className: 'group-head', 'aria-expanded': String(open),
      'aria-controls': id, 'data-testid': 'group-toggle' }, name, ' ', count);
    const items = el('ol', { className: 'group-items', id, hidden: !open });
    const node = el('li', { className: 'ann-group', 'data-testid': 'annotation-group', dataset: { category } },
      el('h3', { className: 'group-title' }, toggle), items);
    toggle.addEventListener('click', () => this.setCollapsed(category, !this.collapsed.has(category)));
    group = { node, toggle, name, count, items };
    this.groups.set(category, group);
    this.list.append(node);
    return group;
  }

  /** Each group's header shows how many findings its category has (also those still queued for rendering). */
  refreshGroups() {
    this.groups.forEach((group, category) => {
      const n = this.counts.category.get(category) || 0;
      if (group.count.textContent !== String(n)) {
        group.count.textContent = String(n);
        group.toggle.setAttribute('aria-label', t('ann.group.label', { name: categoryLabel(category), n }));
      }
    });
  }

  setGrouped(on) {
    if (this.groupToggle) this.groupToggle.checked = on;
    if (on === this.grouped) return;
    this.grouped = on;
    this.list.dataset.grouped = on ? 'true' : 'false';
    this.renderTools();
    this.rerender(); // in slices, like new entries: thousands of them are never moved in one task
  }

  setCollapsed(category, collapsed) {
    if (collapsed) this.collapsed.add(category);
    else this.collapsed.delete(category);
    const group = this.groups.get(category);
    if (!group) return;
    group.toggle.setAttribute('aria-expanded', String(!collapsed));
    group.items.hidden = collapsed;
  }

  setAllCollapsed(collapsed) {
    new Set([...this.counts.category.keys(), ...this.groups.keys()])
      .forEach((category) => this.setCollapsed(category, collapsed));
  }

  /** The list entry of the annotation at {@code index} (rendering it now if it is still queued). */
  nodeAt(index) {
    const item = this.order[index];
    if (!item) return null;
    if (!item.node) {
      while (this.pending.length && !item.node) {
        const next = this.pending.shift();
        next.node = this.render(next.annotation, next.index);
        this.place(next.annotation).append(next.node);
      }
      this.refreshGroups();
    }
    // Shown from the document: its group opens so that the entry can be seen and focused.
    if (this.grouped) this.setCollapsed(String(item.annotation.category ?? ''), false);
    return item.node;
  }

  /** Whether the annotation at {@code index} passes the current filters. */
  visible(index) {
    const a = this.order[index]?.annotation;
    if (!a) return false;
    return (!this.filter.category || String(a.category ?? '') === this.filter.category)
      && (!this.filter.severity || severityOf(a) === this.filter.severity);
  }

  setFilter(change) {
    Object.assign(this.filter, change);
    this.applyFilter();
    this.renderTools();
  }

  /** One style rule hides what the filters leave out: no per-item work, however long the list. */
  applyFilter() {
    const rules = [];
    if (this.filter.category) rules.push(`:not([data-category=${cssString(this.filter.category)}])`);
    if (this.filter.severity) rules.push(`:not([data-severity=${cssString(this.filter.severity)}])`);
    const hide = rules.map((r) => `#${this.list.id} li.ann${r} { display: none; }`);
    // Grouped, a category filter leaves only that category's group. A group is not content-visibility: hiding it is
    // cheap (unlike a chunk, see .collapsed in styles.css).
    if (this.filter.category) {
      hide.push(`#${this.list.id} > li.ann-group:not([data-category=${cssString(this.filter.category)}]) { display: none; }`);
    }
    if (this.sheet) this.sheet.replaceSync(hide.join('\n'));
    this.chunks.forEach((chunk) => this.showChunk(chunk));
    this.list.dataset.filtered = rules.length ? 'true' : 'false';
  }

  /** The filter controls with the count of each category and severity ("Vague wording (812)"). */
  renderTools() {
    if (!this.tools) return;
    this.tools.hidden = this.order.length === 0;
    if (this.expandAll) this.expandAll.hidden = !this.grouped;
    if (this.collapseAll) this.collapseAll.hidden = !this.grouped;
    const total = this.order.length;
    const categories = [...this.counts.category.entries()]
      .sort((a, b) => b[1] - a[1] || compareText(categoryLabel(a[0]), categoryLabel(b[0])));
    const categoryOptions = [['', t('ann.filter.all.categories', { n: total })],
      ...categories.map(([id, n]) => [id, `${categoryLabel(id)} (${n})`])];
    fillSelect(this.categorySelect, categoryOptions, this.filter.category);
    const severityOptions = [['', t('ann.filter.all.severities', { n: total })],
      ...SEVERITIES.filter((s) => this.counts.severity.get(s))
        .map((s) => [s, `${t(`severity.${s}`)} (${this.counts.severity.get(s)})`])];
    fillSelect(this.severitySelect, severityOptions, this.filter.severity);
    if (this.summary) {
      this.summary.replaceChildren(...categories.map(([id, n]) => el('li', { dataset: { category: id } },
        el('span', { className: 'sum-name' }, categoryLabel(id)), ' ', el('span', { className: 'sum-count' }, String(n)))));
    }
  }

  refreshEmpty() {
    this.empty.hidden = this.order.length > 0;
    this.count.textContent = this.order.length ? String(this.order.length) : '';
  }
}

function fillSelect(select, options, value) {
  if (!select) return;
  const wanted = options.map(([v, label]) => `${v}\u0000${label}`).join('\u0001');
  if (select.dataset.options !== wanted) {
    select.replaceChildren(...options.map(([v, label]) => el('option', { value: v }, label)));
    select.dataset.options = wanted;
  }
  select.value = options.some(([v]) => v === value) ? value : '';
}

/**
 * Renders text with the annotated ranges as <mark class="hl"> elements (not links: a long review would otherwise
 * be thousands of tab stops). Overlapping ranges are split at every boundary; each piece shows the most severe
 * annotation covering it. Each line of the text is its own block (so paragraphs keep their spacing), and a very
 * long line is cut into blocks at sentence ends. Blocks are grouped in chunks of CHUNK_SIZE that skip style and
 * layout while off screen (content-visibility), which keeps a document with thousands of highlights and
 * paragraphs cheap to build and to scroll. Built in slices; resolves to a Map from list index to the first piece
 * that shows that annotation. {@code isCurrent()} going false stops the work.
 */
export async function renderDocument(container, text, annotations, indexOf, isCurrent = () => true) {
  container.replaceChildren();
  const firstPiece = new Map();
  const ranges = annotations
    .filter((a) => Number.isInteger(a.start) && Number.isInteger(a.end) && a.start < a.end &&
        a.start >= 0 && a.end <= text.length)
    .map((a) => ({ a, index: indexOf(a.id) }))
    .filter((r) => r.index !== undefined);
  // Preparing thousands of ranges takes a few milliseconds per step: the browser gets a turn in between.
  await yieldToMain();
  if (!isCurrent()) return firstPiece;
  const cuts = new Set([0, text.length]);
  ranges.forEach((r) => { cuts.add(r.a.start); cuts.add(r.a.end); });
  const points = Float64Array.from(cuts).sort();
  await yieldToMain();
  if (!isCurrent()) return firstPiece;
  ranges.sort((x, y) => x.a.start - y.a.start);
  await yieldToMain();
  if (!isCurrent()) return firstPiece;
  let next = 0;
  let active = [];
  let started = performance.now();
  let fragment = document.createDocumentFragment();
  let chunk = null;
  let chunkBlocks = 0;
  let block = null;
  let blockLength = 0;
  const newBlock = (continued) => {
    // A continued block stays in its line's chunk, so that the line's blocks keep their spacing rule.
    if (!chunk || (chunkBlocks >= CHUNK_SIZE && !continued)) {
      chunk = el('div', { className: 'doc-chunk' });
      chunkBlocks = 0;
      fragment.append(chunk);
    }
    block = el('div', { className: continued ? 'para cont' : 'para' });
    blockLength = 0;
    chunkBlocks++;
    chunk.append(block);
  };
  newBlock(false);
  // Appends text to the current block, starting a new block at each line break, and within a long line at a
  // sentence end once the block holds enough text; wrap(piece) puts a piece into its <mark> when highlighted.
  const put = (piece, wrap) => {
    const lines = piece.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) newBlock(false);
      let rest = line;
      while (rest) {
        let take = rest.length;
        if (!wrap && blockLength + rest.length > LONG_BLOCK) {
          const stop = rest.indexOf('. ', Math.max(0, LONG_BLOCK - blockLength));
          if (stop >= 0 && stop + 2 < rest.length) take = stop + 2;
        }
        const part = rest.slice(0, take);
        block.append(wrap ? wrap(part) : part);
        blockLength += part.length;
        rest = rest.slice(take);
        if (rest) newBlock(true);
      }
    });
  };
  for (let i = 0; i + 1 < points.length; i++) {
    if (performance.now() - started > SLICE_MS) {
      container.append(fragment);
      fragment = document.createDocumentFragment();
      await yieldToMain();
      if (!isCurrent()) return firstPiece;
      started = performance.now();
      // Go on in the same chunk and block (they are in the container now); new chunks go into the new fragment.
    }
    const from = points[i];
    const to = points[i + 1];
    const piece = text.slice(from, to);
    // Sweep: ranges enter at their start and leave once they end, so each piece sees only its own.
    if (active.length) active = active.filter((r) => r.a.end > from);
    while (next < ranges.length && ranges[next].a.start <= from) active.push(ranges[next++]);
    const covering = active.filter((r) => r.a.end >= to);
    if (covering.length === 0) {
      put(piece, null);
      continue;
    }
    covering.sort((x, y) => (SEVERITY_RANK[severityOf(y.a)] - SEVERITY_RANK[severityOf(x.a)]) || x.index - y.index);
    const top = covering[0];
    put(piece, (part) => {
      const mark = el('mark', {
        className: `hl sev-${severityOf(top.a)}`,
        title: String(top.a.message ?? ''),
        dataset: { annotationIndex: String(top.index), category: String(top.a.category ?? ''),
          severity: severityOf(top.a) },
      }, part);
      covering.forEach((r) => { if (!firstPiece.has(r.index)) firstPiece.set(r.index, mark); });
      return mark;
    });
  }
  container.append(fragment);
  return firstPiece;
}
