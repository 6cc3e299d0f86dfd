// Writing articles into one database of the index.
#include "store/article_indexer.h"

#include <chrono>
#include <filesystem>
#include <optional>

#include "extract/dates.h"
#include "furet/analysis/article_data.h"
#include "furet/analysis/passage_fingerprint.h"
#include "furet/analysis/schema.h"

namespace furet::detail {
namespace {

// Words worth suggesting as spelling corrections: folded, as written (not
// stemmed), neither stopwords nor codes nor numbers.
constexpr std::size_t kMinSpellingBytes = 3;

// Xapian's limit on a term's length, with room for its prefix.
constexpr std::size_t kMaxTermBytes = 240;

void count_spellings(const Analyzer& analyzer, std::string_view text,
                     const std::vector<Token>& tokens, std::int64_t sign, SpellingDelta& words) {
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord || t.stopword) continue;
    std::string word = analyzer.fold_word(text.substr(t.begin, t.end - t.begin));
    if (word.size() >= kMinSpellingBytes) words[word] += sign;
  }
}

// Stopwords are left out of the index: they are in almost every passage, so they
// would be a third of its postings and positions for no ranking value; the
// positions of the words around them keep their gaps, for phrases. A compound
// ("etat-uni") has no positions of its own: its parts carry them.
void add_terms(Xapian::Document& doc, const std::vector<Token>& tokens) {
  for (const Token& t : tokens) {
    if (t.stopword) continue;
    if (t.kind == TokenKind::kCompound) {
      doc.add_term(t.term);
      if (!t.alt_term.empty()) doc.add_term(t.alt_term);
      continue;
    }
    doc.add_posting(t.term, t.position);
    if (!t.alt_term.empty()) doc.add_posting(t.alt_term, t.position);
  }
}

// The terms by which the index learns the article's site's template
// (site_templates.h); the site is one whose template may now change.
void add_site_terms(Xapian::Document& doc, const std::string& site, const Article& article) {
  doc.add_boolean_term(site_term(site));
  for (const std::uint64_t line : article.zone_lines)
    doc.add_boolean_term(zone_line_term(site, line));
  for (const std::uint64_t line : article.template_lines) {
    doc.add_boolean_term(template_line_term(site, line));
  }
}

}  // namespace

std::string manifest_key(const std::string& id) {
  return std::string(schema::kManifestPrefix) + id;
}

std::string article_term(const std::string& id) { return std::string(schema::kArticlePrefix) + id; }

void apply_spellings(const SpellingDelta& delta, Xapian::WritableDatabase& db) {
  for (const auto& [word, count] : delta) {
    if (count > 0) db.add_spelling(word, static_cast<Xapian::termcount>(count));
    if (count < 0) db.remove_spelling(word, static_cast<Xapian::termcount>(-count));
  }
}

void write_run_metadata(Xapian::WritableDatabase& db, const std::string& config, bool changed) {
  db.set_metadata(std::string(schema::kSchemaKey), std::string(schema::kSchemaVersion));
  db.set_metadata(std::string(schema::kAnalysisKey), config);
  if (changed) {
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now().time_since_epoch());
    db.set_metadata(std::string(schema::kUpdatedKey), std::to_string(now.count()));
  }
}

// One Xapian document per passage: body terms with positions, the article's
// title terms, the article term that groups its passages; the first passage
// also holds the article's display data.
namespace {

// What is not known of an article comes from its file: the modification
// time for a date (flagged as such), the folder for a source.
ArticleData::Metadata completed(ArticleData::Metadata m, const FoundFile& file) {
  if (m.published.empty()) {
    m.published = date_of_mtime(file.mtime_ns);
    m.published_from_file = true;
  }
  if (m.source.empty())
    m.source = std::filesystem::path(file.path).parent_path().filename().string();
  return m;
}

}  // namespace

std::uint32_t ArticleIndexer::write_article(Shard& shard, const std::string& id,
                                            const FoundFile& file, const Article& article) {
  std::vector<std::string> title_terms;  // the same for every passage
  for (const Token& t : analyzer_.analyze(article.title)) {
    if (t.stopword) continue;
    title_terms.push_back(std::string(schema::kTitlePrefix) + t.term);
    if (!t.alt_term.empty()) title_terms.push_back(std::string(schema::kTitlePrefix) + t.alt_term);
  }
  const ArticleData data{file.source, article.title, article.text, article.passages,
                         completed(article.metadata, file)};
  // Filters by date, source and language read these on every passage.
  const std::string date = data.metadata.published.substr(0, 10);
  const std::string source_term =
      std::string(schema::kSourcePrefix) + analyzer_.fold_word(data.metadata.source);
  const std::string language_term =
      std::string(schema::kLanguagePrefix) + analyzer_.fold_word(data.metadata.language);
  const std::string path_term = std::string(schema::kPathPrefix) + data.path;
  const std::string site = site_key(article.metadata.source, file.source);
  touched_sites_.insert(site);
  std::vector<std::string> date_terms;
  if (date.size() == 10) {
    date_terms = {std::string(schema::kYearPrefix) + date.substr(0, 4),
                  std::string(schema::kMonthPrefix) + date.substr(0, 7),
                  std::string(schema::kDayPrefix) + date};
  }
  for (std::uint32_t ordinal = 0; ordinal < data.passages.size(); ++ordinal) {
    const std::string_view text = data.passage(ordinal);
    Xapian::Document doc;
    const std::vector<Token> analysed =
        article.passage_tokens.empty() ? analyzer_.analyze(text) : std::vector<Token>();
    const std::vector<Token>& tokens =
        article.passage_tokens.empty() ? analysed : article.passage_tokens[ordinal];
    add_terms(doc, tokens);
    count_spellings(analyzer_, text, tokens, +1, shard.spellings);
    for (const std::string& term : title_terms) doc.add_term(term);
    doc.add_boolean_term(article_term(id));
    doc.add_value(schema::kArticleIdSlot, id);
    doc.add_value(schema::kPassageOrdinalSlot, Xapian::sortable_serialise(ordinal));
    doc.add_value(schema::kDateSlot, date);
    doc.add_value(schema::kFingerprintSlot, fingerprint_of(tokens).encode());
    for (const std::string& term : date_terms) doc.add_boolean_term(term);
    if (path_term.size() <= kMaxTermBytes) doc.add_boolean_term(path_term);
    if (source_term.size() > schema::kSourcePrefix.size() && source_term.size() <= kMaxTermBytes) {
      doc.add_boolean_term(source_term);
    }
    if (language_term.size() > schema::kLanguagePrefix.size() &&
        language_term.size() <= kMaxTermBytes) {
      doc.add_boolean_term(language_term);
    }
    if (ordinal == 0) {
      doc.set_data(data.encode());
      add_site_terms(doc, site, article);
    }
    shard.db.add_document(doc);
  }
  return static_cast<std::uint32_t>(data.passages.size());
}

// The spellings of the article's passages are withdrawn with them, read from
// the article's data (on its first passage, normally its first document).
void ArticleIndexer::delete_article(Shard& shard, const std::string& id) {
  const std::string term = article_term(id);
  for (auto it = shard.db.postlist_begin(term); it != shard.db.postlist_end(term); ++it) {
    const Xapian::Document first = shard.db.get_document(*it);
    const std::string stored = first.get_data();
    if (stored.empty()) continue;
    if (const std::string site = site_of_document(first); !site.empty()) {
      touched_sites_.insert(site);
    }
    const ArticleData data = ArticleData::decode(stored);
    for (std::uint32_t ordinal = 0; ordinal < data.passages.size(); ++ordinal) {
      const std::string_view text = data.passage(ordinal);
      count_spellings(analyzer_, text, analyzer_.analyze(text), -1, shard.spellings);
    }
    break;
  }
  shard.db.delete_document(term);
}

bool ArticleIndexer::index_file(Shard& shard, const FoundFile& found, const std::string& id,
                                const FileRecord* old, bool rebuild, UpdateReport& report) {
  if (old && !rebuild && old->size == found.size && old->mtime_ns == found.mtime_ns) {
    ++report.unchanged;  // decided from metadata alone: the file is not read
    return true;
  }
  FoundFile file = found;
  try {
    const std::string bytes = read_article_bytes(file);
    report.bytes_read += bytes.size();
    FileRecord record{file.source, file.path, file.size, file.mtime_ns, content_hash(bytes), 0};
    if (old && !rebuild && old->content_hash == record.content_hash) {
      record.passages = old->passages;  // touched, not changed
      ++report.unchanged;
    } else {
      std::optional<TemplateCounts> templates;
      if (template_counts_) templates.emplace(*template_counts_, file.source, template_decisions_);
      const Article article = reader_.read(file.path, bytes, templates ? &*templates : nullptr);
      for (const std::string& w : article.warnings) report.warnings.push_back({file.path, w});
      if (old) delete_article(shard, id);
      record.passages = write_article(shard, id, file, article);
      report.passages_written += record.passages;
      (old ? report.updated : report.added).push_back(file.path);
    }
    shard.db.set_metadata(manifest_key(id), encode(record));
    return true;
  } catch (const SkipReason& skip) {
    const bool kept = skip.transient && old;
    report.skipped.push_back({file.path, skip.reason, skip.transient});
    return kept;
  }
}

}  // namespace furet::detail
