#!/usr/bin/env python3
"""/healthz latency while idle and slow clients hold connections (issue 15 item 2).

Usage: bench/http/slow_clients.py PORT [IDLE] [TRICKLE] [SECONDS] [SOURCE]
  IDLE     connections that connect and send nothing (default 200), re-opened when closed
  TRICKLE  connections sending one request-header byte per second (default 100), re-opened
  SECONDS  how long to measure (default 20); /healthz is asked every 0.2 s with a 15 s timeout
  SOURCE   "one": every client from 127.0.0.1 (default); "spread": attackers from
           127.0.1.x / 127.0.2.x (one address each), /healthz from 127.0.0.1
Prints median / p95 / max latency in ms and how many /healthz requests failed or timed out.
"""
import socket
import statistics
import sys
import threading
import time

port = int(sys.argv[1])
n_idle = int(sys.argv[2]) if len(sys.argv) > 2 else 200
n_trickle = int(sys.argv[3]) if len(sys.argv) > 3 else 100
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 20
spread = len(sys.argv) > 5 and sys.argv[5] == "spread"
stop = False


def connect(src):
    s = socket.socket()
    s.bind((src, 0))
    s.settimeout(5)
    s.connect(("127.0.0.1", port))
    s.setblocking(False)
    return s


def source(kind, i):
    return f"127.0.{kind}.{i % 250 + 1}" if spread else "127.0.0.1"


def attackers(kind, n, trickle):
    head = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: "
    socks = [None] * n
    sent = [0] * n
    while not stop:
        for i in range(n):
            try:
                if socks[i] is None:
                    socks[i], sent[i] = connect(source(kind, i)), 0
                if trickle:
                    socks[i].send(head[sent[i]:sent[i] + 1] if sent[i] < len(head) else b"a")
                    sent[i] += 1
                elif socks[i].recv(4096, socket.MSG_DONTWAIT) == b"":
                    raise OSError("closed")
            except BlockingIOError:
                pass
            except OSError:
                if socks[i] is not None:
                    socks[i].close()
                socks[i] = None
        time.sleep(1)
    for s in socks:
        if s is not None:
            s.close()


def healthz():
    t0 = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=15) as s:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            data = s.recv(4096)
        ok = data.startswith(b"HTTP/1.1 200")
    except OSError:
        ok = False
    return ok, (time.monotonic() - t0) * 1000


threads = [threading.Thread(target=attackers, args=(1, n_idle, False)),
           threading.Thread(target=attackers, args=(2, n_trickle, True))]
for t in threads:
    t.start()
time.sleep(3)  # let the attackers connect
lat, failed = [], 0
end = time.monotonic() + seconds
while time.monotonic() < end:
    ok, ms = healthz()
    lat.append(ms)
    failed += not ok
    time.sleep(0.2)
stop = True
for t in threads:
    t.join()
lat.sort()
print(f"idle={n_idle} trickle={n_trickle} source={'spread' if spread else 'one'} "
      f"healthz n={len(lat)} failed={failed} median={statistics.median(lat):.1f}ms "
      f"p95={lat[int(len(lat) * 0.95) - 1]:.1f}ms max={lat[-1]:.1f}ms")
