// The NER view's word slots (match/ner/ner_lexicon.cc): a word analyzed through the thread's
// analysis cache (core/analyzer.h) gets the view's fields it got before, keyed by its serial
// there. Every view built through the caches must equal the view built without them.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "kashif/tokenizer.h"
#include "core/analyzer.h"
#include "core/document.h"
#include "match/ner/ner_lexicon.h"
#include "test_lexicons.h"

namespace kashif::internal {
namespace {

// Words of every kind of field: given names, a title, a patronymic, definite words, a nisba
// (الروسية), a foreign ending (بوتينوف), proclitics before the article (بالضفة، والتعاون), a
// conjunction before an unknown word, a proclitic before a stop word (بأول), digits, Latin.
const char kTextA[] =
    "قال الرئيس الروسي فلاديمير بوتينوف إن محمد بن سلمان زار الروسية بالضفة والتعاون "
    "بأول ويتكوف في 2024 مع IBM .";
const char kTextB[] =
    "وقالت الوزيرة سارة الخالدي إن الشركة الروسية بالضفة تعمل مع بوتينوف وبن سلمان .";

std::vector<NerToken> ViewOf(const NerLexicon& lexicon, const std::string& text, Document* doc) {
  doc->Clear();
  doc->text = text;
  Tokenizer().Tokenize(doc->text, &doc->tokens);
  lexicon.analyzer().Analyze(doc);
  NerTokens view(*doc, lexicon, doc->candidates);
  std::vector<NerToken> out;
  for (size_t i = 0; i < view.size(); ++i) out.push_back(view[i]);
  return out;
}

void ExpectSameView(const std::vector<NerToken>& got, const std::vector<NerToken>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const NerToken& a = got[i];
    const NerToken& b = want[i];
    EXPECT_EQ(a.flags, b.flags) << i;
    EXPECT_EQ(a.reading_flags, b.reading_flags) << i;
    EXPECT_EQ(a.bare_flags, b.bare_flags) << i;
    EXPECT_EQ(a.known_end, b.known_end) << i;
    EXPECT_EQ(a.known_priority, b.known_priority) << i;
    EXPECT_EQ(a.word, b.word) << i;
    EXPECT_EQ(a.punct, b.punct) << i;
    EXPECT_EQ(a.reading, b.reading) << i;
    EXPECT_EQ(a.article, b.article) << i;
    EXPECT_EQ(a.clitic_article, b.clitic_article) << i;
    EXPECT_EQ(a.conjunction, b.conjunction) << i;
    EXPECT_EQ(a.clitic_stop, b.clitic_stop) << i;
    EXPECT_EQ(a.nisba, b.nisba) << i;
    EXPECT_EQ(a.foreign_suffix, b.foreign_suffix) << i;
    EXPECT_EQ(a.known, b.known) << i;
    EXPECT_EQ(a.known_start, b.known_start) << i;
  }
}

// The rule starts and definite words too, which the view lists as it fills the tokens.
std::vector<uint32_t> StartsOf(const NerLexicon& lexicon, const std::string& text,
                               Document* doc) {
  doc->Clear();
  doc->text = text;
  Tokenizer().Tokenize(doc->text, &doc->tokens);
  lexicon.analyzer().Analyze(doc);
  NerTokens view(*doc, lexicon, doc->candidates);
  return view.RuleStarts();
}

TEST(NerViewCacheTest, ViewsThroughTheCachesAreTheViewsWithout) {
  const NerLexicon& lexicon = *SharedLexicons().ner;
  for (int bits : {AnalysisCache::kDefaultBits, 0}) {  // 0: one slot, every word evicts
    Document cached;
    cached.analysis_cache = std::make_unique<AnalysisCache>(bits);
    for (const std::string text : {kTextA, kTextA, kTextB, kTextA, kTextB}) {
      Document plain;
      const std::vector<NerToken> want = ViewOf(lexicon, text, &plain);
      ExpectSameView(ViewOf(lexicon, text, &cached), want);
      EXPECT_EQ(StartsOf(lexicon, text, &cached), StartsOf(lexicon, text, &plain)) << bits;
    }
    ASSERT_FALSE(cached.word_serials.empty());
  }
}

TEST(NerViewCacheTest, ANewAnalysisCacheIsANewSeries) {
  // A new cache gives serials from 1 again: the view's slots of the old series must not answer.
  const NerLexicon& lexicon = *SharedLexicons().ner;
  Document cached;
  cached.analysis_cache = std::make_unique<AnalysisCache>();
  ViewOf(lexicon, kTextA, &cached);
  cached.analysis_cache = std::make_unique<AnalysisCache>();
  Document plain;
  ExpectSameView(ViewOf(lexicon, kTextB, &cached), ViewOf(lexicon, kTextB, &plain));
}

TEST(NerViewCacheTest, AnotherLexiconIsNotAnsweredFromTheSlots) {
  // A lexicon over the same vocabulary with one more foreign-surname ending: the same words,
  // the same serials, another foreign_suffix.
  const Analyzer& analyzer = SharedLexicons().analyzer;
  auto endings = NerLexicon::Create(
      &analyzer, {{"endings.tsv", "\xD8\xB3\xD8\xAA\xD8\xA7\xD9\x86\tforeign_suffix\n"}});  // ستان
  ASSERT_TRUE(endings.ok()) << endings.status().message();
  (*endings)->Bind(&analyzer);
  const std::string text = "زار بلوستان أمس";  // 14 bytes: analyzed through the cache
  Document plain;
  const std::vector<NerToken> with_endings = ViewOf(**endings, text, &plain);
  ASSERT_EQ(with_endings.size(), 3u);
  ASSERT_TRUE(with_endings[1].foreign_suffix);
  Document cached;
  cached.analysis_cache = std::make_unique<AnalysisCache>();
  EXPECT_FALSE(ViewOf(*SharedLexicons().ner, text, &cached)[1].foreign_suffix);
  ExpectSameView(ViewOf(**endings, text, &cached), with_endings);
  EXPECT_FALSE(ViewOf(*SharedLexicons().ner, text, &cached)[1].foreign_suffix);
}

}  // namespace
}  // namespace kashif::internal
