// The place rules on Wikipedia-style text (issue 12): facilities named with their head word,
// weak place triggers, cities after a trigger in sports text, places the lists now know. End to
// end through the rules-only extractor on the team's own sentences; every case pins the exact
// byte span of each entity.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/kashif.h"
#include "shared_extractor.h"

namespace kashif {
namespace {

struct Span {
  std::string type;
  std::string text;
  size_t begin = 0;
  size_t end = 0;
  bool operator==(const Span& o) const {
    return type == o.type && text == o.text && begin == o.begin && end == o.end;
  }
};
std::ostream& operator<<(std::ostream& os, const Span& s) {
  return os << s.type << ":" << s.text << "@" << s.begin << "-" << s.end;
}

const Extractor& NamesOnly() { return SharedNamesOnlyExtractor(); }

std::vector<Span> Find(std::string_view text) {
  std::vector<Span> out;
  for (const Entity& e : NamesOnly().Extract(text)) {
    out.push_back({EntityTypeLabel(e.type), std::string(e.text(text)), e.begin, e.end});
  }
  return out;
}

// The expected span of `name`, found at its `nth` occurrence (0-based) in `text`.
Span At(std::string_view text, const std::string& type, std::string_view name, int nth = 0) {
  size_t at = text.find(name);
  for (int i = 0; i < nth && at != std::string_view::npos; ++i) at = text.find(name, at + 1);
  EXPECT_NE(at, std::string_view::npos) << name;
  return {type, std::string(name), at, at + name.size()};
}

using V = std::vector<Span>;

// A building or a site with its own name is one place, the facility word inside it.
TEST(WikiPlaceRulesTest, FacilityWithItsNameIsOnePlace) {
  constexpr std::string_view kCastle = "وزرنا قلعة شقيف ثم متحف الفن الإسلامي في المدينة";
  EXPECT_EQ(Find(kCastle),
            (V{At(kCastle, "LOC", "قلعة شقيف"), At(kCastle, "LOC", "متحف الفن الإسلامي")}));
  // The conjunction stays out of the span; the person the church is named after is inside it.
  constexpr std::string_view kChurch = "تضم المدينة القديمة جامعا وكنيسة يوحنا المعمدان";
  EXPECT_EQ(Find(kChurch), (V{At(kChurch, "LOC", "كنيسة يوحنا المعمدان")}));
}

// A listed place alone after the facility word is the place it serves (news annotation); with
// an adjective after it the whole is the facility's official name.
TEST(WikiPlaceRulesTest, ListedPlaceAfterAFacilityWord) {
  constexpr std::string_view kAirport = "هبطت الطائرة في مطار عمان مساء أمس";
  EXPECT_EQ(Find(kAirport), (V{At(kAirport, "LOC", "عمان")}));
  constexpr std::string_view kOfficial = "هبطت الطائرة في مطار عمان الدولي مساء أمس";
  EXPECT_EQ(Find(kOfficial), (V{At(kOfficial, "LOC", "مطار عمان الدولي")}));
}

// No facility's name: a definite common noun without an adjective, an indefinite adjective, a
// verb in the imperfective.
TEST(WikiPlaceRulesTest, FacilityWordBeforeACommonWordNamesNothing) {
  EXPECT_EQ(Find("وحفظت النتائج في قاعدة البيانات"), V{});
  EXPECT_EQ(Find("وافتتح ملعب جديد في الضاحية"), V{});
  EXPECT_EQ(Find("وبني حول الضريح مسجد يعتبر من أقدم المساجد"), V{});
  EXPECT_EQ(Find("وأقيمت المباراة على ملعب التدريب"), V{});
  EXPECT_EQ(Find("وجلس الضيوف في حديقة منزله"), V{});
}

// منطقة and حي announce a district's name unless a common phrase follows them.
TEST(WikiPlaceRulesTest, WeakTriggersAnnounceADistrict) {
  constexpr std::string_view kDistricts = "انتقلت الأسرة إلى حي الشميساني ثم إلى منطقة أوفرن";
  EXPECT_EQ(Find(kDistricts),
            (V{At(kDistricts, "LOC", "الشميساني"), At(kDistricts, "LOC", "أوفرن")}));
  EXPECT_EQ(Find("أقامت القوات منطقة عازلة قرب الحدود"), V{});
  EXPECT_EQ(Find("سدد اللاعب الكرة من خارج منطقة الجزاء"), V{});
  EXPECT_EQ(Find("وولد في حي مجاور للسوق"), V{});
  EXPECT_EQ(Find("وأعلنوا منطقة يحظر فيها الطيران"), V{});
  // A listed place after the word keeps the word out, like any trigger.
  constexpr std::string_view kGulf = "تعمل السفن في منطقة الخليج منذ سنوات";
  EXPECT_EQ(Find(kGulf), (V{At(kGulf, "LOC", "الخليج")}));
}

// In sports text a city that names a club is the club, but after a place trigger it is the city.
TEST(WikiPlaceRulesTest, CityAfterATriggerStaysAPlaceInSportsText) {
  constexpr std::string_view kText =
      "اللاعب من مواليد مدينة فالنسيا ، وسجل هدفين في مباراة الدوري أمام فالنسيا مع المدرب";
  EXPECT_EQ(Find(kText), (V{At(kText, "LOC", "فالنسيا"), At(kText, "ORG", "فالنسيا", 1)}));
}

// A preposition of place ends the name a trigger announces.
TEST(WikiPlaceRulesTest, PrepositionEndsANameAfterATrigger) {
  constexpr std::string_view kText = "يمر نهر شنيل قرب المدينة";
  EXPECT_EQ(Find(kText), (V{At(kText, "LOC", "شنيل")}));
}

// Regions and historical places the list knows now; a poet's surname is no region.
TEST(WikiPlaceRulesTest, MoreListedPlaces) {
  constexpr std::string_view kText = "حكم قشتالة ثم رحل إلى طبرستان عبر جبال البرانس";
  EXPECT_EQ(Find(kText), (V{At(kText, "LOC", "قشتالة"), At(kText, "LOC", "طبرستان"),
                            At(kText, "LOC", "البرانس")}));
  constexpr std::string_view kRange = "تقع غرناطة عند سفوح جبال سييرا نيفادا";
  EXPECT_EQ(Find(kRange), (V{At(kRange, "LOC", "غرناطة"), At(kRange, "LOC", "سييرا نيفادا")}));
  constexpr std::string_view kPoet = "قرأ قصائد الشاعر لويس أراغون";
  EXPECT_EQ(Find(kPoet), (V{At(kPoet, "PER", "لويس أراغون")}));
}

// Technology towns and other world places the list knows now.
TEST(WikiPlaceRulesTest, TechnologyTownsAreListed) {
  constexpr std::string_view kText = "نقلت الشركة مقرها من سانتا كلارا إلى مينلو بارك ثم إلى ريدوود شورز";
  EXPECT_EQ(Find(kText), (V{At(kText, "LOC", "سانتا كلارا"), At(kText, "LOC", "مينلو بارك"),
                            At(kText, "LOC", "ريدوود شورز")}));
}

// Parts and kinds of historic buildings with a name are facilities too; an adjective or a
// participle after a facility word, or tanween on it, names none.
TEST(WikiPlaceRulesTest, HistoricBuildingsAndAdjectivesAfterAFacilityWord) {
  constexpr std::string_view kHall = "وعولج في بيمارستان أرغون الكاملي ثم زار رواق الملك فيصل";
  EXPECT_EQ(Find(kHall), (V{At(kHall, "LOC", "بيمارستان أرغون الكاملي"),
                            At(kHall, "LOC", "رواق الملك فيصل")}));
  EXPECT_EQ(Find("وأضيف رواقٍ طويل إلى المبنى"), V{});
  EXPECT_EQ(Find("وصلى في مسجد معروف بين أهل الحي"), V{});
  EXPECT_EQ(Find("وأقيمت المباراة على ملعب محايد قريب من الحدود"), V{});
  constexpr std::string_view kGiven = "وصلى العصر في مسجد محمود";
  EXPECT_EQ(Find(kGiven), (V{At(kGiven, "LOC", "مسجد محمود")}));
}

// A definite building word and a relational adjective formed on a given name name a historic
// or religious site; one formed on a common noun describes the building.
TEST(WikiPlaceRulesTest, SiteNamedByARelationalAdjective) {
  constexpr std::string_view kShrine = "زار الحجاج المرقد الحسيني في كربلاء";
  EXPECT_EQ(Find(kShrine),
            (V{At(kShrine, "LOC", "المرقد الحسيني"), At(kShrine, "LOC", "كربلاء")}));
  constexpr std::string_view kSchool = "وتقع المدرسة النورية قرب السوق القديم";
  EXPECT_EQ(Find(kSchool), (V{At(kSchool, "LOC", "المدرسة النورية")}));
  EXPECT_EQ(Find("درس في المدرسة الثانوية ثم في المدرسة القرآنية"), V{});
}

// A site's epithets are part of its name; after a city they stay out.
TEST(WikiPlaceRulesTest, EpithetsCloseASitesName) {
  constexpr std::string_view kDome = "وتعلو الروضة الحسينية المطهرة قبة ذهبية";
  EXPECT_EQ(Find(kDome), (V{At(kDome, "LOC", "الروضة الحسينية المطهرة")}));
  constexpr std::string_view kMosque = "صلى الأمير في المسجد الأموي الكبير";
  EXPECT_EQ(Find(kMosque), (V{At(kMosque, "LOC", "المسجد الأموي الكبير")}));
  constexpr std::string_view kCity = "وصل الزوار إلى كربلاء المقدسة";
  EXPECT_EQ(Find(kCity), (V{At(kCity, "LOC", "كربلاء")}));
}

// After في a long foreign-shaped word no list knows is a place; Arabic nouns after it (a
// pronoun, a verbal noun, a noun of place with م) are not.
TEST(WikiPlaceRulesTest, UnknownForeignWordAfterFiIsAPlace) {
  constexpr std::string_view kCity = "وعقد المؤتمر في تيغوسيغالبا الأسبوع الماضي";
  EXPECT_EQ(Find(kCity), (V{At(kCity, "LOC", "تيغوسيغالبا")}));
  constexpr std::string_view kAnd = "وفي كاراغندا اعتقلت الشرطة ثلاثة أشخاص";
  EXPECT_EQ(Find(kAnd), (V{At(kAnd, "LOC", "كاراغندا")}));
  EXPECT_EQ(Find("وضعنا في اعتبارنا أن الاجتماع في برنامجه"), V{});
  EXPECT_EQ(Find("وشارك في استقبال الوفد في مستشفى المدينة"), V{});
}

// Such a word joined by و to a place is a place too, the و left out; a plural verb is not.
TEST(WikiPlaceRulesTest, UnknownForeignWordJoinedToAPlace) {
  constexpr std::string_view kTwo = "زار الوفد دمشق وكاراغندا ثم عاد";
  EXPECT_EQ(Find(kTwo), (V{At(kTwo, "LOC", "دمشق"), At(kTwo, "LOC", "كاراغندا")}));
  constexpr std::string_view kVerb = "سافر إلى دمشق وأطلقوا عليها اسما";
  EXPECT_EQ(Find(kVerb), (V{At(kVerb, "LOC", "دمشق")}));
}

// Clubs and technology companies the list knows now.
TEST(WikiOrgListsTest, MoreClubsAndCompanies) {
  constexpr std::string_view kText = "لعب مع رايو فاييكانو ثم أولمبيك مارسيليا ، واشترت كومباك الشركة";
  EXPECT_EQ(Find(kText), (V{At(kText, "ORG", "رايو فاييكانو"), At(kText, "ORG", "أولمبيك مارسيليا"),
                            At(kText, "ORG", "كومباك")}));
}

// "The Younger", "the Great" close a historical person's name as a regnal number does; after a
// place they stay out.
TEST(WikiPersonEpithetTest, EpithetClosesAPersonsName) {
  constexpr std::string_view kSultan = "تولى الحكم بعد أخيه السلطان حسين الصغير";
  EXPECT_EQ(Find(kSultan), (V{At(kSultan, "PER", "حسين الصغير")}));
  constexpr std::string_view kEmpress = "حكمت كاترين الكبرى روسيا";
  EXPECT_EQ(Find(kEmpress), (V{At(kEmpress, "PER", "كاترين الكبرى"), At(kEmpress, "LOC", "روسيا")}));
  constexpr std::string_view kCity = "وصل الوفد إلى الدار البيضاء الكبرى";
  EXPECT_EQ(Find(kCity), (V{At(kCity, "LOC", "الدار البيضاء")}));
}

// An indefinite feminine adjective after a trigger agrees with it (مدينة ساحلية، قرية صغيرة،
// بلدة هادئة، مدينة مزدهرة) and names no place; an unknown name after the trigger still does,
// and so do the listed places shaped like such adjectives.
TEST(WikiPlaceRulesTest, FeminineAdjectiveAfterATriggerIsNoPlace) {
  EXPECT_EQ(Find("ولد في قرية صغيرة قرب الجبل"), V{});
  EXPECT_EQ(Find("وهي مدينة ساحلية يقصدها السياح"), V{});
  EXPECT_EQ(Find("انتقل إلى بلدة هادئة بعد تقاعده"), V{});
  EXPECT_EQ(Find("أصبحت مدينة مزدهرة في العصر الذهبي"), V{});
  EXPECT_EQ(Find("وتعد جزيرة بركانية نشطة"), V{});
  constexpr std::string_view kVillage = "ولد في بلدة كفرنبودة شمال المدينة";
  EXPECT_EQ(Find(kVillage), (V{At(kVillage, "LOC", "كفرنبودة")}));
  constexpr std::string_view kListed = "زار مدينة طبرية ثم قرية سبسطية";
  EXPECT_EQ(Find(kListed), (V{At(kListed, "LOC", "طبرية"), At(kListed, "LOC", "سبسطية")}));
}

// An indefinite adjective or participle after an organization's head describes the head:
// no name starts there. A proper name after the head still makes one.
TEST(WikiOrgRulesTest, AdjectiveAfterAnIndefiniteHeadStartsNoName) {
  EXPECT_EQ(Find("وضعت الهدايا تحت صندوق مصنوع من الخشب"), V{});
  EXPECT_EQ(Find("وهي غرفة حصينة تضم كنوزا نادرة"), V{});
  EXPECT_EQ(Find("وأسس مع أصدقائه جمعية خيرية صغيرة"), V{});
  EXPECT_EQ(Find("وهي منظمة مستقلة تعمل في المنطقة"), V{});
  constexpr std::string_view kDoctors = "وانضم إلى منظمة أطباء بلا حدود";
  EXPECT_EQ(Find(kDoctors), (V{At(kDoctors, "ORG", "منظمة أطباء بلا حدود")}));
  // A given name of an adjective's shape (فاطمة: فاعلة) still names the organization.
  constexpr std::string_view kCharity = "وأسس جمعية فاطمة لرعاية الأيتام";
  EXPECT_EQ(Find(kCharity), (V{At(kCharity, "ORG", "جمعية فاطمة لرعاية الأيتام")}));
  constexpr std::string_view kCompany = "وقعت شركة سامسونغ عقدا جديدا";
  EXPECT_EQ(Find(kCompany), (V{At(kCompany, "ORG", "سامسونغ")}));
}

// A company after a noun for computer products names the product line, not the company.
TEST(WikiMiscFilterTest, CompanyInAProductsNameIsNoOrganization) {
  EXPECT_EQ(Find("يعمل النظام على معالجات إنتل وحواسيب أخرى"), V{});
  EXPECT_EQ(Find("هبطت طائرة من طراز بوينغ 747"), V{});
  constexpr std::string_view kCompany = "وأعلنت إنتل عن أرباحها";
  EXPECT_EQ(Find(kCompany), (V{At(kCompany, "ORG", "إنتل")}));
}

}  // namespace
}  // namespace kashif
