#include "match/ner/org_rules.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "match/gazetteer.h"
#include "match/ner/person_matcher.h"
#include "text/strings.h"

namespace kashif::internal {
namespace {

// Quotation marks around a name after a descriptor: صحيفة « السفير »، مجلة " نيويوركر ".
constexpr std::string_view kOpenQuotes[] = {"\xC2\xAB", "\"", "\xE2\x80\x9C", "'"};   // « " “ '
constexpr std::string_view kCloseQuotes[] = {"\xC2\xBB", "\"", "\xE2\x80\x9D", "'"};  // » " ” '
// Words a quoted name may have.
constexpr size_t kMaxQuotedNameTokens = 5;

}  // namespace

size_t QuotedNameEnd(const NerTokens& tokens, size_t k) {
  if (k >= tokens.size() || !tokens[k].punct) return 0;
  const std::string_view open = tokens.doc().TokenText(k);
  size_t quote = std::size(kOpenQuotes);
  for (size_t q = 0; q < std::size(kOpenQuotes); ++q) {
    if (open == kOpenQuotes[q]) quote = q;
  }
  if (quote == std::size(kOpenQuotes)) return 0;
  for (size_t j = k + 1; j < tokens.size() && j <= k + 1 + kMaxQuotedNameTokens; ++j) {
    if (tokens[j].word) continue;
    if (tokens.doc().TokenText(j) != kCloseQuotes[quote]) return 0;
    return j > k + 1 ? j : 0;
  }
  return 0;
}

namespace {

constexpr EntityType kOrg = EntityType::kOrganization;
// Tokens an organization's name may span, head included.
constexpr size_t kMaxOrgTokens = 8;
// Tokens a name under a weak head needs when no known name is inside it.
constexpr size_t kMinWeakHeadTokens = 3;
// Indefinite nouns of a construct chain before its definite end (اتحاد صناعة السيارات).
constexpr size_t kMaxIndefiniteComplement = 2;

// The match form of the preposition ل with the article's lam: "لل" (للاستثمار).
constexpr std::string_view kLamLam = "\xD9\x84\xD9\x84";
constexpr std::string_view kAlef = "\xD8\xA7";
constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال, as the match form has it
constexpr std::string_view kLam = "\xD9\x84";              // ل, the preposition as written
constexpr std::string_view kYa = "\xD9\x8A";               // ي, the masculine nisba ending
constexpr std::string_view kYaHeh = "\xD9\x8A\xD9\x87";    // يه: ية in the match form
constexpr std::string_view kWawArticle = "\xD9\x88\xD8\xA7\xD9\x84";  // وال

bool IsAdjective(const NerTokens& tokens, size_t k) {
  if (k >= tokens.size()) return false;
  const NerToken& u = tokens[k];
  if (!u.word || !u.article || u.conjunction || u.clitic_article || u.known >= 0) return false;
  if (u.flags & (kNerTime | kNerStop | kNerTitle | kNerRole)) return false;
  return (u.flags & kNerOrgAdjective) || u.nisba;
}

// "لل" + definite noun after an adjective: الهيئة العامة للاستثمار.
bool IsLamComplement(const NerTokens& tokens, size_t k) {
  if (k >= tokens.size()) return false;
  const NerToken& u = tokens[k];
  if (!u.word || !u.clitic_article || u.known >= 0 || (u.flags & kNerTime)) return false;
  const std::string_view key = tokens.doc().Key(k);
  return key.substr(0, kLamLam.size()) == kLamLam && tokens.Letters(k) >= 5;
}

// ل + an indefinite noun + a definite noun after an adjective, the construct that says what an
// institution is for: المعهد الوطني الأميركي [لرصد الزلازل]، المركز الوطني [لمكافحة الإرهاب].
// Returns whether tokens k and k + 1 make one.
bool IsLamConstruct(const NerTokens& tokens, size_t k) {
  if (k + 1 >= tokens.size()) return false;
  const NerToken& u = tokens[k];
  const NerToken& v = tokens[k + 1];
  constexpr uint32_t kNoNoun = kNerTime | kNerStop | kNerVerb | kNerTitle | kNerRole;
  if (!u.word || u.article || u.clitic_article || u.conjunction || u.known >= 0 ||
      (u.flags & kNoNoun) || tokens.Letters(k) < 4 ||
      tokens.doc().TokenText(k).substr(0, kLam.size()) != kLam) {
    return false;
  }
  return v.word && v.reading == 0 && v.article && v.known < 0 && !v.conjunction &&
         !(v.flags & (kNoNoun | kNerDemonym)) && !v.nisba && tokens.Letters(k + 1) >= 4;
}

// و + a definite noun or adjective, by its shape alone (IsCoordinatedMember).
bool IsMemberShape(const NerTokens& tokens, size_t k) {
  if (k >= tokens.size()) return false;
  const NerToken& u = tokens[k];
  if (!u.word || !u.conjunction || !u.clitic_article || u.known >= 0 ||
      (u.flags & (kNerTime | kNerStop)) ||
      ((u.reading_flags | u.bare_flags) &
       (kNerDemonym | kNerTitle | kNerRole | kNerPostTitle | kNerPersonNoun | kNerOrgHead)) ||
      tokens.doc().TokenText(k).substr(0, kWawArticle.size()) != kWawArticle ||
      tokens.Letters(k) < 5) {
    return false;  // وبالتنسيق: a preposition after و starts a phrase of its own
  }
  return true;
}

// و + a definite noun or adjective that ends the phrase: the second member of a coordinated
// complement in an official name (وزارة التجارة [والصناعة]، المجلس الاقتصادي [والاجتماعي]).
// `in_list`: after a لـ phrase the fields may be a list (للتربية [والثقافة] والعلوم), so a
// member may also be followed by the next one.
bool IsCoordinatedMember(const NerTokens& tokens, size_t k, bool in_list = false) {
  if (!IsMemberShape(tokens, k)) return false;
  return tokens.EndsPhrase(k + 1) || !tokens[k + 1].article || (tokens[k + 1].flags & kNerStop) ||
         (in_list && IsMemberShape(tokens, k + 1));
}


// Whether token k's match form ends like a relational adjective: ـي، ـية (والاجتماعية).
bool EndsLikeNisba(const NerTokens& tokens, size_t k) {
  const std::string_view key = tokens.Key(k);
  return key.size() >= 2 && (key.substr(key.size() - 2) == kYa ||
                             (key.size() >= 4 && key.substr(key.size() - 4) == kYaHeh));
}

// Whether token k is the indefinite form of a listed relational adjective (دولي، اقتصادي،
// إسلامي: الدولي، الاقتصادي، الإسلامي are organization or nationality adjectives): after a
// head it describes it (ائتلاف دولي، اتحاد اقتصادي، حزب إسلامي), no name.
bool IsIndefiniteRelationalAdjective(const NerTokens& tokens, size_t k) {
  const NerToken& u = tokens[k];
  if (!u.word || u.article || u.known >= 0 || tokens.Letters(k) < 3) return false;
  const std::string_view key = tokens.Key(k);
  if (key.size() < kYa.size() || key.substr(key.size() - kYa.size()) != kYa) return false;
  std::string definite(kArticle);
  definite.append(key);
  return (tokens.lexicon().Flags(definite) & (kNerOrgAdjective | kNerDemonym)) != 0;
}

// An indefinite word ending in the accusative alef: عقدا، جديدا.
bool EndsWithTanweenAlef(const NerTokens& tokens, size_t k) {
  if (k >= tokens.size() || !tokens[k].word || tokens[k].article || tokens.Letters(k) < 3) {
    return false;
  }
  const std::string_view key = tokens.doc().Key(k);
  return key.size() >= 2 && key.substr(key.size() - 2) == kAlef;
}

// Whether token i is definite as written: an alef with hamza before lam (ألونسو، إلغاء) is
// no article, though the match form folds it so.
bool Definite(const NerTokens& tokens, size_t i) {
  if (i >= tokens.size() || !tokens[i].article) return false;
  const std::string_view text = tokens.doc().text.substr(tokens.Begin(i), 4);
  return text != "\xD8\xA3\xD9\x84" && text != "\xD8\xA5\xD9\x84";
}

// Whether token k is a definite masculine singular nationality adjective (الإسباني، الإيطالي):
// the form that agrees with نادي / فريق, never with a city, which Arabic treats as feminine
// (مدينة فالنسيا الإسبانية), and seldom with a country.
// `inside_known`: the adjective may be part of a known name (a listed الهلال السعودي).
bool IsMasculineDemonym(const NerTokens& tokens, size_t k, bool inside_known = false) {
  if (k >= tokens.size()) return false;
  const NerToken& u = tokens[k];
  if (!u.word || !u.article || u.reading != 0 || u.conjunction || (u.known >= 0 && !inside_known) ||
      !((u.flags | u.bare_flags) & kNerDemonym) || (u.flags & kNerStop)) {
    return false;
  }
  const std::string_view key = tokens.Key(k);
  return key.size() >= kYa.size() && key.substr(key.size() - kYa.size()) == kYa;
}

// Whether `flags` are those of منتخب, the national team's word: a club word that heads a name
// only when indefinite (org_head without org_head_def; نادي heads one definite too: النادي
// الأهلي). A national team is named by its country, so only a known name follows it as one
// (منتخب مصر), and a club's everyday-word name after المنتخب describes it (المنتخب الأفريقي).
bool IsNationalTeamWord(uint32_t flags) {
  constexpr uint32_t kTeamHead = kNerClub | kNerOrgHead;
  return (flags & kTeamHead) == kTeamHead && !(flags & kNerOrgHeadDefinite);
}

// A place's name standing for the club named after it: right after a club word (فريق
// [برشلونة]، لنادي [ليفربول]) or before a masculine nationality adjective (فالنسيا الإسباني،
// بورتو البرتغالي, the adjective left out as with any name). Listed clubs keep their listed
// form (نادي الهلال): corpora differ on whether the club word belongs to the name.
void ClubsNamedAfterPlaces(const NerTokens& tokens, std::vector<Candidate>* out) {
  const size_t n = tokens.size();
  std::vector<Candidate> clubs;
  for (const Candidate& c : *out) {
    if (c.type != EntityType::kPlace || c.priority >= kUserGazetteerPriority || c.end_token > n ||
        c.first_token >= c.end_token) {
      continue;
    }
    const size_t first = c.first_token, end = c.end_token;
    const NerToken& t = tokens[first];
    // Only the candidate that marks its tokens as known: not one a longer listed name covers.
    if (t.known != static_cast<int8_t>(c.type) || !t.known_start || t.known_end != end ||
        t.known_priority != c.priority) {
      continue;
    }
    // A club's own name (بورتو، data/ner_sports.tsv) is a known place, no club word.
    const bool club_before = first > 0 && t.reading == 0 && tokens[first - 1].word &&
                             !tokens[first - 1].article && tokens[first - 1].known < 0 &&
                             (tokens[first - 1].reading_flags & kNerClub);
    // A descriptor (صحيفة، قناة) before a listed place in quotes: the organization named
    // after it (صحيفة « الشرق الأوسط »). Without the quotes the corpora read the place inside
    // the organization's name (جريدة فلسطين), so it stays a place there.
    const bool quoted = first > 0 && QuotedNameEnd(tokens, first - 1) == end;
    const size_t before = first - 1;
    const bool descriptor_before = quoted && t.reading == 0 && before > 0 &&
                                   tokens[before - 1].word && !tokens[before - 1].article &&
                                   tokens[before - 1].known < 0 &&
                                   (tokens[before - 1].reading_flags & kNerOrgDescriptor);
    if (descriptor_before) {
      clubs.push_back(tokens.MakeCandidate(kOrg, first, end, c.priority + 1));
      continue;
    }
    if (t.article) continue;  // البقاع، الخليج: regions, no clubs' names

    // Before the adjective, the place must not be the complement of a noun the adjective may
    // agree with (مطار عمان الأردني، شمال أفريقيا الروماني): it follows a boundary, a function
    // word or a verb (فاز على إشبيلية الإسباني), or carries its own preposition or conjunction.
    const bool after_boundary = first == 0 || t.reading != 0 || !tokens[first - 1].word ||
                                (tokens[first - 1].flags & (kNerStop | kNerVerb));
    if (club_before || (after_boundary && IsMasculineDemonym(tokens, end))) {
      clubs.push_back(tokens.MakeCandidate(kOrg, first, end, c.priority + 1));
    }
  }
  // A listed place joined by و to a club is a club too: على ضيفه بورتو و[بنفيكا] ،
  for (size_t next = 0; next < clubs.size(); ++next) {
    const size_t k = clubs[next].end_token;
    if (k >= n || !tokens[k].conjunction) continue;
    for (const Candidate& c : *out) {
      if (c.type != EntityType::kPlace || c.first_token != k ||
          c.priority >= kUserGazetteerPriority || c.end_token > n ||
          tokens[k].known_end != c.end_token || Definite(tokens, k) ||
          !(c.end_token == n || tokens[c.end_token].punct || tokens[c.end_token].conjunction)) {
        continue;
      }
      Candidate club = c;  // its span already leaves the و out
      club.type = kOrg;
      club.priority = c.priority + 1;
      clubs.push_back(std::move(club));
      break;
    }
  }
  out->insert(out->end(), clubs.begin(), clubs.end());
}

// Letters of a club's name that no list knows and that has no article (شيفلد).
constexpr size_t kMinBareClubLetters = 5;

// Whether token i as written ends with the pronoun ه (ضيفه "its guest").
bool EndsWithPronounHa(const NerTokens& tokens, size_t i) {
  return EndsWith(tokens.doc().TokenText(i), "\xD9\x87");  // ه
}

// Letters of an unlisted club's name before its nationality adjective: foreign clubs' names
// are long (بيهورا، فلومينيزي), and Arabic verbs that could stand there short (سجل، قاد).
constexpr size_t kMinUnlistedClubLetters = 5;

// In a sports text (SportsClubs), a word no list knows at token i before a masculine
// nationality adjective, where nothing before it takes the adjective (a boundary, a function
// word or verb, or its own proclitic) and no name comes after it, is a club: تعادل مع [بيهورا]
// الروماني 1 - 1، [فلومينيزي] البرازيلي و... The adjective agrees with the club (نادي) and stays
// out, as after a listed city's club. A name after the adjective (وسجل البرازيلي رونالدو) makes
// the word before it the verb of that person.
void UnlistedClubBeforeNationalityAt(const NerTokens& tokens, size_t i,
                                     std::vector<Candidate>* clubs) {
  const size_t n = tokens.size();
  const NerToken& t = tokens[i];
  // The adjective first: most words have none after them.
  if (i + 1 >= n || !tokens[i + 1].article || t.article || t.clitic_article || t.known >= 0 ||
      (t.flags | t.reading_flags | t.bare_flags) != 0 || t.foreign_suffix ||
      !IsMasculineDemonym(tokens, i + 1) || tokens.Letters(i) < kMinUnlistedClubLetters ||
      tokens.EndsFeminine(i) || tokens.doc().tokens[i].kind != TokenKind::kArabicWord) {
    return;
  }
  const bool after_boundary = i == 0 || t.reading != 0 || !tokens[i - 1].word ||
                              (tokens[i - 1].flags & (kNerStop | kNerVerb));
  const size_t next = i + 2;
  const bool nothing_after =
      next >= n || tokens.EndsPhrase(next) || (tokens[next].article && tokens[next].known < 0);
  if (after_boundary && nothing_after) {
    clubs->push_back(tokens.MakeCandidate(kOrg, i, i + 1, kNerRulePriority));
  }
}

// Whether token k may be the place or name a club affix goes with: a listed place that is a
// candidate of its own, a club's name (شيفلد) or a word no list knows, with no article or
// proclitic (هال). Returns the end of that name (after token k, or k + 1 before the affix), or
// 0.
size_t ClubAffixNeighbour(const NerTokens& tokens, size_t k, bool before_affix) {
  if (k >= tokens.size()) return 0;
  const NerToken& u = tokens[k];
  if (!u.word || u.reading != 0 || u.article || tokens.Letters(k) < 3) return 0;
  if (u.known == static_cast<int8_t>(EntityType::kPlace)) {
    // The whole place: it starts at k (after it) or ends at k (before it).
    if (before_affix) return u.known_end == k + 1 ? k + 1 : 0;
    return u.known_start ? u.known_end : 0;
  }
  if (u.known >= 0) return 0;
  if (IsClubName(u.reading_flags)) return k + 1;
  // A word no list knows: not a sports word (ركلات يونايتد) nor shaped like an Arabic noun.
  return tokens.IsPlainWord(k) && !IsSportsWord(u) && !tokens.EndsFeminine(k) ? k + 1 : 0;
}

// In a sports text (SportsClubs), a club affix at token i (data/ner_sports.tsv: أولمبيك، دينامو،
// يونايتد، سيتي) and the place or name beside it are one club: [دينامو كييف]، [أس روما]، [شيفلد
// يونايتد]، [هال سيتي]. An affix before a name goes with the name after it; one after a name
// with the name before.
void ClubWithAffixAt(const NerTokens& tokens, size_t i, std::vector<Candidate>* clubs) {
  const NerToken& t = tokens[i];
  if (t.article || t.known >= 0) return;
  size_t first = i, end = 0;
  if (const size_t after = ClubAffixNeighbour(tokens, i + 1, false); after != 0) {
    end = after;  // أولمبيك مرسيليا: the affix opens the name (it may carry a proclitic)
  } else if (i > 0 && t.reading == 0 && ClubAffixNeighbour(tokens, i - 1, true) != 0) {
    first = i - 1;
    // A listed place of several words before the affix: from its first word.
    while (first > 0 && tokens[first].known >= 0 && !tokens[first].known_start) --first;
    end = i + 1;
  }
  if (end == 0) return;
  const int32_t priority =
      tokens.RulePriority(first, end, kOrg, kNerRulePriority, /*over_other_types=*/true);
  if (priority >= 0) clubs->push_back(tokens.MakeCandidate(kOrg, first, end, priority));
}

// In a sports text (a few sports words), a club whose name is an everyday word or a city
// (الأهلي، النصر، ليفربول) is the club wherever it stands as a noun: not after a definite noun
// it could describe (الشعر العربي) nor, when the name is a word, before a definite word that
// would describe it (النصر المؤزر). A listed city takes no adjective there: the one after it
// goes with the noun before it (محاولات ليفربول المستمرة، مباراة مانشستر السابقة). A country
// standing for its national team stays a place, as the news corpora tag it. The same pass reads
// clubs with affixes (ClubWithAffixAt) and unlisted clubs before their nationality adjective
// (UnlistedClubBeforeNationalityAt).
void SportsClubs(const NerTokens& tokens, std::vector<Candidate>* out) {
  if (!tokens.IsSportsText()) return;
  const size_t n = tokens.size();
  std::vector<Candidate> clubs;
  for (size_t i = 0; i < n; ++i) {
    const NerToken& t = tokens[i];
    if (!(t.reading_flags & kNerClubName)) {
      // A word no list knows before a nationality adjective (few words are).
      if (t.word && (t.flags | t.reading_flags | t.bare_flags) == 0 && i + 1 < n &&
          ((tokens[i + 1].flags | tokens[i + 1].bare_flags) & kNerDemonym)) {
        UnlistedClubBeforeNationalityAt(tokens, i, &clubs);
      }
      continue;
    }
    if (!t.word) continue;
    if (IsClubAffix(t.reading_flags)) {
      ClubWithAffixAt(tokens, i, &clubs);
      continue;
    }
    const bool known_place =
        t.known == static_cast<int8_t>(EntityType::kPlace) && t.known_start && t.known_end == i + 1;
    // Club words with sports flags (فريق، ضيفه، منتخب) are indefinite too: a bare club name no
    // list knows (شيفلد، ويجان) heads nothing, is longer than فريق, has no pronoun ending
    // (ضيفه، منافسه) and is no first word of a longer name (شيفلد يونايتد).
    if (t.known >= 0 && !known_place) continue;
    if (!t.article && !known_place &&
        ((t.reading_flags & kNerOrgHead) || tokens.Letters(i) < kMinBareClubLetters ||
         EndsWithPronounHa(tokens, i) || (i + 1 < n && tokens.IsPlainWord(i + 1)))) {
      continue;
    }
    // After a definite noun the word describes it (الشعر العربي، المنتخب الأفريقي), unless the
    // noun is a club word in apposition (النادي الأهلي، الفريق الإسماعيلي).
    if (i > 0 && t.reading == 0 && tokens[i - 1].word &&
        (tokens[i - 1].article || tokens[i - 1].clitic_article) &&
        (!IsSportsWord(tokens[i - 1]) || IsNationalTeamWord(tokens[i - 1].bare_flags))) {
      continue;
    }
    if (!known_place && i + 1 < n && tokens[i + 1].word && tokens[i + 1].article &&
        tokens[i + 1].known < 0 &&
        !((tokens[i + 1].flags | tokens[i + 1].bare_flags) & (kNerDemonym | kNerStop))) {
      continue;
    }
    const int32_t priority = known_place ? t.known_priority + 1 : kNerRulePriority;
    clubs.push_back(tokens.MakeCandidate(kOrg, i, i + 1, priority));
  }
  out->insert(out->end(), clubs.begin(), clubs.end());
}

// A listed name made of a descriptor and a listed organization (حركة حماس، وكالة رويترز) keeps
// the descriptor out, as the rules do for the names they find (شركة [موتورولا]): the listed
// organization inside takes over. Club words are left alone (نادي ريال مدريد): corpora differ
// on them. Names whose rest is no organization on its own (حركة فتح، قناة الجزيرة) stay whole.
void KeepDescriptorOutOfListedNames(const NerTokens& tokens, std::vector<Candidate>* out) {
  DropHeadWordWhereRestIsListed(tokens, kOrg, kNerOrgDescriptor, kNerClub, out);
}

// Words of a listed name's short form (الهلال in نادي الهلال).
constexpr size_t kMaxShortFormTokens = 2;
// Distinct short forms looked for in one document (each costs a scan of it).
constexpr size_t kMaxShortForms = 8;

// A listed organization named by a descriptor or club word and a definite name (نادي الهلال،
// قناة الجزيرة، صحيفة الحياة) is meant by that name alone elsewhere in the same document: the
// short form is the organization there too, where nothing else claims it. The name alone is an
// ordinary word (الهلال "the crescent"), so only the document's own use of the full name makes
// it one; an indefinite short form (فتح "opened") is left alone.
void ShortFormsOfListedNames(const NerTokens& tokens, std::vector<Candidate>* out) {
  const size_t n = tokens.size();
  std::vector<std::pair<size_t, size_t>> short_forms;  // token range of each full name's rest
  for (const Candidate& c : *out) {
    if (c.type != kOrg || c.priority < kBuiltinGazetteerPriority || c.end_token > n ||
        c.end_token < c.first_token + 2 || c.end_token > c.first_token + 1 + kMaxShortFormTokens) {
      continue;
    }
    const NerToken& head = tokens[c.first_token];
    if (head.article || !(head.reading_flags & (kNerOrgDescriptor | kNerClub)) ||
        !Definite(tokens, c.first_token + 1)) {
      continue;
    }
    // One scan of the document per distinct short form, and only a few of them.
    bool seen = false;
    for (const auto& [first, end] : short_forms) {
      seen = seen || (end - first == c.end_token - c.first_token - 1 &&
                      tokens.Key(first) == tokens.Key(c.first_token + 1) &&
                      tokens.Key(end - 1) == tokens.Key(c.end_token - 1));
    }
    if (!seen && short_forms.size() < kMaxShortForms) {
      short_forms.emplace_back(c.first_token + 1, c.end_token);
    }
  }
  if (short_forms.empty()) return;
  std::vector<Candidate> found;
  for (const auto& [first, end] : short_forms) {
    const size_t length = end - first;
    for (size_t j = 0; j + length <= n; ++j) {
      if (j == first || (j > 0 && tokens[j - 1].word &&
                         (tokens[j - 1].reading_flags & (kNerOrgDescriptor | kNerClub)))) {
        continue;  // the full name itself, or another full name
      }
      bool same = true;
      for (size_t m = 0; m < length && same; ++m) {
        same = tokens[j + m].word && tokens[j + m].known < 0 &&
               tokens.Key(j + m) == tokens.Key(first + m);
      }
      // The short form must stand alone, not start a longer phrase (الجزيرة العربية).
      if (!same || (j + length < n && tokens[j + length].article &&
                    !(tokens[j + length].flags & kNerStop))) {
        continue;
      }
      found.push_back(tokens.MakeCandidate(kOrg, j, j + length, kNerRulePriority));
    }
  }
  out->insert(out->end(), found.begin(), found.end());
}

// A company, agency or medium named after a listed person, right after its descriptor: شركة
// [بوش]، شركة [ديزني]. The descriptor says what the name stands for, so the organization
// outranks the person (returned: the priority it takes, or -1). Only heads that are no everyday
// phrase's (مجموعة، حركة are) and name no building after a person (مستشفى، مدرسة).
int32_t NamedAfterPersonPriority(const NerTokens& tokens, size_t head, size_t name_first) {
  const NerToken& t = tokens[head];
  if (name_first != head + 1 || name_first >= tokens.size() || t.article ||
      !(t.reading_flags & kNerOrgDescriptor) ||
      (t.reading_flags & (kNerOrgHeadWeak | kNerClub | kNerNamedAfter))) {
    return -1;
  }
  const NerToken& u = tokens[name_first];
  if (u.known != static_cast<int8_t>(EntityType::kPerson) || !u.known_start) return -1;
  return u.known_priority + 1;
}

// A listed club named by the definite club word and its name (النادي الأهلي) is the name
// alone: the two are in apposition, "the club, al-Ahly", and news annotation leaves the word
// out (النادي [الأهلي]). The name alone is listed nowhere, being an everyday word (الأهلي
// "national"): the full form finds it. In the construct نادي الزمالك the club word heads the
// name, as جريدة heads جريدة فلسطين, and stays. The club word is النادي, the definite one
// that heads a name (NerClub with NerOrgHeadDefinite).
void ClubWordOutOfListedClubs(const NerTokens& tokens, Candidate* c) {
  constexpr uint32_t kClubWord = kNerClub | kNerOrgHeadDefinite;
  const NerToken& head = tokens[c->first_token];
  if (c->end_token < c->first_token + 2 || !head.word || !head.article ||
      (head.bare_flags & kClubWord) != kClubWord || !Definite(tokens, c->first_token + 1)) {
    return;
  }
  ++c->first_token;
  c->begin = tokens.Begin(c->first_token);
}

// A listed club named by an everyday word and its nationality adjective (الهلال السعودي،
// الأهلي المصري: listed so because the word alone names no club outside sports text) is the
// word alone: the adjective describes the club, as after any organization that is a proper
// name by itself (الكونغرس الأمريكي، نادي بوردو الفرنسي), and as the news corpora tag clubs
// (the adjective outside). The listed form stays the canonical name.
void ClubAdjectiveOutOfListedClubs(const NerTokens& tokens, Candidate* c) {
  const NerToken& name = tokens[c->first_token];
  if (c->end_token != c->first_token + 2 || !name.word || !IsClubName(name.reading_flags) ||
      !IsMasculineDemonym(tokens, c->first_token + 1, /*inside_known=*/true)) {
    return;
  }
  --c->end_token;
  c->end = tokens.End(c->first_token);
}

// The listed clubs' forms the two functions above cut, in one pass over the candidates.
void ListedClubForms(const NerTokens& tokens, std::vector<Candidate>* out) {
  if (!tokens.AnyWordHas(kNerClub | kNerClubName)) return;  // most documents
  const size_t n = tokens.size();
  for (Candidate& c : *out) {
    if (c.type != kOrg || c.priority < kBuiltinGazetteerPriority ||
        c.priority >= kUserGazetteerPriority || c.end_token > n ||
        c.end_token < c.first_token + 2) {
      continue;
    }
    ClubWordOutOfListedClubs(tokens, &c);
    ClubAdjectiveOutOfListedClubs(tokens, &c);
  }
}

// Whether `flags` are a company's transliterated corporate word's (data class org_suffix:
// غروب، إنترناشونال، موتورز، إيرويز): kNerOrgAdjective with kNerOrgHeadWeak and no head or
// trigger of its own, a pair no other class has.
bool IsOrgSuffix(uint32_t flags) {
  constexpr uint32_t kSuffix = kNerOrgAdjective | kNerOrgHeadWeak;
  return (flags & (kSuffix | kNerOrgHead | kNerPlaceTrigger)) == kSuffix;
}

// Whether token i may be a word of the name before a corporate word: a word with no article,
// listed or not, that is no cue, stop word or verb.
bool MayNameCompany(const NerTokens& tokens, size_t i) {
  const NerToken& u = tokens[i];
  constexpr uint32_t kCue = kNerStop | kNerTime | kNerTitle | kNerRole | kNerVerb | kNerOrgHead |
                            kNerPlaceTrigger | kNerPlaceFeature | kNerPostTitle | kNerParticle;
  return u.word && !u.article && !u.clitic_article && (u.known >= 0 || !(u.flags & kCue));
}

// A company's name and the transliterated corporate word after it (class org_suffix) are one
// organization: « [برقوين غروب] »، [زيرونكا إنترناشونال]، [تويوتا موتورز]. The name is the one
// word before it, or two after punctuation or a head (شركة [برقوين تك سيستمز]; after anything
// else the first of two may be a verb or a noun: وأعلنت، على متن). A corporate word that
// is also an Arabic noun (غروب "sunset") in a construct with a definite word (قبيل غروب
// الشمس) is that noun.
void CompaniesWithCorporateWord(const NerTokens& tokens, std::vector<Candidate>* out) {
  if (!tokens.AnyWordHas(kNerOrgHeadWeak)) return;
  const size_t n = tokens.size();
  for (size_t s = 1; s < n; ++s) {
    const NerToken& t = tokens[s];
    if (!IsOrgSuffix(t.flags)) continue;  // first: the one test most tokens fail
    if (!t.word || t.article || t.conjunction || t.clitic_article || t.known >= 0) continue;
    if (s + 1 < n && tokens[s + 1].word && tokens[s + 1].article && !tokens[s + 1].nisba &&
        !((tokens[s + 1].flags | tokens[s + 1].bare_flags) & kNerDemonym)) {
      continue;
    }
    if (!MayNameCompany(tokens, s - 1)) continue;
    size_t first = s - 1;
    // A proclitic starts the name (و[تويوتا موتورز]); before it a second word only after a
    // boundary.
    if (tokens[first].reading == 0 && first >= 2 && MayNameCompany(tokens, first - 1) &&
        (tokens[first - 2].punct || (tokens[first - 2].word && !tokens[first - 2].article &&
                                     (tokens[first - 2].reading_flags & kNerOrgHead)))) {
      --first;
    }
    // A listed name is taken whole or not at all.
    if (tokens[first].known >= 0 && !tokens[first].known_start) continue;
    const int32_t priority = tokens.RulePriority(first, s + 1, kOrg, kNerRulePriority,
                                                 /*over_other_types=*/true);
    if (priority >= 0) out->push_back(tokens.MakeCandidate(kOrg, first, s + 1, priority));
  }
}

// Latin-script words an organization's original name in parentheses may have.
constexpr size_t kMaxLatinNameTokens = 6;

// The original Latin-script name in parentheses right after an organization's Arabic name
// (or after its closing quotation mark) is the same organization: شركة « نوفاتك »
// ( [Novatek] )، منظمة العفو الدولية ( [Amnesty International] ).
void LatinNamesInParentheses(const NerTokens& tokens, std::vector<Candidate>* out) {
  const Document& doc = tokens.doc();
  const size_t n = tokens.size();
  std::vector<Candidate> found;
  for (const Candidate& c : *out) {
    // Most names go on with a word: the punctuation test comes before any text is compared.
    if (c.type != kOrg || c.end_token >= n || !tokens[c.end_token].punct) continue;
    size_t open = c.end_token;
    if (doc.TokenText(open) != "(" && open + 1 < n) ++open;  // » or "
    if (open + 2 >= n || doc.TokenText(open) != "(") continue;
    size_t close = open + 1;
    while (close < n && close <= open + kMaxLatinNameTokens &&
           doc.tokens[close].kind == TokenKind::kLatinWord) {
      ++close;
    }
    if (close == open + 1 || close >= n || doc.TokenText(close) != ")") continue;
    const int32_t priority =
        tokens.RulePriority(open + 1, close, kOrg, kNerRulePriority, /*over_other_types=*/true);
    if (priority >= 0) found.push_back(tokens.MakeCandidate(kOrg, open + 1, close, priority));
  }
  out->insert(out->end(), found.begin(), found.end());
}

// Whether a لـ phrase at token k (IsLamComplement, IsLamConstruct) may go on a name that is a
// proper name or a place (معهد كارنيغي [للتكنولوجيا]): not one the preposition في follows,
// a purpose the clause states (دعت بلدية الخليل للمشاركة في حملة), nor a sound plural of
// people, a verb's object (للصحفيين).
bool LamPhraseOfName(const NerTokens& tokens, size_t k, size_t limit) {
  if (k >= limit) return false;
  size_t after = 0;
  if (IsLamComplement(tokens, k)) {
    after = k + 1;
  } else if (k + 2 <= limit && IsLamConstruct(tokens, k)) {
    after = k + 2;
  } else {
    return false;
  }
  if (tokens.EndsLikeSoundPlural(k)) return false;
  return after >= tokens.size() ||
         (tokens[after].flags & (kNerEvent | kNerEventVenue)) != kNerEventVenue;
}

// How far a name headed at token i has been read (OrgRules::Propose): the next token, where
// the span starts and what the last part read was.
struct OrgNameReading {
  size_t k = 0;               // the next token to read
  size_t name_first = 0;      // where the span starts: after a descriptor, at the proper name
  bool place_inside = false;  // a descriptor and a listed place: منتخب مصر
  // The complement ends with a definite word of its own (وزارة التجارة), not a known name.
  bool definite_complement = false;
  bool known_adjective_end = false;  // a known name ending in an adjective: الجامعة العربية
  // The head starts a listed name of one word or ending in an indefinite proper name
  // (الكونغرس، جامعة هارفارد), not in a definite common noun (مجلس الشيوخ): a nationality
  // adjective after it only describes it.
  bool known_proper_name = false;
  // The name so far is a proper name or a place under a head that stays in the span (معهد
  // كارنيغي، مؤسسة قطر): a لـ phrase may follow it as it follows an adjective.
  bool lam_after_name = false;
  std::vector<size_t>* ends = nullptr;  // where the name may end, in order (cleared by the caller)
};

// A known name (مجلس الأمن) at head i that adjectives may extend: false when it takes none.
bool ReadKnownName(const NerTokens& tokens, size_t i, OrgNameReading* r) {
  const NerToken& t = tokens[i];
  const size_t n = tokens.size();
  size_t& k = r->k;
  bool& definite_complement = r->definite_complement;
  bool& known_adjective_end = r->known_adjective_end;
  k = t.known_end;  // a known name (مجلس الأمن) that adjectives may extend
  definite_complement = k < n && k >= i + 2 && tokens[k - 1].article;
  // A known name ending in an adjective (الجامعة العربية) goes on as after an adjective.
  if (definite_complement && (tokens[k - 1].nisba || (tokens[k - 1].flags & kNerOrgAdjective))) {
    definite_complement = false;
    known_adjective_end = true;
  }
  r->known_proper_name = k == i + 1 || !tokens[k - 1].article;
  // A listed name made of a descriptor or club word and its proper name (نادي بوردو،
  // صحيفة الأهرام) takes no nationality adjective: it describes the organization, as after
  // a name the rules find (نادي [بوردو] الفرنسي، صحيفة [الأهرام] المصرية).
  if (!t.article && (t.reading_flags & (kNerOrgDescriptor | kNerClub)) && k < n &&
      ((tokens[k].flags | tokens[k].bare_flags) & kNerDemonym)) {
    return false;
  }
  return true;
}

// The complement of an indefinite head i (شركة موتورولا، وزارة التجارة، جريدة فلسطين), read up
// to `limit`: false when what follows names nothing.
bool ReadIndefiniteComplement(const NerTokens& tokens, size_t i, size_t limit, OrgNameReading* r) {
  const NerToken& t = tokens[i];
  const size_t n = tokens.size();
  std::vector<size_t>& ends = *r->ends;
  size_t& k = r->k;
  size_t& name_first = r->name_first;
  bool& place_inside = r->place_inside;
  bool& definite_complement = r->definite_complement;
  bool definite_end = false;
  size_t indefinite = 0;
  // منتخب قوي، منتخب الشباب، منتخب بلاده: no country, no name.
  if (IsNationalTeamWord(t.reading_flags) && (k >= n || tokens[k].known < 0)) return false;
  while (k < limit) {
    const NerToken& u = tokens[k];
    if (u.known >= 0) {
      if (u.known_start) {
        k = u.known_end;  // جامعة القاهرة، مؤسسة محمد بن راشد
        definite_end = true;
      }
      break;
    }
    if (tokens.EndsPhrase(k)) break;
    if (u.article) {
      if (u.flags & (kNerTitle | kNerRole)) break;
      // After a proper name a nationality adjective describes the organization: no
      // construct's definite end (صحيفة نيراكو الفرنسية).
      if (indefinite > 0 && (t.reading_flags & kNerOrgDescriptor) &&
          ((u.flags | u.bare_flags) & kNerDemonym)) {
        break;
      }
      ++k;
      definite_end = true;
      definite_complement = true;
      break;
    }
    // An indefinite accusative (عقدا، جديدا) after the name is the verb's object.
    if (indefinite == kMaxIndefiniteComplement ||
        (indefinite > 0 && EndsWithTanweenAlef(tokens, k))) {
      break;
    }
    if (!tokens.IsPlainWord(k) && !(u.reading_flags & kNerOrgHead)) break;
    ++k;
    ++indefinite;
  }
  if (k == i + 1) return false;
  const bool proper_name = !definite_end || (tokens[i + 1].known >= 0 && !tokens[i + 1].article);
  // Without a definite end the complement must be a proper name standing by itself
  // (شركة ماكينزي ،), not the start of a longer common-noun phrase.
  // A non-descriptor head's proper name may go on with the لـ phrase that says what the
  // institution is for (معهد كارنيغي للتكنولوجيا).
  const bool lam_next = LamPhraseOfName(tokens, k, limit);
  if (!definite_end && !tokens.EndsPhrase(k) && !IsAdjective(tokens, k) &&
      !EndsWithTanweenAlef(tokens, k) && !(lam_next && !(t.reading_flags & kNerOrgDescriptor))) {
    return false;
  }
  // A lone indefinite noun or adjective after the head describes it: شركة معينة، مجلة
  // أسبوعية، شركة سيارات.
  if (!definite_end && k == i + 2 && tokens[i + 1].known < 0 && tokens.EndsFeminine(i + 1)) {
    return false;
  }
  // Nor does an indefinite adjective or participle start a name, whatever follows it:
  // جمعية خيرية صغيرة، منظمة مستقلة تعمل، صندوق مصنوع من الخشب.
  if (!definite_end && tokens[i + 1].known < 0 && tokens.IsAdjectiveShaped(i + 1)) return false;
  // Nor does a relational adjective, whatever follows it: حزب إسلامي التوجه.
  if (IsIndefiniteRelationalAdjective(tokens, i + 1)) return false;
  // A descriptor before a proper name is not part of it: شركة [موتورولا], حركة [حماس];
  // before a listed place it is: the newspaper, team or club named after the place is one
  // organization (جريدة فلسطين، منتخب مصر، نادي ليفربول).
  // A word going on after the place names something else: شركة قطر غاز.
  place_inside = (t.reading_flags & kNerOrgDescriptor) &&
                 tokens[i + 1].known == static_cast<int8_t>(EntityType::kPlace) &&
                 tokens[i + 1].known_start && tokens[i + 1].known_end == k &&
                 (k >= n || tokens[k].reading != 0 || !tokens.IsPlainWord(k) ||
                  EndsWithTanweenAlef(tokens, k));
  if (proper_name && (t.reading_flags & kNerOrgDescriptor) && !place_inside) {
    name_first = i + 1;
    if (tokens[i + 1].known == static_cast<int8_t>(kOrg)) return false;  // known already
  }
  // Under a head that stays in the name, a proper name or a place may take a لـ phrase:
  // معهد كارنيغي [للتكنولوجيا]، مؤسسة قطر [للتربية]. A brand after a descriptor stands alone
  // (شركة [سنابل] للبرمجيات), and a لـ phrase of people is the verb's object (قدمت جامعة
  // هارفارد للطلاب).
  r->lam_after_name = name_first == i && (proper_name || place_inside) && lam_next;
  ends.push_back(k);
  return true;
}

// The adjectives, coordinated member and لـ complement that extend a name headed at token i,
// up to `limit`, each a possible end.
void ReadNameExtensions(const NerTokens& tokens, size_t i, size_t limit, OrgNameReading* r) {
  std::vector<size_t>& ends = *r->ends;
  size_t& k = r->k;
  size_t& name_first = r->name_first;
  bool& place_inside = r->place_inside;
  bool& definite_complement = r->definite_complement;
  bool& known_adjective_end = r->known_adjective_end;
  bool adjective_before = false;
  bool lam_used = false;
  bool coordinated = false;
  bool demonym_before = false;  // the last adjective is a nationality's: no member after it
  const size_t lam_after_name_at = k;  // where a لـ phrase may follow the name itself
  while (k < limit) {
    // One coordinated member after the definite complement or an adjective; after a known
    // name that ends in an adjective, an adjective only (الجامعة العربية والتنسيق مع ...: the
    // noun starts the clause's next phrase).
    if ((!coordinated || lam_used) &&
        (definite_complement || known_adjective_end || (adjective_before && !demonym_before)) &&
        (!place_inside || lam_used) && name_first == i &&
        IsCoordinatedMember(tokens, k, lam_used) &&
        (!known_adjective_end || EndsLikeNisba(tokens, k) ||
         (tokens[k].reading_flags & kNerOrgAdjective))) {
      ++k;
      ends.push_back(k);
      coordinated = true;
      // After a لـ phrase the fields may go on: للتربية والثقافة [والعلوم].
      definite_complement = lam_used;
      continue;
    }
    definite_complement = false;
    known_adjective_end = false;
    // A nationality adjective after a proper name its descriptor announced describes the
    // organization; it is no part of the name (صحيفة الأهرام المصرية، نادي بوردو الفرنسي).
    if ((name_first != i || place_inside || r->known_proper_name) &&
        ((tokens[k].flags | tokens[k].bare_flags) & kNerDemonym)) {
      break;
    }
    if (IsAdjective(tokens, k)) {
      demonym_before = ((tokens[k].flags | tokens[k].bare_flags) & kNerDemonym) != 0;
      ++k;
      ends.push_back(k);
      adjective_before = true;
      continue;
    }
    const bool lam_allowed = adjective_before || (r->lam_after_name && k == lam_after_name_at);
    if (lam_allowed && !lam_used && IsLamComplement(tokens, k)) {
      ++k;
      ends.push_back(k);
      lam_used = true;
      adjective_before = false;
      definite_complement = true;  // a member may follow: للتربية [والعلوم]
      continue;
    }
    if (lam_allowed && !lam_used && k + 2 <= limit && IsLamConstruct(tokens, k)) {
      k += 2;
      ends.push_back(k);
      lam_used = true;
      adjective_before = false;
      definite_complement = true;  // a member may follow: لعلوم الفضاء [والفلك]
      continue;
    }
    break;
  }
}

}  // namespace

void OrgRules::Propose(const Document& doc, const Options& options,
                       std::vector<Candidate>* out) const {
  if (doc.tokens.empty()) return;
  const NerTokens tokens(doc, *lexicon_, *out);
  const size_t n = tokens.size();
  KeepDescriptorOutOfListedNames(tokens, out);
  ClubsNamedAfterPlaces(tokens, out);
  SportsClubs(tokens, out);
  ShortFormsOfListedNames(tokens, out);
  ListedClubForms(tokens, out);
  std::vector<size_t> ends;
  // Only the tokens the view lists may head a name (OrgHeadAt()); most are other rules' starts.
  for (const size_t i : tokens.RuleStarts()) {
    const NerToken& t = tokens[i];
    if (!OrgHeadAt(t)) continue;
    const bool indefinite_head = (t.reading_flags & kNerOrgHead) && !t.article;
    const bool known_head = t.known == static_cast<int8_t>(kOrg) && t.known_start;
    if (t.known >= 0 && !known_head) continue;

    // A descriptor before a quoted name: the quoted words are the name, whatever they are
    // (صحيفة « السفير »، شركة « إل جي »).
    if (indefinite_head && (t.reading_flags & kNerOrgDescriptor)) {
      if (const size_t end = QuotedNameEnd(tokens, i + 1); end != 0) {
        const int32_t priority = tokens.RulePriority(i + 2, end, kOrg, kNerRulePriority,
                                                     /*over_other_types=*/true);
        if (priority >= 0) out->push_back(tokens.MakeCandidate(kOrg, i + 2, end, priority));
        continue;
      }
    }
    ends.clear();
    OrgNameReading r;
    r.ends = &ends;
    r.name_first = i;
    r.k = i + 1;
    const size_t limit = std::min(n, i + kMaxOrgTokens);
    if (known_head) {
      if (!ReadKnownName(tokens, i, &r)) continue;
    } else if (indefinite_head) {
      if (!ReadIndefiniteComplement(tokens, i, limit, &r)) continue;
    } else if (r.k >= n || !(tokens[r.k].flags & kNerOrgAdjective) || !IsAdjective(tokens, r.k)) {
      // الاتحاد alone is a common noun, and so is الجيش اللبناني; الاتحاد الأوروبي is a name.
      continue;
    }
    ReadNameExtensions(tokens, i, limit, &r);
    // Heads of everyday phrases (مجلس الإدارة، لجنة التحقيق) name an organization only with a
    // longer name (مجلس الأمن القومي) or a known name inside (مجلس محافظة بغداد).
    // A definite head already needs a listed adjective (المجلس الوطني، الاتحاد الأوروبي).
    const bool weak = indefinite_head && !known_head && (t.reading_flags & kNerOrgHeadWeak);
    const int32_t company_priority = NamedAfterPersonPriority(tokens, i, r.name_first);
    for (size_t end : ends) {
      int32_t priority = tokens.RulePriority(r.name_first, end, kOrg, kNerRulePriority,
                                             /*over_other_types=*/true);
      if (priority < 0 && company_priority >= 0 && end == tokens[r.name_first].known_end) {
        priority = company_priority;
      }
      if (priority < 0) continue;
      if (weak && end - r.name_first < kMinWeakHeadTokens && priority == kNerRulePriority) continue;
      out->push_back(tokens.MakeCandidate(kOrg, r.name_first, end, priority));
    }
  }
  CompaniesWithCorporateWord(tokens, out);
  LatinNamesInParentheses(tokens, out);
}

}  // namespace kashif::internal
