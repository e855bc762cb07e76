// The CoNLL scorer on small hand-made files whose answers are worked out by hand.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "conll_eval.h"

namespace kashif::eval {
namespace {

constexpr EntityType kPer = EntityType::kPerson;
constexpr EntityType kOrg = EntityType::kOrganization;
constexpr EntityType kLoc = EntityType::kPlace;

// Two sentences; tokens 0-6 then 7-11.
constexpr char kFlat[] =
    "سامي B-PERS\n"
    "الخطيب I-PERS\n"
    "زار O\n"
    "حلب B-LOC\n"
    "مع O\n"
    "وفد O\n"
    "الجامعة B-ORG\n"
    "\n"
    "وأعلنت O\n"
    "شركة B-ORG\n"
    "النور I-ORG\n"
    "أمس O\n"
    ". O\n";

StatusOr<ConllCorpus> Parse(const char* text) { return ParseConll(text, "test.conll"); }

TEST(ConllParseTest, ReadsTokensSentencesAndSpans) {
  auto corpus = Parse(kFlat);
  ASSERT_TRUE(corpus.ok()) << corpus.status().message();
  EXPECT_EQ(corpus->tokens.size(), 12u);
  EXPECT_EQ(corpus->sentence_starts, (std::vector<uint32_t>{0, 7}));
  std::vector<TokenSpan> expected = {{kPer, 0, 2}, {kLoc, 3, 4}, {kOrg, 6, 7}, {kOrg, 8, 10}};
  EXPECT_EQ(corpus->gold, expected);
}

TEST(ConllParseTest, MapsCorpusTagNamesAndIgnoresOthers) {
  auto corpus = Parse(
      "أحمد B-PER\n"
      "في O\n"
      "فرنسا B-GPE\n"
      "لغة B-MISC\n"
      "عربية I-MISC\n"
      "المهندس B-OCC\n"
      "مبلغ O\n"
      "ألف B-MONEY\n"
      "دينار I-MONEY\n"
      "الأحد B-DATE\n");
  ASSERT_TRUE(corpus.ok());
  std::vector<TokenSpan> expected = {
      {kPer, 0, 1}, {kLoc, 2, 3}, {EntityType::kMoney, 7, 9}, {EntityType::kDate, 9, 10}};
  EXPECT_EQ(corpus->gold, expected);
}

TEST(ConllParseTest, InsideWithoutBeginStartsAnEntity) {
  auto corpus = Parse("ذهب O\nإلى O\nتونس I-LOC\nالعاصمة I-LOC\nاليوم O\n");
  ASSERT_TRUE(corpus.ok());
  EXPECT_EQ(corpus->gold, (std::vector<TokenSpan>{{kLoc, 2, 4}}));
}

TEST(ConllParseTest, TypeChangeClosesTheOpenEntity) {
  auto corpus = Parse("نادي B-ORG\nالنصر I-ORG\nالرياض B-LOC\n");
  ASSERT_TRUE(corpus.ok());
  EXPECT_EQ(corpus->gold, (std::vector<TokenSpan>{{kOrg, 0, 2}, {kLoc, 2, 3}}));
}

TEST(ConllParseTest, NestedLayersGiveEveryLayer) {
  // "بلدية عمان الكبرى" as ORG with the city nested inside, and an ORG nested in an ORG.
  auto corpus = Parse(
      "بلدية B-ORG\n"
      "عمان I-ORG B-GPE\n"
      "الكبرى I-ORG\n"
      "و O\n"
      "مجلس B-ORG\n"
      "إدارة I-ORG\n"
      "بنك I-ORG B-ORG\n"
      "القاهرة I-ORG I-ORG B-GPE\n"
      "قرر O\n");
  ASSERT_TRUE(corpus.ok());
  std::vector<TokenSpan> expected = {
      {kOrg, 0, 3}, {kLoc, 1, 2}, {kOrg, 4, 8}, {kOrg, 6, 8}, {kLoc, 7, 8}};
  EXPECT_EQ(corpus->gold, expected);
}

TEST(ConllParseTest, DocstartSplitsDocuments) {
  auto corpus = Parse("-DOCSTART- O\n\nأ O\n\nب O\n-DOCSTART- O\nج O\n");
  ASSERT_TRUE(corpus.ok());
  EXPECT_EQ(corpus->sentence_starts, (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_EQ(corpus->document_starts, (std::vector<uint32_t>{0, 2}));
}

TEST(ConllParseTest, BadTagIsAnErrorWithTheLine) {
  auto corpus = Parse("أ O\nب X-PER\n");
  ASSERT_FALSE(corpus.ok());
  EXPECT_EQ(corpus.status().message(), "test.conll:2: tag 'X-PER' is not O, B-X or I-X");
}

TEST(BuildDocumentsTest, RebuildsTextWithSpacesAndNewlines) {
  auto corpus = Parse(kFlat);
  ASSERT_TRUE(corpus.ok());
  std::vector<EvalDocument> docs = BuildDocuments(*corpus, 0);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "سامي الخطيب زار حلب مع وفد الجامعة\nوأعلنت شركة النور أمس .");
  ASSERT_EQ(docs[0].token_bytes.size(), 12u);
  EXPECT_EQ(docs[0].token_bytes[0], (std::pair<uint32_t, uint32_t>{0, 8}));
  EXPECT_EQ(docs[0].token_bytes[1], (std::pair<uint32_t, uint32_t>{9, 21}));

  std::vector<EvalDocument> split = BuildDocuments(*corpus, 1);
  ASSERT_EQ(split.size(), 2u);
  EXPECT_EQ(split[1].first_token, 7u);
  EXPECT_EQ(split[1].text, "وأعلنت شركة النور أمس .");
}

TEST(ProjectEntitiesTest, EntityInsideATokenCoversThatToken) {
  EvalDocument doc;
  doc.text = "وأعلنت شركة النور";
  doc.first_token = 10;
  doc.token_bytes = {{0, 12}, {13, 21}, {22, 32}};
  Entity clitic_free;  // "أعلنت" without the و, as a (wrong) PER, to check the projection
  clitic_free.type = kPer;
  clitic_free.begin = 1;
  clitic_free.end = 12;
  Entity company;
  company.type = kOrg;
  company.begin = 13;
  company.end = 32;
  std::vector<TokenSpan> spans = ProjectEntities(doc, {clitic_free, company}, {});
  EXPECT_EQ(spans, (std::vector<TokenSpan>{{kPer, 10, 11}, {kOrg, 11, 13}}));
  EXPECT_EQ(ProjectEntities(doc, {clitic_free, company}, {kOrg}),
            (std::vector<TokenSpan>{{kOrg, 11, 13}}));
}

TEST(ScoreTest, CountsExactMatchesPerTypeAndMicro) {
  std::vector<TokenSpan> gold = {{kPer, 0, 2}, {kLoc, 3, 4}, {kOrg, 6, 7}, {kOrg, 8, 10}};
  // Right: PER 0-2, ORG 8-10. Wrong span: ORG 9-10. Wrong type: PER 3-4. Extra: LOC 11-12.
  std::vector<TokenSpan> predicted = {
      {kPer, 0, 2}, {kPer, 3, 4}, {kOrg, 8, 10}, {kOrg, 9, 10}, {kLoc, 11, 12}};
  EvalReport report;
  Score(gold, predicted, {kPer, kOrg, kLoc}, &report);
  const TypeCounts& per = report.by_type[static_cast<int>(kPer)];
  const TypeCounts& org = report.by_type[static_cast<int>(kOrg)];
  const TypeCounts& loc = report.by_type[static_cast<int>(kLoc)];
  EXPECT_EQ(per.true_positives, 1);
  EXPECT_EQ(per.false_positives, 1);
  EXPECT_EQ(per.false_negatives, 0);
  EXPECT_EQ(org.true_positives, 1);
  EXPECT_EQ(org.false_positives, 1);
  EXPECT_EQ(org.false_negatives, 1);
  EXPECT_EQ(loc.true_positives, 0);
  EXPECT_EQ(loc.false_positives, 1);
  EXPECT_EQ(loc.false_negatives, 1);
  EXPECT_EQ(report.micro.true_positives, 2);
  EXPECT_EQ(report.micro.false_positives, 3);
  EXPECT_EQ(report.micro.false_negatives, 2);
  EXPECT_DOUBLE_EQ(report.micro.Precision(), 2.0 / 5.0);
  EXPECT_DOUBLE_EQ(report.micro.Recall(), 2.0 / 4.0);
  EXPECT_DOUBLE_EQ(report.micro.F1(), 2 * 0.4 * 0.5 / 0.9);
  EXPECT_DOUBLE_EQ(loc.F1(), 0.0);
}

TEST(ScoreTest, RestrictedTypesIgnoreTheOthers) {
  std::vector<TokenSpan> gold = {{kPer, 0, 2}, {kLoc, 3, 4}};
  std::vector<TokenSpan> predicted = {{kLoc, 3, 4}, {kOrg, 5, 6}};
  EvalReport report;
  Score(gold, predicted, {kLoc}, &report);
  EXPECT_EQ(report.micro.true_positives, 1);
  EXPECT_EQ(report.micro.false_positives, 0);
  EXPECT_EQ(report.micro.false_negatives, 0);
}

TEST(ScoreTest, NestedAlternativeOfACorrectSpanIsNotAMiss) {
  std::vector<TokenSpan> gold = {{kOrg, 0, 3}, {kLoc, 1, 2}, {kOrg, 5, 7}, {kLoc, 6, 7}};
  // The inner LOC of the first pair is found, which shadows the ORG around it; nothing is found
  // for the second pair, so both of its layers are misses.
  std::vector<TokenSpan> predicted = {{kLoc, 1, 2}};
  EvalReport report;
  Score(gold, predicted, {kPer, kOrg, kLoc}, &report);
  EXPECT_EQ(report.micro.true_positives, 1);
  EXPECT_EQ(report.micro.false_positives, 0);
  EXPECT_EQ(report.micro.false_negatives, 2);
  EXPECT_EQ(report.misses, (std::vector<TokenSpan>{{kOrg, 5, 7}, {kLoc, 6, 7}}));
}

TEST(EvaluateTest, RunsTheExtractorOverRebuiltTextAndFormats) {
  auto corpus = Parse(kFlat);
  ASSERT_TRUE(corpus.ok());
  std::vector<std::string> seen;
  // A fake extractor: finds "حلب" as LOC and "النور" alone as ORG (a span error).
  auto extract = [&seen](std::string_view text) {
    seen.emplace_back(text);
    std::vector<Entity> out;
    for (auto [word, type] : {std::pair<std::string_view, EntityType>{"حلب", kLoc},
                              std::pair<std::string_view, EntityType>{"النور", kOrg}}) {
      size_t at = text.find(word);
      if (at == std::string_view::npos) continue;
      Entity e;
      e.type = type;
      e.begin = at;
      e.end = at + word.size();
      out.push_back(e);
    }
    return out;
  };
  EvalReport report = Evaluate(*corpus, extract, {kPer, kOrg, kLoc}, 0);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(report.micro.true_positives, 1);
  EXPECT_EQ(report.micro.false_positives, 1);
  EXPECT_EQ(report.micro.false_negatives, 3);
  std::string table = FormatReport(report);
  EXPECT_NE(table.find("LOC          1      1     1  100.0  100.0  100.0"), std::string::npos)
      << table;
  EXPECT_NE(table.find("micro        4      2     1   50.0   25.0   33.3"), std::string::npos)
      << table;
  std::string errors = FormatErrors(*corpus, report);
  EXPECT_NE(errors.find("MISS PER سامي الخطيب"), std::string::npos) << errors;
  EXPECT_NE(errors.find("FALSE ORG النور"), std::string::npos) << errors;
  EXPECT_NE(errors.find("MISS ORG شركة النور"), std::string::npos) << errors;
}

TEST(EvaluateTest, TypeConfusionIsReportedAsSuch) {
  auto corpus = Parse("ليلى B-PER\nمراد I-PER\n");
  ASSERT_TRUE(corpus.ok());
  EvalReport report;
  Score(corpus->gold, {{kLoc, 0, 2}}, {kPer, kLoc}, &report);
  EXPECT_EQ(FormatErrors(*corpus, report), "TYPE PER->LOC ليلى مراد |  [ليلى مراد] \n");
}

}  // namespace
}  // namespace kashif::eval
