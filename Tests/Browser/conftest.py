"""Fixtures of the browser suite: a scratch copy of the bundled catalog served by `versus serve --port 0`, and a
headless Chromium driven by Selenium (Debian's chromium and chromium-driver). scripts/browser-test.sh sets it up."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

REPO = Path(__file__).resolve().parents[2]
VERSUS = os.environ.get("VERSUS_BIN") or str(REPO / ".build/debug/versus")
SCREENSHOTS = Path(os.environ.get("VERSUS_SCREENSHOTS") or REPO / ".screenshots")

# A price-change report, so the copy has a changes page (the bundled catalog has none: imports write them).
CHANGES = """date: 2026-06-10
previous: 2026-05-01
pair_pages: 15
prices:
  - model: claude-haiku-4-5
    provider: anthropic
    price: input
    old: 1
    new: 0.8
    percent: -20
models_added: []
models_removed: []
routes_added: []
routes_removed: []
"""


def scratch_site() -> Path:
    """A copy of the bundled catalog and templates in a folder of its own."""
    root = Path(tempfile.mkdtemp(prefix="versus-browser-"))
    shutil.copytree(REPO / "Content", root / "Content")
    shutil.copytree(REPO / "Templates", root / "Templates")
    (root / "Content/changes").mkdir()
    (root / "Content/changes/2026-06-10.yaml").write_text(CHANGES)
    return root


class Server:
    """`versus serve --port 0` on a site folder; its output is kept (and echoed on failure)."""

    def __init__(self, root: Path):
        self.root = root
        self.lines = []
        started = time.monotonic()
        self.process = subprocess.Popen([VERSUS, "serve", "--root", str(root), "--port", "0"],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.ready = threading.Event()
        self.port = None
        threading.Thread(target=self._read, daemon=True).start()
        if not self.ready.wait(600) or self.port is None:
            self.stop()
            raise RuntimeError("versus serve did not start:\n" + "".join(self.lines))
        print(f"\nversus serve on port {self.port}: first build and start took {time.monotonic() - started:.1f} s")

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line)
            found = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
            if found:
                self.port = int(found.group(1))
                self.ready.set()
        self.ready.set()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def serving():
    """`versus serve` on a fresh copy of the catalog, stopped and removed afterwards."""
    root = scratch_site()
    srv = Server(root)
    yield srv
    srv.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def server():
    yield from serving()


def make_driver():
    options = Options()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--disable-extensions", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--metrics-recording-only",
                     "--disable-default-apps", "--window-size=1280,900", "--hide-scrollbars"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


@pytest.fixture(scope="session")
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


def set_width(driver, width, height=900):
    """The page's viewport is exactly `width` CSS pixels wide (no scroll bar takes any of it)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def set_scheme(driver, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


def drain_logs(driver):
    """(console entries, URLs requested) since the last call."""
    console = driver.get_log("browser")
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return console, urls


def foreign(urls, base):
    """The requested URLs that are not on the preview server (data: and blob: URLs stay in the page)."""
    own = urlparse(base).netloc
    return [u for u in urls if urlparse(u).scheme not in ("data", "blob", "about") and urlparse(u).netloc != own]


def wait_for(condition, timeout=30.0, every=0.02):
    """Polls `condition` until it returns something true; returns that, or None after `timeout`.

    A page that reloads itself while `condition` reads it (live reload) leaves it holding elements of the old
    document: Chromium reports that as a stale element, or as "Node with given id does not belong to the document".
    Either means "not yet": the next poll reads the new page."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = condition()
        except WebDriverException:
            result = None
        if result or time.monotonic() > deadline:
            return result
        time.sleep(every)


def screenshot(driver, name):
    """A PNG of the whole page (not only the viewport) into the screenshots folder."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = driver.execute_script("return window.innerWidth")
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 16000)")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    import base64
    (SCREENSHOTS / f"{name}.png").write_bytes(base64.b64decode(shot["data"]))
