// Shared helpers for the fuzz targets: invariant checks that abort with a readable message
// (libFuzzer then saves the input; the replay main reports the file), and UTF-8 boundary
// bookkeeping so every target checks spans the same way.
#ifndef KASHIF_TESTS_FUZZ_FUZZ_UTIL_H_
#define KASHIF_TESTS_FUZZ_FUZZ_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/status.h"
#include "text/utf8.h"

// Not assert(): the checks must stay on in release and replay builds.
#define FUZZ_CHECK(cond)                                                            \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                 \
    }                                                                               \
  } while (0)

namespace kashif::fuzz {

// Where characters start in `text`, under the library's policy that an invalid byte is a
// one-byte unit of its own. starts[i] is true when a unit begins at byte i; starts[size] is
// true too, so a half-open span [b, e) is on boundaries iff starts[b] && starts[e].
inline std::vector<bool> UnitStarts(std::string_view text) {
  std::vector<bool> starts(text.size() + 1, false);
  char32_t cp;
  for (size_t i = 0; i < text.size();) {
    starts[i] = true;
    const size_t n = internal::DecodeUtf8(text, i, &cp);
    i += n == 0 ? 1 : n;
  }
  starts[text.size()] = true;
  return starts;
}

// Consumes bytes from the front of the fuzz input to choose options; the rest is the text.
class ByteSource {
 public:
  ByteSource(const uint8_t* data, size_t size)
      : data_(reinterpret_cast<const char*>(data)), size_(size) {}
  uint8_t Byte() {
    if (pos_ >= size_) return 0;
    return static_cast<uint8_t>(data_[pos_++]);
  }
  bool Bit() { return (Byte() & 1) != 0; }
  std::string_view Rest() const { return std::string_view(data_ + pos_, size_ - pos_); }

 private:
  const char* data_;
  size_t size_;
  size_t pos_ = 0;
};

// Exact decimal as the public API writes it: an optional '-' (the number parser reads "-5" and
// "−5"; never "-0"), no exponent, no grouping, no leading zeros (except "0"), no trailing
// fractional zeros, no bare trailing point.
inline bool IsCanonicalDecimal(std::string_view s) {
  if (!s.empty() && s[0] == '-') {
    s.remove_prefix(1);
    if (s == "0") return false;
  }
  if (s.empty()) return false;
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == 0) return false;
  if (i > 1 && s[0] == '0') return false;
  if (i == s.size()) return true;
  if (s[i] != '.' || i + 1 == s.size()) return false;
  for (size_t j = i + 1; j < s.size(); ++j) {
    if (s[j] < '0' || s[j] > '9') return false;
  }
  return s.back() != '0';
}

// A user TSV loader's error: kInvalidArgument, "<source>:<line>: ...", a line of `content`.
inline void CheckTsvError(const Status& status, std::string_view content,
                          const std::string& source) {
  const std::string& message = status.message();
  FUZZ_CHECK(status.code() == StatusCode::kInvalidArgument);
  FUZZ_CHECK(message.rfind(source + ":", 0) == 0);
  const size_t line = std::stoul(message.substr(source.size() + 1));
  size_t lines = 1;
  for (char c : content) lines += c == '\n';
  FUZZ_CHECK(line >= 1 && line <= lines);
}

}  // namespace kashif::fuzz

#endif  // KASHIF_TESTS_FUZZ_FUZZ_UTIL_H_
