// The article of a web page: its main text and what the page says about it.
#ifndef FURET_INDEXER_SRC_EXTRACT_HTML_ARTICLE_H_
#define FURET_INDEXER_SRC_EXTRACT_HTML_ARTICLE_H_

#include <string>
#include <string_view>

namespace furet::detail {

/// What a page's markup says about its article; empty where it says nothing.
struct PageMetadata {
  std::string title;      ///< the headline, without the site's name
  std::string published;  ///< publication date, as the page gives it (ISO 8601 mostly)
  std::string author;
  std::string site;      ///< the site or publisher's name
  std::string url;       ///< canonical address
  std::string language;  ///< as the page declares it ("fr", "en-GB")
};

/// A page's article: its blocks (paragraphs, headings, list items, table
/// rows, lines of preformatted text), one per line, and its metadata.
struct HtmlArticle {
  std::string text;
  PageMetadata metadata;
};

/// Finds the article in UTF-8 HTML, as a reader would: the page is parsed as
/// a browser parses it (HTML5, gumbo), what is never shown is dropped
/// (scripts, hidden elements, form controls), and the main content is chosen
/// from the page's structure: semantic elements (<article>, <main>,
/// itemprop="articleBody"), where text concentrates in paragraphs rather
/// than in links, and the names pages give their parts (class, id and role:
/// "nav", "share", "related", "comment", "cookie"…). Control characters
/// never reach the text. Linear in the page's size.
HtmlArticle extract_html_article(std::string_view html);

/// The charset a page declares in its first kilobytes (<meta charset="…">, or
/// http-equiv Content-Type), lower-case; empty if none. Read, as browsers
/// do, before the page is decoded.
std::string declared_charset(std::string_view html);

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_EXTRACT_HTML_ARTICLE_H_
