// fetch() wrappers: same-origin credentials (the server's uid cookie), Accept-Language from the page's
// language, and the API's JSON error body turned into an ApiError carrying the server's own message.

import { acceptLanguage, t } from './i18n.js';

/** An error answered by the server ({"error": {"code", "message"}}) or a failed connection (status 0). */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Performs a request; resolves to the Response when it is 2xx, else throws ApiError with the server's message. */
export async function request(path, { method = 'GET', headers = {}, body, signal } = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      body,
      signal,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'Accept-Language': acceptLanguage(), ...headers },
    });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', t('error.network'));
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

/** Performs a request and parses its JSON answer. */
export async function requestJson(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await request(path, { ...options, headers, body });
  if (response.status === 204) return null;
  return response.json();
}

async function errorOf(response) {
  let code = 'http_' + response.status;
  let message = t('error.unexpected', { status: response.status });
  try {
    const body = await response.json();
    if (body && body.error && typeof body.error.message === 'string') {
      code = body.error.code || code;
      message = body.error.message;
    }
  } catch { /* not a JSON error body: keep the generic sentence */ }
  return new ApiError(response.status, code, message);
}

/**
 * Uploads a form with XMLHttpRequest, the one browser API that reports upload progress; onProgress(loaded, total)
 * is called as the bytes leave. Resolves to the parsed JSON answer; rejects with ApiError like request().
 * abort() on the returned handle stops the upload (the promise then rejects with an AbortError).
 */
export function uploadForm(path, form, onProgress = () => {}) {
  const xhr = new XMLHttpRequest();
  const promise = new Promise((resolve, reject) => {
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', acceptLanguage());
    xhr.upload.addEventListener('progress', (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0));
    xhr.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body);
        return;
      }
      const error = body && body.error && typeof body.error.message === 'string' ? body.error : null;
      reject(new ApiError(xhr.status, error?.code || `http_${xhr.status}`,
        error ? error.message : t('error.unexpected', { status: xhr.status })));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network', t('error.network'))));
    xhr.addEventListener('abort', () => reject(new DOMException('The upload was stopped.', 'AbortError')));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
