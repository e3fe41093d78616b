"""Headless Chromium driven through chromedriver's W3C WebDriver HTTP API, with nothing but the
standard library (the bench machines have no selenium package and no network for pip).

    with Chromium() as browser:            # starts chromedriver and one browser session
        browser.open("http://127.0.0.1:8080/search/")
        browser.run_async("arguments[arguments.length - 1](document.title)")

Leaving the block deletes the session (which quits Chromium), stops chromedriver and removes the
temporary profile, also when the block raised.
"""
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

BROWSER = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]


class WebDriverError(Exception):
    pass


def available():
    """None when Chromium and chromedriver are installed, else why not."""
    missing = [p for p in (BROWSER, DRIVER) if not os.access(p, os.X_OK)]
    if missing:
        return "%s missing: install with `apt-get install -y chromium chromium-driver`" % ", ".join(missing)
    return None


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Chromium:
    def __init__(self, script_timeout=120):
        self.script_timeout = script_timeout
        self.driver = None
        self.session = None
        self.profile = None

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
        port = _free_port()
        self.base = "http://127.0.0.1:%d" % port
        self.driver = subprocess.Popen([DRIVER, "--port=%d" % port], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while not self._ready():
            if self.driver.poll() is not None:
                raise WebDriverError("chromedriver exited with %d" % self.driver.returncode)
            if time.monotonic() > deadline:
                raise WebDriverError("chromedriver did not answer on port %d" % port)
            time.sleep(0.05)
        self.profile = tempfile.mkdtemp(prefix="broadsheet-chromium-")
        options = {"binary": BROWSER, "args": ARGS + ["--user-data-dir=" + self.profile]}
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}}
        self.session = self._call("POST", "/session", caps)["sessionId"]
        self._call("POST", self._path("/timeouts"), {"script": self.script_timeout * 1000})

    def _ready(self):
        try:
            with urllib.request.urlopen(self.base + "/status", timeout=2) as r:
                return json.load(r)["value"].get("ready", False)
        except (OSError, ValueError, KeyError):
            return False

    def _path(self, tail):
        return "/session/%s%s" % (self.session, tail)

    def _call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json; charset=utf-8"})
        try:
            with urllib.request.urlopen(request, timeout=self.script_timeout + 30) as r:
                return json.load(r)["value"]
        except urllib.error.HTTPError as e:
            try:
                value = json.load(e)["value"]
                message = "%s: %s" % (value.get("error"), value.get("message", "").splitlines()[0])
            except (ValueError, KeyError, IndexError, AttributeError):
                message = "HTTP %d" % e.code
            raise WebDriverError("%s %s: %s" % (method, path, message)) from None

    def open(self, url):
        self._call("POST", self._path("/url"), {"url": url})

    def run_async(self, script, *args):
        """Runs script with args; its last argument is the callback whose value is returned."""
        return self._call("POST", self._path("/execute/async"), {"script": script, "args": list(args)})

    def close(self):
        if self.session is not None:
            try:
                self._call("DELETE", self._path(""))
            except (OSError, WebDriverError):
                pass  # chromedriver going away below takes the browser with it
            self.session = None
        if self.driver is not None:
            self.driver.terminate()
            try:
                self.driver.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.driver.kill()
                self.driver.wait()
            self.driver = None
        if self.profile is not None:
            shutil.rmtree(self.profile, ignore_errors=True)
            self.profile = None
