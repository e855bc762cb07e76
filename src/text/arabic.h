// The few Arabic forms the code tests for by value. Words that are looked up (cues, number
// words, date words, names) are data, in data/*.tsv; these are the pieces of the script the
// analysis itself relies on.
#ifndef KASHIF_SRC_TEXT_ARABIC_H_
#define KASHIF_SRC_TEXT_ARABIC_H_

#include <string_view>

namespace kashif::internal {

// The definite article ال, as written and in match form (the fold leaves it as it is).
inline constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";

}  // namespace kashif::internal

#endif  // KASHIF_SRC_TEXT_ARABIC_H_
