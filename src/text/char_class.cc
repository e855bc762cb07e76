#include "text/char_class.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <memory>

namespace kashif::internal {
namespace {

bool IsArabicPresentationForm(char32_t cp) {
  return (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
}

CharClass Compute(char32_t cp) {
  if (cp == 0xFEFF || cp == 0x061C || cp == 0x00AD) return CharClass::kFormat;
  if (cp == 0x0640) return CharClass::kArabicMark;
  // Percent and per-mille signs are punctuation to Unicode but symbols to a reader of amounts.
  if (cp == U'%' || cp == 0x066A || cp == 0x2030 || cp == 0x0609 || cp == 0x060A) {
    return CharClass::kSymbol;
  }  // tatweel stretches a word; it never splits one
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return CharClass::kSpace;
  const UChar32 c = static_cast<UChar32>(cp);
  // No u_isUWhiteSpace: every White_Space character is a control or a space, line or
  // paragraph separator (Cc, Zs, Zl, Zp), which the switch below makes kSpace, and the lookup
  // for each of the 64K code points of the BMP table was a fifth of its startup cost.
  const int8_t type = u_charType(c);
  // The script is asked only of letters and marks, the only classes it splits: the table of
  // every BMP code point is built at startup, and the script lookups were most of its cost.
  const auto arabic = [&] {
    UErrorCode status = U_ZERO_ERROR;
    return IsArabicPresentationForm(cp) || uscript_getScript(c, &status) == USCRIPT_ARABIC ||
           (type == U_NON_SPACING_MARK && uscript_hasScript(c, USCRIPT_ARABIC));
  };
  switch (type) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return arabic() ? CharClass::kArabicLetter : CharClass::kLetter;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
      return arabic() ? CharClass::kArabicMark : CharClass::kMark;
    case U_DECIMAL_DIGIT_NUMBER:
      return CharClass::kDigit;
    case U_FORMAT_CHAR:
      // Arabic number signs (U+0600-U+0605) and the end-of-ayah marks are visible signs that
      // Unicode files as format characters; they carry meaning, so they are symbols here.
      return (cp >= 0x0600 && cp <= 0x0605) || cp == 0x06DD || cp == 0x08E2 ? CharClass::kSymbol
                                                                             : CharClass::kFormat;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return CharClass::kPunct;
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return CharClass::kSymbol;
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_CONTROL_CHAR:
      return CharClass::kSpace;
    default:
      return CharClass::kOther;
  }
}

struct BmpTable {
  std::array<CharClass, 0x10000> classes;
  std::array<int8_t, 0x10000> digits;
  std::array<uint8_t, 0x10000> arabic_word_pairs{};
  BmpTable() {
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        classes[cp] = CharClass::kOther;
        digits[cp] = -1;
        continue;
      }
      classes[cp] = Compute(cp);
      digits[cp] = classes[cp] == CharClass::kDigit
                       ? static_cast<int8_t>(u_charDigitValue(static_cast<UChar32>(cp)))
                       : int8_t{-1};
    }
    for (char32_t cp = 0x80; cp < 0x800; ++cp) {
      if (classes[cp] == CharClass::kArabicLetter || classes[cp] == CharClass::kArabicMark) {
        const unsigned char utf8[2] = {static_cast<unsigned char>(0xC0 | cp >> 6),
                                       static_cast<unsigned char>(0x80 | (cp & 0x3F))};
        arabic_word_pairs[PairIndex(utf8)] = 1;
      }
    }
  }
};

const BmpTable& Table() {
  static const BmpTable* const table = new BmpTable();  // never destroyed: used at exit too
  return *table;
}

}  // namespace

const CharClass* BmpClasses() { return Table().classes.data(); }

const uint8_t* ArabicWordPairs() { return Table().arabic_word_pairs.data(); }

CharClass ClassOf(char32_t cp) {
  if (cp < 0x10000) return Table().classes[cp];
  if (cp > 0x10FFFF) return CharClass::kOther;
  return Compute(cp);
}

int DigitValue(char32_t cp) {
  if (cp < 0x10000) return Table().digits[cp];
  if (cp > 0x10FFFF) return -1;
  return u_charType(static_cast<UChar32>(cp)) == U_DECIMAL_DIGIT_NUMBER
             ? u_charDigitValue(static_cast<UChar32>(cp))
             : -1;
}

}  // namespace kashif::internal
