"""`timeline serve`: a live preview on 127.0.0.1 that rebuilds on change and stops on Ctrl-C."""

import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from test_site import ENTRIES, write_entries

TIMELINE = str(Path(sys.executable).parent / "timeline")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_serve_rebuilds_on_change_and_stops_cleanly_on_ctrl_c(project):
    folder = write_entries(project, ENTRIES)
    port = free_port()
    server = subprocess.Popen([TIMELINE, "serve", "--port", str(port)], cwd=project,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}/timeline/demo/"
        assert "Peskov demands Europe" in wait_for(lambda: fetch(url))
        entry = folder / "2021-11-18-peskov.md"
        entry.write_text(entry.read_text().replace("Peskov demands Europe", "Peskov asks Europe"))
        wait_for(lambda: "Peskov asks Europe" in fetch(url))
        server.send_signal(signal.SIGINT)
        stdout, stderr = server.communicate(timeout=15)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert server.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert "stopped" in stdout
