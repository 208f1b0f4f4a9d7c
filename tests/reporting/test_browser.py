"""The run report and the Data Docs in a real headless Chromium, with the network switched off.

Checks that every chart and the map drew (SVG marks inside each chart), that nothing was
requested from the network and that the console stayed free of errors. Skipped where
Debian's chromium is not installed (``apt-get install -y chromium``; ``.ci/run`` tries to).
"""

from __future__ import annotations

import pytest

from tests.browser import CHROMIUM, Browser

pytestmark = pytest.mark.skipif(not CHROMIUM.is_file(),
                                reason=f"{CHROMIUM} not found: apt-get install -y chromium to run the browser tests")

DRAWN = "document.body.getAttribute('data-report') === 'drawn'"
MARKS = """Object.fromEntries([...document.querySelectorAll('.chart')].map(e =>
    [e.id, {drawn: e.getAttribute('data-drawn'), marks: e.querySelectorAll('svg g.role-mark > *').length}]))"""


@pytest.fixture(scope="module")
def browser():
    with Browser() as b:
        yield b


def test_report_draws_every_chart_and_the_map_offline(report, browser):
    log = browser.open(report.page.as_uri(), DRAWN)
    assert log.external == [] and log.failed == [], (log.external, log.failed)
    assert log.console_errors == []
    charts = browser.evaluate(MARKS)
    assert set(charts) == {"chart-per-day", "chart-roots", "chart-quad", "chart-map", "chart-pairs"}
    for chart_id, state in charts.items():
        assert state["drawn"] == "yes" and state["marks"] > 0, (chart_id, state)
    land = browser.evaluate("document.querySelectorAll('#chart-map .mark-shape.role-mark path').length")
    points = browser.evaluate("document.querySelectorAll('#chart-map .mark-symbol.role-mark path').length")
    assert land > 100, "the land outline"
    assert points == 3, "Kharkiv, Kyiv and Berlin; the row without coordinates is not on the map"
    sizes = browser.evaluate("""[...document.querySelectorAll('#chart-map .mark-symbol.role-mark path')].map(p =>
        p.getBBox().width)""")
    assert max(sizes) > 2 * min(sizes), "points are sized by fatalities (5, 2 and none)"
    box = browser.evaluate("(() => { const r = document.querySelector('#chart-map svg').getBoundingClientRect();"
                           " return [r.width, r.height]; })()")
    assert box[0] > 500 and box[1] > 300


def test_data_docs_are_styled_offline(report, browser):
    pages = sorted(p for p in report.data_docs.rglob("*.html") if "vendor" not in p.parts)
    assert len(pages) >= 3  # index, suite, validation result
    for page in pages:
        log = browser.open(page.as_uri())
        assert log.external == [] and log.failed == [], (page, log.external, log.failed)
        assert log.console_errors == [], (page, log.console_errors)
        assert any("/static/vendor/bootstrap/bootstrap.min.css" in url for url in log.requests)
        # Bootstrap's rules apply (a .btn is inline-block only with them) and the icon font loaded
        assert browser.evaluate("(() => { const b = document.createElement('a'); b.className = 'btn';"
                                " document.body.appendChild(b); return getComputedStyle(b).display; })()") \
            == "inline-block"
        assert browser.evaluate("document.fonts.load('900 16px \"Font Awesome 6 Free\"').then(f => f.length)") > 0
