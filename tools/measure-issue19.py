#!/usr/bin/env python3
"""Issue 19's figures against a `ktp serve` binary on loopback.

Usage: measure-issue19.py KTP_BINARY [item ...]   (items: callbacks trickle stalled expect longref)
Each item starts its own server on a free port with a fresh database and prints one line of figures.
"""
import http.server
import json
import os
import re
import select
import socket
import subprocess
import sys
import tempfile
import threading
import time

AUTH_BOX = {"App-ID": "box", "API-Key": "boxkey"}
AUTH_LIVE = {"App-ID": "live", "API-Key": "livekey"}


def start(binary, *extra):
    folder = tempfile.mkdtemp(prefix="ktp-i19-")
    process = subprocess.Popen(
        [binary, "serve", "--port", "0", "--database", f"{folder}/s.sqlite", "--app", "box:boxkey:sandbox",
         "--app", "live:livekey", "--workers", "1", "--allow-insecure-urls", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in process.stdout:
        found = re.search(r"127\.0\.0\.1:(\d+)", line)
        if found:
            return process, int(found.group(1))
    raise SystemExit("the server did not start")


def request(port, method, path, body=None, headers=None, timeout=120):
    """One request on a fresh connection: (status, body bytes, seconds)."""
    connection = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    payload = (body or "").encode()
    head = f"{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {len(payload)}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items()) + "\r\n"
    start = time.monotonic()
    connection.sendall(head.encode() + payload)
    answer = b""
    while True:
        chunk = connection.recv(65536)
        if not chunk:
            break
        answer += chunk
    connection.close()
    elapsed = time.monotonic() - start
    status = int(answer.split(b" ", 2)[1]) if answer else 0
    return status, answer.split(b"\r\n\r\n", 1)[-1], elapsed


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def callbacks(binary):
    """20 dead receivers (closed ports), then one healthy: how late the healthy callback arrives."""
    arrived = {}

    class Receiver(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            arrived.setdefault("at", time.monotonic())
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    process, port = start(binary)
    try:
        for n in range(20):
            body = json.dumps({"image": "KTP", "reference_id": f"dead-{n:04}",
                               "callback_url": f"http://127.0.0.1:{free_port()}/cb"})
            assert request(port, "POST", "/ktp/id/extract-async", body, AUTH_BOX)[0] == 200
        body = json.dumps({"image": "KTP", "reference_id": "healthy-0001",
                           "callback_url": f"http://127.0.0.1:{receiver.server_port}/cb"})
        submitted = time.monotonic()
        assert request(port, "POST", "/ktp/id/extract-async", body, AUTH_BOX)[0] == 200
        while "at" not in arrived and time.monotonic() - submitted < 300:
            time.sleep(0.05)
        late = arrived["at"] - submitted if "at" in arrived else None
        print(f"callbacks: healthy callback after 20 dead receivers arrived "
              f"{'%.1f s' % late if late is not None else 'not within 300 s'} after its submit")
    finally:
        process.terminate()
        receiver.shutdown()


def trickle(binary):
    """An image URL whose origin sends 45 bytes, one a second: how long the submit takes."""
    origin = socket.socket()
    origin.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    origin.bind(("127.0.0.1", 0))
    origin.listen(4)

    def serve():
        while True:
            try:
                connection, _ = origin.accept()
            except OSError:
                return
            connection.recv(65536)
            try:
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 45\r\nContent-Type: image/jpeg\r\n\r\n")
                for _ in range(45):
                    connection.sendall(b"\xff")
                    time.sleep(1)
            except OSError:
                pass
            connection.close()

    threading.Thread(target=serve, daemon=True).start()
    process, port = start(binary)
    try:
        body = json.dumps({"image": f"http://127.0.0.1:{origin.getsockname()[1]}/photo.jpg"})
        status, answer, elapsed = request(port, "POST", "/ktp/id/extract-async", body, AUTH_LIVE)
        print(f"trickle: submit with a 1 byte/s image URL answered {status} {answer.decode()} after {elapsed:.1f} s")
    finally:
        process.terminate()
        origin.close()


def stalled(binary):
    """200 uploads from 127.0.0.2 that send half a body and stall; a normal submit from 127.0.0.1."""
    process, port = start(binary)
    try:
        sockets = []
        for _ in range(200):
            s = socket.socket()
            s.bind(("127.0.0.2", 0))
            s.connect(("127.0.0.1", port))
            s.sendall(b"POST /ktp/id/extract-async HTTP/1.1\r\nHost: x\r\nApp-ID: box\r\nAPI-Key: boxkey\r\n"
                      b"Content-Length: 1000\r\n\r\n" + b"{" * 500)
            sockets.append(s)
        start_time = time.monotonic()
        time.sleep(0.5)
        latencies = []
        for n in range(5):
            body = json.dumps({"image": "KTP", "reference_id": f"normal-{n:04}"})
            latencies.append(request(port, "POST", "/ktp/id/extract-async", body, AUTH_BOX)[2] * 1000)
        closed_at = {}
        while len(closed_at) < len(sockets) and time.monotonic() - start_time < 45:
            readable, _, _ = select.select([s for s in sockets if s not in closed_at], [], [], 0.5)
            for s in readable:
                try:
                    data = s.recv(65536)
                except OSError:
                    data = b""
                if not data:
                    closed_at[s] = time.monotonic() - start_time
        times = sorted(closed_at.values())
        immediately = sum(1 for t in times if t < 1)
        print(f"stalled: normal submits answered in {', '.join('%.0f' % l for l in latencies)} ms; "
              f"of 200 stalled uploads {immediately} closed at once, {len(times) - immediately} later "
              f"(last at {times[-1] if times else 0:.1f} s), {200 - len(times)} still open after 45 s")
        for s in sockets:
            s.close()
    finally:
        process.terminate()


def expect(binary):
    """A 9 MiB Content-Length with Expect: 100-continue and no body sent: time to the answer."""
    process, port = start(binary)
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=60)
        started = time.monotonic()
        s.sendall(b"POST /ktp/id/extract-async HTTP/1.1\r\nHost: x\r\nApp-ID: live\r\nAPI-Key: livekey\r\n"
                  b"Content-Type: application/json\r\nContent-Length: 9437184\r\nExpect: 100-continue\r\n\r\n")
        answer = b""
        while b"\r\n\r\n" not in answer or (b"}" not in answer.split(b"\r\n\r\n", 1)[1]):
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
        elapsed = time.monotonic() - started
        first = answer.split(b"\r\n", 1)[0].decode()
        rest = answer.split(b"\r\n\r\n", 1)[-1].decode()
        print(f"expect: answered '{first}' body {rest} after {elapsed:.2f} s")
        s.close()
    finally:
        process.terminate()


def longref(binary):
    """A result query with a 100,000-character reference_id, and a 200 KB header: status and body."""
    process, port = start(binary)
    try:
        status, body, _ = request(port, "GET", "/ktp/id/extract-async/result?reference_id=" + "a" * 100_000,
                                  headers=AUTH_LIVE)
        print(f"longref: 100,000-character reference_id answered {status} with body {body.decode()!r}")
        status, body, _ = request(port, "GET", "/ktp/id/extract-async/result?reference_id=abcdef",
                                  headers={**AUTH_LIVE, "X-Big": "b" * 200_000})
        print(f"longref: a 200 KB header answered {status} with body {body.decode()!r}")
        status, body, _ = request(port, "GET", "/nowhere", headers=AUTH_LIVE)
        print(f"longref: an unknown path answered {status} with body {body.decode()!r}")
    finally:
        process.terminate()


if __name__ == "__main__":
    binary = sys.argv[1]
    items = sys.argv[2:] or ["longref", "expect", "stalled", "trickle", "callbacks"]
    for item in items:
        globals()[item](binary)
        sys.stdout.flush()
