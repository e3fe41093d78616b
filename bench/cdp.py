"""Headless Chromium driven directly through the DevTools protocol over its WebSocket, with nothing but
the standard library (no selenium, no websocket package on the bench machines).

Unlike chromedriver's goog/cdp/execute, which talks to the page only, this client also attaches to
the page's web workers as they start (paused until set up), so network throttling reaches a search
tool that fetches in a worker (Pagefind 1.6 does): DevTools network throttling set on a page does not
apply to its workers. CPU throttling cannot reach a worker at all (see emulate); hide_workers makes
a tool that falls back to the page without workers do its work where it does.

    with Browser() as b:
        b.emulate(latency_ms=150, down_bps=1.6e6, cpu_rate=4)   # network: page and workers; CPU: page
        b.navigate("http://127.0.0.1:8080/search/")
        b.evaluate("document.title")
"""
import base64
import json
import os
import queue
import shutil
import socket
import struct
import subprocess
import tempfile
import threading
import time
import urllib.parse

BROWSER = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--ignore-certificate-errors", "--remote-debugging-port=0"]


class CdpError(Exception):
    pass


def available():
    """None when Chromium is installed, else why not."""
    return None if os.access(BROWSER, os.X_OK) else "%s missing: apt-get install -y chromium" % BROWSER


def _words(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().split()
    except FileNotFoundError:
        return []


class WebSocket:
    """The client side of RFC 6455, text frames only: what the DevTools endpoint speaks."""

    def __init__(self, url):
        u = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((u.hostname, u.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(("GET %s HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n"
                           % (u.path, u.hostname, u.port, key)).encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise CdpError("the DevTools endpoint closed during the handshake")
            head += chunk
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise CdpError("no WebSocket upgrade: %r" % head[:200])
        self.sock.settimeout(None)

    def send(self, text):
        data = text.encode("utf-8")
        mask = os.urandom(4)
        n = len(data)
        header = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else
                                  bytes([0x80 | 126]) + struct.pack(">H", n) if n < 65536 else
                                  bytes([0x80 | 127]) + struct.pack(">Q", n))
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _read(self, n):
        out = bytearray()
        while len(out) < n:
            chunk = self.sock.recv(n - len(out))
            if not chunk:
                raise EOFError
            out += chunk
        return bytes(out)

    def receive(self):
        """The next whole message's text; None when the browser closed the socket."""
        parts = []
        try:
            while True:
                b0, b1 = self._read(2)
                n = b1 & 0x7F
                if n == 126:
                    n = struct.unpack(">H", self._read(2))[0]
                elif n == 127:
                    n = struct.unpack(">Q", self._read(8))[0]
                payload = self._read(n)
                opcode = b0 & 0x0F
                if opcode == 8:
                    return None
                if opcode in (0, 1, 2):
                    parts.append(payload)
                    if b0 & 0x80:
                        return b"".join(parts).decode("utf-8")
        except (EOFError, OSError):
            return None

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class Browser:
    """One headless Chromium with a fresh profile and one page, attached with flat sessions."""

    def __init__(self, timeout=180, spki=None):
        """spki: base64 of the SHA-256 of a server certificate's public key, which Chromium then trusts
        as if a CA had signed it. Told only --ignore-certificate-errors, it connects but keeps no answer
        of that host in its HTTP cache, so a page's second request for a script (its web worker's) goes
        to the network again."""
        self.timeout = timeout
        self.spki = spki
        self.process = None
        self.profile = None
        self.ws = None
        self.next_id = 0
        self.pending = {}
        self.lock = threading.Lock()
        self.events = queue.Queue()
        self.session = None
        self.workers = set()
        self.conditions = None
        self.cpu_rate = 1
        self.hidden_workers = None

    def __enter__(self):
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()

    def _start(self):
        self.profile = tempfile.mkdtemp(prefix="broadsheet-cdp-")
        args = ARGS if not self.spki else [a for a in ARGS if a != "--ignore-certificate-errors"] + [
            "--ignore-certificate-errors-spki-list=" + self.spki]
        self.process = subprocess.Popen([BROWSER] + args + ["--user-data-dir=" + self.profile, "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.monotonic() + 30
        while len(_words(port_file)) < 2:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise CdpError("Chromium did not open its DevTools port")
            time.sleep(0.05)
        port, path = _words(port_file)[:2]
        self.ws = WebSocket("ws://127.0.0.1:%s%s" % (port, path))
        threading.Thread(target=self._reader, daemon=True).start()
        page = next(t for t in self.call("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})["sessionId"]
        self.call("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": True},
                  self.session)
        self.call("Page.enable", session=self.session)

    def _reader(self):
        while True:
            text = self.ws.receive()
            if text is None:
                with self.lock:
                    for slot in self.pending.values():
                        slot.put({"error": {"message": "browser closed"}})
                return
            message = json.loads(text)
            if "id" in message:
                with self.lock:
                    slot = self.pending.pop(message["id"], None)
                if slot is not None:
                    slot.put(message)
            elif message.get("method") == "Target.attachedToTarget":
                # set up on another thread: this one must keep reading the answers
                threading.Thread(target=self._attached, args=(message["params"],), daemon=True).start()
            elif message.get("method") == "Target.detachedFromTarget":
                self.workers.discard(message["params"].get("sessionId"))
            else:
                self.events.put(message)

    def _attached(self, params):
        # A worker waits for runIfWaitingForDebugger until it is set up: short timeouts, so that a
        # command it does not answer cannot hold it (and the query waiting on it) for long.
        session = params["sessionId"]
        try:
            if params["targetInfo"]["type"] in ("worker", "shared_worker", "service_worker"):
                self.workers.add(session)
                self._throttle(session, timeout=10)
        except CdpError:
            pass  # the worker went away, or refused the network conditions: it runs unthrottled
        finally:
            self.send("Runtime.runIfWaitingForDebugger", session=session)

    def send(self, method, params=None, session=None):
        """Sends a command; returns the queue its answer will arrive on."""
        slot = queue.Queue(1)
        with self.lock:
            self.next_id += 1
            number = self.next_id
            self.pending[number] = slot
        message = {"id": number, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        return slot

    def call(self, method, params=None, session=None, timeout=None):
        try:
            answer = self.send(method, params, session).get(timeout=timeout or self.timeout)
        except queue.Empty:
            raise CdpError("%s: no answer in %d s" % (method, timeout or self.timeout)) from None
        if "error" in answer:
            raise CdpError("%s: %s" % (method, answer["error"].get("message")))
        return answer.get("result", {})

    # ---- throttling ------------------------------------------------------------------------------------

    def emulate(self, latency_ms=0, down_bps=0, up_bps=0, cpu_rate=1):
        """DevTools network conditions (0 = none) on the page and on every worker, present and future;
        CPU slowdown on the page's main thread (Chromium refuses it on a worker: "Operation is only
        supported for pages, not workers", and a worker thread is not held back by its page's)."""
        self.conditions = None if not (latency_ms or down_bps or up_bps) else {
            "offline": False, "latency": latency_ms,
            "downloadThroughput": down_bps / 8 if down_bps else -1,
            "uploadThroughput": up_bps / 8 if up_bps else -1}
        self.cpu_rate = cpu_rate
        self._throttle(self.session)
        for session in list(self.workers):
            try:
                self._throttle(session)
            except CdpError:
                self.workers.discard(session)  # gone with the page it belonged to

    def _throttle(self, session, timeout=None):
        self.call("Network.enable", session=session, timeout=timeout)
        conditions = self.conditions or {"offline": False, "latency": 0, "downloadThroughput": -1,
                                         "uploadThroughput": -1}
        if session == self.session:
            self.call("Network.emulateNetworkConditions", conditions, session, timeout)
            self.call("Emulation.setCPUThrottlingRate", {"rate": self.cpu_rate}, session, timeout)
            return
        # a worker's Network domain takes only the rule-based form (Chromium 1xx)
        rule = dict(conditions, urlPattern="")
        del rule["offline"]
        self.call("Network.emulateNetworkConditionsByRule",
                  {"offline": False, "matchedNetworkConditions": [rule]}, session, timeout)

    def hide_workers(self, hidden):
        """Whether pages loaded from now on find no Worker constructor (a search tool then runs its
        work in the page, where the CPU slowdown reaches it)."""
        if hidden and self.hidden_workers is None:
            self.hidden_workers = self.call("Page.addScriptToEvaluateOnNewDocument",
                                            {"source": "delete window.Worker;"}, self.session)["identifier"]
        elif not hidden and self.hidden_workers is not None:
            self.call("Page.removeScriptToEvaluateOnNewDocument", {"identifier": self.hidden_workers},
                      self.session)
            self.hidden_workers = None

    def clear_cache(self):
        self.call("Network.clearBrowserCache", session=self.session)

    # ---- the page ------------------------------------------------------------------------------------

    def navigate(self, url):
        """Opens url and returns once its load event fired."""
        while not self.events.empty():
            self.events.get_nowait()
        self.call("Page.navigate", {"url": url}, self.session)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                event = self.events.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise CdpError("%s did not load in %d s" % (url, self.timeout)) from None
            if event.get("method") == "Page.loadEventFired":
                return

    def evaluate(self, expression, timeout=None):
        """The value of a JavaScript expression in the page (awaited if it is a promise)."""
        result = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True}, self.session, timeout)
        if "exceptionDetails" in result:
            d = result["exceptionDetails"]
            raise CdpError("script failed: %s" % d.get("exception", {}).get("description", d.get("text")))
        return result["result"].get("value")

    def close(self):
        if self.ws is not None:
            try:
                self.call("Browser.close", timeout=5)
            except CdpError:
                pass
            self.ws.close()
            self.ws = None
        if self.process is not None:
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
        if self.profile is not None:
            shutil.rmtree(self.profile, ignore_errors=True)
            self.profile = None
