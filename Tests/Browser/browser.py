"""The browser-test harness: headless Debian Chromium driven by selenium, and a helper to run
a search on a served site and read what the page shows. Shared by test_*.py and by
scripts/search-bench (which also reads the network log to count the bytes of a query)."""
import os
import shutil

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait


def chromium(network_log=False):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,900",
                "--disable-extensions", "--no-first-run", "--lang=zh-CN"):
        options.add_argument(arg)
    if network_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER", shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(60)
    return driver


def wait_for_search(driver, after=None, timeout=30):
    """Waits until the search page has drawn everything for its latest query (`data-done` on
    the status line), and returns that run's number; `after` is the number seen before an
    action that starts a new run."""
    def settled(d):
        done = d.find_element("id", "search-status").get_attribute("data-done")
        return done if done and done != after else False
    return WebDriverWait(driver, timeout).until(settled)


def results(driver):
    """The result list as shown: (title, chain line, snippet or "", marked texts) per item."""
    return driver.execute_script("""
        return Array.from(document.querySelectorAll('#search-results > li')).map(function (li) {
          var a = li.querySelector('a'), chain = li.querySelector('.chain'), s = li.querySelector('.snippet');
          return {title: a ? a.textContent : '', href: a ? a.getAttribute('href') : '', chain: chain ? chain.textContent : '',
                  snippet: s ? s.textContent : '', marks: Array.from(li.querySelectorAll('mark')).map(function (m) { return m.textContent; })};
        });""")
