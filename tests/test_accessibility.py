"""axe-core (WCAG 2.1 A and AA) on every page of the sample site, in both languages:
no critical and no serious violation. axe-core comes bundled with axe-playwright-python
(the test extra); the browser is Debian's chromium."""

from __future__ import annotations

import asyncio

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS, page_urls, require_browser, sample_site, serve

RULES = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
BLOCKING = ("critical", "serious")
# Pages checked at the same time: the machine's two cores keep two tabs busy.
TABS = 2


async def _violations(base: str, urls: list[str]) -> list[str]:
    from axe_playwright_python.async_playwright import Axe
    from playwright.async_api import async_playwright

    axe = Axe()
    problems: list[str] = []
    queue: asyncio.Queue[str] = asyncio.Queue()
    for url in urls:
        queue.put_nowait(url)
    async with async_playwright() as playwright:
        instance = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )

        async def tab() -> None:
            page = await instance.new_page(viewport={"width": 1366, "height": 900})
            while not queue.empty():
                url = queue.get_nowait()
                await page.goto(base + url, wait_until="load")
                await page.evaluate("document.fonts.ready")
                results = (await axe.run(page, options=RULES)).response
                for violation in results["violations"]:
                    if violation["impact"] in BLOCKING:
                        targets = ", ".join(
                            " ".join(node["target"]) for node in violation["nodes"][:3]
                        )
                        problems.append(
                            f"{url}: {violation['id']} ({violation['impact']}, "
                            f"{len(violation['nodes'])}×): {targets}"
                        )
            await page.close()

        try:
            await asyncio.gather(*(tab() for _ in range(TABS)))
        finally:
            await instance.close()
    return sorted(problems)


def test_every_page_passes_axe(sample_project):
    pytest.importorskip("axe_playwright_python")
    require_browser()
    site = sample_site(sample_project)
    urls = page_urls(site)
    assert len(urls) >= 60 and "/en/" in urls and "/404.html" in urls
    with serve(site) as base:
        problems = asyncio.run(_violations(base, urls))
    assert problems == [], "\n".join(problems)
