"""A real headless Chromium for tests, driven over the Chrome DevTools Protocol.

Debian's ``chromium`` (``apt-get install chromium``), no browser download: the browser is
started with ``--remote-debugging-port=0`` and spoken to over its websocket with the
``websockets`` package's synchronous client. The page runs with the network emulated as
offline, and every request, console message and uncaught exception is recorded, so a test
can tell that a page drew its charts by itself.
"""

from __future__ import annotations

import base64
import itertools
import json
import queue
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--hide-scrollbars", "--remote-debugging-port=0",
         "--remote-allow-origins=*"]
LOCAL = ("file://", "data:", "about:", "blob:", "chrome-error:")


@dataclass
class PageLog:
    """What a page did while it loaded."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    @property
    def external(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(LOCAL)]


class Browser:
    """One headless Chromium process and one tab; use as a context manager."""

    def __init__(self, width: int = 1000, height: int = 1400, timeout: float = 60.0) -> None:
        self.width, self.height, self.timeout = width, height, timeout
        self._ids = itertools.count(1)
        self._events: list[dict[str, Any]] = []

    def __enter__(self) -> "Browser":
        from websockets.sync.client import connect

        self._profile = tempfile.mkdtemp(prefix="eventcoder-chromium-")
        self._proc = subprocess.Popen([str(CHROMIUM), *FLAGS, f"--user-data-dir={self._profile}",
                                       f"--window-size={self.width},{self.height}", "about:blank"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        url = self._devtools_url()
        try:
            self._ws = connect(url, max_size=None, open_timeout=self.timeout, proxy=None)
        except TypeError:  # websockets < 15 has no proxy option (and uses none)
            self._ws = connect(url, max_size=None, open_timeout=self.timeout)
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1,
                                                        "uploadThroughput": -1})
        self.send("Emulation.setDeviceMetricsOverride", {"width": self.width, "height": self.height,
                                                          "deviceScaleFactor": 1, "mobile": False})
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self._ws.close()
        finally:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
            shutil.rmtree(self._profile, ignore_errors=True)

    def _devtools_url(self) -> str:
        """The browser's websocket address, which Chromium prints on stderr once it listens."""
        lines: queue.Queue[str | None] = queue.Queue()

        def pump() -> None:  # a reader thread, so a silent or hung browser cannot block the test
            assert self._proc.stderr is not None
            for line in self._proc.stderr:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        deadline = time.monotonic() + self.timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                raise RuntimeError(f"chromium exited with {self._proc.wait()} before listening")
            match = re.search(r"DevTools listening on (ws://\S+)", line)
            if match:
                return match.group(1)
        raise RuntimeError(f"chromium did not start its DevTools endpoint in {self.timeout} s")

    def _call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        msg_id = next(self._ids)
        message: dict[str, Any] = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._ws.send(json.dumps(message))
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            reply = json.loads(self._ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if reply.get("id") == msg_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self._events.append(reply)
        raise TimeoutError(f"{method}: no reply in {self.timeout} s")

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """A DevTools command in the tab."""
        return self._call(method, params, self._session)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (promises awaited)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url: str, ready: str = "document.readyState === 'complete'") -> PageLog:
        """Load ``url`` and wait until the ``ready`` expression is true; what it requested and logged."""
        self._events.clear()
        self.send("Page.navigate", {"url": url})
        deadline = time.monotonic() + self.timeout
        while not self.evaluate(f"(async () => {{ try {{ return !!({ready}); }} catch (e) {{ return false; }} }})()"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url}: not ready ({ready}) in {self.timeout} s")
            time.sleep(0.2)
        time.sleep(0.5)  # late requests (fonts, images) and console messages
        self.evaluate("1")
        return self._page_log()

    def _page_log(self) -> PageLog:
        log = PageLog()
        urls: dict[str, str] = {}
        for event in self._events:
            method, params = event["method"], event.get("params", {})
            if method == "Network.requestWillBeSent":
                urls[params["requestId"]] = params["request"]["url"]
                log.requests.append(params["request"]["url"])
            elif method == "Network.loadingFailed":
                log.failed.append(f"{params.get('errorText')}: {urls.get(params.get('requestId'), '?')}")
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                log.console_errors.append(str(details.get("exception", {}).get("description") or details.get("text")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                log.console_errors.append(" ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                log.console_errors.append(f"{params['entry'].get('text')} ({params['entry'].get('url')})")
        return log

    def screenshot(self, path: Path, full_page: bool = True) -> Path:
        """A PNG of the tab (the whole page when ``full_page``)."""
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            params.update(captureBeyondViewport=True,
                          clip={"x": 0, "y": 0, "width": self.width, "height": size["height"], "scale": 1})
        data = self.send("Page.captureScreenshot", params)["data"]
        Path(path).write_bytes(base64.b64decode(data))
        return Path(path)
