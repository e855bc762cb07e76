#include "kashif/tokenizer.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <string>
#include <vector>

#include "text/char_class.h"

namespace kashif {
namespace {

// "text/kind" for every token, e.g. {"قال/arabic", "،/punct"}.
std::vector<std::string> Describe(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenizer().Tokenize(text)) {
    out.push_back(std::string(t.text(text)) + "/" + TokenKindName(t.kind));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(TokenizerTest, EmptyAndWhitespaceOnly) {
  EXPECT_TRUE(Tokenizer().Tokenize("").empty());
  EXPECT_TRUE(Tokenizer().Tokenize(" \n\t\u00A0\u2003").empty());
}

TEST(TokenizerTest, ArabicSentenceWithArabicPunctuation) {
  EXPECT_EQ(Describe("قال الرئيس، إن «السلام» ممكن؟ نعم؛ بالتأكيد."),
            (V{"قال/arabic", "الرئيس/arabic", "،/punct", "إن/arabic", "«/punct", "السلام/arabic",
               "»/punct", "ممكن/arabic", "؟/punct", "نعم/arabic", "؛/punct",
               "بالتأكيد/arabic", "./punct"}));
}

TEST(TokenizerTest, CurlyQuotesAreSeparateTokens) {
  EXPECT_EQ(Describe("“منصب روسيا”"),
            (V{"“/punct", "منصب/arabic", "روسيا/arabic", "”/punct"}));
}

TEST(TokenizerTest, DiacriticsAndTatweelStayInsideTheWord) {
  EXPECT_EQ(Describe("مُحَمَّدٌ جـــمـيـل"), (V{"مُحَمَّدٌ/arabic", "جـــمـيـل/arabic"}));
}

TEST(TokenizerTest, ZeroWidthNonJoinerInsideAWordKeepsTheWord) {
  EXPECT_EQ(Describe("مي\u200Cخواهم"), (V{"مي\u200Cخواهم/arabic"}));
  // Between words (before a space) it is a separator.
  EXPECT_EQ(Describe("كتاب\u200C كتب"), (V{"كتاب/arabic", "كتب/arabic"}));
}

TEST(TokenizerTest, LigaturesAndPresentationFormsAreArabicWords) {
  EXPECT_EQ(Describe("\uFEFB \uFDF2 \uFE8D\uFEDF\uFEE4"),
            (V{"\uFEFB/arabic", "\uFDF2/arabic", "\uFE8D\uFEDF\uFEE4/arabic"}));
}

TEST(TokenizerTest, NumbersInBothDigitScriptsWithSeparators) {
  EXPECT_EQ(Describe("1,000 3.5 ٢٧٫٥ ١٬٠٠٠ ۱۲۳"),
            (V{"1,000/number", "3.5/number", "٢٧٫٥/number", "١٬٠٠٠/number", "۱۲۳/number"}));
}

TEST(TokenizerTest, DatesWithSlashesAndHyphensAreOneNumber) {
  EXPECT_EQ(Describe("في 27/2/2025 و٢٧/٢/٢٠٢٥ و2025-02-27."),
            (V{"في/arabic", "27/2/2025/number", "و/arabic", "٢٧/٢/٢٠٢٥/number", "و/arabic",
               "2025-02-27/number", "./punct"}));
}

TEST(TokenizerTest, TrailingSeparatorIsNotPartOfTheNumber) {
  EXPECT_EQ(Describe("عام 2022، ثم 2023."),
            (V{"عام/arabic", "2022/number", "،/punct", "ثم/arabic", "2023/number", "./punct"}));
}

TEST(TokenizerTest, PercentAndCurrencySigns) {
  EXPECT_EQ(Describe("5% و٪10 $5 €20 £3 ¥9"),
            (V{"5/number", "%/symbol", "و/arabic", "٪/symbol", "10/number", "$/symbol",
               "5/number", "€/symbol", "20/number", "£/symbol", "3/number", "¥/symbol",
               "9/number"}));
}

TEST(TokenizerTest, GluedTokensAreSplitAndMarked) {
  const std::string text = "2022م (د ب أ)";
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  ASSERT_EQ(Describe(text), (V{"2022/number", "م/arabic", "(/punct", "د/arabic", "ب/arabic",
                               "أ/arabic", ")/punct"}));
  EXPECT_FALSE(tokens[0].glued_to_previous);
  EXPECT_TRUE(tokens[1].glued_to_previous);   // م after 2022
  EXPECT_FALSE(tokens[2].glued_to_previous);  // ( after a space
  EXPECT_TRUE(tokens[3].glued_to_previous);   // د after (
  EXPECT_TRUE(tokens[6].glued_to_previous);   // ) after أ
}

TEST(TokenizerTest, HyphensAndSlashesBetweenWords) {
  EXPECT_EQ(Describe("غينيا-بيساو أبريل/نيسان"),
            (V{"غينيا/arabic", "-/punct", "بيساو/arabic", "أبريل/arabic", "//punct",
               "نيسان/arabic"}));
}

TEST(TokenizerTest, MixedArabicAndLatin) {
  EXPECT_EQ(Describe("شركة Google وموقع BBC العربي G20 COVID-19"),
            (V{"شركة/arabic", "Google/latin", "وموقع/arabic", "BBC/latin", "العربي/arabic",
               "G20/latin", "COVID/latin", "-/punct", "19/number"}));
  // Scripts glued together are split at the script change.
  EXPECT_EQ(Describe("الـCNN"), (V{"الـ/arabic", "CNN/latin"}));
}

TEST(TokenizerTest, InvalidUtf8BytesAreSingleOtherTokensAndOffsetsDoNotShift) {
  const std::string text = std::string("روسيا\xFF\xFE") + "مصر" + "\xED\xA0\x80" + " x\xC3";
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  ASSERT_EQ(Describe(text), (V{"روسيا/arabic", "\xFF/other", "\xFE/other", "مصر/arabic",
                               "\xED/other", "\xA0/other", "\x80/other", "x/latin",
                               "\xC3/other"}));
  EXPECT_EQ(tokens[3].begin, 12u);  // روسيا is 10 bytes, then two invalid bytes
}

TEST(TokenizerTest, EmojiAndControlCharacters) {
  EXPECT_EQ(Describe("مرحبا😀\x01عالم"), (V{"مرحبا/arabic", "😀/symbol", "عالم/arabic"}));
  const std::string with_nul("a\0b", 3);
  EXPECT_EQ(Describe(with_nul), (V{"a/latin", "b/latin"}));
}

TEST(TokenizerTest, EveryTokenIsTheExactInputSubstringAndNoLetterIsLost) {
  const std::string text =
      "وَقَالَ السيد ديمترييف، رئيس صندوق الثروة: \"324 مليار دولار\" (2022م)…\u200F ﻻ";
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  size_t previous_end = 0;
  std::string covered;
  for (const Token& t : tokens) {
    ASSERT_LE(previous_end, t.begin);
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
    // Only white space and invisible characters between tokens.
    const std::string gap = text.substr(previous_end, t.begin - previous_end);
    for (char c : gap) {
      ASSERT_TRUE(c == ' ' || static_cast<unsigned char>(c) >= 0x80) << gap;
    }
    covered += std::string(t.text(text));
    previous_end = t.end;
  }
  std::string letters_only;
  for (char c : text) {
    if (c != ' ') letters_only.push_back(c);
  }
  // Everything but spaces and the RLM (E2 80 8F) is inside some token.
  const std::string rlm = "\u200F";
  letters_only.erase(letters_only.find(rlm), rlm.size());
  EXPECT_EQ(covered, letters_only);
}

TEST(TokenizerTest, LongInputWithoutSpaces) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "كتاب";
  const std::vector<Token> tokens = Tokenizer().Tokenize(text);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].end, text.size());
}

// The class table does not ask ICU for White_Space (CharClass Compute): it relies on every
// White_Space character being a control or a separator, which this checks against ICU's data.
TEST(CharClassTest, EveryWhiteSpaceCharacterIsASpace) {
  int white_space = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (!u_isUWhiteSpace(c)) continue;
    ++white_space;
    EXPECT_EQ(internal::ClassOf(static_cast<char32_t>(c)), internal::CharClass::kSpace)
        << std::hex << c;
  }
  EXPECT_GE(white_space, 25);  // tab, space, NBSP, the en/em spaces, U+3000, ...
}

}  // namespace
}  // namespace kashif
