#!/usr/bin/env python3
"""The amplification input of issue 11 against a real server process: an 18 MB text of one repeated word.

Starts `java -jar target/doc-annotator.jar serve` with the given heap (and isolation), uploads the text, runs one
task with "find repeated words" to its end, and prints the outcome, the largest heap after a collection (from
-Xlog:gc), the peak RSS of the server and of its worker processes (polled from /proc every 200 ms), the database
size and the result size. Loopback only.

    python3 src/bench/scripts/amplification.py --heap 256 --isolation none
    python3 src/bench/scripts/amplification.py --heap 256 --isolation process --worker-heap 512
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid):
    """The processes whose parent is pid (the worker JVMs are started from other threads than the main one)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return found


def multipart(name, data):
    boundary = uuid.uuid4().hex
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode()
    return boundary, head + data + f"\r\n--{boundary}--\r\n".encode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--heap", type=int, default=256, help="server -Xmx in MB")
    ap.add_argument("--isolation", default="none", choices=["none", "process"])
    ap.add_argument("--worker-heap", type=int, default=512)
    ap.add_argument("--words", type=int, default=3_600_000)
    ap.add_argument("--task-time-limit", type=int, default=600, help="seconds (process isolation)")
    ap.add_argument("--java", default="java")
    args = ap.parse_args()

    data_dir = tempfile.mkdtemp(prefix="amplification-")
    gc_log = os.path.join(data_dir, "gc.log")
    port = free_port()
    cmd = [args.java, f"-Xmx{args.heap}m", "-XX:+ExitOnOutOfMemoryError", f"-Xlog:gc:file={gc_log}",
           "-jar", "target/doc-annotator.jar", "serve", f"--port={port}", f"--data-dir={data_dir}",
           f"--isolation={args.isolation}", "--workers=1", f"--worker-heap={args.worker_heap}",
           f"--task-time-limit-seconds={args.task_time_limit}"]
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=open(os.path.join(data_dir, "server.log"), "w"))
    peak = {"server": 0, "workers": 0}
    done = threading.Event()

    def poll():
        while not done.is_set():
            peak["server"] = max(peak["server"], rss_kib(server.pid))
            peak["workers"] = max([peak["workers"]] + [rss_kib(c) for c in children(server.pid)])
            time.sleep(0.2)

    threading.Thread(target=poll, daemon=True).start()
    base = f"http://127.0.0.1:{port}"
    user = {"X-User-Id": "amplification-bench-user"}
    try:
        deadline = time.time() + 180
        while True:
            try:
                with urllib.request.urlopen(base + "/ready", timeout=2) as r:
                    if r.status == 200:
                        break
            except Exception:
                if server.poll() is not None or time.time() > deadline:
                    raise SystemExit("the server did not become ready")
                time.sleep(0.5)
        boundary, body = multipart("repeated.txt", b"word " * args.words)
        req = urllib.request.Request(base + "/api/documents", data=body, method="POST",
                                     headers={**user, "Content-Type": f"multipart/form-data; boundary={boundary}"})
        with urllib.request.urlopen(req, timeout=120) as r:
            doc = json.load(r)["document_id"]
        started = time.time()
        req = urllib.request.Request(base + "/api/chat/stream", method="POST",
                                     data=json.dumps({"message": "find repeated words", "document_id": doc}).encode(),
                                     headers={**user, "Content-Type": "application/json"})
        last, task_id, findings = None, None, 0
        with urllib.request.urlopen(req, timeout=3600) as r:
            for raw in r:
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    last = line[7:]
                elif line.startswith("data: "):
                    event = json.loads(line[6:])
                    task_id = event.get("task_id", task_id)
                    if last == "annotation":
                        findings += 1
                    if last in ("result", "error", "cancelled", "shutdown"):
                        outcome = event
                        break
            else:
                outcome = {"type": "stream ended without a terminal event"}
        wall = time.time() - started
        result_size = None
        if outcome.get("type") == "result":
            with urllib.request.urlopen(urllib.request.Request(
                    base + f"/api/tasks/{task_id}/result", headers=user), timeout=600) as r:
                result_size = len(r.read())
    finally:
        done.set()
        alive = server.poll() is None
        if alive:
            server.send_signal(signal.SIGTERM)
            server.wait(60)
    heaps = [int(m.group(2)) for m in re.finditer(r"(\d+)M->(\d+)M", open(gc_log).read())] if os.path.exists(gc_log) else []
    db = sum(os.path.getsize(os.path.join(data_dir, f)) for f in os.listdir(data_dir) if f.startswith("annotator.db"))
    print(json.dumps({
        "server_heap_mb": args.heap, "isolation": args.isolation, "worker_heap_mb": args.worker_heap,
        "outcome": outcome.get("type"), "error": outcome.get("code"), "annotation_count": outcome.get("annotation_count"),
        "annotation_events": findings, "server_alive_at_end": alive, "wall_seconds": round(wall, 1),
        "largest_heap_after_gc_mb": max(heaps) if heaps else None,
        "peak_rss_server_mb": peak["server"] // 1024, "peak_rss_worker_mb": peak["workers"] // 1024,
        "database_mb": round(db / 1e6, 1), "result_mb": round(result_size / 1e6, 1) if result_size else None,
    }, indent=1))
    shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
