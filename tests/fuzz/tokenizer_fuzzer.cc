// Tokenizer: tokens are in order, disjoint, non-empty, on character boundaries and equal to the
// input at their span; only white space and format characters lie between them; no token holds
// white space; invalid bytes are one-byte kOther tokens; glued_to_previous tells the truth.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "kashif/tokenizer.h"
#include "text/char_class.h"
#include "text/utf8.h"

using kashif::internal::CharClass;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const kashif::Tokenizer tokenizer;
  const std::vector<kashif::Token> tokens = tokenizer.Tokenize(text);
  const std::vector<bool> starts = kashif::fuzz::UnitStarts(text);

  std::vector<kashif::Token> appended = {kashif::Token{}};
  tokenizer.Tokenize(text, &appended);
  FUZZ_CHECK(appended.size() == tokens.size() + 1);

  size_t previous_end = 0;
  char32_t cp;
  for (size_t t = 0; t < tokens.size(); ++t) {
    const kashif::Token& token = tokens[t];
    FUZZ_CHECK(token.begin == appended[t + 1].begin && token.end == appended[t + 1].end &&
               token.kind == appended[t + 1].kind);
    FUZZ_CHECK(token.begin < token.end);
    FUZZ_CHECK(token.end <= text.size());
    FUZZ_CHECK(token.begin >= previous_end);
    FUZZ_CHECK(starts[token.begin] && starts[token.end]);
    FUZZ_CHECK(token.text(text) == text.substr(token.begin, token.end - token.begin));

    // The gap before the token: only white space and invisible format characters, and the
    // token is glued exactly when there is no white space in it.
    bool gap_has_space = false;
    for (size_t i = previous_end; i < token.begin;) {
      const size_t len = kashif::internal::DecodeUtf8(text, i, &cp);
      FUZZ_CHECK(len != 0);  // an invalid byte is a token, never skipped
      const CharClass cls = kashif::internal::ClassOf(cp);
      FUZZ_CHECK(cls == CharClass::kSpace || cls == CharClass::kFormat);
      gap_has_space |= cls == CharClass::kSpace;
      i += len;
    }
    FUZZ_CHECK(token.glued_to_previous == (t > 0 && !gap_has_space));

    // Inside the token: no white space; an invalid byte only as a whole one-byte kOther token.
    for (size_t i = token.begin; i < token.end;) {
      const size_t len = kashif::internal::DecodeUtf8(text, i, &cp);
      if (len == 0) {
        FUZZ_CHECK(token.kind == kashif::TokenKind::kOther);
        FUZZ_CHECK(token.end - token.begin == 1);
        break;
      }
      FUZZ_CHECK(kashif::internal::ClassOf(cp) != CharClass::kSpace);
      i += len;
    }
    if (token.kind == kashif::TokenKind::kNumber) {
      // A number starts and ends with a digit.
      FUZZ_CHECK(kashif::internal::DecodeUtf8(text, token.begin, &cp) != 0);
      FUZZ_CHECK(kashif::internal::ClassOf(cp) == CharClass::kDigit);
    }
    previous_end = token.end;
  }
  // The tail after the last token is white space or format characters too.
  for (size_t i = previous_end; i < text.size();) {
    const size_t len = kashif::internal::DecodeUtf8(text, i, &cp);
    FUZZ_CHECK(len != 0);
    const CharClass cls = kashif::internal::ClassOf(cp);
    FUZZ_CHECK(cls == CharClass::kSpace || cls == CharClass::kFormat);
    i += len;
  }
  return 0;
}
