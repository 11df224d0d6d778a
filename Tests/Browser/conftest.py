"""Fixtures for the browser tests: the site built by scripts/test-browser (NIANBAO_SITE, a
folder), served on 127.0.0.1 on a free port, and one headless Chromium for the session."""
import os

import pytest

import browser
import serve


@pytest.fixture(scope="session")
def site():
    folder = os.environ.get("NIANBAO_SITE")
    if not folder or not os.path.isdir(folder):
        pytest.fail("NIANBAO_SITE must name a built site: run scripts/test-browser")
    server, url = serve.start(folder)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def driver():
    d = browser.chromium()
    yield d
    d.quit()
