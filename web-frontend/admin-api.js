// What every section of the operator console shares: the admin token (kept only in this tab's sessionStorage,
// sent only in the Authorization header), the request helper that carries it, and the confirmation dialog.

import { requestJson } from './api.js';

const TOKEN_KEY = 'docannotator.adminToken';

/** The token remembered for this tab, or ''. */
export function storedToken() {
  try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch { return ''; }
}

/** The token typed in {@code input} (remembered for this tab), else the remembered one. */
export function adminToken(input) {
  const typed = input.value.trim();
  try {
    if (typed) sessionStorage.setItem(TOKEN_KEY, typed);
  } catch { /* session storage disabled: the token then lives only in the input */ }
  return typed || storedToken();
}

/** Forgets the remembered token. */
export function forgetToken() {
  try { sessionStorage.removeItem(TOKEN_KEY); } catch { /* nothing stored */ }
}

/**
 * requestJson with the admin token from {@code tokenInput} and, when given, the operator's name (X-Operator).
 */
export function adminRequest(path, tokenInput, { operator, headers = {}, ...options } = {}) {
  const token = adminToken(tokenInput);
  const all = { ...headers };
  if (token) all.Authorization = `Bearer ${token}`;
  if (operator) all['X-Operator'] = operator;
  return requestJson(path, { ...options, headers: all });
}

/**
 * Asks before an action that skips a safeguard or reaches everyone at once: the console's modal dialog, whose
 * confirm button names the action. Resolves to whether the operator confirmed; the safe answer has the focus.
 */
export function confirmAction(text, yesLabel) {
  const $ = (id) => document.getElementById(id);
  const dialog = $('confirm-dialog');
  $('confirm-text').textContent = text;
  $('confirm-yes').textContent = yesLabel;
  return new Promise((resolve) => {
    const done = (answer) => {
      $('confirm-yes').onclick = null;
      $('confirm-no').onclick = null;
      dialog.onclose = null;
      if (dialog.open) dialog.close();
      resolve(answer);
    };
    $('confirm-yes').onclick = () => done(true);
    $('confirm-no').onclick = () => done(false);
    dialog.onclose = () => done(false); // Escape
    dialog.showModal();
    $('confirm-no').focus(); // the safe choice is the default
  });
}
