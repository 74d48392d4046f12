// Renders the annotation list and the document text with highlights that link to the list and back.
// Everything that comes from a document or a user is inserted as text nodes, never as markup.
//
// Long reviews (thousands of findings) stay responsive: annotations are queued and rendered in slices of a few
// milliseconds between which the browser can handle input, and filters are one style rule (not thousands of
// element updates). The list is virtual: only the chunks of LIST_CHUNK entries near its visible part hold elements
// (a flat list of 12,000 entries is laid out again as a whole on every append, 60-200 ms, and taking it out of the
// page to regroup it took 34-120 ms in one task). The document is built of chunks of CHUNK_SIZE blocks that skip
// style and layout while off screen (content-visibility). Highlights are not tab stops; keyboard users step
// through findings with Next/Previous.

import { has, t } from './i18n.js';

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };
const SEVERITIES = ['error', 'warning', 'info'];
/**
 * A slice of work on the main thread stays well under the 50 ms that makes a long task, also on a busy machine,
 * where a slice's wall time stretches several-fold while other processes have the core.
 */
const SLICE_MS = 5;
/** Blocks per chunk of the document (see above). */
const CHUNK_SIZE = 100;
/** Entries per chunk of the list: only the chunks near the list's visible part hold their entries' elements. */
const LIST_CHUNK = 50;
/** A list of up to this many entries renders them all (see AnnotationList.small). */
const SMALL_LIST = 500;
/** The height in px an entry is taken to have until rendered entries say better (7.5rem and the gap). */
const ROW_ESTIMATE = 130;
/** A line longer than this many characters is shown as several blocks, cut at sentence ends. */
const LONG_BLOCK = 1500;
/** Characters a line of the document pane holds, about (for the height of a block not rendered yet). */
const LINE_CHARS = 80;

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
 *
 * Virtual: the entries are kept in chunks of LIST_CHUNK, and only the chunks near the list's visible part (and a
 * short list's, whole) hold their entries' elements; the others are empty boxes of the height their entries would
 * take. So streaming, filtering and regrouping 12,000 findings touch a few hundred elements, not 120,000. Each entry
 * says where it stands (aria-posinset of aria-setsize, among the entries the filters show in its list or group), so
 * that assistive technology reads "12 of 12,011" although the others are not in the page.
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
    this.items = new Map(); // annotation id -> {annotation, index, node, chunk}
    this.order = [];
    this.pending = []; // items not placed in a chunk yet
    this.flushing = false;
    this.generation = 0;
    this.counts = { category: new Map(), severity: new Map() };
    this.filter = { category: '', severity: '' };
    this.grouped = false;
    this.groups = new Map(); // category -> {node, toggle, name, count, items}
    this.rowHeight = ROW_ESTIMATE; // px an entry takes, from the chunks rendered so far
    this.resetChunks();
    this.collapsed = new Set(); // categories whose group is collapsed (kept across re-renders)
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
    this.order.forEach((item) => { item.node = null; item.chunk = null; });
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
    this.list.dataset.rendered = '0';
    this.refreshEmpty();
    this.renderTools();
  }

  /**
   * Empties the list. What it holds is small (the chunks near the visible part, and an empty box per other chunk),
   * so it goes at once; before the list was virtual, removing 12,000 entries took 34-120 ms in one task.
   */
  resetChunks() {
    this.observer?.disconnect();
    this.observer = typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => this.onIntersection(entries), { root: this.list, rootMargin: '100% 0px' })
      : null;
    this.chunks = []; // every chunk, in list order within each parent
    this.chunksIn = new Map(); // parent <ol> -> its chunks in order
    this.chunkOf = new WeakMap(); // chunk box -> chunk
    this.list.replaceChildren();
    this.ariaDirty = true;
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
    const item = { annotation, index: this.order.length, node: null, chunk: null };
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

  /**
   * One slice of work: queued items go into their chunks (counts and box heights only), then the chunks near the
   * visible part get their entries' elements and the others lose theirs. Continues after the browser had a turn.
   */
  flush(generation) {
    if (generation !== this.generation) {
      this.flushing = false;
      if (this.pending.length) this.schedule();
      return;
    }
    const started = performance.now();
    while (this.pending.length && performance.now() - started < SLICE_MS) {
      this.pending.splice(0, 50).forEach((item) => this.place(item));
    }
    let more = this.pending.length > 0;
    for (const chunk of this.chunks) {
      if (!this.sync(chunk, started)) more = true;
    }
    // How many entries the list holds (a cheap signal for tests, which would otherwise count thousands of nodes).
    this.list.dataset.rendered = String(this.order.length - this.pending.length);
    this.list.dataset.settled = String(!more); // every chunk as the view wants it (also for tests)
    if (this.ariaDirty) this.refreshPositions();
    this.refreshGroups();
    this.refreshEmpty();
    this.renderTools();
    this.flushing = false;
    if (more) this.schedule();
    else this.onRendered();
  }

  /** A short list is rendered whole: virtual only pays off (and only hides entries) from a few hundred on. */
  get small() {
    return this.order.length <= SMALL_LIST;
  }

  /** Whether a chunk's entries should be in the page: it has some the filters show, and it is near the view. */
  wanted(chunk) {
    if (chunk.pinned) return true;
    if (this.shownIn(chunk) === 0) return false;
    return this.small || chunk.near || (chunk.rendered > 0 && chunk.node.contains(document.activeElement));
  }

  /**
   * Brings one chunk's elements in line with wanted(): renders its missing entries while the slice lasts, or
   * empties it into a box of the height its entries would take. Answers whether the chunk is done.
   */
  sync(chunk, started, budget = SLICE_MS) {
    if (this.wanted(chunk)) {
      if (chunk.node.style.height) chunk.node.style.height = '';
      if (chunk.rendered === chunk.entries.length) return true;
      if (performance.now() - started >= budget) return false;
      const fragment = document.createDocumentFragment();
      while (chunk.rendered < chunk.entries.length && performance.now() - started < budget) {
        const end = Math.min(chunk.entries.length, chunk.rendered + 10);
        for (; chunk.rendered < end; chunk.rendered++) {
          const item = chunk.entries[chunk.rendered];
          item.node = this.render(item.annotation, item.index);
          fragment.append(item.node);
        }
      }
      chunk.items.append(fragment);
      this.ariaDirty = true;
      return chunk.rendered === chunk.entries.length;
    }
    if (chunk.rendered > 0) {
      chunk.items.replaceChildren();
      for (let i = 0; i < chunk.rendered; i++) chunk.entries[i].node = null;
      chunk.rendered = 0;
    }
    const height = `${Math.round(this.shownIn(chunk) * this.rowHeight)}px`;
    if (chunk.node.style.height !== height) chunk.node.style.height = height;
    return true;
  }

  /**
   * Renders a chunk whole right now and keeps it until it has come into view (nodeAt: the caller scrolls to one of
   * its entries, smoothly, so the observer says "near" only a few frames later).
   */
  renderWhole(chunk) {
    chunk.pinned = true;
    this.sync(chunk, performance.now(), Number.POSITIVE_INFINITY);
  }

  /** Which chunks are near the list's visible part; a whole rendered one also says how tall an entry is. */
  onIntersection(entries) {
    entries.forEach((entry) => {
      const chunk = this.chunkOf.get(entry.target);
      if (!chunk) return;
      chunk.near = entry.isIntersecting;
      if (chunk.near) chunk.pinned = false;
      const shown = this.shownIn(chunk);
      if (chunk.rendered === chunk.entries.length && shown >= 10 && entry.boundingClientRect.height > 0) {
        this.rowHeight = 0.7 * this.rowHeight + 0.3 * (entry.boundingClientRect.height / shown);
      }
    });
    this.list.dataset.settled = 'false';
    this.schedule();
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
   * Puts an item in the last chunk of its list or group (a new one when that is full), counted there by category
   * and severity so that the filters know each chunk's height without looking at its entries.
   */
  place(item) {
    const { annotation } = item;
    const parent = this.containerFor(annotation);
    let chunks = this.chunksIn.get(parent);
    if (!chunks) this.chunksIn.set(parent, chunks = []);
    let chunk = chunks[chunks.length - 1];
    if (!chunk || chunk.entries.length >= LIST_CHUNK) {
      // role=none: assistive technology sees one list of findings, not a list of chunks.
      const items = el('ol', { className: 'ann-chunk-items', role: 'none' });
      chunk = { node: el('li', { className: 'ann-chunk', role: 'none' }, items), items, entries: [], rendered: 0,
        near: false, pinned: false, kinds: new Map() };
      chunks.push(chunk);
      this.chunks.push(chunk);
      this.chunkOf.set(chunk.node, chunk);
      parent.append(chunk.node);
      this.observer?.observe(chunk.node);
      if (!this.observer) chunk.near = true;
    }
    chunk.entries.push(item);
    item.chunk = chunk;
    const kind = `${String(annotation.category ?? '')}\u0000${severityOf(annotation)}`;
    chunk.kinds.set(kind, (chunk.kinds.get(kind) || 0) + 1);
    this.showChunk(chunk);
    this.ariaDirty = true;
  }

  /** How many of a chunk's entries the filters show. */
  shownIn(chunk) {
    const { category, severity } = this.filter;
    if (!category && !severity) return chunk.entries.length;
    let n = 0;
    chunk.kinds.forEach((count, kind) => {
      const [c, s] = kind.split('\u0000');
      if ((!category || c === category) && (!severity || s === severity)) n += count;
    });
    return n;
  }

  /**
   * A chunk none of whose entries passes the filters is collapsed, so that it takes no room (not display: none,
   * see .collapsed in styles.css).
   */
  showChunk(chunk) {
    const shows = this.shownIn(chunk) > 0;
    if (chunk.node.classList.contains('collapsed') === shows) chunk.node.classList.toggle('collapsed', !shows);
  }

  /**
   * Each rendered entry's place among the entries its list or group shows (aria-posinset, aria-setsize), counted
   * from the chunks' counts: the entries not in the page are counted, not visited.
   */
  refreshPositions() {
    this.ariaDirty = false;
    const { category, severity } = this.filter;
    const passes = (item) => (!category || String(item.annotation.category ?? '') === category)
      && (!severity || severityOf(item.annotation) === severity);
    this.chunksIn.forEach((chunks) => {
      const shown = chunks.map((chunk) => this.shownIn(chunk));
      const size = String(shown.reduce((a, b) => a + b, 0));
      let position = 0;
      chunks.forEach((chunk, i) => {
        if (chunk.rendered === 0) {
          position += shown[i];
          return;
        }
        for (let j = 0; j < chunk.entries.length; j++) {
          const item = chunk.entries[j];
          if (!passes(item)) continue;
          position++;
          if (!item.node) continue;
          if (item.node.getAttribute('aria-posinset') !== String(position)) {
            item.node.setAttribute('aria-posinset', String(position));
          }
          if (item.node.getAttribute('aria-setsize') !== size) item.node.setAttribute('aria-setsize', size);
        }
      });
    });
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
    this.rerender(); // in slices, like new entries
  }

  setCollapsed(category, collapsed) {
    if (collapsed) this.collapsed.add(category);
    else this.collapsed.delete(category);
    const group = this.groups.get(category);
    if (!group) return;
    group.toggle.setAttribute('aria-expanded', String(!collapsed));
    group.items.hidden = collapsed;
    // A short list renders every entry (wanted() does not look at the view), so opening needs no new work; a long
    // one hears from the observer which of the group's chunks came into view.
  }

  setAllCollapsed(collapsed) {
    new Set([...this.counts.category.keys(), ...this.groups.keys()])
      .forEach((category) => this.setCollapsed(category, collapsed));
  }

  /** The list entry of the annotation at {@code index}, rendered now with the rest of its chunk if it was not. */
  nodeAt(index) {
    const item = this.order[index];
    if (!item) return null;
    while (!item.chunk && this.pending.length) this.place(this.pending.shift());
    // Shown from the document: its group opens so that the entry can be seen and focused.
    if (this.grouped) this.setCollapsed(String(item.annotation.category ?? ''), false);
    this.renderWhole(item.chunk);
    this.refreshPositions();
    this.refreshGroups();
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

  /**
   * One style rule hides what the filters leave out of the rendered entries; the chunks' boxes take the height of
   * what they show, from their counts. No per-item work, however long the list.
   */
  applyFilter() {
    const rules = [];
    if (this.filter.category) rules.push(`:not([data-category=${cssString(this.filter.category)}])`);
    if (this.filter.severity) rules.push(`:not([data-severity=${cssString(this.filter.severity)}])`);
    const hide = rules.map((r) => `#${this.list.id} li.ann${r} { display: none; }`);
    // Grouped, a category filter leaves only that category's group.
    if (this.filter.category) {
      hide.push(`#${this.list.id} > li.ann-group:not([data-category=${cssString(this.filter.category)}]) { display: none; }`);
    }
    if (this.sheet) this.sheet.replaceSync(hide.join('\n'));
    this.chunks.forEach((chunk) => this.showChunk(chunk));
    this.list.dataset.filtered = rules.length ? 'true' : 'false';
    this.ariaDirty = true;
    if (this.chunks.length) this.schedule(); // boxes, positions, and chunks that have something to show now
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
    // A block off screen is as tall as its size says until it is rendered: sized by its text (LINE_CHARS a line,
    // 1.7em each), not by the one-line guess in styles.css, so that a pane's first frame does not take dozens of long
    // blocks for near the view and style and lay them all out at once (2,604 elements, 83 ms CPU, in one trace).
    if (block && blockLength > LINE_CHARS) {
      block.style.containIntrinsicSize = `auto ${(Math.ceil(blockLength / LINE_CHARS) * 1.7).toFixed(1)}em`;
    }
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
