// French elisions: the article or pronoun glued to a word by an apostrophe.
#ifndef FURET_STEMMERS_SRC_ELISION_H_
#define FURET_STEMMERS_SRC_ELISION_H_

#include <cstddef>
#include <string_view>

namespace furet::detail {

/// Number of bytes at the start of `word` (UTF-8, as written) taken by an elided
/// article or pronoun and its apostrophe: l' m' t' n' s' j' d' c' qu' jusqu' lorsqu'
/// puisqu' quoiqu', in any case and with any apostrophe; 0 if there is none, or if
/// nothing would remain after it. "aujourd'hui" keeps its apostrophe.
std::size_t elided_prefix_bytes(std::string_view word);

}  // namespace furet::detail

#endif  // FURET_STEMMERS_SRC_ELISION_H_
