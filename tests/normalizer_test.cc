#include "kashif/normalizer.h"

#include <gtest/gtest.h>

#include <string>

#include "text/strings.h"

namespace kashif {
namespace {

std::string Norm(std::string_view text, const NormalizerOptions& o = NormalizerOptions()) {
  return Normalizer(o).NormalizeToString(text);
}

TEST(NormalizerTest, RemovesTashkeelShaddaSukunAndSuperscriptAlef) {
  EXPECT_EQ(Norm("مُحَمَّدٌ"), "محمد");
  EXPECT_EQ(Norm("الْكِتَابُ"), "الكتاب");
  EXPECT_EQ(Norm("هٰذا"), "هذا");          // superscript alef U+0670
  EXPECT_EQ(Norm("بِسْمِ اللَّهِ"), "بسم الله");
}

TEST(NormalizerTest, RemovesQuranicMarks) {
  EXPECT_EQ(Norm("الرَّحِيمِ ۝"), "الرحيم ۝");  // U+06DD end of ayah is a sign, not a mark
  // The superscript (dagger) alef is a mark: removing it leaves the consonantal spelling.
  EXPECT_EQ(Norm("ذَٰلِكَ ٱلْكِتَٰبُ"), "ذلك الكتب");
  EXPECT_EQ(Norm("عَلَيْهِمْ ۖ"), "عليهم ");  // U+06D6 small high ligature is a mark
}

TEST(NormalizerTest, RemovesTatweel) {
  EXPECT_EQ(Norm("جـــمـيـل"), "جميل");
  NormalizerOptions keep;
  keep.remove_tatweel = false;
  EXPECT_EQ(Norm("جـميل", keep), "جـميل");
}

TEST(NormalizerTest, RemovesInvisibleCharacters) {
  // ZWNJ, ZWJ, LRM, RLM, ALM, BOM inside and around words.
  EXPECT_EQ(Norm("مي\u200Cخواهم"), "ميخواهم");
  EXPECT_EQ(Norm("\u200Fروسيا\u200E"), "روسيا");
  EXPECT_EQ(Norm("\uFEFFمصر\u061C"), "مصر");
  EXPECT_EQ(Norm("لبنا\u200Dن"), "لبنان");
}

TEST(NormalizerTest, FoldsAlefForms) {
  EXPECT_EQ(Norm("أحمد إبراهيم آمال ٱلله"), "احمد ابراهيم امال الله");
  NormalizerOptions keep;
  keep.fold_alef = false;
  EXPECT_EQ(Norm("أحمد", keep), "أحمد");
}

TEST(NormalizerTest, AlefMaqsuraOption) {
  EXPECT_EQ(Norm("مصطفى"), "مصطفي");
  NormalizerOptions keep;
  keep.fold_alef_maqsura = false;
  EXPECT_EQ(Norm("مصطفى", keep), "مصطفى");
}

TEST(NormalizerTest, TehMarbutaIsKeptByDefaultAndFoldedOnRequest) {
  EXPECT_EQ(Norm("مدينة"), "مدينة");
  NormalizerOptions fold;
  fold.fold_teh_marbuta = true;
  EXPECT_EQ(Norm("مدينة القاهرة", fold), "مدينه القاهره");
}

TEST(NormalizerTest, HamzaOnCarriersOption) {
  EXPECT_EQ(Norm("مسؤول رئيس"), "مسؤول رئيس");
  NormalizerOptions fold;
  fold.fold_hamza = true;
  EXPECT_EQ(Norm("مسؤول رئيس", fold), "مسوول رييس");
}

TEST(NormalizerTest, PresentationFormsBecomeBaseLetters) {
  EXPECT_EQ(Norm("\uFEFB"), "لا");              // lam-alef isolated
  EXPECT_EQ(Norm("\uFEF7"), "لا");              // lam-alef with hamza above → alef folded
  EXPECT_EQ(Norm("\uFE8D\uFEDF\uFEE4\uFEE0\uFEAE"), "الملر");
  EXPECT_EQ(Norm("\uFDF2"), "الله");            // ALLAH ligature
  EXPECT_EQ(Norm("\uFE94"), "ة");               // teh marbuta final form
  NormalizerOptions keep;
  keep.fold_presentation_forms = false;
  EXPECT_EQ(Norm("\uFEFB", keep), "\uFEFB");
}

TEST(NormalizerTest, DigitsOfBothArabicScriptsBecomeAscii) {
  EXPECT_EQ(Norm("٢٠٢٥/٢/٢٧"), "2025/2/27");
  EXPECT_EQ(Norm("۱۲۳۴۵۶۷۸۹۰"), "1234567890");
  NormalizerOptions keep;
  keep.fold_digits = false;
  EXPECT_EQ(Norm("٢٧", keep), "٢٧");
}

TEST(NormalizerTest, PersianLetters) {
  EXPECT_EQ(Norm("کتاب"), "كتاب");
  EXPECT_EQ(Norm("ایران"), "ايران");
}

TEST(NormalizerTest, LatinAndPunctuationUntouched) {
  EXPECT_EQ(Norm("BBC News, 2025!"), "BBC News, 2025!");
  NormalizerOptions lower;
  lower.lowercase_ascii = true;
  EXPECT_EQ(Norm("BBC News", lower), "bbc news");
}

TEST(NormalizerTest, InvalidUtf8BecomesReplacementCharacterMappedToItsByte) {
  const std::string text = std::string("ab\xFF") + "ج" + "\xC3";
  const NormalizedText n = Normalizer().Normalize(text);
  EXPECT_EQ(n.text, "ab\xEF\xBF\xBDج\xEF\xBF\xBD");
  EXPECT_EQ(n.ToSource(2, 5), std::make_pair(size_t{2}, size_t{3}));
  EXPECT_EQ(n.ToSource(5, 7), std::make_pair(size_t{3}, size_t{5}));
  EXPECT_EQ(n.ToSource(7, 10), std::make_pair(size_t{5}, size_t{6}));
}

TEST(NormalizerTest, EmptyInput) {
  const NormalizedText n = Normalizer().Normalize("");
  EXPECT_TRUE(n.text.empty());
  EXPECT_EQ(n.ToSource(0, 0), std::make_pair(size_t{0}, size_t{0}));
}

TEST(NormalizerTest, OffsetMapPointsAtTheOriginalBytes) {
  // "الْقُدْس" with marks: every kept letter maps back to its own two bytes.
  const std::string text = "في الْقُدْسِ";
  const NormalizedText n = Normalizer().Normalize(text);
  ASSERT_EQ(n.text, "في القدس");
  ASSERT_EQ(n.source_begin.size(), n.text.size());
  // The word "القدس" in the normalized text.
  const size_t b = n.text.find("القدس");
  const auto [sb, se] = n.ToSource(b, b + std::string("القدس").size());
  // The span ends at the last letter: the removed final kasra produced no output byte.
  EXPECT_EQ(text.substr(sb, se - sb), "الْقُدْس");
  EXPECT_EQ(sb, text.find("ال"));
}

TEST(NormalizerTest, LigatureExpansionMapsEveryOutputByteToTheWholeLigature) {
  const std::string text = "x\uFEFBy";
  const NormalizedText n = Normalizer().Normalize(text);
  ASSERT_EQ(n.text, "xلاy");
  for (size_t i = 1; i < 5; ++i) {
    EXPECT_EQ(n.source_begin[i], 1u);
    EXPECT_EQ(n.source_end[i], 4u);
  }
  EXPECT_EQ(n.ToSource(1, 3), std::make_pair(size_t{1}, size_t{4}));
}

TEST(NormalizerTest, OffsetsAreMonotoneOnMixedText) {
  const std::string text = "قَالَ «بوتين» يوم ١٥ ﻻ\u200c BBC\xFF!";
  const NormalizedText n = Normalizer().Normalize(text);
  for (size_t i = 0; i < n.text.size(); ++i) {
    ASSERT_LT(n.source_begin[i], n.source_end[i]);
    ASSERT_LE(n.source_end[i], text.size());
    if (i > 0) ASSERT_LE(n.source_begin[i - 1], n.source_begin[i]);
  }
}

TEST(NormalizerTest, AppendNormalizedEqualsNormalize) {
  const std::string text = "وَقَالَ الرَّئِيسُ إِنَّ ﻻ ٢٠٢٢";
  std::string out = "prefix:";
  Normalizer().AppendNormalized(text, &out);
  EXPECT_EQ(out, "prefix:" + Normalizer().Normalize(text).text);
}

// AppendNormalized writes into space sized for its input and grows it only for pieces longer
// than their source (an invalid byte's U+FFFD, a ligature's expansion). Random mixes of every
// kind of piece, after a prefix, must give exactly Normalize()'s text under both option sets.
TEST(NormalizerTest, AppendNormalizedEqualsNormalizeOnRandomMixes) {
  const std::string pieces[] = {
      "Ø§",          // ا
      "Ø£",          // أ (folds to ا)
      "Ø©",          // ة
      "Ù",          // ى
      "Ù",          // fatha (removed)
      "Ù",          // tatweel (removed)
      "Ù£",          // ٣ (becomes one byte)
      "Û",          // Persian yeh
      "ï·º",      // U+FDFA, a ligature of several words
      "ï»»",      // U+FEFB lam-alef ligature
      "ï»¿",      // BOM
      "â",      // ZWNJ
      "â",      // left quotation mark (kept)
      "ð",  // emoji (kept)
      "Â­",          // soft hyphen
      "Ã©",          // é (kept)
      "",              // stray continuation byte
      "Ø",              // truncated lead byte
      "í ",      // encoded surrogate
      "AbZ",               "q 9",
  };
  NormalizerOptions all_folds;
  all_folds.fold_alef_maqsura = true;
  all_folds.fold_teh_marbuta = true;
  all_folds.fold_hamza = true;
  all_folds.lowercase_ascii = true;
  uint32_t seed = 11;
  for (const NormalizerOptions& o : {NormalizerOptions(), all_folds}) {
    const Normalizer normalizer(o);
    for (int t = 0; t < 3000; ++t) {
      std::string text;
      for (int i = 0; i < t % 29; ++i) {
        seed = seed * 1103515245u + 12345u;
        text += pieces[(seed >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
      }
      std::string out = "prefix:";
      normalizer.AppendNormalized(text, &out);
      ASSERT_EQ(out, "prefix:" + normalizer.Normalize(text).text) << "case " << t;
    }
  }
}

// The eight-bytes-at-a-time letter count agrees with a byte-by-byte count on words of every
// length, on valid and on broken UTF-8 (a stray continuation byte counts as none).
TEST(StringsTest, CountCodePointsMatchesByteCount) {
  EXPECT_EQ(internal::CountCodePoints(""), 0u);
  EXPECT_EQ(internal::CountCodePoints("abc"), 3u);
  EXPECT_EQ(internal::CountCodePoints("\xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD8\xAD\xD8\xAF\xD8\xA9"),
            7u);  // المتحدة
  EXPECT_EQ(internal::CountCodePoints("\xF0\x9F\x98\x80 ok \x80\x80"), 5u);  // 😀 " ok "; strays: none
  uint32_t seed = 7;
  for (int t = 0; t < 20000; ++t) {
    std::string s;
    for (int i = 0; i < t % 37; ++i) {
      seed = seed * 1103515245u + 12345u;
      s.push_back(static_cast<char>(seed >> 16));
    }
    size_t expected = 0;
    for (char c : s) expected += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    ASSERT_EQ(internal::CountCodePoints(s), expected) << "case " << t;
  }
}

}  // namespace
}  // namespace kashif
