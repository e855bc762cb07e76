#include "kashif/tokenizer.h"

#include "text/char_class.h"
#include "text/utf8.h"

namespace kashif {
namespace {

using internal::CharClass;
using internal::ClassOf;

// Separators that may stand between digits inside one number: 1,000  3.5  ٢٧٫٥  ١٬٠٠٠
// 27/2/2025  2025-02-27  1،5 (the Arabic comma is used as a decimal mark in some countries).
bool IsNumberSeparator(char32_t cp) {
  switch (cp) {
    case U',': case U'.': case U'/': case U'-': case U'\u066B': case U'\u066C':
    case U'\u060C': case U'\u2212':
      return true;
    default:
      return false;
  }
}

// The character tables, fetched once per process rather than by two calls per Tokenize (one
// per document, and one per entry while the lexicons are compiled).
const CharClass* Classes() {
  static const CharClass* const classes = internal::BmpClasses();
  return classes;
}
const uint8_t* ArabicPairs() {
  static const uint8_t* const pairs = internal::ArabicWordPairs();
  return pairs;
}

struct Cursor {
  std::string_view text;
  size_t pos = 0;
  const CharClass* classes = Classes();
  const uint8_t* arabic_pairs = ArabicPairs();
  // Decodes the character at `at`; len 0 marks an invalid byte.
  CharClass Peek(size_t at, char32_t* cp, size_t* len) const {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const unsigned char b = s[at];
    if (b < 0x80) {
      *cp = b;
      *len = 1;
      return classes[b];
    }
    // Two-byte sequences (Arabic among them) without the general decoder.
    if (internal::DecodeTwoByteUtf8(s + at, text.size() - at, cp)) {
      *len = 2;
      return classes[*cp];
    }
    *len = internal::DecodeUtf8(text, at, cp);
    if (*len == 0) return CharClass::kOther;
    return ClassOf(*cp);
  }
};

bool IsWordPart(CharClass c, bool arabic) {
  if (arabic) return c == CharClass::kArabicLetter || c == CharClass::kArabicMark;
  return c == CharClass::kLetter || c == CharClass::kMark;
}

}  // namespace

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kArabicWord: return "arabic";
    case TokenKind::kLatinWord: return "latin";
    case TokenKind::kNumber: return "number";
    case TokenKind::kPunctuation: return "punct";
    case TokenKind::kSymbol: return "symbol";
    case TokenKind::kOther: return "other";
  }
  return "other";
}

void Tokenizer::Tokenize(std::string_view text, std::vector<Token>* tokens) const {
  Cursor cur{text, 0};
  const size_t n = text.size();
  bool glued = false;  // no space since the previous token
  bool have_previous = false;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  char32_t cp;
  size_t len;
  while (cur.pos < n) {
    const size_t start = cur.pos;
    if (s[start] == ' ') {  // the usual separator, without the class lookup
      ++cur.pos;
      glued = false;
      continue;
    }
    CharClass cls;
    if (start + 1 < n && cur.arabic_pairs[internal::PairIndex(s + start)] != 0) {
      // The first letter (or mark) of an Arabic word, the usual token, without the decoder.
      cls = CharClass::kArabicLetter;
      len = 2;
    } else {
      cls = cur.Peek(start, &cp, &len);
    }
    if (len != 0 && (cls == CharClass::kSpace || cls == CharClass::kFormat)) {
      cur.pos += len;
      if (cls == CharClass::kSpace) glued = false;
      continue;
    }
    TokenKind kind;
    size_t end = start + (len == 0 ? 1 : len);
    if (len == 0) {
      kind = TokenKind::kOther;
    } else if (cls == CharClass::kArabicLetter || cls == CharClass::kArabicMark ||
               cls == CharClass::kLetter || cls == CharClass::kMark) {
      const bool arabic = cls == CharClass::kArabicLetter || cls == CharClass::kArabicMark;
      kind = arabic ? TokenKind::kArabicWord : TokenKind::kLatinWord;
      // A word runs over letters and marks of its script; format characters (ZWNJ, ZWJ) stay
      // inside when a letter follows. Latin-side words also take ASCII digits (G20, mp3).
      if (arabic) {
        // Most of an Arabic word is two-byte letters and marks: they are taken by one table
        // load per character (internal::ArabicWordPairs) without the general decoder; the
        // loop below looks at whatever stops this one, unless it is ASCII (never a letter,
        // mark or format character of an Arabic word), as the space after a word usually is.
        const uint8_t* const pairs = cur.arabic_pairs;
        // Two characters per step while four bytes remain (one test for both).
        while (end + 3 < n && (pairs[internal::PairIndex(s + end)] &
                               pairs[internal::PairIndex(s + end + 2)]) != 0) {
          end += 4;
        }
        while (end + 1 < n && pairs[internal::PairIndex(s + end)] != 0) end += 2;
      }
      while (end < n && !(arabic && s[end] < 0x80)) {
        size_t l;
        const CharClass c = cur.Peek(end, &cp, &l);
        if (l == 0) break;
        if (IsWordPart(c, arabic) || (!arabic && cp >= U'0' && cp <= U'9')) {
          end += l;
          continue;
        }
        if (c == CharClass::kFormat && end + l < n) {
          size_t l2;
          char32_t cp2;
          const CharClass next = cur.Peek(end + l, &cp2, &l2);
          if (l2 != 0 && IsWordPart(next, arabic)) {
            end += l;
            continue;
          }
        }
        break;
      }
    } else if (cls == CharClass::kDigit) {
      kind = TokenKind::kNumber;
      while (end < n) {
        size_t l;
        const CharClass c = cur.Peek(end, &cp, &l);
        if (l == 0) break;
        if (c == CharClass::kDigit) {
          end += l;
          continue;
        }
        if (IsNumberSeparator(cp) && end + l < n) {
          size_t l2;
          char32_t cp2;
          if (cur.Peek(end + l, &cp2, &l2) == CharClass::kDigit && l2 != 0) {
            end += l + l2;
            continue;
          }
        }
        break;
      }
    } else if (cls == CharClass::kPunct) {
      kind = TokenKind::kPunctuation;
    } else if (cls == CharClass::kSymbol) {
      kind = TokenKind::kSymbol;
    } else {
      kind = TokenKind::kOther;
    }
    // Written field by field into the vector: a Token assembled on the stack was stored in
    // bytes and reloaded as words, a store-forwarding stall on every token.
    Token& token = tokens->emplace_back();
    token.begin = static_cast<uint32_t>(start);
    token.end = static_cast<uint32_t>(end);
    token.kind = kind;
    token.glued_to_previous = have_previous && glued;
    cur.pos = end;
    glued = true;
    have_previous = true;
  }
}

std::vector<Token> Tokenizer::Tokenize(std::string_view text) const {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 1);
  Tokenize(text, &tokens);
  return tokens;
}

}  // namespace kashif
