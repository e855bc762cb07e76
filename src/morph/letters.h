// Arabic letters as small codes, the unit the segmenter works on.
//
// A word is decoded once into codes (one per letter, marks and tatweel skipped) with the byte
// offset of each letter in the original word; everything after that compares small integers.
// Alef forms fold to ا and ى to ي (a separate flag keeps whether an alef carried hamza, since
// أل is never the article); ة, ء, ؤ, ئ stay distinct.
#ifndef KASHIF_SRC_MORPH_LETTERS_H_
#define KASHIF_SRC_MORPH_LETTERS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kashif::internal {

// Codes 1..42 are U+0621..U+064A minus 0x620 (after folding); 43..47 are Persian letters that
// Arabic text uses for foreign sounds (پ چ ژ ڤ گ). 0 means "not a letter".
namespace letter {
inline constexpr uint8_t kHamza = 0x21 - 0x20;
inline constexpr uint8_t kWawHamza = 0x24 - 0x20;
inline constexpr uint8_t kYehHamza = 0x26 - 0x20;
inline constexpr uint8_t kAlef = 0x27 - 0x20;
inline constexpr uint8_t kBeh = 0x28 - 0x20;
inline constexpr uint8_t kTehMarbuta = 0x29 - 0x20;
inline constexpr uint8_t kTeh = 0x2A - 0x20;
inline constexpr uint8_t kSeen = 0x33 - 0x20;
inline constexpr uint8_t kFeh = 0x41 - 0x20;
inline constexpr uint8_t kKaf = 0x43 - 0x20;
inline constexpr uint8_t kLam = 0x44 - 0x20;
inline constexpr uint8_t kMeem = 0x45 - 0x20;
inline constexpr uint8_t kNoon = 0x46 - 0x20;
inline constexpr uint8_t kHeh = 0x47 - 0x20;
inline constexpr uint8_t kWaw = 0x48 - 0x20;
inline constexpr uint8_t kYeh = 0x4A - 0x20;
inline constexpr uint8_t kMaxCode = 47;
}  // namespace letter

// A decoded word: codes plus where each letter starts in the original bytes.
struct LetterWord {
  static constexpr size_t kCapacity = 48;
  uint8_t code[kCapacity];
  bool hamza_alef[kCapacity];  // the alef was written أ إ آ (not the article's bare ا)
  uint32_t begin[kCapacity + 1];  // begin[n] == word size: letter i spans [begin[i], begin[i+1])
  size_t size = 0;
  // PackLetters(code, 0, size) when size <= 10 (garbage otherwise): built while decoding, which
  // is cheaper than a second pass over the letters for the lexicon probes.
  uint64_t packed = 0;
  // Set when the word went through the Normalizer: only then can two letters share bytes (a
  // ligature such as ﻻ), so that a part of the word may have an empty byte span.
  bool via_normalizer = false;
};

enum class DecodeResult {
  kOk,          // every character was an Arabic letter, mark or tatweel
  kNeedsNormalizer,  // presentation forms, invisible characters, ... : go the slow way
  kNotArabic,   // digits, Latin, punctuation, invalid UTF-8, too long: leave the word whole
};

// Decodes plain Arabic words (the common case) without allocating.
DecodeResult DecodeLetters(std::string_view word, LetterWord* out);

// Appends the UTF-8 spelling of a letter code.
void AppendLetter(uint8_t code, std::string* out);

// Packs letters [from, to) into a 64-bit key (6 bits a letter); 0 when longer than 10 letters.
inline uint64_t PackLetters(const uint8_t* code, size_t from, size_t to) {
  if (to - from > 10 || to <= from) return 0;
  uint64_t key = 0;
  for (size_t i = from; i < to; ++i) key = (key << 6) | code[i];
  return key;
}

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MORPH_LETTERS_H_
