// The number grammar: exact decimals, digits of every script, MSA and colloquial number words,
// fractions, ordinals, byte spans in running text.
#include "kashif/number.h"

#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "kashif/tokenizer.h"
#include "number/decimal.h"
#include "number/number_parser.h"
#include "core/analyzer.h"
#include "core/document.h"
#include "test_lexicons.h"

namespace kashif {
namespace {

using internal::Decimal;

std::string Value(std::string_view text) { return ParseNumber(text).value_or("null"); }

TEST(DecimalTest, ExactArithmetic) {
  auto a = Decimal::Parse("2.5");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->Times(Decimal::PowerOfTen(9))->ToString(), "2500000000");
  EXPECT_EQ(Decimal::Parse("20")->Plus(*Decimal::Parse("0.43"))->ToString(), "20.43");
  EXPECT_EQ(Decimal::Parse("0.1")->Plus(*Decimal::Parse("0.2"))->ToString(), "0.3");
  EXPECT_EQ(Decimal::Parse("-1.250")->ToString(), "-1.25");
  EXPECT_EQ(Decimal::Parse(".77")->ToString(), "0.77");
  EXPECT_EQ(Decimal::Fraction(1, 3)->ToString(), "0.333333333333333");
  EXPECT_EQ(Decimal::Fraction(2, 3)->ToString(), "0.666666666666667");
  EXPECT_EQ(Decimal::Fraction(1, 3)->Times(Decimal::FromInt(3))->ToString(), "1");
  EXPECT_EQ(Decimal::Fraction(1, uint64_t{1} << 30)->ToString(),
            "0.000000000931322574615478515625");
  // Beyond 64 and 128 bits.
  EXPECT_EQ(Decimal::PowerOfTen(40).Plus(Decimal::FromInt(7))->ToString(),
            "10000000000000000000000000000000000000007");
  EXPECT_FALSE(Decimal::Parse("1e5").has_value());
  EXPECT_FALSE(Decimal::Parse("").has_value());
  EXPECT_FALSE(Decimal::Parse("1.2.3").has_value());
  EXPECT_EQ(Decimal::Parse("12")->ToInt64(), 12);
  EXPECT_FALSE(Decimal::Parse("1.5")->ToInt64().has_value());
  EXPECT_TRUE(*Decimal::Parse("0.5") < *Decimal::Parse("0.75"));
  EXPECT_TRUE(*Decimal::Parse("-2") < *Decimal::Parse("-1.5"));
  EXPECT_TRUE(*Decimal::Parse("-0.5") < *Decimal::Parse("0.25"));
  // Denominators whose product leaves 64 bits still compare.
  auto tiny = Decimal::Fraction(1, uint64_t{1} << 62);
  auto tinier = Decimal::Fraction(1, (uint64_t{1} << 62) + 1);
  EXPECT_TRUE(*tinier < *tiny);
  EXPECT_FALSE(*tiny == *tinier);
}

TEST(ParseDigitsTest, SeparatorsOfBothScripts) {
  EXPECT_EQ(internal::ParseDigits("1,250,000")->ToString(), "1250000");
  EXPECT_EQ(internal::ParseDigits("3.75")->ToString(), "3.75");
  EXPECT_EQ(internal::ParseDigits("180,25")->ToString(), "180.25");
  EXPECT_EQ(internal::ParseDigits("1,250.5")->ToString(), "1250.5");
  EXPECT_EQ(internal::ParseDigits("1.250,5")->ToString(), "1250.5");
  EXPECT_FALSE(internal::ParseDigits("192.168.1.2").has_value());
  EXPECT_FALSE(internal::ParseDigits("27/2/2025").has_value());
  EXPECT_FALSE(internal::ParseDigits("2025-02-27").has_value());
  EXPECT_FALSE(internal::ParseDigits("1,25,000").has_value());
}

TEST(ParseNumberTest, Digits) {
  EXPECT_EQ(Value("2022"), "2022");
  EXPECT_EQ(Value("١٢"), "12");
  EXPECT_EQ(Value("۱۲۳"), "123");
  EXPECT_EQ(Value("٢٫٥"), "2.5");
  EXPECT_EQ(Value("١٬٠٠٠٬٠٠٠"), "1000000");
  EXPECT_EQ(Value("1,250,000"), "1250000");
  EXPECT_EQ(Value("  ٣٫٧٥ "), "3.75");
  EXPECT_EQ(Value("-١٫٢"), "-1.2");
  EXPECT_EQ(Value("٧٧/١٠٠"), "0.77");
  EXPECT_EQ(Value(".5"), "0.5");
  // The Arabic comma inside a number: a decimal mark, or thousands before three digits.
  EXPECT_EQ(Value("١٢،٥"), "12.5");
  EXPECT_EQ(Value("3،5 مليار"), "3500000000");
  EXPECT_EQ(Value("1،000،000"), "1000000");
}

TEST(ParseNumberTest, MixedDigitsAndScaleWords) {
  EXPECT_EQ(Value("5 ملايين"), "5000000");
  EXPECT_EQ(Value("2.5 مليار"), "2500000000");
  EXPECT_EQ(Value("١٢ ألف"), "12000");
  EXPECT_EQ(Value("10 آلاف"), "10000");
  EXPECT_EQ(Value("1.5 تريليون"), "1500000000000");
  EXPECT_EQ(Value("٣ مئة"), "300");
}

TEST(ParseNumberTest, UnitsTeensTensWithGenderAndCase) {
  EXPECT_EQ(Value("واحد"), "1");
  EXPECT_EQ(Value("إحدى عشرة"), "11");
  EXPECT_EQ(Value("اثنا عشر"), "12");
  EXPECT_EQ(Value("اثنتي عشرة"), "12");
  EXPECT_EQ(Value("ثلاث"), "3");
  EXPECT_EQ(Value("ثلاثة"), "3");
  EXPECT_EQ(Value("خمسة عشر"), "15");
  EXPECT_EQ(Value("تسع عشرة"), "19");
  EXPECT_EQ(Value("عشرون"), "20");
  EXPECT_EQ(Value("عشرين"), "20");
  EXPECT_EQ(Value("سبعة وتسعون"), "97");
  EXPECT_EQ(Value("ثماني وأربعين"), "48");
  EXPECT_EQ(Value("صفر"), "0");
}

TEST(ParseNumberTest, HundredsThousandsAndBeyond) {
  EXPECT_EQ(Value("ثلاثمائة وأربعة وعشرون"), "324");
  EXPECT_EQ(Value("مائة"), "100");
  EXPECT_EQ(Value("مئة"), "100");
  EXPECT_EQ(Value("مئتان"), "200");
  EXPECT_EQ(Value("مئتين"), "200");
  EXPECT_EQ(Value("مئتا"), "200");
  EXPECT_EQ(Value("ثلاث مائة"), "300");
  EXPECT_EQ(Value("ألف"), "1000");
  EXPECT_EQ(Value("ألفان"), "2000");
  EXPECT_EQ(Value("ألفين"), "2000");
  EXPECT_EQ(Value("ثلاثة آلاف"), "3000");
  EXPECT_EQ(Value("خمسة عشر ألفًا"), "15000");
  EXPECT_EQ(Value("مليون"), "1000000");
  EXPECT_EQ(Value("مليونان"), "2000000");
  EXPECT_EQ(Value("سبعة ملايين"), "7000000");
  EXPECT_EQ(Value("مليار"), "1000000000");
  EXPECT_EQ(Value("بليون"), "1000000000");
  EXPECT_EQ(Value("أربعة مليارات"), "4000000000");
  EXPECT_EQ(Value("تريليون"), "1000000000000");
  EXPECT_EQ(Value("ألف وتسعمائة وثمانية وأربعون"), "1948");
  EXPECT_EQ(Value("مئتان وخمسون ألفا وثلاثمئة"), "250300");
  EXPECT_EQ(Value("مليون ومئتا ألف"), "1200000");
  EXPECT_EQ(Value("ثلاثة مليارات وسبعمائة مليون"), "3700000000");
}

TEST(ParseNumberTest, Fractions) {
  EXPECT_EQ(Value("نصف"), "0.5");
  EXPECT_EQ(Value("ربع"), "0.25");
  EXPECT_EQ(Value("ثلث"), "0.333333333333333");
  EXPECT_EQ(Value("ثلاثة أرباع"), "0.75");
  EXPECT_EQ(Value("نصف مليون"), "500000");
  EXPECT_EQ(Value("ربع مليار"), "250000000");
  EXPECT_EQ(Value("مليون ونصف"), "1500000");
  EXPECT_EQ(Value("خمسة ملايين ونصف مليون"), "5500000");
  EXPECT_EQ(Value("مليار ونصف المليار"), "1500000000");
  EXPECT_FALSE(ParseNumber("ثلث آلاف").has_value());
  EXPECT_EQ(Value("سبعة ونصف"), "7.5");
  EXPECT_EQ(Value("واحد فاصلة خمسة"), "1.5");
  EXPECT_EQ(Value("ثلاثة فاصلة صفر سبعة"), "3.07");
  EXPECT_EQ(Value("سالب أربعة"), "-4");
  EXPECT_EQ(Value("جزء من مئة"), "0.01");
  EXPECT_EQ(Value("ثلاثة أجزاء من ثمانية"), "0.375");
  EXPECT_EQ(Value("جزء من مليون"), "0.000001");
}

TEST(ParseNumberTest, Colloquial) {
  EXPECT_EQ(Value("حداشر"), "11");
  EXPECT_EQ(Value("اتناشر"), "12");
  EXPECT_EQ(Value("خمستاشر"), "15");
  EXPECT_EQ(Value("تلتمية"), "300");
  EXPECT_EQ(Value("خمسمية"), "500");
  EXPECT_EQ(Value("ميتين"), "200");
  EXPECT_EQ(Value("تلاتين"), "30");
  EXPECT_EQ(Value("تلات تلاف"), "3000");
  EXPECT_EQ(Value("ألفين ونص"), "2500");
  EXPECT_EQ(Value("خمستعش"), "15");
  // Egyptian construct counts: "تلت" is a third alone, three before مية or تلاف.
  EXPECT_EQ(Value("تلت مية"), "300");
  EXPECT_EQ(Value("تلت تلاف"), "3000");
  EXPECT_EQ(Value("ميت ألف"), "100000");
  EXPECT_EQ(Value("تلت"), "0.333333333333333");
  EXPECT_FALSE(ParseNumber("ميت").has_value());
}

TEST(ParseNumberTest, Ordinals) {
  auto eleventh = ParseNumberExpression("الحادي عشر");
  ASSERT_TRUE(eleventh.has_value());
  EXPECT_EQ(eleventh->value, "11");
  EXPECT_TRUE(eleventh->ordinal);
  EXPECT_EQ(Value("الأول"), "1");
  EXPECT_EQ(Value("الأولى"), "1");
  EXPECT_EQ(Value("الثالثة"), "3");
  EXPECT_EQ(Value("العاشر"), "10");
  EXPECT_EQ(Value("الثانية عشرة"), "12");
  EXPECT_EQ(Value("التاسع عشر"), "19");
  EXPECT_EQ(Value("العشرين"), "20");
  EXPECT_EQ(Value("الحادي والعشرون"), "21");
  EXPECT_EQ(Value("الخامس والثلاثين"), "35");
  EXPECT_TRUE(ParseNumberExpression("العشرين")->ordinal);
  EXPECT_FALSE(ParseNumberExpression("عشرين")->ordinal);
  // "الحادي" needs عشر or a tens word.
  EXPECT_FALSE(ParseNumber("الحادي").has_value());
}

TEST(ParseNumberTest, NotNumbers) {
  EXPECT_FALSE(ParseNumber("").has_value());
  EXPECT_FALSE(ParseNumber("   ").has_value());
  EXPECT_FALSE(ParseNumber("كتاب").has_value());
  EXPECT_FALSE(ParseNumber("خمسة كتب").has_value());
  EXPECT_FALSE(ParseNumber("ثلاثة وأربعة").has_value());  // two numbers, not one
  EXPECT_FALSE(ParseNumber("آلاف").has_value());          // a plural needs its count
  EXPECT_FALSE(ParseNumber("27/2/2025 ").has_value());
  EXPECT_FALSE(ParseNumber("192.168.1.2").has_value());
  EXPECT_FALSE(ParseNumber(std::string("\xFF\xFE", 2)).has_value());
  EXPECT_FALSE(ParseNumber(std::string("\xD8", 1)).has_value());
}

TEST(ParseNumberTest, SignsPowersScientificAndMixedFractions) {
  EXPECT_EQ(Value("-٣/٤"), "-0.75");
  EXPECT_EQ(Value("3/8"), "0.375");  // a whole expression, so no day/month
  EXPECT_EQ(Value("5 3/4"), "5.75");
  EXPECT_EQ(Value("- 3 1/2"), "-3.5");
  EXPECT_EQ(Value("٤ ١/٢"), "4.5");
  EXPECT_FALSE(ParseNumber("5 7/4").has_value());  // no proper fraction after the whole part
  EXPECT_EQ(Value("2e6"), "2000000");
  EXPECT_EQ(Value("٣e٤"), "30000");
  EXPECT_EQ(Value("-4.5e-3"), "-0.0045");
  EXPECT_EQ(Value("6.02e23"), "602000000000000000000000");
  EXPECT_EQ(Value("1.5^3"), "3.375");
  EXPECT_EQ(Value("1.2^25"), "95.3962166440690129601298432");  // beyond a 64-bit denominator
  EXPECT_EQ(Value("-3^3"), "-27");
  EXPECT_EQ(Value("-3^2"), "-9");  // the sign applies after the power
  EXPECT_EQ(Value("4^-2"), "0.0625");
  EXPECT_EQ(Value("2^--3"), "8");
  EXPECT_EQ(Value("٥^+٢"), "25");
  EXPECT_FALSE(ParseNumber("2^").has_value());
  EXPECT_FALSE(ParseNumber("3e").has_value());
}

TEST(ParseNumberTest, FractionNounsSpelledLikeUnits) {
  EXPECT_EQ(Value("أربعة وخمس"), "4.2");
  EXPECT_EQ(Value("سبعة وعشر"), "7.1");
  EXPECT_EQ(Value("اثنان وسبع"), "2.142857142857143");
  EXPECT_EQ(Value("مائتان وخمس"), "205");  // after a hundred the unit stands
  EXPECT_EQ(Value("ألف وتسع"), "1009");
  EXPECT_EQ(Value("تسع"), "9");
  EXPECT_EQ(Value("خمس عشرة"), "15");
  // A count of eleven or more with a singular fraction noun: the whole count is the numerator.
  EXPECT_EQ(Value("خمسة وعشرون ربع"), "6.25");
  EXPECT_EQ(Value("اثنا عشر ثمن"), "1.5");
  EXPECT_FALSE(ParseNumber("ثلاثة ربع").has_value());  // below eleven the plural is needed
}

TEST(ParseNumberTest, FractionOfADefiniteNumber) {
  EXPECT_EQ(Value("ربع الأربعين"), "10");
  EXPECT_EQ(Value("خمس الخمسين"), "10");
  EXPECT_FALSE(ParseNumber("ربع الأول").has_value());  // an ordinal is no whole to divide
  const std::string text = "أنفق ثلث التسعين دينارا";
  auto found = FindNumbers(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "30");
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "ثلث التسعين");
  found = FindNumbers("مضى ربع الساعة");  // a quarter, of no number
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "0.25");
}

TEST(ParseNumberTest, SpokenFractionOfTwoNumbers) {
  EXPECT_EQ(Value("ثلاثة على ثمانية"), "0.375");
  EXPECT_EQ(Value("اثنان من خمسة"), "0.4");
  EXPECT_EQ(Value("واحد على 40"), "0.025");
  EXPECT_EQ(Value("300 على 4"), "75");
  EXPECT_EQ(Value("واحد من ألف ومئتين وخمسين"), "0.0008");
  EXPECT_FALSE(ParseNumber("خمسة على صفر").has_value());
  EXPECT_FALSE(ParseNumber("خمسة على").has_value());
}

TEST(FindNumbersTest, SpansInRunningText) {
  const std::string text = "دفع ١٢ ألف دينار في 27 فبراير";
  auto found = FindNumbers(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].begin, 7u);
  EXPECT_EQ(found[0].end, 18u);
  EXPECT_EQ(found[0].value, "12000");
  EXPECT_EQ(text.substr(found[1].begin, found[1].end - found[1].begin), "27");
  EXPECT_EQ(found[1].value, "27");
}

TEST(FindNumbersTest, ProcliticsStayOutOfTheSpan) {
  const std::string text = "وبخمسة ملايين";
  auto found = FindNumbers(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].begin, 4u);  // after و and ب
  EXPECT_EQ(found[0].end, text.size());
  EXPECT_EQ(found[0].value, "5000000");
}

TEST(FindNumbersTest, ConjunctionJoinsOnlyWhatBelongsTogether) {
  const std::string text = "بين عامي 2001 و2005 قُتل ثلاثمائة وأربعة وعشرون شخصا";
  auto found = FindNumbers(text);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].value, "2001");
  EXPECT_EQ(found[1].value, "2005");
  EXPECT_EQ(text.substr(found[1].begin, found[1].end - found[1].begin), "2005");
  EXPECT_EQ(found[2].value, "324");
  EXPECT_EQ(text.substr(found[2].begin, found[2].end - found[2].begin), "ثلاثمائة وأربعة وعشرون");
}

TEST(FindNumbersTest, PartsOfAWhole) {
  const std::string text = "هذا جزء من الخطة وجزء من 5 أجزاء من المشروع";
  auto found = FindNumbers(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "0.2");
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "جزء من 5");
}

TEST(FindNumbersTest, FeminineSixInRunningText) {
  const std::string text = "اعتنق الإسلام قبل ست سنوات";
  auto found = FindNumbers(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "6");
  EXPECT_EQ(found[0].begin, text.find("ست "));
  EXPECT_EQ(found[0].end, text.find("ست ") + 4);
}

TEST(FindNumbersTest, WeakWordsAloneAreNotNumbers) {
  EXPECT_TRUE(FindNumbers("التقى أحد المسؤولين بالوفد").empty());
  EXPECT_TRUE(FindNumbers("في شهر صفر").empty());
  const std::string text = "وصل أحد عشر لاعبا";
  auto found = FindNumbers(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "11");
}

TEST(FindNumbersTest, AWholeExpressionReadsContextWords) {
  auto found = FindNumbers(" واحد ");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "1");
  EXPECT_EQ(found[0].begin, 1u);
  EXPECT_EQ(found[0].end, 9u);
  found = FindNumbers("ثمن");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "0.125");
}

TEST(FindNumbersTest, SpokenFractionOnlyWhereItCanBeOne) {
  std::string text = "قال إن واحد من عشرين طالبا نجح";
  auto found = FindNumbers(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "0.05");
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "واحد من عشرين");
  text = "ثلاثة على عشرة من الطلاب نجحوا";
  found = FindNumbers(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "0.3");
  // After a verb the same words share out: two numbers, no quotient.
  text = "وزعت 120 على 6 أسر";
  found = FindNumbers(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].value, "120");
  EXPECT_EQ(found[1].value, "6");
  found = FindNumbers("قسم الأب ثلاثين على ثلاثة أبناء");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].value, "30");
  EXPECT_EQ(found[1].value, "3");
}

TEST(FindNumbersTest, AContextWordCountsPartsOfAWhole) {
  const std::string text = "النسبة واحد جزء من ألف فقط";
  auto found = FindNumbers(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "0.001");
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "واحد جزء من ألف");
}

TEST(FindNumbersTest, DigitsAndSymbolsInRunningText) {
  std::string text = "القيمة -7/8 تقريبا و 3 1/2 كيلو و 2.5e3 متر و 1.5^2";
  auto found = FindNumbers(text);
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].value, "-0.875");
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "-7/8");
  EXPECT_EQ(found[1].value, "3.5");
  EXPECT_EQ(text.substr(found[1].begin, found[1].end - found[1].begin), "3 1/2");
  EXPECT_EQ(found[2].value, "2500");
  EXPECT_EQ(found[3].value, "2.25");
  // A lone digit fraction in running text is left to the date reader.
  EXPECT_TRUE(FindNumbers("وصل في 3/8 صباحا").empty());
}

TEST(FindNumbersTest, DigitGroupsThatAreNoOneNumber) {
  std::string text = "الخادم ١٠.٠.٠.٢٥٤ يعمل";
  auto found = FindNumbers(text);
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].value, "10");
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "١٠");
  EXPECT_EQ(found[1].value, "0");
  EXPECT_EQ(found[3].value, "254");
  EXPECT_EQ(text.substr(found[3].begin, found[3].end - found[3].begin), "٢٥٤");
  found = FindNumbers("موعد 12/3/2024 ثابت");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[2].value, "2024");
  EXPECT_EQ(FindNumbers("سعره 3.75 دينار")[0].value, "3.75");  // one point is a decimal
  EXPECT_TRUE(FindNumbers("اشترى ٥مليون سهم").empty());        // digits glued to a word
}

TEST(FindNumbersTest, DiacriticsAndTatweel) {
  const std::string text = "دفعوا خَمْسَةَ آلافٍ";
  auto found = FindNumbers(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "5000");
  EXPECT_EQ(found[0].begin, text.find("خ"));
  EXPECT_EQ(found[0].end, text.size());
}

TEST(FindNumbersTest, AnyBytesGiveOrderedSpansInsideTheText) {
  std::string text;
  uint32_t state = 12345;
  for (int i = 0; i < 20000; ++i) {
    state = state * 1103515245u + 12345u;
    // Mostly Arabic letters, digits and separators, with stray bytes among them.
    static const char* const kPieces[] = {"خمسة", " ",     "و", "٣", "ألف", ",",   ".", "\xD9",
                                          "\xFF", "مليون", "٫", "0", "-",   "نصف", "\n"};
    text += kPieces[(state >> 16) % 15];
  }
  size_t previous_end = 0;
  for (const NumberMatch& m : FindNumbers(text)) {
    ASSERT_LE(previous_end, m.begin);
    ASSERT_LT(m.begin, m.end);
    ASSERT_LE(m.end, text.size());
    EXPECT_FALSE(m.value.empty());
    previous_end = m.end;
  }
  // A very long digit run is one exact number.
  const std::string digits(100000, '9');
  auto value = ParseNumber(digits);
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ(*value, digits);
}

// The internal parser the date matcher builds on.
class NumberParserTest : public ::testing::Test {
 protected:
  void Analyze(std::string_view text) {
    doc_.Clear();
    doc_.text = text;
    Tokenizer().Tokenize(text, &doc_.tokens);
    analyzer_.Analyze(&doc_);
  }
  const internal::Analyzer& analyzer_ = SharedLexicons().analyzer;
  const internal::NumberParser& numbers_ = *SharedLexicons().numbers;
  internal::Document doc_;
};

TEST_F(NumberParserTest, OrdinalDayForDates) {
  const std::string text = "في الحادي والعشرين من مارس";
  Analyze(text);
  auto p = numbers_.ParseAt(doc_, 1);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->value.ToString(), "21");
  EXPECT_TRUE(p->ordinal);
  EXPECT_EQ(p->first_token, 1u);
  EXPECT_EQ(p->end_token, 3u);
  EXPECT_EQ(p->begin, text.find("الحادي"));
  EXPECT_EQ(p->end, text.find(" من"));
}

TEST_F(NumberParserTest, ProcliticReadingAndOptions) {
  const std::string text = "وللعشرين";
  Analyze(text);
  internal::NumberParseOptions no_ordinals;
  no_ordinals.ordinals = false;
  EXPECT_FALSE(numbers_.ParseAt(doc_, 0, no_ordinals).has_value());
  auto p = numbers_.ParseAt(doc_, 0);
  ASSERT_TRUE(p.has_value());
  EXPECT_TRUE(p->skipped_proclitic);
  EXPECT_EQ(p->value.ToString(), "20");
  EXPECT_EQ(p->end, text.size());
}

TEST_F(NumberParserTest, YearDigitsAndFindAll) {
  Analyze("سنة 1990 و٣ ملايين");
  auto all = numbers_.FindAll(doc_);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].value.ToString(), "1990");
  EXPECT_TRUE(all[0].has_digits);
  EXPECT_FALSE(all[0].has_words);
  EXPECT_EQ(all[1].value.ToString(), "3000000");
  EXPECT_TRUE(all[1].has_words);
}

// MayStartAt() lets callers skip a token without a parse: it may say true where no number
// starts, never false where ParseAt() finds one, with or without ordinals and proclitics.
TEST_F(NumberParserTest, MayStartAtNeverTurnsAwayANumber) {
  const std::string text =
      "من أصل ثلاثة آلاف، على الأول والثاني من - 5 و.5 أو .75 ثم للعشرين وبخمسة في الصف "
      "الحادي عشر، نحو 3.5 مليون $ 20.";
  Analyze(text);
  const internal::NumberParser& parser = numbers_;
  internal::NumberParseOptions cardinals_only;
  cardinals_only.ordinals = false;
  cardinals_only.allow_weak_alone = true;
  internal::NumberParseOptions no_proclitic;
  no_proclitic.allow_proclitic = false;
  int turned_away = 0;
  for (const internal::NumberParseOptions& options :
       {internal::NumberParseOptions(), cardinals_only, no_proclitic}) {
    for (size_t t = 0; t < doc_.tokens.size(); ++t) {
      const bool may = parser.MayStartAt(doc_, t, options);
      if (parser.ParseAt(doc_, t, options).has_value()) {
        EXPECT_TRUE(may) << doc_.TokenText(t);
      }
      if (!may) ++turned_away;
    }
  }
  EXPECT_GT(turned_away, 20);
  auto token_of = [&](std::string_view word) {
    for (size_t t = 0; t < doc_.tokens.size(); ++t) {
      if (doc_.TokenText(t) == word) return t;
    }
    ADD_FAILURE() << "no token " << word;
    return size_t{0};
  };
  const internal::NumberParseOptions all;
  // Connectives only continue a number; a comma is none.
  EXPECT_FALSE(parser.MayStartAt(doc_, token_of("من"), all));
  EXPECT_FALSE(parser.MayStartAt(doc_, token_of("على"), all));
  EXPECT_FALSE(parser.MayStartAt(doc_, token_of("،"), all));
  // An ordinal opens a number only where ordinals are asked for.
  EXPECT_TRUE(parser.MayStartAt(doc_, token_of("الأول"), all));
  EXPECT_FALSE(parser.MayStartAt(doc_, token_of("الأول"), cardinals_only));
  // Words, digits, a minus sign, a decimal point before digits.
  EXPECT_TRUE(parser.MayStartAt(doc_, token_of("ثلاثة"), all));
  EXPECT_TRUE(parser.MayStartAt(doc_, token_of("وبخمسة"), all));
  EXPECT_FALSE(parser.MayStartAt(doc_, token_of("وبخمسة"), no_proclitic));
  EXPECT_TRUE(parser.MayStartAt(doc_, token_of("5"), all));
  EXPECT_TRUE(parser.MayStartAt(doc_, token_of("-"), all));
}

// A parser of its own words (here the Tunisian "زوز", two), bound to the vocabulary of its own
// words, finds them in a document of the analyzer over that vocabulary, and no other word.
TEST(OwnNumberTableTest, BoundToItsOwnVocabularyItParses) {
  std::string error;
  auto parser = internal::NumberParser::Create("زوز\tunit\t2\nمية\thundred\t100\n", &error);
  ASSERT_NE(parser, nullptr) << error;
  auto analyzer = AnalyzerOver([&](internal::VocabularyBuilder* b) { parser->AddWordsTo(b); });
  parser->Bind(analyzer->vocabulary());
  const std::string text = "اشترى زوز مية كتاب وخمسة";
  internal::Document doc;
  doc.text = text;
  Tokenizer().Tokenize(text, &doc.tokens);
  analyzer->Analyze(&doc);
  auto p = parser->ParseAt(doc, 1);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->value.ToString(), "200");
  EXPECT_EQ(p->end_token, 3u);
  EXPECT_EQ(p->begin, text.find("زوز"));
  EXPECT_FALSE(parser->ParseAt(doc, 0).has_value());
  EXPECT_FALSE(parser->ParseAt(doc, 4).has_value());  // five: not this table's word
}

TEST(NumberWordsTableTest, MalformedLinesAreReported) {
  std::string error;
  EXPECT_EQ(internal::NumberParser::Create("خمسة\tunit\n", &error), nullptr);
  EXPECT_EQ(error, "number_words.tsv:1: expected 3 or 4 tab-separated fields");
  EXPECT_EQ(internal::NumberParser::Create("خمسة\tnoun\t5\n", &error), nullptr);
  EXPECT_EQ(error, "number_words.tsv:1: unknown class 'noun'");
  EXPECT_NE(internal::NumberParser::Create("# comment\nخمسة\tunit\t5\n", &error), nullptr);
}

}  // namespace
}  // namespace kashif
