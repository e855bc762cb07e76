#include "match/ner/place_rules.h"

#include <algorithm>
#include <vector>

#include "absl/container/flat_hash_map.h"

#include "match/gazetteer.h"
#include "match/ner/person_matcher.h"
#include "text/arabic.h"
#include "text/strings.h"

namespace kashif::internal {
namespace {

constexpr EntityType kLoc = EntityType::kPlace;
// A place name of two words is taken only when its first word is this short: the prefixes of
// compound place names (دير الزور، سان فرانسيسكو، بيت لحم، عين الحلوة) are.
constexpr uint32_t kMaxPrefixLetters = 4;
// Nationality adjectives allowed between a trigger and the name: العاصمة الأردنية عمان.
constexpr size_t kMaxTriggerAdjectives = 2;

// Letters from which an unknown word ending in a pronoun (ـها، ـهم، ـته) is a common word.
constexpr uint32_t kMinPronounWordLetters = 5;
// Letters of the shortest imperfective (يقع): a shorter ي word is a foreign name's (حي فانغ يي).
constexpr uint32_t kMinImperfectiveLetters = 3;

// Whether the unknown word at k reads as a verb or a noun with a pronoun: an imperfective (يقطن،
// يقع) or a word with an attached pronoun (يقطنها، سكانها، أهلهم). After a trigger it goes on
// with the clause (مدينة يقطنها 14 مليون), it names no place; the places so shaped (ينبع، يافا)
// are listed.
bool VerbOrPronounShaped(const NerTokens& tokens, size_t k) {
  const std::string_view key = tokens.Key(k);
  constexpr std::string_view kYa = "\xD9\x8A";
  if (StartsWith(key, kYa) && tokens.Letters(k) >= kMinImperfectiveLetters) return true;
  return tokens.EndsWithPronoun(k) && tokens.Letters(k) >= kMinPronounWordLetters;
}

bool IsNamePart(const NerTokens& tokens, size_t k) {
  if (k >= tokens.size() || tokens[k].known >= 0 || (tokens[k].flags & kNerGivenName)) return false;
  // An adjective agreeing with a feminine trigger: مدينة ساحلية، قرية صغيرة.
  if (tokens.EndsFeminine(k) && tokens.IsAdjectiveShaped(k)) return false;
  if (VerbOrPronounShaped(tokens, k)) return false;
  if (tokens.IsPlainWord(k)) return true;
  // A definite name shaped like a relational adjective (نهر الليطاني، جبل الزاوية) is a name
  // here unless it is a nationality or an organization adjective.
  const NerToken& t = tokens[k];
  return t.word && t.nisba && !t.conjunction && !t.clitic_article &&
         !((t.flags | t.bare_flags) & (kNerDemonym | kNerOrgAdjective | kNerStop));
}

// One past the place name starting at k: one word, or two after a short prefix word.
std::vector<size_t> NameEnds(const NerTokens& tokens, size_t k) {
  std::vector<size_t> ends;
  if (!IsNamePart(tokens, k)) return ends;
  ends.push_back(k + 1);
  if (tokens.Letters(k) <= kMaxPrefixLetters && !tokens[k].article && IsNamePart(tokens, k + 1)) {
    ends.push_back(k + 2);
  }
  return ends;
}

// Whether token i carries a hamza on an alef (أ، إ) after its first letter. A written hamza is no
// spelling of a bare alef, so such a word is none of the place triggers, which have none there:
// وأدى ("and it led to") folds to وادي ("valley") but is not that word.
bool HamzaAlefInside(const NerTokens& tokens, size_t i) {
  const uint32_t begin = tokens.Begin(i);
  const std::string_view text = tokens.doc().text.substr(begin, tokens.End(i) - begin);
  constexpr size_t kLetter = 2;  // bytes of an Arabic letter
  constexpr std::string_view kAlefHamzaAbove = "\xD8\xA3", kAlefHamzaBelow = "\xD8\xA5";
  return text.size() > kLetter && (text.find(kAlefHamzaAbove, kLetter) != std::string_view::npos ||
                                   text.find(kAlefHamzaBelow, kLetter) != std::string_view::npos);
}

// Letters of an indefinite name after a weak trigger: shorter words there are common nouns
// (منطقة خط الوسط).
constexpr uint32_t kMinWeakNameLetters = 4;

// Whether the word at k may be the name after a weak trigger (منطقة، حي), which also heads
// common phrases: a definite word only when shaped like a place's relational name (حي
// [الشميساني]، منطقة [العبدلي]), not a common noun (منطقة الجزاء، منطقة اليورو); an indefinite
// one when no adjective (منطقة عازلة، منطقة حدودية) or accusative.
bool WeakTriggerName(const NerTokens& tokens, size_t k) {
  if (k >= tokens.size()) return false;
  if (tokens[k].article) return tokens[k].nisba;
  if (tokens.EndsFeminine(k) || tokens.EndsWithAlef(k) || tokens.Letters(k) < kMinWeakNameLetters) {
    return false;
  }
  // Nor a verb in the imperfective (منطقة يحظر فيها) or a participle (حي مجاور).
  const std::string_view key = tokens.Key(k);
  constexpr std::string_view kYa = "\xD9\x8A", kMeem = "\xD9\x85";
  const std::string_view first = key.substr(0, 2), last = key.substr(key.size() - 2);
  return first != kYa && first != kMeem && last != kYa;
}

void Add(const NerTokens& tokens, size_t first, size_t end, std::vector<Candidate>* out) {
  const int32_t priority =
      tokens.RulePriority(first, end, kLoc, kNerRulePriority, /*over_other_types=*/false);
  if (priority >= 0) out->push_back(tokens.MakeCandidate(kLoc, first, end, priority));
}

// A listed name made of a trigger, natural-feature or state word and a place (نهر النيجر، بحيرة
// تشاد، مدينة الكويت، دولة قطر، نهر بردى) keeps the word out, as the rule below does for the names
// it finds (نهر [الزهراني]، مدينة [كفرنبودة]) and as the usual Arabic NER annotation has it:
// the listed place inside takes over, or the span is cut to the one proper name after the
// word. Names whose rest is no place on its own (جبل طارق، جزر القمر) and the user's own
// entries keep their full form.
void KeepTriggerWordOutOfListedPlaces(const NerTokens& tokens, std::vector<Candidate>* out) {
  constexpr uint32_t kHead = kNerPlaceFeature | kNerPlaceTrigger | kNerStateWord;
  auto trigger_first = [&](const Candidate& c) {
    return StartsWithHeadWord(tokens, c, kLoc, kHead, 0);
  };
  DropHeadWordWhereRestIsListed(tokens, kLoc, kHead, 0, out);
  // One indefinite word after the trigger that is no given name (طارق) and no known word is
  // the proper name itself: نهر [بردى].
  for (Candidate& c : *out) {
    if (!trigger_first(c) || c.end_token != c.first_token + 2) continue;
    const size_t k = c.first_token + 1;
    const NerToken& u = tokens[k];
    if (!u.word || u.article || u.conjunction || u.flags != 0 || u.reading != 0 ||
        u.known != static_cast<int8_t>(kLoc) || !tokens.IsPlainWord(k)) {
      continue;
    }
    c.first_token = static_cast<uint32_t>(k);
    c.begin = tokens.Begin(k);
  }
}

// A listed state's official name (جمهورية مصر العربية، جمهورية الصين الشعبية) is reported as the
// country it names (its canonical value) when that country is listed by itself right after the
// state word: the state word and the epithets stay out, as after a place in conventions.md
// ([الصين] الشعبية) and as news annotation has it. A name whose country differs from the word
// after the state word (جمهورية روسيا البيضاء is بيلاروس) stays whole.
void StateNameAsItsCountry(const NerTokens& tokens, std::vector<Candidate>* out) {
  auto state_first = [&](const Candidate& c) {
    return c.end_token > c.first_token + 2 && c.type == kLoc &&
           StartsWithHeadWord(tokens, c, kLoc, kNerStateWord, kNerPlaceTrigger | kNerPlaceFeature);
  };
  // Most documents have no state word, and most of the others no name after one.
  if (!tokens.AnyWordHas(kNerStateWord) || std::none_of(out->begin(), out->end(), state_first)) {
    return;
  }
  // The places listed right after a state word, by first token (looked up, not searched: a
  // text repeating the name must not make this quadratic).
  absl::flat_hash_map<uint32_t, std::vector<const Candidate*>> after_state;
  for (const Candidate& c : *out) {
    if (state_first(c)) after_state[c.first_token + 1];
  }
  for (const Candidate& d : *out) {
    auto it = after_state.find(d.first_token);
    if (d.type == kLoc && it != after_state.end()) it->second.push_back(&d);
  }
  std::vector<uint8_t> drop(out->size(), 0);
  for (size_t p = 0; p < out->size(); ++p) {
    const Candidate& c = (*out)[p];
    if (!state_first(c)) continue;
    for (const Candidate* d : after_state[c.first_token + 1]) {
      if (d->end_token < c.end_token && d->canonical == c.canonical) drop[p] = 1;
    }
  }
  size_t kept = 0;
  for (size_t p = 0; p < out->size(); ++p) {
    if (drop[p]) continue;
    if (kept != p) (*out)[kept] = std::move((*out)[p]);
    ++kept;
  }
  out->erase(out->begin() + kept, out->end());
}

// A one-word listed place shaped like a relational adjective (السليمانية، الإسماعيلية، الظاهرية)
// right after a definite noun agrees with that noun: التكية السليمانية، المكتبة الظاهرية. After
// a trigger (مدينة السليمانية), a name or a preposition it stays a place.
void DropPlacesReadAsAdjectives(const NerTokens& tokens, std::vector<Candidate>* out) {
  auto adjective = [&](const Candidate& c) {
    if (c.type != kLoc || c.priority >= kUserGazetteerPriority || c.first_token == 0 ||
        c.end_token != c.first_token + 1 || c.first_token >= tokens.size()) {
      return false;
    }
    const NerToken& t = tokens[c.first_token];
    const NerToken& before = tokens[c.first_token - 1];
    // The noun may carry proclitics itself: والمكتبة الظاهرية، بالمكتبة الظاهرية.
    if (!t.nisba || t.reading != 0 || !before.word || !(before.article || before.clitic_article) ||
        before.known >= 0) {
      return false;
    }
    constexpr uint32_t kAnnounces = kNerPlaceTrigger | kNerPlaceFeature | kNerTitle | kNerRole |
                                    kNerStop | kNerGivenName | kNerStateWord;
    return !((before.reading_flags | before.bare_flags) & kAnnounces);
  };
  out->erase(std::remove_if(out->begin(), out->end(), adjective), out->end());
}

// Adjectives after the name that are part of it: متحف بيروت [الوطني]، مطار عمان [الدولي].
constexpr size_t kMaxFacilityAdjectives = 2;

// One past the adjectives of a facility's name that follow its name at `end` (الدولي، الوطني،
// الكبرى): a nationality's describes the facility (مطار [عمان] الأردني) unless it is the first
// after a common noun and `nationality_first` (متحف الفن الإسلامي).
size_t FacilityAdjectivesEnd(const NerTokens& tokens, size_t end, bool nationality_first) {
  const size_t name_end = end;
  for (size_t a = 0; a < kMaxFacilityAdjectives && end < tokens.size(); ++a) {
    const NerToken& u = tokens[end];
    if (!u.word || !u.article || u.conjunction || u.clitic_article || u.known >= 0 ||
        (u.flags & (kNerTime | kNerStop | kNerTitle | kNerRole)) ||
        !(u.nisba || (u.flags & kNerOrgAdjective)) ||
        (((u.flags | u.bare_flags) & kNerDemonym) && !(nationality_first && end == name_end))) {
      break;
    }
    ++end;
  }
  return end;
}

// A place or an institution named after a person is one entity, not a person inside a place:
// a named_after word (مطار، ملعب، جامعة), a title, and the name a person candidate found after
// it ([مطار الملكة علياء]، [جامعة الملك سعود]); or the word and a listed person's full name
// ([مطار رفيق الحريري]). An organization when the word heads or describes one (جامعة،
// مستشفى), a place otherwise. The person rules ran before: their candidates give the name.
void NamedAfterPersons(const NerTokens& tokens, std::vector<Candidate>* out) {
  const size_t n = tokens.size();
  std::vector<Candidate> named;
  for (const Candidate& c : *out) {
    if (c.type != EntityType::kPerson || c.priority >= kUserGazetteerPriority || c.end_token > n ||
        c.first_token == 0) {
      continue;
    }
    size_t head = c.first_token - 1;
    const bool known_person = c.priority >= kBuiltinGazetteerPriority;
    bool titled = (tokens[c.first_token].reading_flags & kNerTitle) && known_person;
    if (!titled && head > 0 && tokens[head].word && (tokens[head].reading_flags & kNerTitle) &&
        !tokens[head].conjunction) {
      titled = true;
      --head;
    }
    const NerToken& h = tokens[head];
    if (!h.word || h.article || !(h.reading_flags & kNerNamedAfter) || (!titled && !known_person)) {
      continue;
    }
    const EntityType type =
        (h.reading_flags & (kNerOrgHead | kNerOrgDescriptor)) ? EntityType::kOrganization : kLoc;
    // The name's adjectives are inside, as after a place's name: [مطار الملكة علياء الدولي].
    const size_t end = FacilityAdjectivesEnd(tokens, c.end_token, /*nationality_first=*/false);
    const int32_t priority =
        tokens.RulePriority(head, end, type, kNerRulePriority + 1, /*over_other_types=*/true);
    if (priority >= 0) named.push_back(tokens.MakeCandidate(type, head, end, priority));
  }
  out->insert(out->end(), named.begin(), named.end());
}

// A building or a site whose proper name follows it (متحف، قصر، مطار، ملعب، كنيسة): a
// named_after word that heads no organization and announces no place of its own.
bool IsFacilityWord(const NerToken& t) {
  constexpr uint32_t kNotFacility =
      kNerOrgHead | kNerOrgDescriptor | kNerPlaceTrigger | kNerPlaceFeature | kNerTitle | kNerRole;
  return t.word && !t.article && t.known < 0 && (t.reading_flags & kNerNamedAfter) &&
         !(t.reading_flags & kNotFacility);
}

// Words of a facility's own name that may follow the facility word: proper names (برادو،
// سانتياغو برنابيو) or one definite noun (الخط in متحف الفن الإسلامي, with its adjective).
// Indefinite nouns and adjectives (مطار رئيسي، ملعب جديد، قاعدة بيانات) describe the facility; so
// do time, sports, title and trigger words (ملعب المباراة، قصر الرئيس، مطار العاصمة).
constexpr size_t kMaxFacilityNameWords = 3;

bool IsFacilityNameWord(const NerTokens& tokens, size_t k) {
  if (k >= tokens.size() || tokens.EndsPhrase(k) || !tokens.IsPlainWord(k)) return false;
  const NerToken& u = tokens[k];
  constexpr uint32_t kCommon = kNerSport | kNerTime | kNerEvent | kNerNamedAfter | kNerStateWord |
                               kNerClub | kNerPersonNoun | kNerRelative;
  if ((u.flags | u.reading_flags | u.bare_flags) & kCommon) return false;
  if (u.article) return true;
  // Indefinite: a proper name, not an adjective (رئيسي، جديدة), an accusative (جديدا), a word
  // with a proclitic (بمثل) or a verb in the imperfective (مسجد يعتبر من أقدم، يقع في).
  if (u.reading != 0 || tokens.EndsFeminine(k) || tokens.EndsWithAlef(k) || tokens.Letters(k) < 3 ||
      tokens.IsAdjectiveShaped(k)) {  // رواق طويل، مسجد معروف
    return false;
  }
  // Nor a noun with a possessive pronoun (قصر سموه، حديقة منزله).
  const std::string_view key = tokens.Key(k);
  constexpr std::string_view kYa = "\xD9\x8A", kHa = "\xD9\x87";
  const std::string_view last = key.substr(key.size() - kYa.size());
  if (last == kYa || last == kHa) return false;
  return (u.flags & kNerGivenName) || key.substr(0, kYa.size()) != kYa;
}

// One past the facility's name starting at k, or k when no name follows: a known name (مطار
// [دمشق]، مسجد [عمر بن الخطاب]), a person the person rules found (مسجد [خالد بن الوليد]), or
// the facility's own words; then adjectives (الدولي، الوطني، الكبرى), no nationality's.
size_t FacilityNameEnd(const NerTokens& tokens, size_t k, const std::vector<Candidate>& found) {
  const size_t n = tokens.size();
  size_t end = k;
  bool needs_adjective = false;
  if (k < n && tokens[k].known >= 0) {
    if (!tokens[k].known_start) return k;
    end = tokens[k].known_end;
    // A listed place alone after the word is the place the facility serves, as news
    // annotation has it (مطار [دمشق]، ميناء [حيفا]، ملعب [برشلونة]); with an adjective it is
    // the facility's official name (مطار عمان الدولي، متحف بيروت الوطني).
    needs_adjective = tokens[k].known == static_cast<int8_t>(kLoc);
  } else {
    for (const Candidate& c : found) {
      if (c.type == EntityType::kPerson && c.first_token == k && c.end_token <= n &&
          c.priority < kUserGazetteerPriority) {
        end = std::max<size_t>(end, c.end_token);
      }
    }
    if (end == k) {
      while (end < n && end - k < kMaxFacilityNameWords && IsFacilityNameWord(tokens, end)) {
        ++end;
        if (tokens[end - 1].article) break;  // one definite noun ends the construct
      }
    }
  }
  if (end == k) return k;
  // A definite common noun names a facility only with an adjective after it (متحف الخط
  // العربي); alone it is the facility's complement (قاعدة البيانات، ملعب التدريب). Its
  // adjective may be a nationality's, which after a proper name describes the facility instead.
  const bool common_noun = tokens[end - 1].article && tokens[end - 1].known < 0;
  needs_adjective = needs_adjective || common_noun;
  const size_t name_end = end;
  end = FacilityAdjectivesEnd(tokens, name_end, /*nationality_first=*/common_noun);
  return needs_adjective && end == name_end ? k : end;
}

// A facility with its name is one place, the facility word inside (as Wikipedia-style
// annotation has it): [متحف برادو]، [مطار عمان الدولي]، [جامع محمد علي]، [كنيسة
// القيامة]. A place, person or organization inside is part of it, not an entity of its own.
// `i` is a token whose reading is a named_after word; `prior` the candidates proposed before.
void FacilityAt(const NerTokens& tokens, size_t i, const std::vector<Candidate>& prior,
                std::vector<Candidate>* found) {
  if (!IsFacilityWord(tokens[i])) return;
  // With tanween the word is indefinite and takes no name after it: رواقٍ طويل.
  if (HasTanween(tokens.doc().TokenText(i))) return;
  const size_t end = FacilityNameEnd(tokens, i + 1, prior);
  if (end == i + 1) return;
  const int32_t priority =
      tokens.RulePriority(i, end, kLoc, kNerRulePriority, /*over_other_types=*/true);
  if (priority >= 0) found->push_back(tokens.MakeCandidate(kLoc, i, end, priority));
}

// Epithets that close a site's name (class ordinal): [المسجد الأموي الكبير]، [الروضة الحسينية
// المطهرة]. After a city they stay out, as news annotation has it (مدينة [مشهد] المقدسة).
constexpr size_t kMaxSiteEpithets = 2;

size_t SiteEpithetsEnd(const NerTokens& tokens, size_t end) {
  for (size_t a = 0; a < kMaxSiteEpithets && end < tokens.size(); ++a, ++end) {
    const NerToken& u = tokens[end];
    if (!u.word || !u.article || u.conjunction || u.clitic_article || u.known >= 0 ||
        !(u.flags & kNerOrdinal)) {
      break;
    }
  }
  return end;
}

// Whether the definite word at k is a relational adjective formed on a given name: الحسيني
// (حسين)، النورية (نور)، السليمانية (سليمان); not one formed on a common noun (القرآنية،
// الثانوية، الثقافي), which describes the building rather than names it.
bool NisbaOfGivenName(const NerTokens& tokens, size_t k) {
  if (k >= tokens.size()) return false;
  const NerToken& u = tokens[k];
  if (!u.word || !u.nisba || u.conjunction || u.clitic_article ||
      ((u.flags | u.bare_flags) & (kNerDemonym | kNerOrgAdjective | kNerStop))) {
    return false;
  }
  std::string_view key = tokens.Key(k);
  if (key.substr(0, kArticle.size()) != kArticle) return false;
  key.remove_prefix(kArticle.size());
  constexpr std::string_view kYa = "\xD9\x8A", kTehMarbuta = "\xD9\x87";  // ي، ة (folded to ه)
  if (key.size() > kTehMarbuta.size() &&
      key.substr(key.size() - kTehMarbuta.size()) == kTehMarbuta) {
    key.remove_suffix(kTehMarbuta.size());
  }
  if (key.size() <= kYa.size() || key.substr(key.size() - kYa.size()) != kYa) return false;
  key.remove_suffix(kYa.size());
  return (tokens.lexicon().Flags(key) & kNerGivenName) != 0;
}

// Historic and religious sites named by a relational adjective, as encyclopedic text names
// them: a definite building word and an adjective formed on a given name ([المرقد الحسيني]،
// [البيمارستان النوري]، [المدرسة النورية]، [المشهد الحسيني الشريف]), its epithets inside. `i`
// is a token whose bare reading is a named_after word.
constexpr uint32_t kNotBuilding =
    kNerOrgHead | kNerPlaceTrigger | kNerPlaceFeature | kNerTitle | kNerRole;

void AddSite(const NerTokens& tokens, size_t first, size_t end, std::vector<Candidate>* found) {
  const int32_t priority =
      tokens.RulePriority(first, end, kLoc, kNerRulePriority, /*over_other_types=*/true);
  if (priority >= 0) found->push_back(tokens.MakeCandidate(kLoc, first, end, priority));
}

void SiteNamedByNisba(const NerTokens& tokens, size_t i, std::vector<Candidate>* found) {
  const NerToken& t = tokens[i];
  if ((t.bare_flags & kNotBuilding) || !t.word || !t.article || t.known >= 0 ||
      !NisbaOfGivenName(tokens, i + 1)) {
    return;
  }
  AddSite(tokens, i, SiteEpithetsEnd(tokens, i + 2), found);
}

// A site found before (a listed one, a facility) goes on through its epithets ([الروضة الحسينية
// المطهرة]، [جامع بني أمية الكبير]): a place whose first word is a building word or whose last
// is a relational adjective.
void SiteWithEpithets(const NerTokens& tokens, const Candidate& c, std::vector<Candidate>* found) {
  const size_t n = tokens.size();
  if (c.priority >= kUserGazetteerPriority || c.end_token >= n || c.end_token < c.first_token + 2 ||
      !(tokens[c.end_token].flags & kNerOrdinal)) {
    return;
  }
  const NerToken& head = tokens[c.first_token];
  const uint32_t head_flags = head.reading_flags | head.bare_flags;
  const bool site = ((head_flags & kNerNamedAfter) && !(head_flags & kNotBuilding)) ||
                    tokens[c.end_token - 1].nisba;
  if (!site) return;
  const size_t end = SiteEpithetsEnd(tokens, c.end_token);
  if (end > c.end_token) AddSite(tokens, c.first_token, end, found);
}

// Letters of an unknown word after في that is taken for a place: shorter words are mostly
// Arabic common nouns (في بيان، في إطار، في مجال), which no list tells from names.
constexpr uint32_t kMinUnknownPlaceLetters = 6;

// Whether `key`, the match form of an unknown word after the preposition في or joined by و to
// a place, is shaped like a foreign place's name no list has (في [دارفور]، في [بنسلفانيا]):
// long, no article, no feminine or plural ending, no pronoun, and none of the shapes of the
// Arabic nouns a preposition takes: a broken plural (third letter alef: أساليب), a verbal noun
// (افتعال: اجتماع، اعتبار; استفعال: استقلال) or a noun of place with م (مستشفى). After a
// preposition an Arabic noun is genitive, so a final alef is no accusative: a foreign ending
// (أنغولا، فيلادلفيا).
bool ForeignPlaceKey(const NerTokens& tokens, std::string_view key) {
  constexpr size_t kLetter = 2;  // bytes of an Arabic letter in the match form
  if (key.size() % kLetter != 0 || key.size() < kMinUnknownPlaceLetters * kLetter ||
      key.substr(0, kArticle.size()) == kArticle) {
    return false;
  }
  auto letter = [&](size_t j) { return key.substr(j * kLetter, kLetter); };
  const size_t letters = key.size() / kLetter;
  constexpr std::string_view kAlef = "\xD8\xA7", kMeem = "\xD9\x85", kTa = "\xD8\xAA",
                             kSeen = "\xD8\xB3", kHa = "\xD9\x87", kYa = "\xD9\x8A",
                             kNoon = "\xD9\x86", kWaw = "\xD9\x88", kKaf = "\xD9\x83";
  const std::string_view last = letter(letters - 1), before_last = letter(letters - 2),
                         third_last = letter(letters - 3);
  // Teh marbuta (folded to ه), pronouns, sound plurals and plural verbs: منزله، قواتها، قواتهم،
  // صفوفهما، جامعتنا، جامعتكم، مسلمين، عاملون، سيارات، وأطلقوا.
  if (last == kHa || before_last == kHa || last == kYa ||
      (last == kAlef &&
       (third_last == kHa || before_last == kWaw || (before_last == kNoon && third_last == kTa))) ||
      (last == kMeem && before_last == kKaf) || (last == kTa && before_last == kAlef) ||
      (last == kNoon && (before_last == kYa || before_last == kWaw))) {
    return false;
  }
  // A noun of place or a participle with م is at most six letters (مستشفى، مستقبل); a foreign
  // name may be longer (مانهاتن).
  if ((letter(0) == kMeem && letters < 7) || letter(2) == kAlef) return false;
  if (letter(0) == kAlef && (letter(4) == kAlef || (letter(1) == kSeen && letter(2) == kTa))) {
    return false;
  }
  return !tokens.SeenWithArticle(key);
}

// Whether token k is an Arabic word no list knows and no candidate covers (tanween is left to
// the caller: it reads the text).
bool UnknownWord(const NerTokens& tokens, size_t k) {
  const NerToken& u = tokens[k];
  return (u.flags | u.reading_flags | u.bare_flags) == 0 && u.word && !u.clitic_article &&
         u.known < 0 && tokens.doc().tokens[k].kind == TokenKind::kArabicWord;
}

// A place no list has after في (في [دارفور]، وفي [كولكول]): a foreign-shaped unknown word, one
// place, never a person (a person is "with" or "to" someone, rarely "in" them). `i` is the
// preposition (class place_preposition).
void UnknownPlaceAfterIn(const NerTokens& tokens, size_t i, std::vector<Candidate>* found) {
  const size_t k = i + 1;
  if (k >= tokens.size() || !UnknownWord(tokens, k) || tokens[k].article || tokens[k].conjunction ||
      !ForeignPlaceKey(tokens, tokens.Key(k)) || HasTanween(tokens.doc().TokenText(k))) {
    return;
  }
  // Over a person the person rules read in the same word (a foreign surname's ending: وفي
  // [جوهانسبرغ]): after في it is a place.
  const int32_t priority =
      tokens.RulePriority(k, k + 1, kLoc, kNerRulePriority + 1, /*over_other_types=*/false);
  if (priority >= 0) found->push_back(tokens.MakeCandidate(kLoc, k, k + 1, priority));
}

// A place no list has joined by و to a place (بين غانا [وبوتسوانا]): the unknown word after the
// conjunction, shaped like a foreign place's name, is a place too; the و stays out.
void UnknownPlaceJoinedTo(const NerTokens& tokens, const Candidate& c,
                          std::vector<Candidate>* found) {
  const size_t k = c.end_token;
  const Document& doc = tokens.doc();
  if (k >= tokens.size() || !tokens[k].conjunction || !UnknownWord(tokens, k) ||
      HasTanween(doc.TokenText(k))) {
    return;
  }
  constexpr uint32_t kConjunctionBytes = 2;  // و
  for (const TokenReading& r : doc.Readings(k)) {
    if (r.skip_bytes != kConjunctionBytes || !ForeignPlaceKey(tokens, doc.Slice(r.key))) continue;
    Candidate place = tokens.MakeCandidate(kLoc, k, k + 1, kNerRulePriority);
    place.begin = doc.tokens[k].begin + r.skip_bytes;
    place.canonical.clear();
    tokens.lexicon().AppendDisplayForm(doc.text.substr(place.begin, place.end - place.begin),
                                       &place.canonical);
    found->push_back(std::move(place));
    return;
  }
}

// Whether the listed place c stands next to a comma, as in a list of places.
bool ListedPlaceAtAComma(const NerTokens& tokens, const Candidate& c) {
  return c.priority >= kGrammarPriority &&
         (IsListComma(tokens, c.end_token) ||
          (c.first_token > 0 && IsListComma(tokens, c.first_token - 1)));
}

// The facility, site and unknown-place rules above, in one pass over the tokens and one over
// the places found so far: each asks little of most tokens. Returns how many listed places
// stand next to a comma (ListedPlaceAtAComma()), which the list rule needs two of.
size_t FacilitiesSitesAndUnknownPlaces(const NerTokens& tokens, std::vector<Candidate>* out) {
  std::vector<Candidate> found;
  // Most short texts have no word of either class the pass looks for.
  const size_t scan_end = tokens.AnyWordHas(kNerNamedAfter | kNerEventVenue) ? tokens.size() : 0;
  for (size_t i = 0; i + 1 < scan_end; ++i) {
    const NerToken& t = tokens[i];
    if ((t.reading_flags | t.bare_flags) & kNerNamedAfter) {
      if (t.reading_flags & kNerNamedAfter) FacilityAt(tokens, i, *out, &found);
      // A tomb word is listed definite only (المرقد: data/ner_cues.tsv): a site by its nisba.
      if ((t.bare_flags | (t.article ? t.reading_flags : 0)) & kNerNamedAfter) {
        SiteNamedByNisba(tokens, i, &found);
      }
    } else if ((t.reading_flags & (kNerEventVenue | kNerEvent)) == kNerEventVenue) {
      UnknownPlaceAfterIn(tokens, i, &found);
    }
  }
  out->insert(out->end(), found.begin(), found.end());
  found.clear();
  size_t places_at_commas = 0;
  for (const Candidate& c : *out) {
    if (c.type != kLoc) continue;
    SiteWithEpithets(tokens, c, &found);
    UnknownPlaceJoinedTo(tokens, c, &found);
    places_at_commas += ListedPlaceAtAComma(tokens, c);
  }
  out->insert(out->end(), found.begin(), found.end());
  return places_at_commas;
}

// A listed place right after a place trigger is the place, even where a sports text reads
// the city as its club (مواليد مدينة [فالنسيا]، العاصمة [لشبونة]): the organization read of
// the same words is dropped.
void PlacesAfterTriggers(const NerTokens& tokens, std::vector<Candidate>* out) {
  auto club_after_trigger = [&](const Candidate& c) {
    if (c.type != EntityType::kOrganization || c.priority >= kUserGazetteerPriority ||
        c.first_token == 0 || c.first_token >= tokens.size() ||
        tokens[c.first_token].reading != 0) {
      return false;
    }
    const NerToken& before = tokens[c.first_token - 1];
    if (!before.word || before.conjunction || !(before.reading_flags & kNerPlaceTrigger) ||
        (before.reading_flags & kNerOrgHeadWeak)) {
      return false;
    }
    for (const Candidate& p : *out) {
      if (p.type == kLoc && p.first_token == c.first_token && p.end_token == c.end_token)
        return true;
    }
    return false;
  };
  out->erase(std::remove_if(out->begin(), out->end(), club_after_trigger), out->end());
}

// A list of names is a list of places when it has this many names, at least this many of them
// listed places and more places than listed names of other types.
constexpr size_t kMinListItems = 3;
constexpr size_t kMinListedPlacesInList = 2;

struct ListItem {
  size_t first = 0;
  size_t end = 0;
  int8_t known = -1;  // the listed name's type, or -1: words no list knows
};

// The list item starting at token k, ending where the list goes on or ends: a listed name, or
// one word or two shaped like a place's name (NameEnds()) that carry no class, no proclitic and
// no tanween. False when there is none.
bool ListItemAt(const NerTokens& tokens, size_t k, ListItem* item) {
  if (k >= tokens.size() || !tokens[k].word || tokens[k].conjunction) return false;
  const NerToken& t = tokens[k];
  item->first = k;
  item->known = t.known;
  if (t.known >= 0) {
    item->end = t.known_end;
    return t.known_start && IsListBoundary(tokens, item->end);
  }
  for (const size_t end : NameEnds(tokens, k)) {
    const NerToken& last = tokens[end - 1];
    if ((last.flags | last.reading_flags | last.bare_flags) != 0 || last.reading != 0 ||
        HasTanween(tokens.doc().TokenText(end - 1))) {
      return false;
    }
    if (IsListBoundary(tokens, end)) {
      item->end = end;
      return true;
    }
  }
  return false;
}

// Names no list knows in a comma list of places are places too: الشميساني ، [اللويبدة] ،
// عبدون ، [الصويفية]. The list has three names or more, two of them listed places and
// more places than people or organizations; its first name is taken only where punctuation or
// a place trigger bounds it on the left (a longer phrase may end in it otherwise).
// `places_at_commas`: the listed places next to a comma (ListedPlaceAtAComma()); most texts
// have fewer than two and need no pass over the tokens.
void PlacesListedWithPlaces(const NerTokens& tokens, size_t places_at_commas,
                            std::vector<Candidate>* out) {
  if (places_at_commas < kMinListedPlacesInList) return;
  const size_t n = tokens.size();
  std::vector<ListItem> items;
  for (size_t k = 1; k + 1 < n; ++k) {
    if (!IsListComma(tokens, k)) continue;
    // The first name ends at the comma: a listed name (walk back to its start) or one word.
    size_t start = k - 1;
    while (start > 0 && tokens[start].known >= 0 && !tokens[start].known_start) --start;
    ListItem item;
    if (!ListItemAt(tokens, start, &item) || item.end != k) continue;
    items.assign(1, item);
    while (IsListComma(tokens, item.end) && ListItemAt(tokens, item.end + 1, &item)) {
      items.push_back(item);
    }
    k = item.end;
    size_t places = 0, others = 0;
    for (const ListItem& i : items) {
      places += i.known == static_cast<int8_t>(kLoc);
      others += i.known >= 0 && i.known != static_cast<int8_t>(kLoc);
    }
    if (items.size() < kMinListItems || places < kMinListedPlacesInList || places <= others) {
      continue;
    }
    // The first name is one when punctuation or a place trigger bounds it on the left: :
    // [اللويبدة] ، ...، حي [اللويبدة] ، ...
    const size_t before = items[0].first - 1;
    const bool first_bounded =
        items[0].first > 0 && (tokens[before].punct || PlaceTriggerAt(tokens[before]));
    for (size_t i = first_bounded ? 0 : 1; i < items.size(); ++i) {
      if (items[i].known < 0) Add(tokens, items[i].first, items[i].end, out);
    }
  }
}

}  // namespace

void PlaceRules::Propose(const Document& doc, const Options& options,
                         std::vector<Candidate>* out) const {
  if (doc.tokens.empty()) return;
  const NerTokens tokens(doc, *lexicon_, *out);
  const size_t n = tokens.size();
  PlacesAfterTriggers(tokens, out);
  KeepTriggerWordOutOfListedPlaces(tokens, out);
  StateNameAsItsCountry(tokens, out);
  DropPlacesReadAsAdjectives(tokens, out);
  NamedAfterPersons(tokens, out);
  const size_t places_at_commas = FacilitiesSitesAndUnknownPlaces(tokens, out);
  // Only the tokens the view lists may be a trigger (PlaceTriggerAt()), in order.
  for (const size_t i : tokens.RuleStarts()) {
    if (i + 1 >= n) break;
    const NerToken& t = tokens[i];
    if (t.known >= 0 || !PlaceTriggerAt(t)) continue;
    size_t k = i + 1;
    for (size_t skipped = 0;
         skipped < kMaxTriggerAdjectives && k < n && tokens[k].article && tokens[k].known < 0 &&
         ((tokens[k].flags | tokens[k].bare_flags) & kNerDemonym);
         ++skipped) {
      ++k;
    }
    if ((t.reading_flags & kNerOrgHeadWeak) && !WeakTriggerName(tokens, k)) continue;
    // After a definite trigger a definite relational adjective agrees with it: العاصمة الأموية
    // is "the Umayyad capital" (an indefinite trigger takes it as a name: نهر [الليطاني]).
    if (t.article && k < n && tokens[k].nisba) continue;
    const std::vector<size_t> ends = NameEnds(tokens, k);
    if (ends.empty() || HamzaAlefInside(tokens, i)) continue;
    for (const size_t end : ends) Add(tokens, k, end, out);
  }
  PlacesListedWithPlaces(tokens, places_at_commas, out);
}

}  // namespace kashif::internal
