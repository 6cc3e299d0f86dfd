// furet-search: the best passages of a furet index for a query.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "default_index.h"
#include "furet/searcher.h"
#include "remedy_command.h"
#include "result_json.h"
#include "terminal_text.h"

namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kPlain = "\033[0m";

// Bold only for a person at a terminal who has not asked for plain text.
bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

// An article's path as a person reads it: relative to the working directory
// when it lies below it (as git and ripgrep show paths), else absolute.
std::string shown_path(const std::string& path) {
  static const std::string here = [] {
    std::error_code ec;
    const std::filesystem::path cwd = std::filesystem::canonical(".", ec);
    return ec ? std::string() : cwd.string() + "/";
  }();
  if (!here.empty() && path.size() > here.size() && path.compare(0, here.size(), here) == 0) {
    return path.substr(here.size());
  }
  return path;
}

// Text from the index (titles, passages, paths) may hold control characters
// that would drive the terminal: each is shown as an escape instead.
std::string safe(std::string_view text) { return furet::terminal_safe(text); }

std::string highlighted(const furet::Hit& hit, bool color) {
  const std::string_view passage = hit.passage;
  if (!color) return furet::terminal_safe(passage, /*keep_newlines=*/true);
  std::string out;
  std::uint32_t at = 0;
  for (const furet::HighlightRange& h : hit.highlights) {
    out += furet::terminal_safe(passage.substr(at, h.begin - at), true);
    out += kBold;
    out += furet::terminal_safe(passage.substr(h.begin, h.end - h.begin), true);
    out += kPlain;
    at = h.end;
  }
  return out + furet::terminal_safe(passage.substr(at), true);
}

// The passage under its heading, every line indented, blank lines dropped.
std::string indented(const std::string& text) {
  std::string out = "   ";
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') {
      out += text[i];
    } else if (out.back() != ' ') {
      out += "\n   ";
    }
  }
  return out;
}

std::string fixed(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", value);
  return text;
}

// "score 2.99 = bm25 4.41 × coverage 0.62 (×0.54) × ...", then the terms.
std::string explanation_text(const furet::Hit& hit) {
  const furet::Explanation& e = *hit.explanation;
  std::string out = "   = bm25 " + fixed(e.bm25) + " × coverage " + fixed(e.coverage) + " (×" +
                    fixed(e.coverage_factor) + ") × proximity " + fixed(e.proximity) + " (×" +
                    fixed(e.proximity_factor) + ") × article " + fixed(e.article) + " (×" +
                    fixed(e.article_factor) + ") × whole article " + fixed(e.article_bm25) + " (×" +
                    fixed(e.article_bm25_factor) + ")" +
                    (e.opening_factor != 1 ? " × opening ×" + fixed(e.opening_factor) : "") +
                    (e.recency_factor != 1 ? " × recency ×" + fixed(e.recency_factor) : "") +
                    "\n   bm25 by term:";
  for (const furet::TermWeight& t : e.terms) {
    out += " " + safe(t.term) + (t.origin == "word" ? "" : " [" + t.origin + "]") + " " +
           fixed(t.weight);
  }
  for (const std::string& s : e.synonyms) out += "\n   synonym: " + safe(s);
  return out + "\n";
}

void print_text(const furet::SearchResult& result, bool color) {
  for (const furet::Hit& hit : result.hits) {
    std::cout << hit.rank << ". " << (color ? kBold : "") << safe(hit.title)
              << (color ? kPlain : "") << "\n   " << safe(shown_path(hit.path));
    if (!hit.source.empty()) std::cout << " · " << safe(hit.source);
    if (!hit.published.empty() && !hit.published_from_file) {
      std::cout << " · " << safe(hit.published.substr(0, 10));
    }
    std::cout << "  (score " << fixed(hit.score) << ")\n";
    if (!hit.also_in.empty()) {
      std::cout << "   also in:";
      for (const std::string& path : hit.also_in) std::cout << ' ' << safe(shown_path(path));
      std::cout << '\n';
    }
    if (hit.explanation) std::cout << explanation_text(hit);
    std::cout << indented(highlighted(hit, color)) << "\n\n";
  }
}

// One object per hit, then one summary object.
void print_json(const furet::SearchResult& result, const std::string& query) {
  for (const furet::Hit& hit : result.hits) {
    std::cout << furet::json::dump(furet::json::hit(hit, shown_path)) << '\n';
  }
  std::cout << furet::json::dump({{"summary", furet::json::summary(result, query)}}) << '\n';
}

// A count option's check: a whole number, at least `least`, in words a user reads.
CLI::Validator whole_number_from(std::int64_t least) {
  return CLI::Validator(
      [least](std::string& value) -> std::string {
        std::int64_t n = 0;
        const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec == std::errc::result_out_of_range && !value.empty() && value[0] != '-') return "";
        if (ec != std::errc() || ptr != value.data() + value.size() || n < least) {
          return "wants a whole number, at least " + std::to_string(least) + ", not '" +
                 furet::terminal_safe(value) + "'";
        }
        return "";
      },
      "COUNT");
}

// "--name" or "--name=value", known or not.
bool is_long_option(const std::string& arg) { return arg.rfind("--", 0) == 0 && arg.size() > 2; }

// The option of `app` that `arg` names ("--json", "--index=x", "-n", "-n5"),
// or null. A short option with its value attached counts only when the value
// is a number, so that "-nucléaire" stays an exclusion.

const CLI::Option* option_named(const CLI::App& app, const std::string& arg) {
  const bool long_name = is_long_option(arg);
  const bool short_name = !long_name && arg.size() >= 2 && arg[0] == '-' && arg[1] != '-';
  if (!long_name && !short_name) return nullptr;
  for (const CLI::Option* option : app.get_options()) {
    if (long_name && option->check_lname(arg.substr(2, arg.find('=') - 2))) return option;
    if (short_name && option->check_sname(arg.substr(1, 1))) {
      const bool attached = arg.size() > 2;
      if (!attached) return option;
      if (option->get_items_expected_min() > 0 && arg[2] >= '0' && arg[2] <= '9') return option;
    }
  }
  return nullptr;
}

// Splits the arguments into options and the query. Options come first; the
// first argument that is no option of `app` (or the one after "--") begins
// the query, and every argument from there on is query text, dashes and all:
// "Nvidia -Chine", "-Chine Nvidia". An unknown "--name" before the query
// stays with the options, for CLI11 to refuse by name.
void split_query(const CLI::App& app, const std::vector<std::string>& args,
                 std::vector<std::string>& options, std::vector<std::string>& query) {
  std::size_t i = 0;
  while (i < args.size()) {
    const std::string& arg = args[i];
    if (arg == "--") {
      ++i;
      break;
    }
    const CLI::Option* option = option_named(app, arg);
    if (!option && !is_long_option(arg)) break;
    options.push_back(arg);
    ++i;
    const bool value_attached = arg.find('=') != std::string::npos || arg.rfind("--", 0) != 0;
    const bool takes_value = option && option->get_items_expected_min() > 0;
    if (takes_value && !(value_attached && arg.size() > 2) && i < args.size()) {
      options.push_back(args[i++]);
    }
  }
  query.assign(args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Finds the passages of French news articles that best answer a query.\n\n"
      "Query syntax:\n"
      "  licence H200           words; passages with all of them rank first\n"
      "  \"sécurité nationale\"   a phrase, words in this order\n"
      "  -experts               leave out passages with this word (or -\"a phrase\")\n"
      "  H20 OR H200            either word\n"
      "  autoris*               words that begin so\n"
      "Accents, case, elisions (l', d', qu') and word endings do not matter:\n"
      "securite finds \"sécurité\". Model codes stay exact: H20 never finds H200.\n\n"
      "Options come first: every argument from the first query word on is query text,\n"
      "dashes included (furet-search Nvidia -Chine). A query that begins with an\n"
      "option's name comes after --: furet-search -- -n Nvidia.\n\n"
      "Exit status: 0 if a passage holds the query's words, 1 if none does, 2 on error.\n",
      "furet-search"};
  app.set_version_flag("--version", std::string("furet-search ") + FURET_VERSION);
  std::vector<std::string> indexes;
  std::vector<std::string> words;
  furet::SearchOptions options;
  bool json = false;
  bool no_synonyms = false;
  std::string thesaurus;
  std::string color = "auto";
  app.add_option("--index", indexes,
                 "Index to search: a directory, or tcp://HOST:PORT for xapian-tcpsrv; repeat "
                 "to search shards as one (default: $FURET_INDEX, else .furet)")
      ->allow_extra_args(false);
  // Read signed, so that "-n -1" is refused rather than wrapped to a huge count.
  std::int64_t limit = static_cast<std::int64_t>(options.limit);
  std::int64_t per_article = 0;
  app.add_option("-n,--limit", limit, "Number of passages to show (at least 1)")
      ->check(whole_number_from(1))
      ->default_val(limit);
  std::int64_t offset = 0;
  app.add_option("--offset", offset, "Pass over the first N passages: the next page of hits")
      ->check(whole_number_from(0))
      ->default_val(offset);
  bool articles = false;
  app.add_flag("-l,--articles", articles,
               "List the matching articles, each once with its best passage (as --per-article 1, "
               "from more candidates)");
  app.add_option("--per-article", per_article,
                 "At most this many passages of one article (0: no cap)")
      ->check(whole_number_from(0))
      ->default_val(per_article);
  app.add_option("--thesaurus", thesaurus,
                 "Synonym groups to use instead of the built-in French thesaurus: one group "
                 "per line, entries separated by commas")
      ->check(CLI::ExistingFile);
  app.add_flag("--no-synonyms", no_synonyms, "Search only the words as typed, without synonyms");
  bool exact = false;
  app.add_flag("--exact", exact,
               "Search the words exactly as typed: no spelling correction (a query word the index "
               "does not know is otherwise replaced by the closest word it does)");
  app.add_flag("--explain", options.explain,
               "Show how each score is made: BM25 by term, coverage, proximity, article evidence, "
               "the whole article's BM25, the opening passage's gain, "
               "synonyms used (in JSON: an \"explain\" object)");
  app.add_flag("--json", json,
               "One JSON object per hit per line: rank, score, id (the article's), doc, title, "
               "passage, begin, end, highlights ([begin, end] byte ranges in passage), and "
               "where known date (date_from_file when it is the file's), author, source, url, "
               "lang, also_in (other "
               "articles holding the same passage, shown once); then one "
               "{\"summary\": {query, searched, suggestion, hits, estimated_passages, "
               "estimated_articles}} line");
  app.add_option("--since", options.since,
                 "Only articles published on or after DATE: 2025-08-12, 2025-08 (its first day), "
                 "2025, or 7d / 2w (the last days / weeks). An article that gives no date is "
                 "dated by its file");
  app.add_option("--until", options.until,
                 "Only articles published on or before DATE (2025-08: its last day)");
  app.add_option("--source", options.sources,
                 "Only articles from this source: the site or publisher, else the article's "
                 "folder (repeat for several)")
      ->allow_extra_args(false);
  app.add_option("--lang", options.language, "Only articles that declare this language (fr)");
  app.add_option("--path", options.paths,
                 "Only articles whose file matches GLOB: * any characters (/ included), ? one, "
                 "[...] a set; a GLOB without a leading / matches the end of the path (sport/*.md, "
                 "*.html); repeat for several")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  std::string sort = "relevance";
  app.add_option("--sort", sort, "Order of the hits: relevance (best first) or date (newest first)")
      ->check(CLI::IsMember({"relevance", "date"}))
      ->default_val(sort);
  app.add_option("--prefer-recent", options.recency_half_life_days,
                 "Rank recent articles higher: a passage of today gains up to 25 % of its score, "
                 "the gain halving every DAYS days of age (a clearly better older passage still "
                 "ranks first; none is left out)")
      ->type_name("DAYS")
      ->check(CLI::PositiveNumber);
  app.add_option("--color", color,
                 "Bold query terms: auto (a terminal without NO_COLOR), "
                 "always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_val(color);
  // Declared for --help only: split_query() hands CLI11 the options alone.
  app.add_option("query", words, "The query; several arguments are joined by spaces");
  try {
    std::vector<std::string> option_args;
    split_query(app, std::vector<std::string>(argv + 1, argv + argc), option_args, words);
    std::reverse(option_args.begin(), option_args.end());  // CLI11 reads the vector from its end
    app.parse(option_args);
    if (words.empty()) throw CLI::RequiredError("query");
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (indexes.empty()) indexes.push_back(furet::default_index());
  options.limit = static_cast<std::size_t>(limit);
  if (sort == "date") options.sort = furet::SearchOptions::Sort::kDate;
  options.per_article = static_cast<std::size_t>(per_article);
  options.offset = static_cast<std::size_t>(offset);
  if (articles) {
    // An article's passages crowd the candidates: fetch more to fill a page of articles.
    constexpr std::size_t kCandidatesPerArticle = 4;
    options.per_article = 1;
    options.candidates =
        std::max(options.candidates, kCandidatesPerArticle * (options.offset + options.limit));
  }
  std::string query;
  for (const std::string& w : words) query += (query.empty() ? "" : " ") + w;

  try {
    furet::Searcher searcher(indexes);
    if (!thesaurus.empty()) searcher.load_thesaurus(thesaurus);
    options.synonyms = !no_synonyms;
    options.correct_spelling = !exact;
    const furet::SearchResult result = searcher.search(query, options);
    for (const std::string& w : result.warnings) {
      std::cerr << "furet-search: note: " << safe(w) << '\n';
    }
    if (!result.corrected_query.empty()) {
      std::cerr << "furet-search: showing results for '" << safe(result.corrected_query)
                << "'; search the words as typed with --exact\n";
    }
    if (!result.suggested_query.empty()) {
      std::cerr << "furet-search: did you mean '" << safe(result.suggested_query) << "'?\n";
    }
    if (json) {
      print_json(result, query);
    } else if (result.hits.empty()) {
      std::cerr << "furet-search: no passage matches '" << safe(query) << "'\n";
    } else {
      print_text(result, use_color(color));
    }
    return result.hits.empty() ? 1 : 0;
  } catch (const furet::Error& e) {
    std::cerr << "furet-search: error: " << safe(furet::error_text(e)) << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "furet-search: error: " << safe(e.what()) << '\n';
    return 2;
  }
}
