// Mozilla Readability on jsdom, a peer of furet-extract-bench: the text it keeps of each page.
//
//   NODE_PATH=DIR/node_modules node readability.js [--list FILE] [FILE ...]
//
// Needs the npm packages of package.json beside this script (bench/extraction/run.sh
// installs them with `npm ci` into its work folder, never into the repository). For each
// page prints {"page": "<file name>", "text": "<article.textContent>"}, the format of
// ../shared/html-eval/score.py; a page Readability finds no article in keeps nothing.
// The raw bytes are decoded as a browser does: a BOM, else the <meta charset> of the first
// 1024 bytes (jsdom's own sniffer), else, where a browser would guess from the bytes, UTF-8
// for bytes that are valid UTF-8 and windows-1252 otherwise (jsdom alone would take every
// undeclared page for windows-1252). Ends with one JSON line on stderr: {"timing": {"files",
// "bytes", "seconds", "mb_per_s"}}, the seconds of parsing and extraction alone (one pass).
"use strict";
const fs = require("fs");
const path = require("path");
const { isUtf8 } = require("buffer");
const { JSDOM, VirtualConsole } = require("jsdom");
const sniffHTMLEncoding = require("html-encoding-sniffer");  // a dependency of jsdom
const { Readability } = require("@mozilla/readability");

let files = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--list") files.push(...fs.readFileSync(args[++i], "utf8").split("\n").filter(Boolean));
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error("usage: readability.js [--list FILE] [FILE ...]");
  process.exit(2);
}

const quiet = new VirtualConsole();  // the pages' CSS and markup errors are not ours to print
let bytes = 0, seconds = 0;
for (const file of files) {
  const html = fs.readFileSync(file);
  bytes += html.length;
  const start = process.hrtime.bigint();
  let text = "";
  try {
    const encoding = sniffHTMLEncoding(html, { defaultEncoding: isUtf8(html) ? "UTF-8" : "windows-1252" });
    const dom = new JSDOM(html, { contentType: `text/html; charset=${encoding}`, virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    text = article && article.textContent ? article.textContent : "";
    dom.window.close();
  } catch (e) {
    console.error(`readability.js: failed on '${file}': ${e.message}`);
  }
  seconds += Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(JSON.stringify({ page: path.basename(file), text }) + "\n");
}
console.error(JSON.stringify({ timing: { files: files.length, bytes, seconds: [seconds],
                                         median_seconds: seconds, mb_per_s: bytes / 1e6 / seconds } }));
