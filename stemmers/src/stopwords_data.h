// The text of data/stopwords_fr.txt, embedded at build time (stopwords_data.cc.in).
#ifndef FURET_STEMMERS_SRC_STOPWORDS_DATA_H_
#define FURET_STEMMERS_SRC_STOPWORDS_DATA_H_

#include <string_view>

namespace furet::detail {
extern const std::string_view kStopwordsText;
}  // namespace furet::detail

#endif  // FURET_STEMMERS_SRC_STOPWORDS_DATA_H_
