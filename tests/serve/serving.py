"""A furet-serve process for the tests: started on a free port of 127.0.0.1,
asked over HTTP, stopped with SIGTERM.

FURET_BIN_DIR and FURET_SOURCE_DIR name the programs and the sources.
"""
import json
import os
import pathlib
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

BIN_DIR = pathlib.Path(os.environ["FURET_BIN_DIR"]).resolve()
CORPUS = pathlib.Path(os.environ["FURET_SOURCE_DIR"]).resolve() / "corpus"
# How long a server may take to start, scaled for the sanitizer builds.
SCALE = float(os.environ.get("FURET_TIME_SCALE", "1"))


def index_corpus(index, corpus=CORPUS, *options):
    subprocess.run([str(BIN_DIR / "furet-index"), "-q", "--index", str(index), *options,
                    str(corpus)], check=True)


class Server:
    """A furet-serve process; its stderr (status and access log) is kept."""

    def __init__(self, index, *options):
        self.log_path = pathlib.Path(str(index) + ".log")
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [str(BIN_DIR / "furet-serve"), "--index", str(index), "--port", "0", *options],
            stderr=self.log, cwd="/")
        deadline = time.monotonic() + 10 * SCALE
        while time.monotonic() < deadline:
            for line in self.log_path.read_text().splitlines():
                if "listening on " in line:
                    self.url = line.split("listening on ")[1].rstrip("/")
                    return
            assert self.process.poll() is None, self.log_path.read_text()
            time.sleep(0.02)
        raise AssertionError("furet-serve did not start: " + self.log_path.read_text())

    def get(self, path, method="GET"):
        """(status, JSON body or text, headers)."""
        request = urllib.request.Request(self.url + path, method=method)
        try:
            with urllib.request.urlopen(request, timeout=30 * SCALE) as response:
                status, body, headers = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            status, body, headers = error.code, error.read(), error.headers
        if headers.get_content_type() == "application/json":
            return status, json.loads(body), headers
        return status, body.decode(), headers

    def search(self, query, **params):
        return self.get("/search?" + urllib.parse.urlencode({"q": query, **params}, doseq=True))

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=30 * SCALE)
        self.log.close()
        return code
