#!/usr/bin/env python3
"""/health latency while N multipart uploads trickle one byte a second (issue 11, item 4).

Usage: slow_uploads.py PORT [N=1000] [SECONDS=60]
Opens N connections to 127.0.0.1:PORT, each a POST /api/documents whose body then arrives one byte a second,
and meanwhile probes GET /health (and /ready) on fresh connections every 100 ms. Prints p50/p99/max and the
number of probes that failed or took over 5 s. Start the server with ANNOTATOR_BODY_RATE_GRACE_SECONDS above
SECONDS so the uploads stay open for the whole measurement (the worst case: a client just above the minimum rate).
"""
import http.client
import socket
import sys
import threading
import time

port = int(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 60
boundary = "slowslowslow"
socks = []
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    head = ("POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nX-User-Id: slow-user-%010d\r\n"
            "Content-Type: multipart/form-data; boundary=%s\r\nContent-Length: 100000\r\n\r\n"
            "--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n") % (port, i, boundary, boundary)
    s.sendall(head.encode())
    socks.append(s)
print("opened", len(socks), "slow uploads", flush=True)
stop = threading.Event()
closed = [0]


def trickle():
    while not stop.is_set():
        for s in list(socks):
            try:
                s.send(b"a")
            except OSError:
                socks.remove(s)
                closed[0] += 1
        stop.wait(1)


threading.Thread(target=trickle, daemon=True).start()


def probe(path):
    t0 = time.perf_counter()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        c.request("GET", path)
        r = c.getresponse()
        r.read()
        return (time.perf_counter() - t0) * 1000 if r.status == 200 else None
    except OSError:
        return None
    finally:
        c.close()


results = {"/health": [], "/ready": []}
failed = {"/health": 0, "/ready": 0}
time.sleep(2)  # let the server take every connection's head
end = time.time() + seconds
while time.time() < end:
    for path in results:
        ms = probe(path)
        if ms is None:
            failed[path] += 1
        else:
            results[path].append(ms)
    time.sleep(0.1)
stop.set()
for path, values in results.items():
    v = sorted(values)
    if not v:
        print(path, "no answer at all;", failed[path], "failed")
        continue
    pct = lambda p: v[min(len(v) - 1, int(p / 100 * len(v)))]
    print("%s n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms failed=%d; uploads still open: %d of %d"
          % (path, len(v), pct(50), pct(99), v[-1], failed[path], len(socks), n))
