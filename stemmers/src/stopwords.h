// The French stopword list (data/stopwords_fr.txt, compiled in).
#ifndef FURET_STEMMERS_SRC_STOPWORDS_H_
#define FURET_STEMMERS_SRC_STOPWORDS_H_

#include <string_view>

namespace furet::detail {

/// True if `folded` (a word folded by detail::fold) is a French stopword.
bool is_stopword(std::string_view folded);

}  // namespace furet::detail

#endif  // FURET_STEMMERS_SRC_STOPWORDS_H_
