"""furet-serve, used as a client would: HTTP on 127.0.0.1, JSON answers.

Run by ctest (tests/CMakeLists.txt) with FURET_BIN_DIR and FURET_SOURCE_DIR
set. Each test starts its own server on a free port.
"""
import json
import shutil
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

from serving import BIN_DIR, CORPUS, Server, index_corpus


def furet_search_json(index, query, *options):
    run = subprocess.run([str(BIN_DIR / "furet-search"), "--json", "--index", str(index),
                          *options, "--", query], capture_output=True, text=True, cwd="/")
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    return lines[:-1], lines[-1]["summary"]


@pytest.mark.parametrize("query", ["licence H200", "sécurité des données", "Nvidia -Chine",
                                   "Nvidea", '"livraisons Airbus"'])
def test_search_answers_as_furet_search_json(served, tmp_path, query):
    status, body, headers = served.search(query, n=5)
    assert status == 200 and headers.get_content_type() == "application/json"
    hits, summary = furet_search_json(tmp_path / "index", query, "-n", "5")
    assert body["hits"] == hits
    assert body["summary"] == summary


def test_paging_and_filters(served):
    _, first, _ = served.search("sécurité", n=2)
    _, second, _ = served.search("sécurité", n=2, offset=2)
    _, both, _ = served.search("sécurité", n=4)
    assert [h["passage"] for h in both["hits"]] == \
        [h["passage"] for h in first["hits"] + second["hits"]]
    assert [h["rank"] for h in second["hits"]] == [3, 4]
    _, none, _ = served.search("sécurité", source="no such source")
    assert none["hits"] == []
    _, some, _ = served.search("sécurité", source=["elsewhere", "corpus"])
    assert some["hits"]
    _, old, _ = served.search("sécurité", until="1990")
    assert old["hits"] == []
    _, one, _ = served.search("sécurité", path=["corpus/000_*", "elsewhere/*"])
    assert one["hits"] and all("/corpus/000_" in h["doc"] for h in one["hits"])
    status, recent, _ = served.search("sécurité", recent=30)
    assert status == 200 and recent["hits"]
    _, by_date, _ = served.search("sécurité", sort="date")
    dates = [h["date"] for h in by_date["hits"]]
    assert dates == sorted(dates, reverse=True)


def test_an_article_is_served_by_its_id(served):
    _, body, _ = served.search("licence H200", n=1)
    hit = body["hits"][0]
    status, article, _ = served.get("/articles/" + hit["id"])
    assert status == 200
    assert article["doc"] == hit["doc"] and article["title"] == hit["title"]
    text = article["text"].encode()
    assert text[hit["begin"]:hit["end"]].decode() == hit["passage"]
    assert served.get("/articles/0123456789abcdef")[0] == 404
    for bad in ("zz", "..%2F..%2Fetc%2Fpasswd", "0123456789abcdef0"):
        status, body, _ = served.get("/articles/" + bad)
        assert status in (400, 404) and "error" in body


@pytest.mark.parametrize("params,status,says", [
    ({"q": ""}, 400, "empty"),
    ({"q": "x" * 1001}, 400, "longer"),
    ({"q": "inflation", "n": "0"}, 400, "n:"),
    ({"q": "inflation", "n": "101"}, 400, "n:"),
    ({"q": "inflation", "n": "ten"}, 400, "n:"),
    ({"q": "inflation", "offset": "-1"}, 400, "offset"),
    ({"q": "inflation", "since": "yesterday"}, 400, "since"),
    ({"q": "inflation", "sort": "oldest"}, 400, "sort"),
    ({"q": "inflation", "recent": "0"}, 400, "recent"),
])
def test_bad_requests_are_400_with_a_reason(served, params, status, says):
    got, body, _ = served.get("/search?" + urllib.parse.urlencode(params))
    assert got == status and says in body["error"]


def test_other_pages_and_methods_are_refused(served):
    status, body, _ = served.get("/etc/passwd")
    assert status == 404 and "error" in body
    status, body, headers = served.get("/search?q=x", method="POST")
    assert status == 405 and "GET" in headers["Allow"]
    status, body, _ = served.get("/healthz")
    assert status == 200 and body["status"] == "ok"
    status, body, _ = served.get("/status")
    assert status == 200 and body["indexes"][0]["articles"] == 5


def test_the_page_is_served(served):
    status, page, headers = served.get("/")
    assert status == 200 and headers.get_content_type() == "text/html"
    assert '<form id="search"' in page and "/search?" in page


def test_no_index_is_503_until_one_is_built(tmp_path):
    index = tmp_path / "later"
    server = Server(index)
    try:
        status, body, headers = server.search("licence H200")
        assert status == 503 and "no index" in body["error"] and headers["Retry-After"]
        # The client reads the library's words; the log, the command that does it.
        assert "build one first" in body["error"] and "furet-index" not in body["error"]
        assert f"build one first; run: furet-index --index {index} PATH..." in \
            server.log_path.read_text()
        assert server.get("/healthz")[0] == 503
        index_corpus(index)
        status, body, _ = server.search("licence H200")
        assert status == 200 and body["hits"]
    finally:
        assert server.stop() == 0


def test_updates_and_rebuilds_are_served_without_a_restart_or_a_failed_request(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(CORPUS, articles)
    index = tmp_path / "index"
    index_corpus(index, articles)
    server = Server(index, "--threads", "4")
    failures, answers = [], []
    stop = threading.Event()

    def client():
        while not stop.is_set():
            status, body, _ = server.search("licence H200", n=3)
            answers.append(status)
            if status != 200 or not body["hits"]:
                failures.append((status, body))

    clients = [threading.Thread(target=client) for _ in range(4)]
    for thread in clients:
        thread.start()
    try:
        (articles / "zorglub.txt").write_text("Le zorglub\n\nLe zorglub arrive à Lyon demain.\n")
        index_corpus(index, articles)
        status, body, _ = server.search("zorglub")
        assert status == 200 and [h["doc"] for h in body["hits"]] == \
            [str((articles / "zorglub.txt").resolve())]
        index_corpus(index, articles, "--rebuild")
        index_corpus(index, articles, "--rebuild", "--shards", "2")
        assert server.search("zorglub")[1]["hits"]
        (articles / "zorglub.txt").unlink()
        index_corpus(index, articles)
        assert server.search("zorglub", exact=1)[1]["hits"] == []
    finally:
        stop.set()
        for thread in clients:
            thread.join()
        assert server.stop() == 0
    assert answers and not failures


def test_more_clients_than_searches_wait_their_turn(tmp_path):
    index = tmp_path / "index"
    index_corpus(index)
    server = Server(index, "--searches", "1", "--threads", "4")
    statuses = []

    def client():
        for _ in range(10):
            statuses.append(server.search("sécurité", n=20)[0])

    clients = [threading.Thread(target=client) for _ in range(8)]
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join()
    assert server.stop() == 0
    assert statuses == [200] * 80


def test_sigterm_finishes_the_requests_in_progress_and_exits_0(served):
    results = []

    def client():
        try:
            results.append(served.search("sécurité", n=50)[0])
        except (urllib.error.URLError, ConnectionError):
            results.append("refused")  # arrived after the listener closed

    clients = [threading.Thread(target=client) for _ in range(16)]
    for thread in clients:
        thread.start()
    code = served.stop()
    for thread in clients:
        thread.join()
    assert code == 0
    assert set(results) <= {200, "refused"}, results
    assert "stopping" in served.log_path.read_text()


def test_one_access_log_line_per_request_and_no_forged_lines(served):
    served.search("licence H200")
    served.get("/nothing%0Aforged%20line")
    served.get("/healthz")
    served.stop()
    lines = [line for line in served.log_path.read_text().splitlines()
             if not line.startswith("furet-serve:")]
    # A line is written once its answer is sent: threads may write them in
    # another order than the requests'.
    assert len(lines) == 3, lines
    assert sum(" GET /search?q=licence+H200 200 " in line for line in lines) == 1
    assert sum(" GET /nothing%0Aforged%20line 404 " in line for line in lines) == 1
    assert sum(" GET /healthz 200 " in line for line in lines) == 1


def test_it_listens_on_this_machine_only_by_default(served):
    assert served.url.startswith("http://127.0.0.1:")



@pytest.mark.parametrize("options", [["--no-such-option"], ["--port", "70000"], ["--threads"]])
def test_a_bad_option_exits_2_as_the_other_programs(options):
    run = subprocess.run([str(BIN_DIR / "furet-serve"), *options], capture_output=True, text=True,
                         timeout=10)
    assert run.returncode == 2, run
    assert run.stderr
