#include "morph/letters.h"

#include <array>

namespace kashif::internal {
namespace {

// What a code point of U+0600..U+06FF is to the segmenter.
enum : uint8_t { kOther = 0, kSkip = 0xFE, kHamzaAlefFlag = 0x80 };

// Per code point of the Arabic block: a letter code (with kHamzaAlefFlag for أ إ آ), kSkip for
// marks and tatweel (they ride with the letter before them), or kOther.
constexpr std::array<uint8_t, 256> BuildArabicTable() {
  std::array<uint8_t, 256> t{};
  for (int cp = 0x21; cp <= 0x4A; ++cp) t[cp] = static_cast<uint8_t>(cp - 0x20);
  t[0x22] = letter::kAlef | kHamzaAlefFlag;  // آ
  t[0x23] = letter::kAlef | kHamzaAlefFlag;  // أ
  t[0x25] = letter::kAlef | kHamzaAlefFlag;  // إ
  t[0x49] = letter::kYeh;                    // ى
  t[0x40] = kSkip;                           // tatweel
  for (int cp = 0x4B; cp <= 0x5F; ++cp) t[cp] = kSkip;  // tashkeel and other marks
  t[0x70] = kSkip;                                      // superscript alef
  t[0x71] = letter::kAlef;                              // alef wasla
  t[0x7E] = 43;                                         // پ
  t[0x86] = 44;                                         // چ
  t[0x98] = 45;                                         // ژ
  t[0xA4] = 46;                                         // ڤ
  t[0xAF] = 47;                                         // گ
  t[0xA9] = letter::kKaf;                               // Persian kaf
  t[0xCC] = letter::kYeh;                               // Persian yeh
  t[0xD5] = letter::kHeh;                               // ae
  return t;
}

constexpr std::array<uint8_t, 256> kArabic = BuildArabicTable();

constexpr char32_t kPersianLetters[] = {0x067E, 0x0686, 0x0698, 0x06A4, 0x06AF};

}  // namespace

DecodeResult DecodeLetters(std::string_view word, LetterWord* out) {
  const auto* s = reinterpret_cast<const unsigned char*>(word.data());
  const size_t size = word.size();
  size_t n = 0;
  size_t i = 0;
  uint64_t packed = 0;
  while (i < size) {
    const unsigned char b0 = s[i];
    if ((b0 & 0xFC) == 0xD8 && i + 1 < size && (s[i + 1] & 0xC0) == 0x80) {
      const uint8_t v = kArabic[((b0 & 0x03u) << 6) | (s[i + 1] & 0x3Fu)];  // by cp - 0x600
      if (v == kOther) return DecodeResult::kNotArabic;
      if (v != kSkip) {
        if (n == LetterWord::kCapacity) return DecodeResult::kNotArabic;
        out->code[n] = v & 0x3F;
        packed = (packed << 6) | (v & 0x3F);
        out->hamza_alef[n] = v > kHamzaAlefFlag;
        out->begin[n] = static_cast<uint32_t>(i);
        ++n;
      }
      i += 2;
      continue;
    }
    // Zero-width and directional controls (U+200B..U+200F, U+202A..U+202E, U+2060..U+2069,
    // BOM) and presentation forms (U+FB50..U+FEFF) need the Normalizer.
    if ((b0 == 0xE2 && i + 1 < size && (s[i + 1] == 0x80 || s[i + 1] == 0x81)) ||
        (b0 == 0xEF && i + 1 < size && s[i + 1] >= 0xAD && s[i + 1] <= 0xBB)) {
      return DecodeResult::kNeedsNormalizer;
    }
    return DecodeResult::kNotArabic;
  }
  if (n == 0) return DecodeResult::kNotArabic;
  out->begin[0] = 0;  // marks before the first letter ride with it
  out->begin[n] = static_cast<uint32_t>(size);
  out->size = n;
  out->packed = packed;
  return DecodeResult::kOk;
}

void AppendLetter(uint8_t code, std::string* out) {
  char32_t cp;
  if (code >= 1 && code <= 42) {
    cp = 0x0620 + code;
  } else if (code >= 43 && code <= letter::kMaxCode) {
    cp = kPersianLetters[code - 43];
  } else {
    return;
  }
  // Every code is in U+0600..U+07FF: two bytes.
  out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
  out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
}

}  // namespace kashif::internal
