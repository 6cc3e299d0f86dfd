// French verbs the Snowball stemmer leaves in pieces (data/verbs_fr.txt, compiled in).
#ifndef FURET_STEMMERS_SRC_VERBS_H_
#define FURET_STEMMERS_SRC_VERBS_H_

#include <string>
#include <string_view>

namespace furet::detail {

/// The infinitive ("concevoir") of which `folded` (a word folded by detail::fold:
/// "concu", "concoivent") is a form, for the verbs of data/verbs_fr.txt; nullptr for
/// any other word, for a form two of its verbs share and for the forms it lists as
/// more often another word.
const std::string* verb_infinitive(std::string_view folded);

}  // namespace furet::detail

#endif  // FURET_STEMMERS_SRC_VERBS_H_
