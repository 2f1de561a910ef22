"""axe-core (WCAG 2.1 A and AA) on every page of the sample site, in both languages:
no critical and no serious violation. axe-core comes bundled with axe-playwright-python
(the test extra); the browser is Debian's chromium."""

from __future__ import annotations

import pytest
from browser import browser, page_urls, sample_site, serve

RULES = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
BLOCKING = ("critical", "serious")


def test_every_page_passes_axe(sample_project):
    pytest.importorskip("axe_playwright_python")
    from axe_playwright_python.sync_playwright import Axe

    site = sample_site(sample_project)
    urls = page_urls(site)
    assert len(urls) >= 60 and "/en/" in urls and "/404.html" in urls
    axe = Axe()
    problems: list[str] = []
    with serve(site) as base, browser() as instance:
        page = instance.new_page(viewport={"width": 1366, "height": 900})
        for url in urls:
            page.goto(base + url, wait_until="load")
            page.evaluate("document.fonts.ready")
            results = axe.run(page, options=RULES).response
            for violation in results["violations"]:
                if violation["impact"] in BLOCKING:
                    targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
                    problems.append(
                        f"{url}: {violation['id']} ({violation['impact']}, "
                        f"{len(violation['nodes'])}×): {targets}"
                    )
        page.close()
    assert problems == [], "\n".join(problems)
