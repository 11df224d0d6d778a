"""Search in a real browser, on the five seed reports of content/ (built by
scripts/test-browser). Expected lists are read from the seeds: 依申请公开 and 行政复议 occur in
all five, 低保 and 掌政 only in 000 (兴庆区掌政镇, 2020); results come newest year first, and
within a year in folder order (heilongjiangsheng/… before ningxiahuizuzizhiqu/…)."""
import os
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser import results, wait_for_search

CHENGGUAN = "隆德县城关镇 2023年政府信息公开工作年度报告"
WANGGANG = "王岗镇人民政府 2020 年度政府信息公开工作年度报告"
ZHANGZHENG = "兴庆区掌政镇 2020 年政府信息公开工作年度报告"
XINGJING = "银川市西夏区兴泾镇人民政府 2020年政府信息公开工作年度报告"
XIGANG = "贺兰县习岗镇 2016 年政府信息公开工作 年度报告"
ALL = [CHENGGUAN, WANGGANG, ZHANGZHENG, XINGJING, XIGANG]


@pytest.fixture(scope="module", params=["NIANBAO_SITE", "NIANBAO_DELTA_SITE"])
def site(request):
    """Every test twice: on the index made whole, and on the same reports read through a delta
    segment (scripts/test-browser: two of them taken out of the main shards and put in the
    delta), which must give the same lists in the same order."""
    import serve
    folder = os.environ.get(request.param)
    if not folder or not os.path.isdir(folder):
        pytest.fail(request.param + " must name a built site: run scripts/test-browser")
    server, url = serve.start(folder)
    yield url
    server.shutdown()


def search(driver, site, query, **params):
    params = dict(q=query, **params)
    driver.get(site + "search/?" + urllib.parse.urlencode(params))
    wait_for_search(driver)
    return results(driver)


def status(driver):
    return driver.find_element(By.ID, "search-status").text


def titles(items):
    return [i["title"] for i in items]


def test_town_name_finds_its_report_with_chain(driver, site):
    items = search(driver, site, "掌政镇")
    assert titles(items) == [ZHANGZHENG]
    assert items[0]["chain"] == "宁夏回族自治区 › 银川市 › 兴庆区 › 掌政镇（640104100000） · 兴庆区掌政镇人民政府 · 2020 年"
    assert items[0]["href"] == "../ningxiahuizuzizhiqu/yinchuanshi/xingqingqu/zhangzhengzhen/2020/"
    assert status(driver) == "找到 1 份报告。"


def test_pinyin_full_spaced_and_initials(driver, site):
    for query in ["zhangzheng", "zhang zheng", "ZhangZhengZhen", "zzz"]:
        items = search(driver, site, query)
        assert titles(items) == [ZHANGZHENG], query
        # Found by its name's pinyin: no snippet marks the same letters inside its e-mail
        # address (yxsxqqzzz@163.com), which is not why it was found.
        assert items[0]["snippet"] == "" and items[0]["marks"] == [], query
    assert titles(search(driver, site, "xigang")) == [XIGANG]
    assert titles(search(driver, site, "longde")) == [CHENGGUAN]


def test_letter_words_of_the_text_and_spaced_pinyin(driver, site):
    # Letter keys have key files of their own (search/k/a<b>.bin). The ASCII words of the texts:
    # 000 prints www.xqq.gov.cn and yxsxqqzzz@163.com, 004 www.ycxixia.gov.cn and
    # xingjingzhen@126.com (兴泾镇); no other report has a letter.
    assert titles(search(driver, site, "gov")) == [ZHANGZHENG, XINGJING]
    assert titles(search(driver, site, "http 163")) == [ZHANGZHENG, XINGJING]
    assert titles(search(driver, site, "gov xqq")) == [ZHANGZHENG]
    assert titles(search(driver, site, "zhen gov")) == [XINGJING]
    # Spaced syllables: the joined pinyin of a name, or each syllable in the text, or both.
    assert titles(search(driver, site, "xing jing zhen")) == [XINGJING]
    assert titles(search(driver, site, "xing zhen")) == [XINGJING]
    assert titles(search(driver, site, "zhang zheng zhen")) == [ZHANGZHENG]
    assert titles(search(driver, site, "xi gang zhen")) == [XIGANG]
    assert titles(search(driver, site, "xing gang")) == []
    # Letters and Han together: a key file of each space.
    assert titles(search(driver, site, "gov 兴庆区")) == [ZHANGZHENG]


def test_prose_phrases_find_every_report_that_contains_them(driver, site):
    items = search(driver, site, "依申请公开")
    assert titles(items) == ALL
    assert all(i["marks"] == ["依申请公开"] for i in items)
    assert titles(search(driver, site, "行政复议")) == ALL
    items = search(driver, site, "低保")
    assert titles(items) == [ZHANGZHENG]
    assert "城乡低保发放" in items[0]["snippet"]
    assert items[0]["marks"] == ["低保"]


def test_place_name_ranks_before_text(driver, site):
    # 兴庆区 is 掌政镇's county (a name match); the other reports do not contain it.
    assert titles(search(driver, site, "兴庆区")) == [ZHANGZHENG]
    # 银川市 is the city of three reports; 王岗镇 and 城关镇 lie elsewhere.
    assert titles(search(driver, site, "银川市")) == [ZHANGZHENG, XINGJING, XIGANG]


def test_words_apart_must_all_occur(driver, site):
    # White space in a query separates words: 兴庆区 and 2020 both occur only in 000.
    assert titles(search(driver, site, "兴庆区 2020")) == [ZHANGZHENG]
    assert titles(search(driver, site, "低保 2023")) == []


def test_filters_by_year_and_region(driver, site):
    assert titles(search(driver, site, "依申请公开", year="2020")) == [WANGGANG, ZHANGZHENG, XINGJING]
    assert titles(search(driver, site, "依申请公开", region="64")) == [CHENGGUAN, ZHANGZHENG, XINGJING, XIGANG]
    assert titles(search(driver, site, "依申请公开", region="6401")) == [ZHANGZHENG, XINGJING, XIGANG]
    assert titles(search(driver, site, "依申请公开", region="640104")) == [ZHANGZHENG]
    assert titles(search(driver, site, "依申请公开", year="2020", region="6401")) == [ZHANGZHENG, XINGJING]


def test_filters_on_the_page_update_the_list_and_the_address(driver, site):
    search(driver, site, "依申请公开")
    year = Select(driver.find_element(By.ID, "search-year"))
    assert [o.text for o in year.options] == ["全部年份", "2023 年（1）", "2020 年（3）", "2016 年（1）"]
    before = driver.find_element(By.ID, "search-status").get_attribute("data-done")
    year.select_by_value("2016")
    wait_for_search(driver, after=before)
    assert titles(results(driver)) == [XIGANG]
    assert "year=2016" in driver.current_url
    before = driver.find_element(By.ID, "search-status").get_attribute("data-done")
    Select(driver.find_element(By.ID, "search-year")).select_by_value("")
    wait_for_search(driver, after=before)
    before = driver.find_element(By.ID, "search-status").get_attribute("data-done")
    Select(driver.find_element(By.ID, "search-province")).select_by_value("23")
    wait_for_search(driver, after=before)
    assert titles(results(driver)) == [WANGGANG]
    assert "region=23" in driver.current_url


def test_no_result_suggests_the_nearest_place_names(driver, site):
    assert search(driver, site, "掌正镇") == []
    assert status(driver) == "没有找到包含“掌正镇”的报告。"
    suggestions = driver.find_elements(By.CSS_SELECTOR, "#search-suggest li a")
    assert [a.text for a in suggestions][0] == "掌政镇"
    assert search(driver, site, "zhangzhen") == []
    assert [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#search-suggest li a")][0] == "掌政镇"


def test_text_spanning_punctuation_is_not_a_phrase(driver, site):
    # 000 and 002 read "申请行政复议、提起行政诉讼": the 、 ends the phrase.
    assert search(driver, site, "行政复议提起行政诉讼") == []
    assert status(driver) == "没有找到包含“行政复议提起行政诉讼”的报告。"


def test_search_box_on_every_page_leads_to_results(driver, site):
    driver.get(site + "ningxiahuizuzizhiqu/yinchuanshi/xingqingqu/zhangzhengzhen/2020/")
    box = driver.find_element(By.ID, "q")
    box.send_keys("低保")
    box.submit()
    wait_for_search(driver)
    assert titles(results(driver)) == [ZHANGZHENG]
    driver.find_element(By.CSS_SELECTOR, "#search-results li a").click()
    assert driver.find_element(By.TAG_NAME, "h1").text == ZHANGZHENG


def test_home_page_shows_one_search_box(driver, site):
    driver.get(site)
    shown = [e.get_attribute("id") for e in driver.find_elements(By.CSS_SELECTOR, "input[type=search]") if e.is_displayed()]
    assert shown == ["home-q"]


def test_results_are_paged_ten_at_a_time_and_linkable(driver, site):
    items = search(driver, site, "公开")
    assert titles(items) == ALL
    assert driver.find_element(By.ID, "search-pages").get_attribute("hidden") is not None
