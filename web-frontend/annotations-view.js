// Renders the annotation list and the document text with highlights that link to the list and back.
// Everything that comes from a document or a user is inserted as text nodes, never as markup.

import { has, t } from './i18n.js';

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };

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

/** A category's name in the page language; an unknown one is shown as its id with spaces. */
function categoryLabel(category) {
  const id = String(category ?? '');
  return has(`cat.${id}`) ? t(`cat.${id}`) : id.replace(/_/g, ' ');
}

function severityOf(annotation) {
  return SEVERITY_RANK[annotation.severity] ? annotation.severity : 'info';
}

/** The annotation list: one <li data-testid="annotation"> per annotation, in arrival order. */
export class AnnotationList {
  constructor(listElement, emptyElement, countElement) {
    this.list = listElement;
    this.empty = emptyElement;
    this.count = countElement;
    this.items = new Map(); // annotation id -> {annotation, index, node}
    this.highlighted = new Map();
  }

  /** Renders every item again, e.g. after the page language changed. */
  rerender() {
    for (const item of this.items.values()) {
      const node = this.render(item.annotation, item.index);
      item.node.replaceWith(node);
      item.node = node;
    }
    this.linkHighlights(this.highlighted);
  }

  clear() {
    this.items.clear();
    this.highlighted = new Map();
    this.list.replaceChildren();
    this.refreshEmpty();
  }

  has(id) {
    return this.items.has(String(id));
  }

  annotations() {
    return [...this.items.values()].map((item) => item.annotation);
  }

  /** Adds one annotation unless it is already listed (replayed events and reloads send some twice). */
  add(annotation) {
    const key = String(annotation.id);
    if (this.items.has(key)) return;
    const index = this.items.size;
    const node = this.render(annotation, index);
    this.items.set(key, { annotation, index, node });
    this.list.append(node);
    this.refreshEmpty();
  }

  render(annotation, index) {
    const severity = severityOf(annotation);
    const quote = el('blockquote', { className: 'ann-quote' }, String(annotation.quote ?? ''));
    const meta = el('div', { className: 'ann-meta' },
      el('span', { className: `badge sev-${severity}`, dataset: { severity } }, t(`severity.${severity}`)),
      el('span', { className: 'ann-category', dataset: { category: String(annotation.category ?? '') } },
        categoryLabel(annotation.category)),
      annotation.page != null ? el('span', { className: 'ann-where' }, `p. ${annotation.page}`) : null);
    const message = el('p', { className: 'ann-message' }, String(annotation.message ?? ''));
    const suggestion = annotation.suggestion
      ? el('p', { className: 'ann-suggestion' },
          el('span', { className: 'ann-suggestion-label' }, `${t('ann.suggestion')}: `),
          String(annotation.suggestion))
      : null;
    const show = el('a', { className: 'ann-show', href: '#', hidden: true }, t('ann.show'));
    return el('li', {
      className: `ann sev-${severity}`,
      id: `ann-${index}`,
      tabindex: '-1',
      'data-testid': 'annotation',
      dataset: { annotationId: String(annotation.id), severity },
    }, meta, quote, message, suggestion, show);
  }

  /** Points each entry's "show in document" link at its highlight (a Map from list index to element id). */
  linkHighlights(highlighted) {
    this.highlighted = highlighted;
    for (const item of this.items.values()) {
      const link = item.node.querySelector('.ann-show');
      const target = highlighted.get(item.index);
      link.hidden = !target;
      link.setAttribute('href', target ? `#${target}` : '#');
    }
  }

  indexOf(id) {
    return this.items.get(String(id))?.index;
  }

  refreshEmpty() {
    this.empty.hidden = this.items.size > 0;
    this.count.textContent = this.items.size ? String(this.items.size) : '';
  }
}

/**
 * Renders text with the annotated ranges as <a class="hl"> links. Overlapping ranges are split at every
 * boundary; each piece links to the most severe annotation covering it. Returns a Map from list index to
 * the element id of the first piece that shows that annotation, so every listed annotation can link back,
 * even one that shares its range with a more severe one.
 */
export function renderDocument(container, text, annotations, indexOf) {
  container.replaceChildren();
  const firstPiece = new Map();
  const ranges = annotations
    .filter((a) => Number.isInteger(a.start) && Number.isInteger(a.end) && a.start < a.end &&
        a.start >= 0 && a.end <= text.length)
    .map((a) => ({ a, index: indexOf(a.id) }))
    .filter((r) => r.index !== undefined);
  const cuts = new Set([0, text.length]);
  ranges.forEach((r) => { cuts.add(r.a.start); cuts.add(r.a.end); });
  const points = [...cuts].sort((x, y) => x - y);
  ranges.sort((x, y) => x.a.start - y.a.start);
  const fragment = document.createDocumentFragment();
  let next = 0;
  let active = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    const piece = text.slice(from, to);
    // Sweep: ranges enter at their start and leave once they end, so each piece sees only its own.
    active = active.filter((r) => r.a.end > from);
    while (next < ranges.length && ranges[next].a.start <= from) active.push(ranges[next++]);
    const covering = active.filter((r) => r.a.end >= to);
    if (covering.length === 0) {
      fragment.append(document.createTextNode(piece));
      continue;
    }
    covering.sort((x, y) => (SEVERITY_RANK[severityOf(y.a)] - SEVERITY_RANK[severityOf(x.a)]) || x.index - y.index);
    const top = covering[0];
    const id = `hl-${i}`;
    const mark = el('a', {
      className: `hl sev-${severityOf(top.a)}`,
      href: `#ann-${top.index}`,
      id,
      title: String(top.a.message ?? ''),
      dataset: { annotationIndex: String(top.index) },
    }, piece);
    covering.forEach((r) => { if (!firstPiece.has(r.index)) firstPiece.set(r.index, id); });
    fragment.append(mark);
  }
  container.append(fragment);
  return firstPiece;
}
