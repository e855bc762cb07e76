// The analyzer's readings: proclitics set aside with their exact byte counts, the hash every
// later word table probes with, the vocabulary ids, and a reused document.
#include "core/analyzer.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/tokenizer.h"
#include "core/document.h"
#include "core/vocabulary.h"
#include "text/word_hash.h"
#include "test_lexicons.h"

namespace kashif::internal {
namespace {

struct Reading {
  std::string key;
  uint32_t skip_bytes;
  bool operator==(const Reading& o) const { return key == o.key && skip_bytes == o.skip_bytes; }
};

void PrintTo(const Reading& r, std::ostream* os) { *os << r.key << "/" << r.skip_bytes; }

const Analyzer& TestAnalyzer() {
  static const Analyzer* analyzer = new Analyzer(SharedLexicons().vocabulary);
  return *analyzer;
}

void Analyze(std::string_view text, Document* doc) {
  doc->Clear();
  doc->text = text;
  Tokenizer().Tokenize(text, &doc->tokens);
  TestAnalyzer().Analyze(doc);
}

std::vector<Reading> ReadingsOf(const Document& doc, size_t token) {
  std::vector<Reading> out;
  const TokenAnalysis& a = doc.analyses[token];
  for (int r = 0; r < a.reading_count; ++r) {
    out.push_back({std::string(doc.Slice(a.readings[r].key)), a.readings[r].skip_bytes});
  }
  return out;
}

using R = std::vector<Reading>;

TEST(AnalyzerTest, ConjunctionPrepositionAndRestoredArticle) {
  Document doc;
  Analyze("وللولايات", &doc);
  ASSERT_EQ(doc.tokens.size(), 1u);
  // و, then ل, then the article's alef that لل dropped: each reading skips the proclitics'
  // bytes as written.
  EXPECT_EQ(ReadingsOf(doc, 0), (R{{"وللولايات", 0},
                                   {"للولايات", 2},
                                   {"لولايات", 4},
                                   {"الولايات", 4}}));
}

TEST(AnalyzerTest, MarkAfterProcliticIsSkippedWithIt) {
  Document doc;
  // A fatha after و and a shadda inside the word: the match form drops both, and the reading
  // after و starts past the fatha (4 bytes), so an entity span never begins with a mark.
  Analyze("وَالقاهرة بالقدس", &doc);
  ASSERT_EQ(doc.tokens.size(), 2u);
  EXPECT_EQ(ReadingsOf(doc, 0), (R{{"والقاهره", 0}, {"القاهره", 4}}));
  EXPECT_EQ(ReadingsOf(doc, 1), (R{{"بالقدس", 0}, {"القدس", 2}}));
}

TEST(AnalyzerTest, TatweelAfterProcliticIsSkippedWithIt) {
  Document doc;
  // Tatweel after the و: the match form drops it, and the reading skips the و and the tatweel.
  Analyze("وـالقدس", &doc);
  ASSERT_EQ(doc.tokens.size(), 1u);
  EXPECT_EQ(ReadingsOf(doc, 0), (R{{"والقدس", 0}, {"القدس", 4}}));
}

TEST(AnalyzerTest, EveryReadingOfEveryTokenCarriesItsHash) {
  Document doc;
  Analyze("قال وللرئيس: 25 دولارا G20 ، !", &doc);
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const TokenAnalysis& a = doc.analyses[i];
    ASSERT_GE(a.reading_count, 1) << i;
    for (int r = 0; r < a.reading_count; ++r) {
      const std::string_view key = doc.Slice(a.readings[r].key);
      EXPECT_EQ(a.readings[r].hash, HashWord(key.data(), key.size())) << i << " " << r;
    }
  }
}

TEST(AnalyzerTest, VocabularyIdsOfWordAndBareWord) {
  Document doc;
  Analyze("الدولار والدولار", &doc);
  ASSERT_EQ(doc.tokens.size(), 2u);
  const Vocabulary& vocabulary = TestAnalyzer().vocabulary();
  const uint32_t dollar = vocabulary.Find("دولار");
  ASSERT_NE(dollar, Vocabulary::kUnknown);
  // The article-less form of "الدولار" is the currency word.
  EXPECT_EQ(doc.analyses[0].readings[0].bare_word, dollar);
  EXPECT_NE(doc.Lexicons(0) & kLexCurrency, 0u);
  // After و, the reading "الدولار" has the same bare word; the whole token has none.
  ASSERT_EQ(doc.analyses[1].reading_count, 2);
  EXPECT_EQ(doc.analyses[1].readings[0].bare_word, Vocabulary::kUnknown);
  EXPECT_EQ(doc.analyses[1].readings[1].bare_word, dollar);
  EXPECT_NE(doc.Lexicons(1) & kLexCurrency, 0u);
}

TEST(AnalyzerTest, ReusedDocumentGivesTheSameAnalysesAsAFreshOne) {
  const std::string long_text = "وقال الرئيس للصحفيين إن الدولار والجنيه تراجعا في القاهرة";
  const std::string short_text = "بالدولار";
  Document reused;
  Analyze(long_text, &reused);
  Analyze(short_text, &reused);
  Analyze(long_text, &reused);
  Document fresh;
  Analyze(long_text, &fresh);
  ASSERT_EQ(reused.analyses.size(), fresh.analyses.size());
  for (size_t i = 0; i < fresh.tokens.size(); ++i) {
    EXPECT_EQ(ReadingsOf(reused, i), ReadingsOf(fresh, i)) << i;
    EXPECT_EQ(reused.Lexicons(i), fresh.Lexicons(i)) << i;
    const TokenAnalysis& a = reused.analyses[i];
    const TokenAnalysis& b = fresh.analyses[i];
    for (int r = 0; r < b.reading_count; ++r) {
      EXPECT_EQ(a.readings[r].word, b.readings[r].word) << i << " " << r;
      EXPECT_EQ(a.readings[r].bare_word, b.readings[r].bare_word) << i << " " << r;
      EXPECT_EQ(a.readings[r].hash, b.readings[r].hash) << i << " " << r;
    }
  }
  // The short document between them: one token, its readings only.
  Analyze(short_text, &reused);
  ASSERT_EQ(reused.analyses.size(), 1u);
  EXPECT_EQ(ReadingsOf(reused, 0), (R{{"بالدولار", 0}, {"الدولار", 2}}));
}

// Every field a stage reads, token by token: `got` (through a cache) against `want`.
void ExpectSameAnalyses(const Document& got, const Document& want) {
  ASSERT_EQ(got.tokens.size(), want.tokens.size());
  for (size_t i = 0; i < want.tokens.size(); ++i) {
    const TokenAnalysis& a = got.analyses[i];
    const TokenAnalysis& b = want.analyses[i];
    EXPECT_EQ(got.Key(i), want.Key(i)) << i;
    EXPECT_EQ(got.Lexicons(i), want.Lexicons(i)) << i;
    ASSERT_EQ(a.reading_count, b.reading_count) << i;
    EXPECT_EQ(ReadingsOf(got, i), ReadingsOf(want, i)) << i;
    EXPECT_EQ(got.Slice(a.whole.key), want.Slice(b.whole.key)) << i;
    for (int r = 0; r < b.reading_count; ++r) {
      EXPECT_EQ(a.readings[r].word, b.readings[r].word) << i << " " << r;
      EXPECT_EQ(a.readings[r].bare_word, b.readings[r].bare_word) << i << " " << r;
      EXPECT_EQ(a.readings[r].hash, b.readings[r].hash) << i << " " << r;
    }
  }
}

void AnalyzeWith(const Analyzer& analyzer, std::string_view text, Document* doc) {
  doc->Clear();
  doc->text = text;
  Tokenizer().Tokenize(text, &doc->tokens);
  analyzer.Analyze(doc);
}

// Words seen again (with proclitics, four readings with a restored article, a currency, Latin,
// digits, punctuation), words at the cached length's edge (16 bytes and 18, 16 and 17), two
// words that differ only in a middle letter, and a ligature whose fold is longer than it.
const char kRepeatedText[] =
    "وللولايات قال الدولار والدولار G20 25 ، وللولايات بالدولار الدولار قال G20 25 ، "
    "المستشفى للمستشفى المستشفى للمستشفى وللدول وللدول Internationalize Internationalized "
    "Internationalize Internationalized كاتبون كاذبون كاتبون \xEF\xBB\xBB \xEF\xBB\xBB الدولار";

TEST(AnalysisCacheTest, CachedAnalysesAreTheAnalysesWithoutCache) {
  Document cached;
  cached.analysis_cache = std::make_unique<AnalysisCache>();
  Document plain;
  Analyze(kRepeatedText, &plain);
  for (int pass = 0; pass < 3; ++pass) {  // the cache cold, then warm
    Analyze(kRepeatedText, &cached);
    ExpectSameAnalyses(cached, plain);
  }
  Analyze("بالدولار", &cached);
  EXPECT_EQ(ReadingsOf(cached, 0), (R{{"بالدولار", 0}, {"الدولار", 2}}));
}

TEST(AnalysisCacheTest, OneSlotCacheTellsEveryWordApart) {
  // Every word takes the one slot: a hit on a word that is not the slot's own (same length,
  // same first and last letters) would give the other word's analysis.
  Document cached;
  cached.analysis_cache = std::make_unique<AnalysisCache>(0);
  Document plain;
  const std::string text = "كاتبون كاذبون كاتبون كاتبون الدولار الدولار والدولار قال قال";
  Analyze(text, &plain);
  for (int pass = 0; pass < 2; ++pass) {
    Analyze(text, &cached);
    ExpectSameAnalyses(cached, plain);
  }
}

TEST(AnalysisCacheTest, TheTokenKindIsPartOfTheKey) {
  // The same bytes as another kind of token: only Arabic and Latin words are looked up.
  Document cached;
  cached.analysis_cache = std::make_unique<AnalysisCache>();
  const std::string text = "دولار";
  Analyze(text, &cached);
  ASSERT_EQ(cached.tokens.size(), 1u);
  ASSERT_NE(cached.analyses[0].whole.word, Vocabulary::kUnknown);
  cached.Clear();
  cached.text = text;
  Tokenizer().Tokenize(text, &cached.tokens);
  cached.tokens[0].kind = TokenKind::kOther;
  TestAnalyzer().Analyze(&cached);
  EXPECT_EQ(cached.analyses[0].whole.word, Vocabulary::kUnknown);
  EXPECT_EQ(cached.Lexicons(0), 0u);
}

TEST(AnalysisCacheTest, AnotherVocabularyIsNotAnsweredFromTheCache) {
  const Analyzer no_words;  // every word unknown
  Document cached;
  cached.analysis_cache = std::make_unique<AnalysisCache>();
  const std::string text = "الدولار والدولار قال";
  Document plain;
  AnalyzeWith(TestAnalyzer(), text, &cached);
  ASSERT_NE(cached.Lexicons(0) & kLexCurrency, 0u);
  AnalyzeWith(no_words, text, &cached);
  AnalyzeWith(no_words, text, &plain);
  ExpectSameAnalyses(cached, plain);
  EXPECT_EQ(cached.Lexicons(0), 0u);
  AnalyzeWith(TestAnalyzer(), text, &cached);
  AnalyzeWith(TestAnalyzer(), text, &plain);
  ExpectSameAnalyses(cached, plain);
  EXPECT_NE(cached.Lexicons(0) & kLexCurrency, 0u);
}

}  // namespace
}  // namespace kashif::internal
