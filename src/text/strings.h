// Small string tests every stage uses on match forms. Inline and branch-light: they run on
// every token, and std::string_view::substr's bounds check kept the old copies from inlining.
#ifndef KASHIF_SRC_TEXT_STRINGS_H_
#define KASHIF_SRC_TEXT_STRINGS_H_

#include <cstring>
#include <string_view>

namespace kashif::internal {

inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && std::memcmp(s.data(), prefix.data(), prefix.size()) == 0;
}

inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         std::memcmp(s.data() + s.size() - suffix.size(), suffix.data(), suffix.size()) == 0;
}

// The number of code points of valid UTF-8 (continuation bytes are not counted).
inline size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace kashif::internal

#endif  // KASHIF_SRC_TEXT_STRINGS_H_
