#!/usr/bin/env python3
"""The longest main-thread tasks of the review page in a trace written by a browser test run with
-Dbrowser.trace=FILE, by CPU time (a loaded machine stretches wall time several-fold, CPU time much less), each with
where its CPU time went (script, style, layout, paint, layerize, garbage collection).

    python3 src/bench/scripts/trace_tasks.py FILE [HOW_MANY]
"""
import collections
import json
import sys

TOP = {'ThreadControllerImpl::RunTask', 'RunTask'}


def main(path, how_many=10):
    events = []
    with open(path) as lines:
        for line in lines:
            message = json.loads(line).get('message', {})
            if message.get('method') == 'Tracing.dataCollected':
                events.append(message['params'])
    # The page's renderer: the one that runs annotations-view.js.
    pid = next(e['pid'] for e in events if e.get('name') == 'FunctionCall'
               and 'annotations-view' in str(e.get('args', {}).get('data', {}).get('url', '')))
    timed = sorted((e for e in events if e.get('pid') == pid and e.get('tid') == pid and e.get('ph') == 'X'),
                   key=lambda e: (e['ts'], -e.get('dur', 0)))
    tasks, end = [], -1
    for event in timed:
        if event['name'] in TOP and event['ts'] >= end:
            tasks.append(event)
            end = event['ts'] + event.get('dur', 0)
    start = tasks[0]['ts']
    cpu = [t.get('tdur', 0) / 1000 for t in tasks]
    print(f'{len(tasks)} tasks; over 50 / 30 / 20 ms of CPU: {sum(c > 50 for c in cpu)} / {sum(c > 30 for c in cpu)}'
          f' / {sum(c > 20 for c in cpu)}')
    for task in sorted(tasks, key=lambda t: -t.get('tdur', 0))[:how_many]:
        inside = [e for e in timed if e is not task and task['ts'] <= e['ts'] < task['ts'] + task['dur']
                  and e['name'] not in TOP]
        by_name = collections.defaultdict(float)
        for event in inside:
            by_name[event['name']] += event.get('tdur', 0) / 1000
        scripts = sorted({f"{str(d.get('url', '')).split('/')[-1]}:{d.get('functionName') or '?'}"
                          for e in inside if e['name'] == 'FunctionCall' for d in [e['args'].get('data', {})]})
        print(f"+{(task['ts'] - start) / 1e6:.3f} s: {task['dur'] / 1000:.1f} ms wall, {task.get('tdur', 0) / 1000:.1f}"
              f" ms CPU: " + ', '.join(f'{n} {v:.1f}' for n, v in sorted(by_name.items(), key=lambda kv: -kv[1])[:6])
              + (f"; scripts {', '.join(scripts[:4])}" if scripts else ''))


if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10)
