// `import furet`: the searcher and the index writer for Python programs.
//
// A thin layer over the C++ library: the same results, options and errors as
// furet-search. What Python needs that C++ does not is done here: text is
// str, highlights are str indices (the library gives UTF-8 byte offsets), the
// GIL is released while furet works, and a Searcher shared by threads is
// used by one of them at a time, as the C++ class requires.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <mutex>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "furet/error.h"
#include "furet/indexer/index_status.h"
#include "furet/indexer/index_writer.h"
#include "furet/searcher.h"

namespace py = pybind11;

namespace {

// Text from furet is UTF-8; a byte that is not (a path's, say) becomes U+FFFD
// rather than an exception in the middle of a result.
py::str to_str(std::string_view text) {
  PyObject* decoded =
      PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "replace");
  if (!decoded) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(decoded);
}

// The str index of byte `offset` of `text`: the length of the text before it.
std::size_t str_index(std::string_view text, std::size_t offset) {
  return py::len(to_str(text.substr(0, offset)));
}

// One hit as Python sees it: fields by name, str everywhere.
struct PyHit {
  std::size_t rank = 0;
  double score = 0;
  py::str path, title, passage, date, author, source, url, language;
  bool date_from_file = false;
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
  std::vector<py::str> also_in;
  std::string article_id;
};

struct PySearchResult {
  std::vector<PyHit> hits;
  py::object corrected_query, suggested_query;  // str, or None
  std::vector<py::str> warnings;
  std::size_t estimated_passages = 0, estimated_articles = 0;
};

py::object str_or_none(const std::string& text) {
  return text.empty() ? py::object(py::none()) : py::object(to_str(text));
}

// furet's error kinds as Python types: made at import and, like the module
// that holds them, kept for the life of the process.
struct ErrorTypes {
  PyObject* error = nullptr;
  PyObject* not_found = nullptr;
  PyObject* locked = nullptr;
  PyObject* incompatible = nullptr;
  PyObject* io = nullptr;
  PyObject* invalid = nullptr;
};
ErrorTypes error_types;

// An error's remedy as Python sees it: the C++ name without its "k", or None.
py::object remedy_name(furet::Error::Remedy remedy) {
  using Remedy = furet::Error::Remedy;
  switch (remedy) {
    case Remedy::kBuild:
      return py::str("build");
    case Remedy::kRebuild:
      return py::str("rebuild");
    case Remedy::kCheck:
      return py::str("check");
    case Remedy::kNewFolder:
      return py::str("new_folder");
    case Remedy::kRetryLater:
      return py::str("retry_later");
    case Remedy::kNone:
      break;
  }
  return py::none();
}

// Raises `e` as the Python exception `type`, with its remedy and index as attributes.
void raise(PyObject* type, const furet::Error& e) {
  py::object error = py::reinterpret_borrow<py::object>(type)(to_str(e.what()));
  error.attr("remedy") = remedy_name(e.remedy());
  error.attr("index") = str_or_none(e.index());
  PyErr_SetObject(type, error.ptr());
}

// Each kind before its base; whatever is not furet's goes to the next translator.
void translate_error(std::exception_ptr thrown) {
  try {
    if (thrown) std::rethrow_exception(thrown);
  } catch (const furet::IndexNotFound& e) {
    raise(error_types.not_found, e);
  } catch (const furet::IndexLocked& e) {
    raise(error_types.locked, e);
  } catch (const furet::IncompatibleIndex& e) {
    raise(error_types.incompatible, e);
  } catch (const furet::IoError& e) {
    raise(error_types.io, e);
  } catch (const furet::InvalidArgument& e) {
    raise(error_types.invalid, e);
  } catch (const furet::Error& e) {
    raise(error_types.error, e);
  }
}

PySearchResult to_python(const furet::SearchResult& result) {
  PySearchResult out;
  for (const furet::Hit& hit : result.hits) {
    PyHit h;
    h.rank = hit.rank;
    h.score = hit.score;
    h.path = to_str(hit.path);
    h.title = to_str(hit.title);
    h.passage = to_str(hit.passage);
    h.date = to_str(hit.published);
    h.date_from_file = hit.published_from_file;
    h.author = to_str(hit.author);
    h.source = to_str(hit.source);
    h.url = to_str(hit.url);
    h.language = to_str(hit.language);
    for (const furet::HighlightRange& range : hit.highlights) {
      h.highlights.emplace_back(str_index(hit.passage, range.begin),
                                str_index(hit.passage, range.end));
    }
    for (const std::string& path : hit.also_in) h.also_in.push_back(to_str(path));
    h.article_id = hit.article_id;
    out.hits.push_back(std::move(h));
  }
  out.corrected_query = str_or_none(result.corrected_query);
  out.suggested_query = str_or_none(result.suggested_query);
  for (const std::string& warning : result.warnings) out.warnings.push_back(to_str(warning));
  out.estimated_passages = result.estimated_passages;
  out.estimated_articles = result.estimated_articles;
  return out;
}

// A name or a list of names (source=, path=), or None.
using OneOrMany = std::variant<std::monostate, std::string, std::vector<std::string>>;

std::vector<std::string> as_list(const OneOrMany& given) {
  if (const auto* one = std::get_if<std::string>(&given)) return {*one};
  if (const auto* many = std::get_if<std::vector<std::string>>(&given)) return *many;
  return {};
}

// A Searcher for Python: the C++ Searcher, and the lock that lets threads
// share it (each search holds it, not the GIL).
class PySearcher {
 public:
  explicit PySearcher(const std::variant<std::string, std::vector<std::string>>& where) {
    py::gil_scoped_release release;
    if (const auto* one = std::get_if<std::string>(&where)) {
      searcher_ = std::make_unique<furet::Searcher>(*one);
    } else {
      searcher_ = std::make_unique<furet::Searcher>(std::get<std::vector<std::string>>(where));
    }
  }

  PySearchResult search(const std::string& query, std::size_t n, std::size_t offset,
                        std::size_t per_article, const std::optional<std::string>& since,
                        const std::optional<std::string>& until, const OneOrMany& source,
                        const std::optional<std::string>& language, const OneOrMany& path,
                        const std::string& sort, double prefer_recent, bool synonyms,
                        bool correct_spelling, std::size_t candidates) {
    furet::SearchOptions options;
    options.limit = n;
    options.offset = offset;
    options.per_article = per_article;
    options.since = since.value_or("");
    options.until = until.value_or("");
    options.sources = as_list(source);
    options.language = language.value_or("");
    options.paths = as_list(path);
    if (sort == "date") {
      options.sort = furet::SearchOptions::Sort::kDate;
    } else if (sort != "relevance") {
      throw furet::InvalidArgument("sort '" + sort + "': want 'relevance' or 'date'");
    }
    options.recency_half_life_days = prefer_recent;
    options.synonyms = synonyms;
    options.correct_spelling = correct_spelling;
    options.candidates = candidates;
    furet::SearchResult result;
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mutex_);
      result = searcher_->search(query, options);
    }
    return to_python(result);
  }

  std::optional<furet::Article> article(const std::string& id) {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mutex_);
    return searcher_->article(id);
  }

  void reopen() {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mutex_);
    searcher_->reopen();
  }

  void load_thesaurus(const std::string& path) {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mutex_);
    searcher_->load_thesaurus(path);
  }

 private:
  std::unique_ptr<furet::Searcher> searcher_;
  std::mutex mutex_;
};

// An index folder for Python: each update takes the write lock for its own
// duration only, so an Index object kept around never blocks furet-index.
class PyIndex {
 public:
  PyIndex(std::string path, std::size_t shards) : path_(std::move(path)), shards_(shards) {}

  furet::UpdateReport update(const std::vector<std::string>& paths, bool rebuild,
                             std::size_t threads, bool follow_links) {
    furet::UpdateOptions options;
    options.rebuild = rebuild;
    options.threads = threads;
    options.follow_links = follow_links;
    py::gil_scoped_release release;
    furet::IndexWriter writer(path_, shards_);
    return writer.update(paths, options);
  }

  furet::IndexStatus status() const {
    py::gil_scoped_release release;
    return furet::read_index_status(path_);
  }

  furet::IndexCheck check() const {
    py::gil_scoped_release release;
    return furet::check_index(path_);
  }

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::size_t shards_;
};

std::string hit_repr(const PyHit& hit) {
  return "<furet.Hit " + std::to_string(hit.rank) + " " + std::string(py::repr(hit.path)) + ">";
}

}  // namespace

PYBIND11_MODULE(furet, m) {
  m.doc() =
      "Passage search for French news articles.\n\n"
      "    import furet\n"
      "    furet.Index('news.furet').update(['articles'])\n"
      "    for hit in furet.Searcher('news.furet').search('licence H200'):\n"
      "        print(hit.rank, hit.path, hit.passage)\n";
  m.attr("__version__") = FURET_VERSION;

  // furet's error kinds, one Python exception each, under furet.Error.
  const auto kind = [&m](const char* name, PyObject* base) {
    return py::exception<furet::Error>(m, name, base).release().ptr();
  };
  error_types.error = kind("Error", PyExc_RuntimeError);
  error_types.not_found = kind("IndexNotFound", error_types.error);
  error_types.locked = kind("IndexLocked", error_types.error);
  error_types.incompatible = kind("IncompatibleIndex", error_types.error);
  error_types.io = kind("IoError", error_types.error);
  error_types.invalid = kind("InvalidArgument", error_types.error);
  py::handle(error_types.error).attr("__doc__") =
      "furet's errors. str() says what failed and what to do, in words; .remedy says it for a "
      "program: 'build', 'rebuild', 'check', 'new_folder', 'retry_later' or None; .index is the "
      "index folder it concerns, or None.";
  py::register_exception_translator(translate_error);

  py::class_<PyHit>(m, "Hit", "One passage that answers the query.")
      .def_readonly("rank", &PyHit::rank, "1 for the best hit")
      .def_readonly("score", &PyHit::score, "higher is better; comparable within one search")
      .def_readonly("path", &PyHit::path, "the article's file, absolute and canonical")
      .def_readonly("title", &PyHit::title)
      .def_readonly("passage", &PyHit::passage, "a few sentences of the article")
      .def_readonly("highlights", &PyHit::highlights,
                    "(start, end) of each matched word: passage[start:end]")
      .def_readonly("date", &PyHit::date,
                    "publication date, ISO 8601; the file's date when the article gives none")
      .def_readonly("date_from_file", &PyHit::date_from_file,
                    "True when date is the file's modification date")
      .def_readonly("author", &PyHit::author, "'' if unknown")
      .def_readonly("source", &PyHit::source, "the site or publisher, else the article's folder")
      .def_readonly("url", &PyHit::url, "'' if unknown")
      .def_readonly("language", &PyHit::language, "as the article declares it, else ''")
      .def_readonly("also_in", &PyHit::also_in,
                    "paths of other articles holding the same passage, shown once here")
      .def_readonly("article_id", &PyHit::article_id, "its article's id, for Searcher.article()")
      .def("__repr__", &hit_repr);

  // An article's text fields, as str even where a byte is not UTF-8.
  const auto text_of = [](std::string furet::Article::*field) {
    return [field](const furet::Article& article) { return to_str(article.*field); };
  };
  py::class_<furet::Article>(m, "Article", "A whole article as the index stores it.")
      .def_readonly("id", &furet::Article::id)
      .def_property_readonly("path", text_of(&furet::Article::path))
      .def_property_readonly("title", text_of(&furet::Article::title))
      .def_property_readonly("text", text_of(&furet::Article::text),
                             "the article's readable text; a hit's passage is part of it")
      .def_property_readonly("date", text_of(&furet::Article::published))
      .def_readonly("date_from_file", &furet::Article::published_from_file)
      .def_property_readonly("author", text_of(&furet::Article::author))
      .def_property_readonly("source", text_of(&furet::Article::source))
      .def_property_readonly("url", text_of(&furet::Article::url))
      .def_property_readonly("language", text_of(&furet::Article::language));

  py::class_<PySearchResult>(m, "SearchResult",
                             "The hits of one search, best first (iterable), and what the "
                             "search made of the query.")
      .def_readonly("hits", &PySearchResult::hits)
      .def_readonly("corrected_query", &PySearchResult::corrected_query,
                    "the query searched when the query as typed found nothing, else None")
      .def_readonly("suggested_query", &PySearchResult::suggested_query,
                    "a spelling the index knows better ('did you mean'), else None")
      .def_readonly("warnings", &PySearchResult::warnings,
                    "parts of the query read other than as written")
      .def_readonly("estimated_passages", &PySearchResult::estimated_passages)
      .def_readonly("estimated_articles", &PySearchResult::estimated_articles)
      .def("__len__", [](const PySearchResult& r) { return r.hits.size(); })
      .def("__getitem__",
           [](const PySearchResult& r, py::ssize_t i) {
             const auto n = static_cast<py::ssize_t>(r.hits.size());
             if (i < 0) i += n;
             if (i < 0 || i >= n) throw py::index_error("hit index out of range");
             return r.hits[static_cast<std::size_t>(i)];
           })
      .def(
          "__iter__",
          [](const PySearchResult& r) { return py::make_iterator(r.hits.begin(), r.hits.end()); },
          py::keep_alive<0, 1>());

  py::class_<PySearcher>(m, "Searcher",
                         "A read-only handle on one or more furet indexes, searched as one.\n\n"
                         "Each search sees the latest commit: an update, a rebuild or a "
                         "re-sharding shows up on the next search. Threads may share a "
                         "Searcher (they take turns) or open one each (they search at once).")
      .def(py::init<const std::variant<std::string, std::vector<std::string>>&>(),
           py::arg("location"),
           "Opens an index folder, a 'tcp://HOST:PORT' served by xapian-tcpsrv, or a list "
           "of them searched as one. Raises IndexNotFound, IncompatibleIndex or IoError.")
      .def("search", &PySearcher::search, py::arg("query"), py::arg("n") = 10,
           py::arg("offset") = 0, py::kw_only(), py::arg("per_article") = 0,
           py::arg("since") = py::none(), py::arg("until") = py::none(),
           py::arg("source") = py::none(), py::arg("language") = py::none(),
           py::arg("path") = py::none(), py::arg("sort") = "relevance",
           py::arg("prefer_recent") = 0.0, py::arg("synonyms") = true,
           py::arg("correct_spelling") = true, py::arg("candidates") = 50,
           "The best passages for `query` (furet-search's syntax): hits offset+1 to "
           "offset+n. since/until take '2025-08-12', '2025-08', '2025', '7d' or '2w'; "
           "source a name or a list of names; path a glob or a list of globs ('sport/*.md'); "
           "sort 'relevance' or 'date' (newest first); "
           "prefer_recent=DAYS raises recent passages (up to 25 %, halved every DAYS days). "
           "Raises InvalidArgument for an option it cannot read, IoError if the index "
           "cannot be read.")
      .def("article", &PySearcher::article, py::arg("id"),
           "The article of a hit's article_id, or None if the index no longer holds it. "
           "Raises InvalidArgument if id is not 16 hex digits.")
      .def("reopen", &PySearcher::reopen,
           "Moves to the index's latest commit now (search() does it itself).")
      .def("load_thesaurus", &PySearcher::load_thesaurus, py::arg("path"),
           "Replaces the built-in thesaurus: one group of synonyms per line, "
           "comma-separated, '#' for comments.");

  py::class_<furet::FileNote>(m, "FileNote", "A file an update skipped or warns about.")
      .def_readonly("path", &furet::FileNote::path)
      .def_readonly("reason", &furet::FileNote::reason)
      .def_readonly("kept", &furet::FileNote::kept,
                    "not read this time for a passing reason; the index keeps what it held")
      .def("__repr__", [](const furet::FileNote& note) {
        return "<furet.FileNote " + std::string(py::repr(to_str(note.path))) + ": " + note.reason +
               ">";
      });

  py::class_<furet::UpdateReport>(m, "UpdateReport", "What one update did.")
      .def_readonly("added", &furet::UpdateReport::added)
      .def_readonly("updated", &furet::UpdateReport::updated)
      .def_readonly("removed", &furet::UpdateReport::removed)
      .def_readonly("unchanged", &furet::UpdateReport::unchanged)
      .def_readonly("skipped", &furet::UpdateReport::skipped)
      .def_readonly("warnings", &furet::UpdateReport::warnings)
      .def_readonly("passages_written", &furet::UpdateReport::passages_written)
      .def_readonly("bytes_read", &furet::UpdateReport::bytes_read)
      .def_readonly("seconds", &furet::UpdateReport::seconds)
      .def_property_readonly("changed", &furet::UpdateReport::changed);

  py::class_<furet::IndexStatus>(m, "IndexStatus", "What an index holds.")
      .def_readonly("articles", &furet::IndexStatus::articles)
      .def_readonly("passages", &furet::IndexStatus::passages)
      .def_readonly("terms", &furet::IndexStatus::terms)
      .def_readonly("bytes", &furet::IndexStatus::bytes)
      .def_readonly("schema", &furet::IndexStatus::schema)
      .def_readonly("analysis", &furet::IndexStatus::analysis)
      .def_readonly("updated", &furet::IndexStatus::updated,
                    "last update that changed something, seconds since the epoch")
      .def_readonly("shards", &furet::IndexStatus::shards);

  py::class_<furet::IndexCheck>(m, "IndexCheck", "What Index.check() found.")
      .def_readonly("articles", &furet::IndexCheck::articles)
      .def_readonly("passages", &furet::IndexCheck::passages)
      .def_readonly("databases", &furet::IndexCheck::databases)
      .def_readonly("problems", &furet::IndexCheck::problems,
                    "a sentence per fault, naming the file or article")
      .def_property_readonly("sound", &furet::IndexCheck::sound);

  py::class_<PyIndex>(m, "Index",
                      "An index folder to build and update (furet-index). An update takes "
                      "the index's write lock for its own duration.")
      .def(py::init<std::string, std::size_t>(), py::arg("path"), py::arg("shards") = 0,
           "shards > 1 makes a new or rebuilt index sharded; 0 keeps the index's layout.")
      .def("update", &PyIndex::update, py::arg("paths"), py::kw_only(), py::arg("rebuild") = false,
           py::arg("threads") = 0, py::arg("follow_links") = false,
           "Brings the index in line with the files and folders in `paths` and commits "
           "once. Raises InvalidArgument if the folder holds files furet did not make "
           "(nothing is written there), IndexLocked if another process is updating it, "
           "IncompatibleIndex, or IoError.")
      .def("status", &PyIndex::status, "Raises IndexNotFound if there is no index.")
      .def("check", &PyIndex::check, "Checks every table and the manifest; changes nothing.")
      .def_property_readonly("path", &PyIndex::path);
}
