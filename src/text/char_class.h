// Character classes for tokenizing and normalizing, computed once from ICU's Unicode data.
#ifndef KASHIF_SRC_TEXT_CHAR_CLASS_H_
#define KASHIF_SRC_TEXT_CHAR_CLASS_H_

#include <cstdint>
#include <cstring>

namespace kashif::internal {

enum class CharClass : uint8_t {
  kSpace,         // white space and line/paragraph separators, C0/C1 controls
  kFormat,        // invisible format characters (ZWNJ, ZWJ, LRM, RLM, ALM, BOM, ...)
  kArabicLetter,  // letters of the Arabic script, presentation forms included
  kArabicMark,    // marks inside Arabic words: tashkeel, Quranic marks, tatweel
  kLetter,        // letters of any other script
  kMark,          // combining marks of other scripts
  kDigit,         // decimal digits of any script
  kPunct,         // punctuation
  kSymbol,        // symbols (currency, math, emoji, ...)
  kOther,         // unassigned, private use, and anything else
};

// The class of `cp` (any Unicode scalar value). Thread-safe; the first call builds the table.
CharClass ClassOf(char32_t cp);

// The class of every BMP code point (0x10000 entries), for hot loops that look up each
// character: ClassOf(cp) == BmpClasses()[cp] for cp < 0x10000.
const CharClass* BmpClasses();

// Two bytes of text as one native 16-bit load: the index of the tables below and of the
// normalizer's, which take a two-byte character (or an ASCII byte) per load.
inline uint16_t PairIndex(const unsigned char* bytes) {
  uint16_t index;
  std::memcpy(&index, bytes, 2);
  return index;
}

// By PairIndex of two bytes of UTF-8: 1 when they encode one Arabic letter or mark
// (kArabicLetter, kArabicMark), else 0. The tokenizer walks an Arabic word with one load per
// character instead of testing the lead and continuation bytes and classing the code point.
const uint8_t* ArabicWordPairs();

// The decimal value of a digit (0-9) of any script, or -1.
int DigitValue(char32_t cp);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_TEXT_CHAR_CLASS_H_
