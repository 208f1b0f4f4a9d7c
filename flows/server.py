"""Start and stop a real Prefect server (``prefect server start``) as a child process.

Scheduled deployments need a real server: the ephemeral API that ``eventcoder run`` uses
lives only as long as one flow run. The server binds to a loopback address, keeps its
SQLite database under ``PREFECT_HOME`` (the project's ``.state/prefect`` by default) and
uses PostgreSQL instead when ``PREFECT_API_DATABASE_CONNECTION_URL`` is set, e.g.
``postgresql+asyncpg://user:pass@db:5432/prefect``. No Prefect import here: the server is
a subprocess, so this works before Prefect's settings are loaded.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from coding.errors import ErrorCode, EventCoderError

PID_FILE = "eventcoder-server.pid"
LOG_FILE = "eventcoder-server.log"


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on ``host`` right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def healthy(api_url: str, timeout: float = 2.0) -> bool:
    """True when the server at ``api_url`` (ending in /api) answers its health check."""
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


@dataclass
class PrefectServer:
    """A running ``prefect server start`` child process and its API address."""

    process: subprocess.Popen
    api_url: str
    home: Path
    log_path: Path

    def stop(self, timeout: float = 20.0) -> None:
        """Stop the server (its whole process group) and wait for it to exit."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=timeout)
            except ProcessLookupError:
                pass
        (self.home / PID_FILE).unlink(missing_ok=True)

    def wait(self, timeout: float = 120.0) -> "PrefectServer":
        """Block until the API answers; stop the server and raise E411 if it exits or times out."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                raise EventCoderError(ErrorCode.E411_SERVER_START, f"prefect server exited with code "
                                      f"{self.process.returncode}; log:\n{_tail(self.log_path)}")
            if healthy(self.api_url):
                return self
            time.sleep(0.25)
        self.stop()
        raise EventCoderError(ErrorCode.E411_SERVER_START, f"prefect server did not answer on {self.api_url} "
                              f"within {timeout:.0f} s; log:\n{_tail(self.log_path)}")

    def __enter__(self) -> "PrefectServer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def server_env(home: Path, api_url: str, ui: bool) -> dict[str, str]:
    env = dict(os.environ)
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_UI_ENABLED="true" if ui else "false", PREFECT_API_URL=api_url)
    return env


def launch_server(home: str | Path, host: str = "127.0.0.1", port: int | None = None,
                  ui: bool = True, services: bool = True) -> PrefectServer:
    """Start ``prefect server start`` on ``host:port`` and return at once (see :meth:`PrefectServer.wait`).

    ``services=False`` runs the API alone (no scheduler and other loop services): enough for
    one ``eventcoder run``, lighter to start.
    """
    home = Path(home).expanduser().resolve()
    home.mkdir(parents=True, exist_ok=True)  # Prefect creates its home without parents
    port = port or free_port(host)
    api_url = f"http://{host}:{port}/api"
    if healthy(api_url, timeout=1.0):
        raise EventCoderError(ErrorCode.E411_SERVER_START, f"port {port} already serves a Prefect API; "
                              f"pass --port or use it with --api-url {api_url}")
    log_path = home / LOG_FILE
    cmd = [sys.executable, "-m", "prefect", "server", "start", "--host", host, "--port", str(port)]
    if not services:
        cmd.append("--no-services")
    log = open(log_path, "ab")  # noqa: SIM115 - handed to the child, closed below
    try:
        process = subprocess.Popen(
            cmd, env=server_env(home, api_url, ui), stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as a whole, not by our Ctrl-C
        )
    finally:
        log.close()
    (home / PID_FILE).write_text(str(process.pid), encoding="utf-8")
    return PrefectServer(process, api_url, home, log_path)


def start_server(home: str | Path, host: str = "127.0.0.1", port: int | None = None,
                 ui: bool = True, timeout: float = 120.0, services: bool = True) -> PrefectServer:
    """Start ``prefect server start`` on ``host:port`` and wait until it is healthy (E411 otherwise)."""
    return launch_server(home, host, port, ui, services).wait(timeout)


def configured_api_url() -> str | None:
    """PREFECT_API_URL from the environment or the active Prefect profile, without importing Prefect."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    home = Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser()
    path = Path(os.environ.get("PREFECT_PROFILES_PATH") or home / "profiles.toml").expanduser()
    try:
        import tomllib

        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    active = os.environ.get("PREFECT_PROFILE") or data.get("active", "ephemeral")
    return (data.get("profiles", {}).get(active, {}) or {}).get("PREFECT_API_URL") or None


def _tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"
