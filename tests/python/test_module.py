"""The Python module `furet`, used as a Python program would use it.

Run by ctest (tests/CMakeLists.txt) with PYTHONPATH naming the built module
and FURET_BIN_DIR / FURET_SOURCE_DIR naming the programs and the sources.
"""
import json
import os
import pathlib
import shutil
import subprocess
import threading
import time

import pytest

import furet

BIN_DIR = pathlib.Path(os.environ["FURET_BIN_DIR"]).resolve()
CORPUS = pathlib.Path(os.environ["FURET_SOURCE_DIR"]).resolve() / "corpus"
QUERIES = [
    "licence H200",
    "sécurité des données",
    "Nvidia -Chine",
    '"livraisons Airbus"',
    "inflation OR chômage",
    "Nvidea",
    "autoris*",
]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    """An index of corpus/, built through the module."""
    path = tmp_path_factory.mktemp("index") / "news.furet"
    report = furet.Index(str(path)).update([str(CORPUS)])
    assert len(report.added) == 5 and report.changed
    return str(path)


def furet_search_json(index, query, *options):
    """furet-search --json's hits and summary, run outside the corpus's folder
    so that paths are shown absolute."""
    run = subprocess.run(
        [str(BIN_DIR / "furet-search"), "--json", "--index", index, *options, "--", query],
        capture_output=True, text=True, cwd="/", check=False)
    assert run.returncode in (0, 1), run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    return lines[:-1], lines[-1]["summary"]


@pytest.mark.parametrize("query", QUERIES)
def test_results_are_furet_search_json(index, query):
    expected, summary = furet_search_json(index, query)
    result = furet.Searcher(index).search(query)
    assert len(result) == len(expected) == summary["hits"]
    for hit, want in zip(result, expected):
        assert (hit.rank, hit.path, hit.title, hit.passage) == \
            (want["rank"], want["doc"], want["title"], want["passage"])
        assert hit.score == pytest.approx(want["score"], rel=1e-12)
        assert hit.date == want.get("date", "")
        assert hit.source == want.get("source", "")
        assert hit.also_in == want.get("also_in", [])
        assert hit.article_id == want["id"]
        # The same words are highlighted: byte ranges there, str ranges here.
        passage_bytes = hit.passage.encode()
        assert [hit.passage[b:e] for b, e in hit.highlights] == \
            [passage_bytes[b:e].decode() for b, e in want["highlights"]]
    searched = result.corrected_query or query
    assert searched == summary["searched"]
    assert (result.suggested_query or None) == summary.get("suggestion")
    assert result.estimated_passages == summary["estimated_passages"]
    assert result.estimated_articles == summary["estimated_articles"]


def test_highlights_are_str_indices(index):
    result = furet.Searcher(index).search("sécurité", n=20)
    words = [hit.passage[b:e] for hit in result for b, e in hit.highlights]
    assert words and all(word.lower().startswith("sécurit") for word in words), words
    # Byte offsets would cut these: some highlight follows a multi-byte letter.
    assert any(not hit.passage[:b].isascii() for hit in result for b, _ in hit.highlights)


def test_a_hits_article_is_read_by_its_id(index):
    searcher = furet.Searcher(index)
    hit = searcher.search("licence H200")[0]
    article = searcher.article(hit.article_id)
    assert (article.id, article.path, article.title) == (hit.article_id, hit.path, hit.title)
    assert hit.passage in article.text
    assert searcher.article("0123456789abcdef") is None
    with pytest.raises(furet.InvalidArgument):
        searcher.article("../../etc/passwd")


def test_options_narrow_and_page(index):
    searcher = furet.Searcher(index)
    first = searcher.search("sécurité", n=2)
    second = searcher.search("sécurité", n=2, offset=2)
    both = searcher.search("sécurité", n=4)
    assert [h.passage for h in both] == [h.passage for h in first] + [h.passage for h in second]
    assert [h.rank for h in second] == [3, 4]
    per_article = searcher.search("sécurité", n=10, per_article=1)
    assert len({h.path for h in per_article}) == len(per_article)
    assert not searcher.search("sécurité", source="no such source")
    assert searcher.search("sécurité", source=["corpus"])
    assert not searcher.search("sécurité", until="1990")
    assert not searcher.search("sécurité", path="sport/*")
    only = searcher.search("licence H200", path=["*/004_*.txt", "nowhere/*"])
    assert only and all("/004_" in hit.path for hit in only)
    assert {h.passage for h in searcher.search("sécurité", n=4, prefer_recent=30)} <= \
        {h.passage for h in searcher.search("sécurité", n=50)}
    with pytest.raises(furet.InvalidArgument, match="recency"):
        searcher.search("sécurité", prefer_recent=-1)


def test_errors_are_furet_exceptions(index, tmp_path):
    with pytest.raises(furet.IndexNotFound, match="no index") as missing:
        furet.Searcher(str(tmp_path / "nothing here"))
    # What to do, for the program to word: the message names no command.
    assert missing.value.remedy == "build"
    assert missing.value.index == str(tmp_path / "nothing here")
    assert "furet-index" not in str(missing.value)
    searcher = furet.Searcher(index)
    with pytest.raises(furet.InvalidArgument, match="since") as bad_date:
        searcher.search("inflation", since="yesterday")
    assert bad_date.value.remedy is None and bad_date.value.index is None
    with pytest.raises(furet.InvalidArgument, match="sort"):
        searcher.search("inflation", sort="oldest")
    # A folder of someone's files is refused, and left as it was.
    (tmp_path / "notes.txt").write_text("mes notes\n")
    with pytest.raises(furet.InvalidArgument) as foreign:
        furet.Index(str(tmp_path)).update([str(CORPUS)])
    assert foreign.value.remedy == "new_folder" and foreign.value.index == str(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    for kind in (furet.IndexNotFound, furet.IndexLocked, furet.IncompatibleIndex,
                 furet.IoError, furet.InvalidArgument):
        assert issubclass(kind, furet.Error)


def test_status_and_check(index):
    status = furet.Index(index).status()
    assert status.articles == 5
    assert status.passages >= status.articles
    assert status.schema
    check = furet.Index(index).check()
    assert check.sound, check.problems
    assert check.articles == 5


def test_threads_search_concurrently(index):
    reference = {q: [(h.path, h.passage) for h in furet.Searcher(index).search(q)]
                 for q in QUERIES}
    shared = furet.Searcher(index)
    failures = []

    def work(own):
        searcher = furet.Searcher(index) if own else shared
        for _ in range(5):
            for query in QUERIES:
                got = [(h.path, h.passage) for h in searcher.search(query)]
                if got != reference[query]:
                    failures.append(query)

    threads = [threading.Thread(target=work, args=(i % 2 == 0,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures


def test_update_is_seen_by_an_open_searcher(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(CORPUS, articles)
    index = furet.Index(str(tmp_path / "index"))
    index.update([str(articles)])
    searcher = furet.Searcher(index.path)
    assert not searcher.search("zorglub", correct_spelling=False)

    article = articles / "zorglub.txt"
    article.write_text("Le zorglub arrive\n\nLe zorglub est une machine étrange "
                       "présentée hier à Lyon.\n")
    report = index.update([str(articles)])
    assert report.added == [str(article.resolve())]
    hits = searcher.search("zorglub")
    assert [h.path for h in hits] == [str(article.resolve())]

    article.unlink()
    assert index.update([str(articles)]).removed == [str(article.resolve())]
    assert not searcher.search("zorglub", correct_spelling=False)


def test_the_gil_is_released_while_furet_works(tmp_path):
    # Enough articles that a rebuild takes a while.
    articles = tmp_path / "articles"
    for copy in range(40):
        shutil.copytree(CORPUS, articles / str(copy))
    index = furet.Index(str(tmp_path / "index"))
    span = {}

    def rebuild():
        span["start"] = time.monotonic()
        index.update([str(articles)], rebuild=True, threads=1)
        span["end"] = time.monotonic()

    worker = threading.Thread(target=rebuild)
    ticks = []
    worker.start()
    while worker.is_alive():
        ticks.append(time.monotonic())
        time.sleep(0.001)
    worker.join()
    start, end = span["start"], span["end"]
    # Holding the GIL, the update would let this thread run only before and
    # after it: a tick in its middle half shows that it was released.
    middle = [t for t in ticks if start + (end - start) / 4 < t < end - (end - start) / 4]
    assert middle, f"no tick during a {end - start:.3f} s update"
