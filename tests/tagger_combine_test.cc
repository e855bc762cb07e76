// How the tagger's names meet the rules' (CombineWithRules in match/ner/tagger_matcher.h): each
// rule of the combination on hand-made candidates over real sentences, with exact byte spans,
// and through the public API with a model trained here on sentences of our own.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "kashif/kashif.h"
#include "kashif/train.h"
#include "match/matcher.h"
#include "match/ner/ner_lexicon.h"
#include "match/ner/tagger_matcher.h"
#include "match/ner/tagger_model.h"
#include "test_lexicons.h"
#include "kashif/tokenizer.h"

namespace kashif::internal {
namespace {

// A sentence analyzed as the pipeline does, its NER view, and the labels the "tagger" gives
// (set by the test with Tag()).
struct Sentence {
  explicit Sentence(std::string s) : text(std::move(s)) {
    doc.text = text;
    Tokenizer().Tokenize(doc.text, &doc.tokens);
    SharedLexicons().analyzer.Analyze(&doc);
    view = std::make_unique<NerTokens>(doc, *SharedLexicons().ner, doc.candidates);
    labels.assign(doc.tokens.size(), kTagO);
  }
  // The tokens [first, end) covering the `occurrence`-th (0-based) copy of `part`.
  std::pair<uint32_t, uint32_t> Tokens(std::string_view part, int occurrence = 0) const {
    size_t at = text.find(part);
    for (int i = 0; i < occurrence; ++i) at = text.find(part, at + 1);
    EXPECT_NE(at, std::string::npos) << part;
    uint32_t first = 0;
    while (first < doc.tokens.size() && doc.tokens[first].end <= at) ++first;
    uint32_t end = first;
    while (end < doc.tokens.size() && doc.tokens[end].begin < at + part.size()) ++end;
    return {first, end};
  }
  Candidate Name(std::string_view part, EntityType type, int32_t priority,
                 int occurrence = 0) const {
    const auto [first, end] = Tokens(part, occurrence);
    return view->MakeCandidate(type, first, end, priority);
  }
  // The tagger labels `part` a name of `type` (B, then I).
  void Tag(std::string_view part, EntityType type, int occurrence = 0) {
    const auto [first, end] = Tokens(part, occurrence);
    const uint8_t begin = type == EntityType::kPerson         ? kTagBPer
                          : type == EntityType::kOrganization ? kTagBOrg
                                                              : kTagBLoc;
    for (uint32_t t = first; t < end; ++t) labels[t] = t == first ? begin : begin + 1;
  }
  // Runs the combination on `rules` (earlier names) + `tagger` (the tagger's) and returns what
  // is left of the tagger's.
  std::vector<Candidate> Combine(std::vector<Candidate> rules, const std::vector<Candidate>& tagger,
                                 bool over_rules) const {
    const size_t before = rules.size();
    rules.insert(rules.end(), tagger.begin(), tagger.end());
    CombineScratch scratch;
    CombineWithRules(*view, labels, before, over_rules, &rules, &scratch);
    return std::vector<Candidate>(rules.begin() + static_cast<ptrdiff_t>(before), rules.end());
  }
  std::string_view Span(const Candidate& c) const {
    return std::string_view(text).substr(c.begin, c.end - c.begin);
  }

  std::string text;
  Document doc;
  std::unique_ptr<NerTokens> view;
  std::vector<uint8_t> labels;
};

constexpr EntityType kPer = EntityType::kPerson;
constexpr EntityType kOrg = EntityType::kOrganization;
constexpr EntityType kLoc = EntityType::kPlace;

// Over the rules, a building's name the rules found whole is kept against the tagger's place
// inside it when the name goes on after the tagger's span (its adjective); where the rule's name
// ends with the tagger's (the facility word before a place, news' convention) the tagger wins.
TEST(TaggerCombineTest, OverRulesARuleNameThatGoesOnAfterTheTaggersWins) {
  Sentence s("زار الوفد متحف دمشق التاريخي أمس ثم هبطت طائرته في مطار دمشق مساء");
  s.Tag("دمشق", kLoc, 0);
  s.Tag("دمشق", kLoc, 1);
  const Candidate museum = s.Name("متحف دمشق التاريخي", kLoc, kNerRulePriority);
  const Candidate airport = s.Name("مطار دمشق", kLoc, kNerRulePriority);
  EXPECT_EQ(s.Span(museum), "متحف دمشق التاريخي");
  const std::vector<Candidate> tagger = {s.Name("دمشق", kLoc, kTaggerOverRulesPriority, 0),
                                         s.Name("دمشق", kLoc, kTaggerOverRulesPriority, 1)};
  const std::vector<Candidate> kept = s.Combine({museum, airport}, tagger, true);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].begin, s.text.find("دمشق", s.text.find("مطار")));
  EXPECT_EQ(kept[0].end, kept[0].begin + std::string_view("دمشق").size());
  EXPECT_EQ(kept[0].priority, kTaggerOverRulesPriority);
  // Filling gaps, neither enters: both lie inside a rule's name.
  EXPECT_TRUE(s.Combine({museum, airport}, tagger, false).empty());
}

// Over the rules, a person the tagger finds inside a place's or an organization's name goes.
TEST(TaggerCombineTest, OverRulesNoPersonInsideAPlaceOrOrganization) {
  Sentence s("صعد المؤذن إلى مئذنة عيسى وزار مركز محمد بن راشد للفضاء");
  s.Tag("عيسى", kPer);
  s.Tag("محمد بن راشد", kPer);
  const std::vector<Candidate> rules = {
      s.Name("مئذنة عيسى", kLoc, kNerRulePriority),
      s.Name("مركز محمد بن راشد للفضاء", kOrg, kNerRulePriority)};
  const std::vector<Candidate> tagger = {s.Name("عيسى", kPer, kTaggerOverRulesPriority),
                                         s.Name("محمد بن راشد", kPer, kTaggerOverRulesPriority)};
  EXPECT_TRUE(s.Combine(rules, tagger, true).empty());
}

// Filling gaps, a tagger name that lengthens a rule's name of its type to the right wins at the
// rule's priority; one that adds a word before it, or a nisba after a person, does not.
TEST(TaggerCombineTest, FillingGapsATaggerNameExtendingARuleNameToTheRightWins) {
  Sentence s("وتغلب فيليبي ماسا على منافسه في عهد هارون الرشيد العباسي قرب مخيم جنين");
  s.Tag("فيليبي ماسا", kPer);
  s.Tag("هارون الرشيد العباسي", kPer);
  s.Tag("مخيم جنين", kLoc);
  const std::vector<Candidate> rules = {s.Name("فيليبي", kPer, kBuiltinGazetteerPriority),
                                        s.Name("هارون الرشيد", kPer, kNerRulePriority),
                                        s.Name("جنين", kLoc, kBuiltinGazetteerPriority)};
  const std::vector<Candidate> tagger = {s.Name("فيليبي ماسا", kPer, kTaggerPriority),
                                         s.Name("هارون الرشيد العباسي", kPer, kTaggerPriority),
                                         s.Name("مخيم جنين", kLoc, kTaggerPriority)};
  const std::vector<Candidate> kept = s.Combine(rules, tagger, false);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(s.Span(kept[0]), "فيليبي ماسا");
  EXPECT_EQ(kept[0].begin, s.text.find("فيليبي"));
  EXPECT_EQ(kept[0].priority, kBuiltinGazetteerPriority);  // wins by its length
  // Over the rules the person lengthened by a nisba goes too; the others stay.
  const std::vector<Candidate> over = s.Combine(rules, tagger, true);
  ASSERT_EQ(over.size(), 2u);
  EXPECT_EQ(s.Span(over[0]), "فيليبي ماسا");
  EXPECT_EQ(s.Span(over[1]), "مخيم جنين");
}

// A one-word name the tagger gives a word it leaves outside a name at most of the word's other
// occurrences goes (a term of the text's subject); a word it names at half of them or more
// stays. So does a person of one nisba word, in both modes.
TEST(TaggerCombineTest, TheWordsOtherOccurrencesOutvoteAOneWordTaggerName) {
  Sentence s(
      "بدأ مشروع جنو عام 1983 ، ويعتمد نظام جنو على النواة ، وانتشرت أدوات جنو بسرعة . "
      "وقال كالميرو إن كالميرو سيعود ، وانتقد المعتضد العباسي خصومه");
  s.Tag("جنو", kPer, 1);
  s.Tag("كالميرو", kPer, 0);
  s.Tag("العباسي", kPer);
  const std::vector<Candidate> tagger = {s.Name("جنو", kPer, kTaggerPriority, 1),
                                         s.Name("كالميرو", kPer, kTaggerPriority, 0),
                                         s.Name("العباسي", kPer, kTaggerPriority)};
  for (const bool over_rules : {false, true}) {
    const std::vector<Candidate> kept = s.Combine({}, tagger, over_rules);
    ASSERT_EQ(kept.size(), 1u) << over_rules;
    EXPECT_EQ(kept[0].begin, s.text.find("كالميرو")) << over_rules;
    EXPECT_EQ(s.Span(kept[0]), "كالميرو");
  }
  // Named at two of its three occurrences, جنو stays.
  s.Tag("جنو", kPer, 2);
  const std::vector<Candidate> kept = s.Combine({}, {tagger[0]}, false);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].begin, s.text.find("جنو", s.text.find("نظام")));
}

// Through the public API: a model trained here to name only the city inside a museum's name
// (as news annotation does), run over the rules, leaves the rules' whole name in place.
std::string WriteTemp(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + std::to_string(getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(TaggerCombineTest, AModelThatCutsAMuseumsNameLeavesTheRulesWholeName) {
  constexpr const char* kSentences[] = {
      "زار الوفد متحف حلب الوطني أمس",       "وافتتح متحف حمص التاريخي معرضا جديدا",
      "وتجول السياح في متحف حلب التاريخي",   "ويضم متحف حماة الوطني آثارا نادرة",
      "وأغلق متحف حمص الوطني أبوابه للترميم", "وزار الطلاب متحف حماة التاريخي",
  };
  constexpr const char* kCities[] = {"حلب", "حمص", "حماة"};
  std::vector<TrainingExample> examples;
  for (const char* sentence : kSentences) {
    TrainingExample e;
    e.text = sentence;
    for (const char* city : kCities) {
      const size_t at = e.text.find(city);
      if (at == std::string::npos) continue;
      Entity city_only;
      city_only.type = EntityType::kPlace;
      city_only.begin = at;
      city_only.end = at + std::string_view(city).size();
      e.entities.push_back(city_only);
    }
    examples.push_back(std::move(e));
  }
  TrainingOptions training;
  training.hash_bits = 12;
  auto model = TrainTaggerModel(examples, training);
  ASSERT_TRUE(model.ok()) << model.status().message();
  Options options;
  options.model_file = WriteTemp("museum_model.bin", *model);
  options.use_tagger = true;
  options.tagger_over_rules = true;
  options.types = {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace};
  auto extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  const std::string text = "زار الوفد متحف دمشق التاريخي أمس";
  const std::vector<Entity> found = extractor->Extract(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, EntityType::kPlace);
  EXPECT_EQ(found[0].begin, text.find("متحف"));
  EXPECT_EQ(found[0].text(text), "متحف دمشق التاريخي");
}

}  // namespace
}  // namespace kashif::internal
