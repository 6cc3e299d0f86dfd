"""The search page in a real browser: headless Chromium driven by Selenium
(Debian's chromium, chromium-driver and python3-selenium) types a query into
the page of a furet-serve on 127.0.0.1 and reads what it rendered.

Skipped, with the reason, only where Chromium cannot start, and never in CI
($CI set). FURET_SCREENSHOT names where to keep the screenshot.
"""
import os
import struct

import pytest


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    if os.environ.get("CI"):
        raise
    pytest.skip("selenium is not installed (apt-get install python3-selenium)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    # Headless, and nothing that reaches for the network on its own.
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1100,900",
                 "--user-data-dir=" + str(tmp_path_factory.mktemp("chromium"))):
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    except Exception as error:  # no Chromium, or it cannot start here
        if os.environ.get("CI"):
            raise
        pytest.skip(f"Chromium cannot start: {error}")
    yield driver
    driver.quit()


def wait_for(browser, css):
    return WebDriverWait(browser, 20).until(
        expected_conditions.presence_of_all_elements_located((By.CSS_SELECTOR, css)))


def png_size(path):
    with open(path, "rb") as png:
        head = png.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", head[16:24])


def test_a_query_typed_in_the_page_shows_highlighted_passages(browser, served, tmp_path):
    browser.get(served.url + "/")
    box = browser.find_element(By.ID, "q")
    assert box == browser.switch_to.active_element  # the box has the focus
    box.send_keys("licence H200", Keys.ENTER)
    hits = wait_for(browser, "li.hit")
    assert len(hits) == 10
    first = hits[0]
    assert "Nvidia" in first.find_element(By.CSS_SELECTOR, "a.title").text
    marks = [mark.text for mark in first.find_elements(By.TAG_NAME, "mark")]
    assert "H200" in marks
    assert "corpus" in first.find_element(By.CSS_SELECTOR, ".meta").text  # source
    assert "Passages 1 à 10" in browser.find_element(By.ID, "status").text
    assert "q=licence+H200" in browser.current_url

    screenshot = os.environ.get("FURET_SCREENSHOT") or str(tmp_path / "page.png")
    assert browser.save_screenshot(screenshot)
    width, height = png_size(screenshot)
    assert width >= 800 and height >= 600
    assert os.path.getsize(screenshot) > 20_000  # text and marks, not a blank page

    # Keyboard: j focuses the first result, Enter opens the article at it.
    browser.find_element(By.TAG_NAME, "body").click()
    browser.switch_to.active_element.send_keys("j")
    assert browser.switch_to.active_element.text == first.find_element(
        By.CSS_SELECTOR, "a.title").text
    passage = first.find_element(By.CSS_SELECTOR, ".passage").text
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    shown = wait_for(browser, "#passage")[0]
    assert shown.text.split() == passage.split()
    assert "Nvidia" in browser.find_element(By.CSS_SELECTOR, "#view h2").text

    # Back to the results, then the next page with n.
    browser.back()
    wait_for(browser, "li.hit")
    browser.find_element(By.TAG_NAME, "body").click()
    browser.switch_to.active_element.send_keys("n")
    WebDriverWait(browser, 20).until(
        lambda b: "Passages 11 à" in b.find_element(By.ID, "status").text)


def test_filters_and_errors_show_in_the_page(browser, served):
    browser.get(served.url + "/?q=s%C3%A9curit%C3%A9&source=nowhere")
    WebDriverWait(browser, 20).until(
        lambda b: "Aucun passage" in b.find_element(By.ID, "status").text)
    assert browser.find_element(By.ID, "source").get_attribute("value") == "nowhere"
    browser.get(served.url + "/?q=s%C3%A9curit%C3%A9&since=hier")
    status = WebDriverWait(browser, 20).until(
        lambda b: b.find_element(By.CSS_SELECTOR, "#status.error"))
    assert "since" in status.text
