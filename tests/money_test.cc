// The money matcher: amounts and currencies with exact values and exact byte spans.
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "kashif/kashif.h"
#include "kashif/tokenizer.h"
#include "match/money/money_matcher.h"
#include "core/analyzer.h"
#include "core/document.h"
#include "test_lexicons.h"

namespace kashif::internal {
namespace {

struct Found {
  std::string text;
  std::string amount;
  std::string currency;
  uint32_t begin = 0;
  uint32_t end = 0;
  int32_t priority = 0;
  std::string upper_amount;
};

class MoneyMatcherTest : public ::testing::Test {
 protected:
  MoneyMatcherTest()
      : matcher_(analyzer_, *SharedLexicons().numbers, SharedLexicons().currencies) {}

  std::vector<Found> Run(std::string_view text) {
    doc_.Clear();
    doc_.text = text;
    Tokenizer().Tokenize(text, &doc_.tokens);
    analyzer_.Analyze(&doc_);
    std::vector<Candidate> out;
    matcher_.Propose(doc_, Options(), &out);
    std::vector<Found> found;
    for (const Candidate& c : out) {
      EXPECT_EQ(c.type, EntityType::kMoney);
      EXPECT_TRUE(c.priority == kMoneyPriority || c.priority == kQualifiedMoneyPriority);
      EXPECT_TRUE(c.money.has_value());
      found.push_back({std::string(text.substr(c.begin, c.end - c.begin)), c.money->amount,
                       c.money->currency, c.begin, c.end, c.priority, c.money->upper_amount});
    }
    return found;
  }

  // The single amount in `text`: its surface, amount and currency.
  void ExpectOne(std::string_view text, std::string_view surface, std::string_view amount,
                 std::string_view currency) {
    auto found = Run(text);
    ASSERT_EQ(found.size(), 1u) << text;
    EXPECT_EQ(found[0].text, surface) << text;
    EXPECT_EQ(found[0].amount, amount) << text;
    EXPECT_EQ(found[0].currency, currency) << text;
    EXPECT_EQ(found[0].begin, text.find(surface)) << text;
  }

  const Analyzer& analyzer_ = SharedLexicons().analyzer;
  MoneyMatcher matcher_;
  Document doc_;
};

// No amount is read after the last token where a currency may start (the matcher stops
// there): the amounts before it still are, a currency sign as the last token included, and
// numbers after it or with no currency at all are none.
TEST_F(MoneyMatcherTest, AmountsOnlyBeforeTheLastCurrency) {
  ExpectOne("دفع 20 دولارا ثم 30 أخرى", "20 دولارا", "20", "USD");
  ExpectOne("بلغت التكلفة 5 ملايين والعائد 7 ملايين دولار", "7 ملايين دولار", "7000000", "USD");
  ExpectOne("دفع 10 $", "10 $", "10", "USD");
  ExpectOne("الثمن 10 $ و 5", "10 $", "10", "USD");
  ExpectOne("اشتراه بدولارين", "دولارين", "2", "USD");  // the currency first, the last token
  EXPECT_TRUE(Run("الرقم 25 ثم دولار").empty());
  EXPECT_TRUE(Run("ارتفع العدد من 25 إلى 30 في عام واحد").empty());
}

TEST_F(MoneyMatcherTest, NewspaperSentenceWithExactSpan) {
  const std::string text = "وقدرت الصفقة بنحو 324 مليار دولار، بحسب مصادر.";
  auto found = Run(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].amount, "324000000000");
  EXPECT_EQ(found[0].currency, "USD");
  EXPECT_EQ(found[0].begin, 33u);  // "وقدرت الصفقة بنحو " is 33 bytes
  EXPECT_EQ(found[0].end, 33u + 3 + 1 + 10 + 1 + 10);
  EXPECT_EQ(found[0].text, "324 مليار دولار");
}

TEST_F(MoneyMatcherTest, AmountInWordsDigitsOrBoth) {
  ExpectOne("خصصت الحكومة خمسة ملايين جنيه للمشروع", "خمسة ملايين جنيه", "5000000", "EGP");
  ExpectOne("بلغ العجز 2.5 مليار يورو", "2.5 مليار يورو", "2500000000", "EUR");
  ExpectOne("تبرع بمبلغ ١٢ ألف ريال", "١٢ ألف ريال", "12000", "SAR");
  ExpectOne("دفع ثلاثمائة وأربعة وعشرين دولارا", "ثلاثمائة وأربعة وعشرين دولارا", "324", "USD");
  ExpectOne("كلفته مليون ونصف مليون دولار", "مليون ونصف مليون دولار", "1500000", "USD");
  ExpectOne("بيعت بـ 1,250,000 درهم إماراتي", "1,250,000 درهم إماراتي", "1250000", "AED");
}

TEST_F(MoneyMatcherTest, EveryCurrencyWordForm) {
  struct Case {
    const char* text;
    const char* amount;
    const char* currency;
  };
  const Case cases[] = {
      {"5 دولار", "5", "USD"},         {"5 دولارات", "5", "USD"},
      {"50 دولارا", "50", "USD"},      {"5 يورو", "5", "EUR"},
      {"5 جنيه", "5", "EGP"},          {"50 جنيها", "50", "EGP"},
      {"5 جنيهات", "5", "EGP"},        {"5 ريال", "5", "SAR"},
      {"5 ريالات", "5", "SAR"},        {"5 درهم", "5", ""},
      {"5 دراهم", "5", ""},            {"5 دينار", "5", ""},
      {"5 دنانير", "5", ""},           {"5 ليرة", "5", ""},
      {"5 ليرات", "5", ""},            {"5 روبل", "5", "RUB"},
      {"5 ين", "5", "JPY"},            {"5 يوان", "5", "CNY"},
      {"5 فرنك", "5", ""},             {"5 فرنكات سويسرية", "5", "CHF"},
      {"5 شواقل", "5", "ILS"},         {"5 جنيهات سودانية", "5", "SDG"},
      {"5 دولارات سنغافورية", "5", "SGD"}, {"5 ريالات يمنية", "5", "YER"},
  };
  for (const Case& c : cases) ExpectOne(c.text, c.text, c.amount, c.currency);
}

TEST_F(MoneyMatcherTest, QualifiersInEveryGenderNumberAndCase) {
  ExpectOne("أودع 42 ريالات قطرية", "42 ريالات قطرية", "42", "QAR");
  ExpectOne("خسر عشرة دنانير كويتية", "عشرة دنانير كويتية", "10", "KWD");
  ExpectOne("سعره مئة دولار كندي", "مئة دولار كندي", "100", "CAD");
  ExpectOne("حول ثلاثين دولارا أستراليا", "ثلاثين دولارا أستراليا", "30", "AUD");
  ExpectOne("ارتفع إلى 3 جنيهات إسترلينية", "3 جنيهات إسترلينية", "3", "GBP");
  ExpectOne("سعر الصرف 50 ليرة لبنانية", "50 ليرة لبنانية", "50", "LBP");
  ExpectOne("باع بـ 7 آلاف ريال عماني", "7 آلاف ريال عماني", "7000", "OMR");
}

TEST_F(MoneyMatcherTest, SymbolsAndAbbreviations) {
  ExpectOne("السعر $10 فقط", "$10", "10", "USD");
  ExpectOne("السعر 10$ فقط", "10$", "10", "USD");
  ExpectOne("تكلفة 20€ للتذكرة", "20€", "20", "EUR");
  ExpectOne("دفع US$ 5 ملايين", "US$ 5 ملايين", "5000000", "USD");
  ExpectOne("الرسوم 42 ج.م. للطلب", "42 ج.م.", "42", "EGP");
  ExpectOne("الرسوم 42 ج.م للطلب", "42 ج.م", "42", "EGP");
  ExpectOne("قيمته ٥٠٠ ر.س", "٥٠٠ ر.س", "500", "SAR");
  ExpectOne("قيمته 75 د.ك", "75 د.ك", "75", "KWD");
  ExpectOne("قيمته 900 د.إ", "900 د.إ", "900", "AED");
  ExpectOne("سعر السهم 15 USD", "15 USD", "15", "USD");
}

TEST_F(MoneyMatcherTest, Subunits) {
  ExpectOne("دفعت 20 دولار و43 سنت", "20 دولار و43 سنت", "20.43", "USD");
  ExpectOne("ثلاث ريالات سعودية وإحدى عشرة هللة", "ثلاث ريالات سعودية وإحدى عشرة هللة", "3.11",
            "SAR");
  ExpectOne("سعره خمسون هللة", "خمسون هللة", "0.5", "SAR");
  ExpectOne("كلف 5 جنيهات و25 قرشا", "5 جنيهات و25 قرشا", "5.25", "EGP");
  // KWD has three decimal places: 250 fils are a quarter dinar.
  ExpectOne("دفع 3 دنانير كويتية و250 فلسا", "3 دنانير كويتية و250 فلسا", "3.25", "KWD");
  ExpectOne("ريال سعودي واحد وهللة واحدة", "ريال سعودي واحد وهللة واحدة", "1.01", "SAR");
}

// A subunit read by the currency before it (data/currency_subunits.tsv), and one or two after
// the counted noun.
TEST_F(MoneyMatcherTest, SubunitsByCountryAndUnitsAfterTheNoun) {
  ExpectOne("دفع 5 ريالات قطرية و50 درهما", "5 ريالات قطرية و50 درهما", "5.5", "QAR");
  ExpectOne("دفع 5 دنانير ليبية و50 درهما", "5 دنانير ليبية و50 درهما", "5.05", "LYD");
  ExpectOne("دفع 7 دراهم إماراتية و25 فلسا", "7 دراهم إماراتية و25 فلسا", "7.25", "AED");
  ExpectOne("دفع 2 ريال عماني و500 بيسة", "2 ريال عماني و500 بيسة", "2.5", "OMR");
  // Without a currency that has them, the words stay apart: a bare dirham is no subunit.
  EXPECT_EQ(Run("دفع 5 ريالات سعودية و50 درهما").size(), 2u);
  // A subunit worth a whole unit is none.
  EXPECT_EQ(Run("دفع 5 ريالات قطرية و150 درهما").size(), 2u);
  ExpectOne("مئة ريال سعودي وواحد", "مئة ريال سعودي وواحد", "101", "SAR");
  ExpectOne("مئتا دولار واثنان.", "مئتا دولار واثنان", "202", "USD");
  // Only at the end of the phrase: "وواحد منهم" counts someone.
  ExpectOne("مئة ريال سعودي وواحد منهم", "مئة ريال سعودي", "100", "SAR");
}

TEST_F(MoneyMatcherTest, RangesAreOneAmountWithAnUpperEnd) {
  auto found = Run("كلف بين 3 و5 ملايين دولار");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "بين 3 و5 ملايين دولار");
  EXPECT_EQ(found[0].amount, "3000000");
  EXPECT_EQ(found[0].upper_amount, "5000000");
  found = Run("ما بين عشرة وعشرون دولار");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "بين عشرة وعشرون دولار");
  EXPECT_EQ(found[0].amount, "10");
  EXPECT_EQ(found[0].upper_amount, "20");
  found = Run("من عشرة لعشرين دولار");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].amount, "10");
  EXPECT_EQ(found[0].upper_amount, "20");
  for (std::string_view text : {"10-20 دولار", "حوالي 10$-20$"}) {
    found = Run(text);
    ASSERT_EQ(found.size(), 1u) << text;
    EXPECT_EQ(found[0].amount, "10") << text;
    EXPECT_EQ(found[0].upper_amount, "20") << text;
    EXPECT_EQ(found[0].currency, "USD") << text;
  }
  // A low end with its own scale keeps it; a low end not below the high one is no range.
  found = Run("بين 500 ألف و2 مليون دولار");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].amount, "500000");
  EXPECT_EQ(found[0].upper_amount, "2000000");
  found = Run("بين 9 و5 دولارات");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "5 دولارات");
  EXPECT_EQ(found[0].upper_amount, "");
}

// A currency named in several words outranks a gazetteer name inside it ("دينارا ليبيا" is not
// the place ليبيا); one word keeps the grammar's priority.
TEST_F(MoneyMatcherTest, CurrenciesOfSeveralWordsOutrankTheGazetteer) {
  auto found = Run("ثمنها 12 دينارا ليبيا");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].priority, kQualifiedMoneyPriority);
  found = Run("ثمنها 12 دينارا");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].priority, kMoneyPriority);
}

TEST_F(MoneyMatcherTest, CurrencyBeforeTheAmountAndDuals) {
  ExpectOne("المبلغ ريال سعودي واحد", "ريال سعودي واحد", "1", "SAR");
  ExpectOne("اشتراه بدولارين فقط", "دولارين", "2", "USD");
  ExpectOne("أعطاه ألفا ريال", "ألفا ريال", "2000", "SAR");
}

TEST_F(MoneyMatcherTest, AmbiguousBareNamesHaveNoCurrency) {
  ExpectOne("ثمنها 40 دينارا", "40 دينارا", "40", "");
  ExpectOne("ثمنها 15 درهما", "15 درهما", "15", "");
  ExpectOne("ثمنها 900 ليرة", "900 ليرة", "900", "");
  // A millime settles a bare dinar: Tunisia's.
  ExpectOne("ألف دينار و420 مليما", "ألف دينار و420 مليما", "1000.42", "TND");
}

TEST_F(MoneyMatcherTest, ProcliticsAndArticleStayOut) {
  ExpectOne("وبخمسة آلاف دولار", "خمسة آلاف دولار", "5000", "USD");
  ExpectOne("تراجع بمقدار 3 مليارات الدولارات", "3 مليارات الدولارات", "3000000000", "USD");
}

TEST_F(MoneyMatcherTest, TwoAmountsInOneSentence) {
  const std::string text = "ارتفع من 2.5 مليار يورو إلى 3 ملايين دولار";
  auto found = Run(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].text, "2.5 مليار يورو");
  EXPECT_EQ(found[0].amount, "2500000000");
  EXPECT_EQ(found[1].text, "3 ملايين دولار");
  EXPECT_EQ(found[1].currency, "USD");
  EXPECT_EQ(found[1].end, text.size());
}

TEST_F(MoneyMatcherTest, ConstructDualScale) {
  auto found = Run("ارتفعت من نصف مليون دولار إلى مليوني دولار");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1].text, "مليوني دولار");
  EXPECT_EQ(found[1].amount, "2000000");
}

TEST_F(MoneyMatcherTest, SignsAndSpacedAbbreviationsAreNotCurrencies) {
  // "$#$" is a corpus paragraph marker; "ج . م" with spaces is not the abbreviation ج.م.
  EXPECT_TRUE(Run("نهاية الفقرة $#$ 18 - البند التالي").empty());
  EXPECT_TRUE(Run("في الدقيقة 05ج . م").empty());
}

TEST_F(MoneyMatcherTest, NotMoney) {
  EXPECT_TRUE(Run("قتل 30 شخصا في الهجوم").empty());
  EXPECT_TRUE(Run("ارتفع الدولار أمام اليورو").empty());
  EXPECT_TRUE(Run("في عام 2022").empty());
  EXPECT_TRUE(Run("").empty());
  EXPECT_TRUE(Run(std::string("\xFF 5 \xC3 دولار", 13)).size() <= 1u);
}

TEST_F(MoneyMatcherTest, MalformedCurrencyTableIsReported) {
  std::string error;
  MoneyMatcher::CompileLexicon(analyzer_, "دولار\tUSD\n", &error);
  EXPECT_EQ(error, "currencies.tsv:1: expected 3 or 4 fields");
  MoneyMatcher::CompileLexicon(analyzer_, "دولار\tUSD\tnoun\n", &error);
  EXPECT_EQ(error, "currencies.tsv:1: unknown kind 'noun'");
}

// A table of its own currency, bound to a vocabulary of its words and the built-in number
// words, matches them in a document of the analyzer over that vocabulary, with or without the
// article, and no built-in currency.
TEST_F(MoneyMatcherTest, OwnTableBoundToItsOwnVocabularyMatches) {
  std::string error;
  auto numbers = internal::NumberParser::CreateDefault();
  auto currencies = MoneyMatcher::CompileLexicon(analyzer_, "بيتكوين\tBTC\tname\n", &error);
  ASSERT_TRUE(error.empty()) << error;
  auto analyzer = AnalyzerOver([&](internal::VocabularyBuilder* b) {
    numbers->AddWordsTo(b);
    MoneyMatcher::AddWordsTo(*currencies, b);
  });
  numbers->Bind(analyzer->vocabulary());
  MoneyMatcher::Bind(analyzer->vocabulary(), currencies.get());
  MoneyMatcher custom(*analyzer, *numbers, currencies);
  const std::string text = "اشترى 3 بيتكوين وثلاثة البيتكوين و5 دولار";
  doc_.text = text;
  Tokenizer().Tokenize(text, &doc_.tokens);
  analyzer->Analyze(&doc_);
  std::vector<Candidate> out;
  custom.Propose(doc_, Options(), &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(text.substr(out[0].begin, out[0].end - out[0].begin), "3 بيتكوين");
  EXPECT_EQ(out[0].money->amount, "3");
  EXPECT_EQ(out[0].money->currency, "BTC");
  EXPECT_EQ(text.substr(out[1].begin, out[1].end - out[1].begin), "ثلاثة البيتكوين");
  EXPECT_EQ(out[1].money->amount, "3");
}

TEST(MoneyEndToEndTest, ExtractorReportsMoneyWithValue) {
  Options options;
  options.use_builtin_gazetteers = false;
  auto extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok());
  const std::string text = "أعلنت الشركة أرباحا بلغت 7.25 مليون دولار أمريكي.";
  std::vector<Entity> money;
  for (const Entity& e : extractor->Extract(text)) {
    if (e.type == EntityType::kMoney) money.push_back(e);
  }
  ASSERT_EQ(money.size(), 1u);
  EXPECT_EQ(money[0].text(text), "7.25 مليون دولار أمريكي");
  ASSERT_TRUE(money[0].money.has_value());
  EXPECT_EQ(money[0].money->amount, "7250000");
  EXPECT_EQ(money[0].money->currency, "USD");
}

}  // namespace
}  // namespace kashif::internal
