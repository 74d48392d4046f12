// A small Server-Sent Events parser for fetch() bodies (EventSource cannot POST or send headers).
// Follows the WHATWG event-stream rules: fields id/event/data/retry, comment lines, CR/LF/CRLF line ends.

/** Incremental parser: feed it text chunks, it calls onEvent({id, event, data}) and onRetry(ms). */
export class SseParser {
  constructor({ onEvent, onRetry = () => {}, onComment = () => {} }) {
    this.onEvent = onEvent;
    this.onRetry = onRetry;
    this.onComment = onComment;
    this.buffer = '';
    this.pendingCr = false;
    this.resetEvent();
    this.lastEventId = '';
  }

  resetEvent() {
    this.eventType = '';
    this.dataLines = [];
    this.eventId = null;
  }

  /** Feeds decoded text; complete lines are processed, a partial last line is kept. */
  push(chunk) {
    let text = chunk;
    if (this.pendingCr && text.startsWith('\n')) {
      text = text.slice(1); // the LF of a CRLF split across two chunks
    }
    this.pendingCr = false;
    this.buffer += text;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const ch = this.buffer[i];
      if (ch === '\n' || ch === '\r') {
        this.line(this.buffer.slice(start, i));
        if (ch === '\r') {
          if (i + 1 < this.buffer.length) {
            if (this.buffer[i + 1] === '\n') i++;
          } else {
            this.pendingCr = true;
          }
        }
        start = i + 1;
      }
    }
    this.buffer = this.buffer.slice(start);
  }

  line(line) {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) {
      this.onComment(line.slice(1).trim());
      return;
    }
    const colon = line.indexOf(':');
    let field = line;
    let value = '';
    if (colon >= 0) {
      field = line.slice(0, colon);
      value = line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
    }
    switch (field) {
      case 'event': this.eventType = value; break;
      case 'data': this.dataLines.push(value); break;
      case 'id':
        if (!value.includes('\0')) { this.eventId = value; this.lastEventId = value; }
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.onRetry(Number(value));
        break;
      default: break; // unknown fields are ignored, as the spec says
    }
  }

  dispatch() {
    if (this.dataLines.length === 0) {
      this.resetEvent();
      return;
    }
    const event = {
      id: this.eventId ?? this.lastEventId,
      event: this.eventType || 'message',
      data: this.dataLines.join('\n'),
    };
    this.resetEvent();
    this.onEvent(event);
  }
}

/** Bytes parsed at a time: a network chunk can be megabytes, and parsing it whole was one long main-thread task. */
const PIECE_BYTES = 32 * 1024;
/** How long the reader works before it yields to the browser. */
const SLICE_MS = 4;

/**
 * Reads a fetch Response body as an event stream until it ends. One network chunk can hold thousands of events:
 * it is parsed in pieces and its events handed on in slices of a few milliseconds, yielding to the browser in
 * between, so that no main-thread task grows long however fast the server sends.
 * Resolves when the server closes the stream; rejects when the connection fails or is aborted.
 */
export async function readEventStream(response, handlers) {
  const queue = [];
  const parser = new SseParser({ ...handlers, onEvent: (event) => queue.push(event) });
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let sliceStarted = performance.now();
  const yieldWhenDue = async () => {
    if (performance.now() - sliceStarted > SLICE_MS) {
      await new Promise((resolve) => { setTimeout(resolve, 0); });
      sliceStarted = performance.now();
    }
  };
  const deliver = async () => {
    for (let i = 0; i < queue.length; i++) {
      handlers.onEvent(queue[i]);
      if (i + 1 < queue.length) await yieldWhenDue();
    }
    queue.length = 0;
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      sliceStarted = performance.now();
      for (let offset = 0; offset < value.length; offset += PIECE_BYTES) {
        parser.push(decoder.decode(value.subarray(offset, offset + PIECE_BYTES), { stream: true }));
        await deliver();
        await yieldWhenDue();
      }
    }
    parser.push(decoder.decode());
    await deliver();
  } finally {
    reader.releaseLock();
  }
}
