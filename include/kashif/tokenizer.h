// Tokenizer: splits text into words, numbers, punctuation and symbols with byte spans into the
// caller's text.
//
// Guarantees:
//  - Every token's bytes are exactly text.substr(begin, end - begin); tokens are in order and
//    do not overlap. Only white space (and invisible format characters between tokens) falls
//    between tokens, so no byte of a word is ever lost.
//  - Arabic diacritics, tatweel and zero-width joiners inside a word stay in the word's token.
//  - Invalid UTF-8 policy: each byte that does not start a valid UTF-8 sequence (including
//    encoded surrogates and overlong forms) is one token of kind kOther, one byte long.
//    Offsets never shift; valid text around it is tokenized as usual.
//
// Thread safety: a Tokenizer is immutable; Tokenize() may be called concurrently.
#ifndef KASHIF_TOKENIZER_H_
#define KASHIF_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "kashif/export.h"

namespace kashif {

enum class TokenKind : uint8_t {
  kArabicWord,   // Arabic-script letters (with marks, tatweel, presentation forms)
  kLatinWord,    // letters of any other script, or a word mixing scripts
  kNumber,       // digits of any script with internal separators: 1,000  3.5  ٢٧٫٥  27/2/2025  2025-02-27
  kPunctuation,  // . , ، ؛ ؟ ! « » “ ” ( ) - ...
  kSymbol,       // $ € £ % ٪ + = ...
  kOther,        // anything else: emoji, controls, an invalid UTF-8 byte
};

// Returns "arabic", "latin", "number", "punct", "symbol" or "other".
KASHIF_EXPORT const char* TokenKindName(TokenKind kind);

struct Token {
  uint32_t begin = 0;  // byte offset into the tokenized text
  uint32_t end = 0;    // one past the last byte
  TokenKind kind = TokenKind::kOther;
  // True when no white space separates this token from the previous one ("2022م", "(د").
  bool glued_to_previous = false;

  std::string_view text(std::string_view source) const { return source.substr(begin, end - begin); }
};

class KASHIF_EXPORT Tokenizer {
 public:
  Tokenizer() = default;

  // Tokenizes `text` (up to 4 GiB). The result is appended to *tokens.
  void Tokenize(std::string_view text, std::vector<Token>* tokens) const;
  std::vector<Token> Tokenize(std::string_view text) const;
};

}  // namespace kashif

#endif  // KASHIF_TOKENIZER_H_
