// The analyzer's readings: proclitics set aside with their exact byte counts, the hash every
// later word table probes with, the vocabulary ids, and a reused document.
#include "core/analyzer.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace kashif::internal
