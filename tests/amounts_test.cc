// Numbers and money the way news writes them (issue 15): the examples, each with its
// exact span and exact value, through the public API. Percentages, clock times and money
// ranges are in amounts_new_types_test.cc.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "kashif/kashif.h"
#include "kashif/number.h"

namespace kashif {
namespace {

// U+00A0 no-break space, U+202F narrow no-break space, U+200F right-to-left mark.
constexpr std::string_view kNbsp = "\xC2\xA0";
constexpr std::string_view kNarrowNbsp = "\xE2\x80\xAF";
constexpr std::string_view kRlm = "\xE2\x80\x8F";

std::string Join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out += p;
  return out;
}

// The one number FindNumbers finds in `sentence`: it must be exactly `span` with `value`.
void ExpectOneNumber(const std::string& sentence, const std::string& span,
                     const std::string& value) {
  std::vector<NumberMatch> found = FindNumbers(sentence);
  ASSERT_EQ(found.size(), 1u) << sentence;
  EXPECT_EQ(sentence.substr(found[0].begin, found[0].end - found[0].begin), span) << sentence;
  EXPECT_EQ(found[0].begin, sentence.find(span)) << sentence;
  EXPECT_EQ(found[0].value, value) << sentence;
}

TEST(NewsNumbersTest, MalayinSpelling) {
  EXPECT_EQ(ParseNumber("خمس ملاين وثلاثمائة ألف").value_or("null"), "5300000");
  EXPECT_EQ(ParseNumber("5 ملاين").value_or("null"), "5000000");
  ExpectOneNumber("بلغ عدد السكان خمس ملاين وثلاثمائة ألف نسمة", "خمس ملاين وثلاثمائة ألف",
                  "5300000");
}

TEST(NewsNumbersTest, ThousandsGroupedBySpaces) {
  for (std::string_view space : {std::string_view(" "), kNbsp, kNarrowNbsp}) {
    const std::string number = Join({"3", space, "450", space, "120.75"});
    EXPECT_EQ(ParseNumber(number).value_or("null"), "3450120.75") << number;
    ExpectOneNumber("بلغت المساحة " + number + " هكتارا", number, "3450120.75");
  }
  // A group of other than three digits after the space is another number.
  std::vector<NumberMatch> two = FindNumbers("بين الصفين 12 4500 متر");
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].value, "12");
  EXPECT_EQ(two[1].value, "4500");
}

TEST(NewsNumbersTest, DirectionMarksInsideANumber) {
  const std::string number = Join({"18340", kRlm, ",", kRlm, "25"});
  EXPECT_EQ(ParseNumber(number).value_or("null"), "18340.25");
  ExpectOneNumber("قطع الأسطول " + number + " كيلومترا", number, "18340.25");
}

TEST(NewsNumbersTest, ArabicCommaForThousands) {
  EXPECT_EQ(ParseNumber("47،310,65").value_or("null"), "47310.65");
  EXPECT_EQ(ParseNumber("47،310.65").value_or("null"), "47310.65");
  ExpectOneNumber("صدرت الشركة 47،310,65 طنا", "47،310,65", "47310.65");
}

TEST(NewsNumbersTest, DottedThousands) {
  EXPECT_EQ(ParseNumber("1.234.567").value_or("null"), "1234567");
  EXPECT_EQ(ParseNumber("12.000.000").value_or("null"), "12000000");
  ExpectOneNumber("سجلت المنصة 1.234.567 زيارة", "1.234.567", "1234567");
  // One dot is still a decimal point.
  EXPECT_EQ(ParseNumber("1.234").value_or("null"), "1.234");
}

TEST(NewsNumbersTest, NumberCommandReadsAPercentage) {
  // `kashif number 25%`: a percentage is read as the fraction it stands for.
  EXPECT_EQ(ParseNumber("25%").value_or("null"), "0.25");
  EXPECT_EQ(ParseNumber("٪17").value_or("null"), "0.17");
  EXPECT_EQ(ParseNumber("9 في المئة").value_or("null"), "0.09");
}

struct Money {
  std::string text;
  std::string amount;
  std::string currency;
};

std::vector<Money> MoneyIn(std::string_view text) {
  Options options;
  options.types = {EntityType::kMoney};
  auto extractor = Extractor::Create(options);
  EXPECT_TRUE(extractor.ok());
  std::vector<Money> out;
  for (const Entity& e : extractor->Extract(text)) {
    EXPECT_TRUE(e.money.has_value());
    if (e.money) out.push_back({std::string(e.text(text)), e.money->amount, e.money->currency});
  }
  return out;
}

void ExpectOneAmount(std::string_view sentence, std::string_view span, std::string_view amount,
                     std::string_view currency) {
  std::vector<Money> found = MoneyIn(sentence);
  ASSERT_EQ(found.size(), 1u) << sentence;
  EXPECT_EQ(found[0].text, span) << sentence;
  EXPECT_EQ(found[0].amount, amount) << sentence;
  EXPECT_EQ(found[0].currency, currency) << sentence;
}

TEST(NewsMoneyTest, SubunitsByCountry) {
  ExpectOneAmount("دفع ألفان وثلاثمائة ريال قطري وخمسة عشر درهما رسوما",
                  "ألفان وثلاثمائة ريال قطري وخمسة عشر درهما", "2300.15", "QAR");
  ExpectOneAmount("بلغ سعر التذكرة 12 دينارا ليبيا و500 درهم", "12 دينارا ليبيا و500 درهم",
                  "12.5", "LYD");
  ExpectOneAmount("اشترى الحلوى بتسعة دراهم إماراتية وستة فلوس", "تسعة دراهم إماراتية وستة فلوس",
                  "9.06", "AED");
  ExpectOneAmount("ارتفع السعر إلى 3 ريالات عمانية و200 بيسة", "3 ريالات عمانية و200 بيسة", "3.2",
                  "OMR");
  // فلس of the Kuwaiti and Bahraini dinars: a thousand to the dinar.
  ExpectOneAmount("أنفقت الأسرة ثلاثة دنانير بحرينية و250 فلسا", "ثلاثة دنانير بحرينية و250 فلسا",
                  "3.25", "BHD");
  // The Moroccan and Emirati dirham is a currency of its own, not a subunit.
  ExpectOneAmount("رصدت البلدية ١٢٠ مليون درهم إماراتي", "١٢٠ مليون درهم إماراتي", "120000000",
                  "AED");
}

TEST(NewsMoneyTest, NewNumberFormsUnderACurrency) {
  ExpectOneAmount("خصصت الحكومة خمس ملاين وثلاثمائة ألف دينار كويتي",
                  "خمس ملاين وثلاثمائة ألف دينار كويتي", "5300000", "KWD");
  ExpectOneAmount("بلغت قيمة الصفقة 3 450 120.75 يورو", "3 450 120.75 يورو", "3450120.75", "EUR");
  ExpectOneAmount("سجل الحساب 47،310,65 ريالا سعوديا", "47،310,65 ريالا سعوديا", "47310.65", "SAR");
  ExpectOneAmount("بيع العقار بمبلغ 1.234.567 ليرة تركية", "1.234.567 ليرة تركية", "1234567",
                  "TRY");
  const std::string number = Join({"18340", kRlm, ",", kRlm, "25"});
  ExpectOneAmount("دفعت الشركة غرامة قدرها " + number + " دولارا", number + " دولارا", "18340.25",
                  "USD");
}

}  // namespace
}  // namespace kashif
