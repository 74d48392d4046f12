// Fetches and parses a task's annotations off the main thread: the JSON of a long review is megabytes, and
// parsing it on the page would block input for a long moment. Answers with the text and only the annotations
// the page does not already have (normally none: the stream has sent them all).

self.addEventListener('message', async (event) => {
  const { url, known, acceptLanguage } = event.data;
  try {
    const response = await fetch(url, {
      credentials: 'same-origin', cache: 'no-store',
      headers: { Accept: 'application/json', 'Accept-Language': acceptLanguage },
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      self.postMessage({ ok: false, status: response.status, error: body?.error ?? null });
      return;
    }
    const have = new Set(known);
    const annotations = Array.isArray(body?.annotations) ? body.annotations : [];
    self.postMessage({
      ok: true,
      text: typeof body?.text === 'string' ? body.text : null,
      missing: annotations.filter((a) => !have.has(String(a.id))),
    });
  } catch {
    self.postMessage({ ok: false, status: 0, error: null });
  }
});
