// One task's event stream as the page follows it: reads what the opening request answers and re-attaches
// with Last-Event-ID (and ?last_event_id=, for proxies that drop the header) whenever the connection drops
// before a terminal event, waiting the server's retry interval, a little longer after each failure.

import { ApiError, request } from './api.js';
import { readEventStream } from './sse.js';
import { t } from './i18n.js';

const TERMINAL = new Set(['result', 'cancelled', 'error', 'shutdown']);

/** Follows one task; events reach onEvent(data, seq) with data parsed from the event's JSON. */
export class TaskStream {
  constructor(taskId, { lastSeq = 0, onEvent, onReconnecting = () => {}, maxAttempts = 30 }) {
    this.taskId = taskId;
    this.lastSeq = lastSeq;
    this.onEvent = onEvent;
    this.onReconnecting = onReconnecting;
    this.maxAttempts = maxAttempts;
    this.retryMs = 2000;
    this.attempts = 0;
    this.ended = false;
    this.active = true;
  }

  /**
   * Stops delivering events and re-attaching. The connection is left to finish by itself: the server
   * cancels a task whose client went away, and looking at another task must not cancel this one.
   */
  stop() {
    this.active = false;
  }

  /**
   * Runs until a terminal event or stop(). open() makes the first request (null: re-attach from lastSeq).
   * Rejects with an ApiError carrying the server's message when the server refuses; the error's
   * beforeStream is true when the very first request was refused, so nothing of the task was seen.
   */
  async run(open) {
    let response = null;
    let lostBeforeAnswer = null;
    try {
      response = await (open ? open() : this.reattach());
    } catch (err) {
      if (!this.active) return;
      // A connection lost before the answer may still have started the task (its id is ours): look for it.
      if (!(err instanceof ApiError && err.status === 0 && this.taskId)) {
        err.beforeStream = true;
        throw err;
      }
      lostBeforeAnswer = err;
    }
    for (;;) {
      if (response) {
        try {
          await readEventStream(response, {
            onEvent: (event) => this.deliver(event),
            onRetry: (ms) => { this.retryMs = Math.min(Math.max(ms, 250), 30000); },
          });
        } catch { /* dropped connection: re-attach below */ }
        response = null;
      }
      if (!this.active || this.ended) return;
      if (++this.attempts > this.maxAttempts) {
        this.onReconnecting(false);
        throw new ApiError(0, 'stream_lost', t('task.lost'));
      }
      this.onReconnecting(true);
      await delay(this.retryMs * Math.min(this.attempts, 5));
      if (!this.active) return;
      try {
        response = await this.reattach();
      } catch (err) {
        if (!this.active) return;
        if (err instanceof ApiError && err.status !== 0 && err.status < 500) {
          this.onReconnecting(false);
          if (lostBeforeAnswer && err.status === 404) {
            lostBeforeAnswer.beforeStream = true; // the task never started: report the lost connection
            throw lostBeforeAnswer;
          }
          throw err;
        }
      }
    }
  }

  reattach() {
    return request(`/api/tasks/${encodeURIComponent(this.taskId)}/events?last_event_id=${this.lastSeq}`, {
      headers: { Accept: 'text/event-stream', 'Last-Event-ID': String(this.lastSeq) },
    });
  }

  deliver(sse) {
    if (!this.active) return;
    const seq = Number(sse.id);
    if (Number.isInteger(seq) && seq > 0) this.lastSeq = seq;
    if (this.attempts > 0) {
      this.attempts = 0;
      this.onReconnecting(false);
    }
    let data;
    try {
      data = JSON.parse(sse.data);
    } catch {
      return; // not an event of this API
    }
    // A replay runs through every run of the task: a terminal event is final only if no new run follows it.
    if (data.type === 'task') this.ended = false;
    if (TERMINAL.has(data.type || sse.event)) this.ended = true;
    this.onEvent(data, this.lastSeq);
  }
}

function delay(ms) {
  return new Promise((resolve) => { setTimeout(resolve, ms); });
}
