// Turns the raw bytes of a text file of unknown encoding into valid UTF-8.
#ifndef FURET_INDEXER_SRC_EXTRACT_TEXT_DECODER_H_
#define FURET_INDEXER_SRC_EXTRACT_TEXT_DECODER_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace furet::detail {

/// Result of turning a file's raw bytes into UTF-8.
struct DecodedText {
  std::string utf8;      ///< the text as valid UTF-8 (BOM removed)
  std::string encoding;  ///< what it was decoded from: "UTF-8", "UTF-16LE", "windows-1252", ...
  std::size_t invalid_bytes = 0;  ///< bytes that were not valid in that encoding and became U+FFFD
};

/// True if the bytes look like a binary file (NUL bytes in the first 8 KiB without a UTF-16/32 BOM,
/// or a large share of control characters other than \t \n \r \f).
bool looks_binary(std::string_view bytes);

/// Decodes bytes: valid UTF-8 (optional BOM) is kept as is; a UTF-16LE/BE or UTF-32LE/BE BOM is
/// honoured; UTF-8 with a few invalid sequences (at least as many valid multi-byte sequences as
/// invalid ones) is kept as UTF-8 with U+FFFD replacements; otherwise ICU's CharsetDetector picks a
/// legacy encoding (ISO-8859-1 is reported and decoded as windows-1252, its printable superset),
/// converted with ucnv. When detection fails or says UTF-8, the text is decoded as windows-1252 if
/// it holds no valid multi-byte UTF-8 sequence at all, else as UTF-8 with U+FFFD replacements.
/// `declared` is the charset the document names for itself (an HTML page's
/// <meta charset>, lower-case), tried before detection when the bytes are not
/// UTF-8. Every conversion, Unicode's included, goes through ICU's converters (ucnv), whose
/// callback replaces each invalid sequence by U+FFFD and counts its bytes. Never throws on any
/// input (except std::bad_alloc).
DecodedText decode_text(std::string_view bytes, std::string_view declared = {});

}  // namespace furet::detail

#endif  // FURET_INDEXER_SRC_EXTRACT_TEXT_DECODER_H_
