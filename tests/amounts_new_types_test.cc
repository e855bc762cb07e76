// PERCENT and TIME entities and money ranges (issue 15): the issue's examples with exact spans
// and exact values, through the C++ API.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/kashif.h"
#include "match/time/time_matcher.h"
#include "core/analyzer.h"
#include "text/lines.h"

namespace kashif {
namespace {

Extractor Make(std::vector<EntityType> types) {
  Options options;
  options.types = std::move(types);
  options.reference_date = CivilDate{2025, 4, 3};  // a Thursday
  auto extractor = Extractor::Create(options);
  EXPECT_TRUE(extractor.ok()) << extractor.status().ToString();
  return *extractor;
}

// The one entity of `type` in `sentence`; fails the test when there is not exactly one.
std::optional<Entity> OneOf(const Extractor& extractor, std::string_view sentence,
                            EntityType type) {
  std::vector<Entity> found;
  for (const Entity& e : extractor.Extract(sentence)) {
    if (e.type == type) found.push_back(e);
  }
  EXPECT_EQ(found.size(), 1u) << sentence;
  if (found.size() != 1) return std::nullopt;
  return found[0];
}

void ExpectPercent(std::string_view sentence, std::string_view span, std::string_view value,
                   std::string_view upper = "") {
  const Extractor extractor = Make({EntityType::kPercent});
  std::optional<Entity> e = OneOf(extractor, sentence, EntityType::kPercent);
  if (!e) return;
  EXPECT_EQ(e->text(sentence), span) << sentence;
  EXPECT_EQ(e->begin, sentence.find(span)) << sentence;
  ASSERT_TRUE(e->percent.has_value()) << sentence;
  EXPECT_FALSE(e->money.has_value());
  EXPECT_EQ(e->percent->value, value) << sentence;
  EXPECT_EQ(e->percent->upper_value, upper) << sentence;
}

TEST(PercentTest, IssueExamples) {
  ExpectPercent("نما الاقتصاد بنسبة 3.5% خلال الربع الأول", "3.5%", "3.5");
  ExpectPercent("تراجعت البطالة إلى ٪17 في نهاية العام", "٪17", "17");
  ExpectPercent("ارتفع التضخم 9 في المئة على أساس سنوي", "9 في المئة", "9");
  ExpectPercent("بلغ العائد 7.25 بالمئة", "7.25 بالمئة", "7.25");
  ExpectPercent("انخفضت الصادرات ثلاثين في المائة", "ثلاثين في المائة", "30");
  ExpectPercent("زادت الأسعار نصف في المئة فقط", "نصف في المئة", "0.5");
  ExpectPercent("يتوقع البنك نموا بين 3 و5 في المئة", "بين 3 و5 في المئة", "3", "5");
}

TEST(PercentTest, ProcliticsAndSpacing) {
  ExpectPercent("حصل الحزب على ٤٢٫٧٪ من الأصوات", "٤٢٫٧٪", "42.7");
  ExpectPercent("بلغت نسبة المشاركة 60 % وفق اللجنة", "60 %", "60");
  ExpectPercent("واستحوذت على 51 بالمئة من الأسهم", "51 بالمئة", "51");
  ExpectPercent("تتراوح الفائدة من 4 إلى 6 بالمئة", "من 4 إلى 6 بالمئة", "4", "6");
}

TEST(PercentTest, APercentageIsNoMoneyAndNoPlainNumber) {
  const Extractor extractor = Make({EntityType::kMoney, EntityType::kPercent});
  const std::string text = "ارتفع سعر الدولار 5 في المئة إلى 20 جنيها";
  std::vector<Entity> found = extractor.Extract(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].type, EntityType::kPercent);
  EXPECT_EQ(found[0].text(text), "5 في المئة");
  EXPECT_EQ(found[1].type, EntityType::kMoney);
  EXPECT_EQ(found[1].text(text), "20 جنيها");
  // "في المئة" alone, or a number before "المئة" of another phrase, is nothing.
  EXPECT_TRUE(Make({EntityType::kPercent}).Extract("قال إن المئة الأولى وصلت").empty());
}

void ExpectTime(std::string_view sentence, std::string_view span, std::string_view timex,
                std::string_view zone = "") {
  const Extractor extractor = Make({EntityType::kTime});
  std::optional<Entity> e = OneOf(extractor, sentence, EntityType::kTime);
  if (!e) return;
  EXPECT_EQ(e->text(sentence), span) << sentence;
  EXPECT_EQ(e->begin, sentence.find(span)) << sentence;
  ASSERT_TRUE(e->time.has_value()) << sentence;
  EXPECT_EQ(e->time->timex, timex) << sentence;
  EXPECT_EQ(e->time->zone, zone) << sentence;
}

TEST(TimeTest, IssueExamples) {
  ExpectTime("عقد الاجتماع الساعة الرابعة عصرا في مقر الوزارة", "الساعة الرابعة عصرا", "T16:00");
  ExpectTime("يبدأ البث في الساعة 9:45 صباحا", "الساعة 9:45 صباحا", "T09:45");
  ExpectTime("وقع الانفجار قبيل منتصف الليل", "قبيل منتصف الليل", "T24:00");
  ExpectTime("وصل الوفد السابعة مساء أمس", "السابعة مساء أمس", "2025-04-02T19:00");
  ExpectTime("انطلقت الرحلة الساعة 14:00 بتوقيت غرينتش", "الساعة 14:00 بتوقيت غرينتش", "T14:00",
             "GMT");
  ExpectTime("تستأنف المحادثات الساعة الثالثة بعد الظهر", "الساعة الثالثة بعد الظهر", "T15:00");
}

TEST(TimeTest, MinutesDigitsAndDays) {
  ExpectTime("أعلنت النتائج عند الساعة الثامنة والنصف مساء", "الساعة الثامنة والنصف مساء",
             "T20:30");
  ExpectTime("وصل الرئيس الساعة الواحدة والربع ظهرا", "الساعة الواحدة والربع ظهرا", "T13:15");
  ExpectTime("تنطلق القافلة الساعة السادسة إلا ربعا صباحا", "الساعة السادسة إلا ربعا صباحا",
             "T05:45");
  ExpectTime("أغلقت الصناديق في ٧:٠٠ مساء", "٧:٠٠ مساء", "T19:00");
  ExpectTime("يفتتح المعرض في العاشرة صباحا غدا", "العاشرة صباحا غدا", "2025-04-04T10:00");
  ExpectTime("هز زلزال المنطقة في الخامسة من صباح اليوم", "الخامسة من صباح اليوم",
             "2025-04-03T05:00");
  ExpectTime("تبدأ المباراة الساعة 9 مساء بتوقيت مكة المكرمة",
             "الساعة 9 مساء بتوقيت مكة المكرمة", "T21:00", "Asia/Riyadh");
}

TEST(TimeTest, WithoutAReferenceDateTheDayStaysOpen) {
  auto extractor = Extractor::Create(Options{});
  ASSERT_TRUE(extractor.ok());
  const std::string text = "وصل الوفد السابعة مساء أمس";
  std::optional<Entity> e = OneOf(*extractor, text, EntityType::kTime);
  ASSERT_TRUE(e && e->time);
  EXPECT_EQ(e->text(text), "السابعة مساء أمس");
  EXPECT_EQ(e->time->timex, "T19:00");
}

TEST(TimeTest, AnOrdinalWithoutAClockCueIsNoTime) {
  const Extractor extractor = Make({EntityType::kTime});
  EXPECT_TRUE(extractor.Extract("حل الفريق في المرتبة الرابعة").empty());
  EXPECT_TRUE(extractor.Extract("للمرة الثالثة هذا العام").empty());
  EXPECT_TRUE(extractor.Extract("بلغت الساعة رقما قياسيا").empty());
}

TEST(MoneyRangeTest, OneEntityWithARangeValue) {
  const Extractor extractor = Make({EntityType::kMoney});
  const std::string text = "تتراوح كلفة المشروع بين 3 و5 ملايين دولار بحسب التقديرات";
  std::optional<Entity> e = OneOf(extractor, text, EntityType::kMoney);
  ASSERT_TRUE(e && e->money);
  EXPECT_EQ(e->text(text), "بين 3 و5 ملايين دولار");
  EXPECT_EQ(e->money->amount, "3000000");
  EXPECT_EQ(e->money->upper_amount, "5000000");
  EXPECT_EQ(e->money->currency, "USD");

  const std::string from_to = "يتراوح الدعم من 10 إلى 15 مليون يورو سنويا";
  e = OneOf(extractor, from_to, EntityType::kMoney);
  ASSERT_TRUE(e && e->money);
  EXPECT_EQ(e->text(from_to), "من 10 إلى 15 مليون يورو");
  EXPECT_EQ(e->money->amount, "10000000");
  EXPECT_EQ(e->money->upper_amount, "15000000");
  EXPECT_EQ(e->money->currency, "EUR");

  // One amount has no upper bound.
  const std::string one = "رصدت الوزارة 2.5 مليار ريال";
  e = OneOf(extractor, one, EntityType::kMoney);
  ASSERT_TRUE(e && e->money);
  EXPECT_EQ(e->money->upper_amount, "");
}

TEST(NewTypesTest, LabelsAndNumbers) {
  EXPECT_EQ(static_cast<int>(EntityType::kPercent), 5);
  EXPECT_EQ(static_cast<int>(EntityType::kTime), 6);
  EXPECT_STREQ(EntityTypeLabel(EntityType::kPercent), "PERCENT");
  EXPECT_STREQ(EntityTypeLabel(EntityType::kTime), "TIME");
  EXPECT_EQ(ParseEntityType("percent"), EntityType::kPercent);
  EXPECT_EQ(ParseEntityType("TIME"), EntityType::kTime);
}

std::string ReadSourceFile(const std::string& path) {
  std::ifstream in(std::string(KASHIF_SOURCE_DIR) + "/" + path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Every data line of `path` has `fields` tab-separated fields and one of `kinds` in column
// `kind_column`.
void ExpectRows(const std::string& path, size_t fields, size_t kind_column,
                const std::set<std::string>& kinds) {
  const std::string content = ReadSourceFile(path);
  ASSERT_FALSE(content.empty()) << path;
  internal::LineReader lines(content);
  std::string_view line;
  int rows = 0;
  while (lines.NextData(&line)) {
    ++rows;
    const std::vector<std::string_view> row = internal::SplitFields(line);
    SCOPED_TRACE(path + ":" + std::to_string(lines.line_number()));
    ASSERT_EQ(row.size(), fields);
    EXPECT_FALSE(row[0].empty());
    if (!kinds.empty()) EXPECT_EQ(kinds.count(std::string(row[kind_column])), 1u);
  }
  EXPECT_GT(rows, 5) << path;
}

TEST(AmountsDataTest, EveryLineParses) {
  ExpectRows("data/percent_words.tsv", 2, 1, {"after", "either"});
  ExpectRows("data/range_words.tsv", 2, 1, {"from", "to"});
  ExpectRows("data/currency_subunits.tsv", 3, 2, {"100", "1000"});
  ExpectRows("data/time_words.tsv", 3, 1,
             {"clock", "midnight", "near", "part", "part_of", "minutes", "less", "except",
              "minute_unit", "zone_cue", "zone", "of"});
  // The time matcher reads its file without complaint, and names a bad line.
  const internal::Analyzer analyzer;
  std::string error;
  internal::TimeMatcher::CompileLexicon(analyzer, ReadSourceFile("data/time_words.tsv"), &error);
  EXPECT_EQ(error, "");
  internal::TimeMatcher::CompileLexicon(analyzer, "الساعة\tclock\t0\nصباحا\tpart\tmorning\n",
                                        &error);
  EXPECT_EQ(error, "time_words.tsv:2: unknown part of the day 'morning'");
}

}  // namespace
}  // namespace kashif
