#include "match/ner/person_matcher.h"

#include <algorithm>
#include <iterator>

#include "absl/base/attributes.h"
#include "absl/container/inlined_vector.h"
#include "match/gazetteer.h"
#include "match/ner/org_rules.h"
#include "text/strings.h"

namespace kashif::internal {
namespace {

constexpr EntityType kPer = EntityType::kPerson;
// A name has at most this many parts after its first (particles and initials included).
constexpr size_t kMaxNameParts = 8;  // حمدان بن محمد بن راشد آل مكتوم
// A title and its complement before the name: at most this many tokens.
constexpr size_t kMaxTitleComplement = 5;
// Words of an unknown name after a reporting verb (وقال علي أصغر سلطانية مندوب ...).
constexpr size_t kMaxReportedNameWords = 3;
// Words of a quoted name after a title (الإمبراطور " هوانج تي ").
constexpr size_t kMaxQuotedPersonWords = 3;
// Letters of the syllable after a hyphen inside a name (كيم جونغ - ايل).
constexpr uint32_t kMaxHyphenSyllableLetters = 3;

// The article as written: plain alef and lam.
constexpr std::string_view kWrittenArticle = "\xD8\xA7\xD9\x84";
// Alef with hamza and lam (أل، إل): the start of a word like ألونسو or ألقى, which the match
// form folds to a definite-looking one; the article's alef carries no hamza.
constexpr std::string_view kHamzaAlefLam[] = {"\xD8\xA3\xD9\x84", "\xD8\xA5\xD9\x84"};

// Whether token i is definite as written, not only in its folded match form.
bool Definite(const NerTokens& tokens, size_t i) {
  if (!tokens[i].article) return false;
  const std::string_view text = tokens.doc().text.substr(tokens.Begin(i), 4);
  return text != kHamzaAlefLam[0] && text != kHamzaAlefLam[1];
}

bool IsGivenFlags(uint32_t flags) { return (flags & kNerGivenName) != 0; }
bool IsGiven(const NerToken& t) { return IsGivenFlags(t.flags); }

bool StartsWithLam(std::string_view key) { return key.substr(0, 2) == "\xD9\x84"; }
// است starts the tenth verb form (استطاع، استقبل), no foreign name.
bool StartsWithTenthForm(std::string_view key) {
  return key.substr(0, 6) == "\xD8\xA7\xD8\xB3\xD8\xAA";
}
// م starts the participles (محاصر، مقدم) that follow a name as the clause goes on.
bool StartsWithMeem(std::string_view key) { return key.substr(0, 2) == "\xD9\x85"; }
bool EndsWithYa(std::string_view key) {
  return key.size() >= 2 && key.substr(key.size() - 2) == "\xD9\x8A";  // ي
}
bool EndsWithTehMarbuta(std::string_view text) {
  return text.size() >= 2 && text.substr(text.size() - 2) == "\xD8\xA9";  // ة
}

// Whether token k has the shape of a common word a title is followed by as the clause goes on.
bool CommonWordShape(const NerTokens& tokens, size_t k);
// Whether token k is a common word with a preposition, or carries tanween (see below).
bool PrepositionOnCommonWord(const NerTokens& tokens, size_t k);
bool PronounOnMasdar(std::string_view key);
bool IsDerivedMasdar(std::string_view key);
bool EndsWithAny(std::string_view s, std::initializer_list<std::string_view> endings);

// Whether token k is the preposition ب or ل on a noun with its pronoun (لقومه، بأبيه،
// لزملائها، لأنصارهم): a word the clause goes on with, never a name part. The written form must
// have a reading with the one-letter proclitic set aside, and the pronoun ه must follow a
// consonant (PronounOnNoun: foreign names end in يه).
bool PrepositionAndPronoun(const NerTokens& tokens, size_t k);

// The text of the family particle آل (آل سعود), which ends a chain of name parts.
constexpr std::string_view kFamilyParticle = "\xD8\xA2\xD9\x84";

// Whether the ambiguous given name at token i (علي, which على is also written as) is the
// preposition: after a name part that is no Arabic given name (جوزيه علي فريقه، تيم سيباستيان
// علي ذلك) Arabic names do not go on with علي.
bool AliIsPreposition(const NerTokens& tokens, size_t i) {
  const NerToken& t = tokens[i];
  if (!IsGivenFlags(t.flags) || t.known >= 0 || !(t.flags & kNerStop)) return false;
  const NerToken& prev = tokens[i - 1];
  return prev.known < 0 &&
         (!(prev.reading_flags & kNerGivenName) || (prev.reading_flags & kNerForeignName));
}

bool EndsSubject(const NerTokens& tokens, size_t k);

// Letters a family name read whole after a foreign given name needs.
constexpr size_t kMinWholeSurnameBytes = 2 * 4;

// Whether token i, read whole, may be the family name after a foreign given name: an Arabic
// word of five letters or more, no reading of which the lexicons know, that seems to carry a
// proclitic (the usual reading would refuse it), ends in no ة, and ends the subject.
bool UnknownForeignSurname(const NerTokens& tokens, size_t i) {
  const Document& doc = tokens.doc();
  const NerToken& t = tokens[i];
  if (!t.word || t.known >= 0 || !(t.reading != 0 || t.conjunction || t.clitic_article) ||
      doc.tokens[i].kind != TokenKind::kArabicWord ||
      !tokens.lexicon().KnowsNoReading(doc.analyses[i])) {
    return false;
  }
  const std::string_view text = doc.TokenText(i);
  return text.size() >= kMinWholeSurnameBytes && !EndsWithTehMarbuta(text) &&
         !tokens.EndsWithPronoun(i) && EndsSubject(tokens, i + 1);
}

// Whether the indefinite word at i is shaped like a participle no family name has: مفاعل or
// مفعول (tokens.IsAdjectiveShaped: محايد، مصنوع) or متفاعل (مترابط، متنافس). Given names of
// these shapes (مبارك، محمود) are listed and never asked about.
ABSL_ATTRIBUTE_NOINLINE bool ParticipleShape(const NerTokens& tokens, size_t i) {
  if (tokens.IsAdjectiveShaped(i)) return true;
  std::string_view key = tokens.Key(i);
  if (tokens.EndsWithAlef(i)) key.remove_suffix(2);  // the accusative: مترابطا
  constexpr std::string_view kMeemTeh = "\xD9\x85\xD8\xAA", kAlef = "\xD8\xA7";
  return key.size() == 6 * 2 && StartsWith(key, kMeemTeh) && key.substr(6, 2) == kAlef;
}

// What may follow the name parts so far.
enum class Next {
  kAnyPart,        // after a given name, a particle's name or an initial: any name word
  kFamilyArticle,  // after an unknown first name a title announced: only a family name with
                   // the article (الدكتورة نجاح العطار), not another unknown word (لمدة)
  kNamesOnly,  // after a family name or a known person: given names, particles, initials
};

// A name has at most one end per part, and one for a known first part and a regnal number:
// kept inline, no allocation per name.
using Ends = absl::InlinedVector<size_t, kMaxNameParts + 2>;

// Whether the word at i, no given name and no known name, is the clause going on after the
// `parts` name parts before it rather than another name part.
bool ClauseGoesOn(const NerTokens& tokens, size_t i, size_t parts, bool given,
                  bool after_particle) {
  const NerToken& t = tokens[i];
  if (given || t.known >= 0) return false;
  const size_t n = tokens.size();
  const NerToken& prev = tokens[i - 1];
  // A short indefinite accusative (ردا، عاما، جدا) is the clause going on, not a name part,
  // and so is a feminine noun after the preposition ل (لينوس لكتابة; not ليندكفيست).
  // After a foreign given name, a short word ending in alef that no lexicon knows is the
  // family name (فيليبي ماسا، إميلي لوا).
  const bool foreign_alef_surname = prev.known < 0 && (prev.reading_flags & kNerForeignName) &&
                                    !(prev.reading_flags & kNerParticle) &&
                                    tokens.lexicon().KnowsNoReading(tokens.doc().analyses[i]);
  if (!t.article && tokens.Letters(i) <= 4 && tokens.EndsWithAlef(i) && !foreign_alef_surname) {
    return true;
  }
  if (tokens.doc().analyses[i].reading_count > 1 && StartsWithLam(tokens.Key(i)) &&
      EndsWithTehMarbuta(tokens.doc().TokenText(i))) {
    return true;
  }
  // A preposition on a common noun (لشرح، بارتكاب، لتدريبات) or a word with tanween (مستشاراً)
  // is the clause going on: عبد الحفيظ لشرح، صدام بارتكاب. So is a preposition on a noun with
  // its pronoun: قال [موسى] لقومه، دعا [يوسف] بأبيه.
  if (!after_particle &&
      (PrepositionOnCommonWord(tokens, i) || HasTanween(tokens.doc().TokenText(i)) ||
       PrepositionAndPronoun(tokens, i))) {
    return true;
  }
  // A word of a common word's shape (CommonWordShape: a participle متفعل or مستفعل, a derived
  // verbal noun, an accusative: صالح زكريا مستشارا) is the clause going on after an Arab given
  // name or two name parts, and after two name parts a participle مفاعل، مفعول or متفاعل too
  // (سهيل بن عمرو مفاوض، سالم مسعود مترابط). Not a feminine plural: Levantine family names end
  // in ات (جرادات، عبيدات); nor, after one foreign given name, a word ending in alef (ماسا).
  const bool arab_given = prev.known < 0 && (prev.reading_flags & kNerGivenName) &&
                          !(prev.reading_flags & kNerForeignName);
  if ((parts >= 1 || arab_given) && !after_particle && !t.article &&
      !EndsWithAny(tokens.Key(i), {"\xD8\xA7\xD8\xAA"})) {
    if (CommonWordShape(tokens, i)) return true;
    // An indefinite accusative after an Arab given name: وطلب موسى نموذجا، عين خالد مدربا.
    if (arab_given && tokens.EndsWithAlef(i)) return true;
    if (parts >= 1 && ParticipleShape(tokens, i)) return true;
  }
  // After two name parts, an unknown indefinite feminine noun is the clause going on (شيرين
  // عادل مرتدية، محمد فاضل مصادفة): family names of that shape are rare there.
  if (parts >= 1 && !after_particle && !t.article &&
      EndsWithTehMarbuta(tokens.doc().TokenText(i))) {
    return true;
  }
  // After two name parts, an unknown three-letter word before a definite noun is a past verb
  // or a noun in construct, the clause going on: سهيل ادريس [نشر] الرواية، محمد عبد الله
  // [نجم] الفريق. Before a definite given name it is a compound name's first part (شمس الدين).
  if (parts >= 1 && !after_particle && !t.article && tokens.Letters(i) == 3 && i + 1 < n &&
      tokens[i + 1].article && !tokens[i + 1].conjunction && tokens[i + 1].known < 0 &&
      !IsGiven(tokens[i + 1])) {
    return true;
  }
  // So is one before a quoted title, its object: سهيل ادريس [نشر] " أولاد حارتنا ".
  if (parts >= 1 && !after_particle && !t.article && tokens.Letters(i) == 3 &&
      QuotedNameEnd(tokens, i + 1) > 0) {
    return true;
  }
  // A definite common noun that a relational adjective of its own follows is the clause going
  // on (جدد ابن سهلان السور الخارجي): a family name with the article takes no such adjective,
  // and a nationality after a name describes the person (محمد الفايد المصري).
  if (i + 1 < n && tokens[i + 1].nisba && !t.nisba && parts > 0 && !after_particle &&
      Definite(tokens, i) && tokens[i + 1].known < 0 && !tokens[i + 1].conjunction &&
      !((tokens[i + 1].flags | tokens[i + 1].bare_flags) & kNerDemonym) &&
      !IsGiven(tokens[i + 1])) {
    return true;
  }
  return false;
}

// The possible ends of a name whose first part is token `first`: each end is one past a name
// part. So "الرئيس ترامب الرئيسي" stops at ترامب and "السيد ديمترييف لمدة" at ديمترييف.
Ends NameEnds(const NerTokens& tokens, size_t first, bool titled) {
  Ends ends;
  const size_t n = tokens.size();
  size_t i = first + 1;
  Next next = Next::kNamesOnly;
  if (tokens[first].known >= 0) {
    i = tokens[first].known_end;
    if (i > first + 1) ends.push_back(i);
  } else if (tokens[first].reading_flags & kNerGivenName) {
    next = Next::kAnyPart;
  } else if (titled) {
    next = Next::kFamilyArticle;
  }
  // The word right after a particle (عبد [الرحيم]) is a name part like a given name.
  bool after_particle = tokens[first].known < 0 && (tokens[first].reading_flags & kNerParticle);
  size_t parts = 0;
  while (i < n && parts < kMaxNameParts) {
    const NerToken& t = tokens[i];
    if (tokens.IsInitial(i)) {
      // The initial of a family name the text withholds may close the name: أوقفت الشرطة
      // [محمد ب.] ( 29 سنة ). Right after a given name only.
      if (parts == 0 && tokens[first].known < 0 && (tokens[first].reading_flags & kNerGivenName)) {
        ends.push_back(i + 2);
      }
      if (i + 2 < n && tokens.IsNameWord(i + 2)) {
        i += 2;  // the initial and its period; the name word comes next
        next = Next::kAnyPart;
        ++parts;
        continue;
      }
      break;
    }
    if ((t.flags & kNerParticle) && !t.conjunction && i + 1 < n &&
        tokens.IsNameWord(i + 1, /*after_particle=*/true) && !tokens.KnownOther(i, kPer) &&
        tokens[i + 1].known < 0) {
      const bool family = tokens.doc().TokenText(i) == kFamilyParticle;
      i += 2;
      ends.push_back(i);
      if (family) break;  // the family closes the name: ... آل سعود
      parts += 2;
      next = Next::kAnyPart;  // عبد العزيز بوتفليقة
      continue;
    }
    // A hyphen before a short syllable inside a Korean or Chinese name: كيم جونغ - ايل.
    if (t.punct && parts > 0 && i + 1 < n && tokens.doc().TokenText(i) == "-" &&
        tokens[i + 1].known < 0 && !IsGiven(tokens[i + 1]) && tokens.IsNameWord(i + 1) &&
        tokens.Letters(i + 1) <= kMaxHyphenSyllableLetters) {
      i += 2;
      ends.push_back(i);
      ++parts;
      next = Next::kNamesOnly;
      continue;
    }
    // A known person after the particle: راشد بن [محمد بن راشد آل مكتوم].
    if ((t.flags & kNerParticle) && !t.conjunction && i + 1 < n && t.known < 0 &&
        tokens[i + 1].known == static_cast<int8_t>(kPer) && tokens[i + 1].known_start) {
      i = tokens[i + 1].known_end;
      ends.push_back(i);
      parts += 2;
      next = Next::kNamesOnly;
      continue;
    }
    // Two particles in a row: بن عبد الكريم، بن أبي طالب.
    if ((t.flags & kNerParticle) && !t.conjunction && i + 2 < n &&
        (tokens[i + 1].flags & kNerNameStart) &&
        tokens.IsNameWord(i + 2, /*after_particle=*/true) && tokens[i + 2].known < 0) {
      i += 3;
      ends.push_back(i);
      parts += 3;
      next = Next::kAnyPart;
      continue;
    }
    // A regnal number closes the name: الحسن الثاني، ألفونسو الثالث عشر.
    if ((t.flags & kNerOrdinal) && t.article && next != Next::kNamesOnly) {
      ++i;
      if (i < n && (tokens[i].flags & kNerOrdinal) && !tokens[i].article) ++i;  // عشر
      ends.push_back(i);
      break;
    }
    // A nationality adjective right after a given name is a family name: فيصل السويدي،
    // محمد المصري (masculine singular only; الأمريكية or الأمريكيين describe something else);
    // without the article only where the subject ends after it (محمد حجازي إن, not مغربي
    // الأصل).
    if (next == Next::kAnyPart && t.known < 0 && !t.conjunction && t.reading == 0 &&
        (t.article || EndsSubject(tokens, i + 1)) && ((t.flags | t.bare_flags) & kNerDemonym) &&
        !(t.flags & kNerStop) && EndsWithYa(tokens.Key(i))) {
      ++i;
      ends.push_back(i);
      ++parts;
      next = Next::kNamesOnly;
      continue;
    }
    const NerToken& prev = tokens[i - 1];
    const bool after_foreign_male = prev.known < 0 && (prev.reading_flags & kNerForeignName) &&
                                    !(prev.reading_flags & kNerFemale);
    // After a foreign given name, a word no reading of which is known and that ends the subject
    // is the family name as written, whatever proclitic it seems to carry: كريستوفر والكين،
    // خوان بالاسيوس (not و + ال + كين, ب + ال + اسيوس).
    if (next == Next::kAnyPart && prev.known < 0 && (prev.reading_flags & kNerForeignName) &&
        UnknownForeignSurname(tokens, i)) {
      ++i;
      ends.push_back(i);
      ++parts;
      next = Next::kNamesOnly;
      continue;
    }
    // A proclitic و starts the next name of a list (ميشيل سالغادو و[روبرتو كارلوس]), even when
    // the word after it is a known person.
    if (t.conjunction && !after_particle) break;
    if (!tokens.IsNameWord(i, after_particle, after_foreign_male)) break;
    if (AliIsPreposition(tokens, i)) break;
    const bool given = IsGiven(t) && t.known < 0;
    // Foreign given names take no family name with the Arabic article: after one, a definite
    // word is the clause going on (ورفض جوزيه الإفصاح), unless it is shaped like a family nisba
    // (بيار الجميلي is rarer than ميشال المعلوف, but both are Arab names after all: only the
    // nisba ending is evidence enough).
    if (!given && t.known < 0 && Definite(tokens, i) && !t.nisba && prev.known < 0 &&
        (prev.reading_flags & kNerForeignName) && !(prev.reading_flags & kNerParticle)) {
      break;
    }
    // A given name that is also an office (أمين) before a definite noun is that office in
    // construct after the name: جان بيير أمين المتحف (also when the name read starts at بيير).
    if (given && (parts > 0 || (first > 0 && IsGiven(tokens[first - 1]))) && (t.flags & kNerRole) &&
        i + 1 < n && Definite(tokens, i + 1)) {
      break;
    }
    // A given name does not follow a definite first name (الشيخ الخراساني أمين المجمع: أمين is
    // his office); a particle does (الإمام الحسين بن علي).
    if (given && parts == 0 && !after_particle && tokens[first].article &&
        tokens[first].known < 0) {
      break;
    }
    if (ClauseGoesOn(tokens, i, parts, given, after_particle)) break;
    // A foreign name has a middle name the lists lack as often as not: after a foreign given
    // name and one unknown word, a third unknown word that ends the subject or looks foreign is
    // the family name (فرانكلين ديلانو روزفلت، فيليب دوست بلازي).
    const bool foreign_third =
        parts == 1 && tokens[first].known < 0 && (tokens[first].reading_flags & kNerForeignName) &&
        !Definite(tokens, i) &&
        (t.foreign_suffix ||
         (EndsSubject(tokens, i + 1) && !tokens.EndsWithAlef(i) && !EndsWithYa(tokens.Key(i)) &&
          !StartsWithMeem(tokens.Key(i)) && !StartsWithTenthForm(tokens.Key(i))));
    // A given name with the article after a name is its family name, as Gulf families are
    // written without آل (محمد بن زايد النهيان، صباح الأحمد الصباح), unless the word is also an
    // office, a title or an everyday word (عمرو موسى الأمين العام).
    constexpr uint32_t kNotFamily = kNerAmbiguousName | kNerStop | kNerTitle | kNerRole | kNerVerb |
                                    kNerOrgHead | kNerDemonym | kNerTime;
    const bool family_given = t.known < 0 && Definite(tokens, i) && !t.conjunction &&
                              (t.bare_flags & kNerGivenName) && !(t.bare_flags & kNotFamily) &&
                              !(t.flags & kNotFamily);
    // An Arab name has three parts as often as two: after an Arab given name and his father's
    // name the lists lack, a definite masculine nisba that ends the subject is the family name
    // (محمد مقلد المريخي ،), not a word of the clause; a nationality describes him instead.
    const bool arab_family_nisba =
        parts == 1 && t.nisba && t.known < 0 && !t.conjunction && EndsWithYa(tokens.Key(i)) &&
        tokens[first].known < 0 && IsGiven(tokens[first]) &&
        !(tokens[first].reading_flags & kNerForeignName) &&
        !((t.flags | t.bare_flags) & kNerDemonym) && EndsSubject(tokens, i + 1);
    if (!given && t.known < 0 && !after_particle && !foreign_third && !family_given &&
        !arab_family_nisba) {
      if (next == Next::kNamesOnly) break;
      if (next == Next::kFamilyArticle && !t.article) break;
    }
    // A known person that started before this token cannot be continued.
    if (t.known >= 0 && !t.known_start) break;
    ++i;
    if (t.known >= 0) i = t.known_end;
    ends.push_back(i);
    ++parts;
    next = given || after_particle ? Next::kAnyPart : Next::kNamesOnly;
    after_particle = false;
  }
  return ends;
}

// Whether token k ends the subject noun phrase before it: punctuation, a function word, a
// relative pronoun, a word with a conjunction, or the end of the text.
bool EndsSubject(const NerTokens& tokens, size_t k) {
  if (k >= tokens.size()) return true;
  const NerToken& u = tokens[k];
  // An office in apposition ends it too: وقال كلاوس بيكارد رئيس الرابطة، قال كافو المحترف.
  return u.punct || ((u.flags & kNerStop) && !u.article) || (u.flags & kNerRelative) ||
         u.conjunction || (u.reading_flags & (kNerRole | kNerTitle));
}

// Tokens k and k + 1 are both unknown indefinite name words, and no proclitic + noun or
// accusative ends the second: the two words of a foreign name the lists lack.
constexpr std::string_view kPluralVerbEnding = "\xD9\x88\xD8\xA7";  // وا

bool TwoUnknownNameWords(const NerTokens& tokens, size_t k) {
  if (k + 1 >= tokens.size()) return false;
  for (size_t j = k; j <= k + 1; ++j) {
    const NerToken& t = tokens[j];
    if (!tokens.IsNameWord(j) || Definite(tokens, j) || t.known >= 0) return false;
    if (tokens.EndsWithAlef(j) && tokens.Letters(j) <= 4) return false;
    // A feminine plural of five letters or more (مخلوقات، عمليات) is a common noun.
    if (tokens.Letters(j) >= 5 && EndsWithAny(tokens.Key(j), {"\xD8\xA7\xD8\xAA"})) return false;
    // The plural verb ending وا (أنقذوا، قالوا) ends no short name (ناكاجاوا is long).
    const std::string_view key = tokens.Key(j);
    if (key.size() > 4 && key.substr(key.size() - 4) == kPluralVerbEnding &&
        tokens.Letters(j) <= 6) {
      return false;
    }
  }
  // The second word must not read as a preposition + noun (لمدة، بسبب); one no reading of which
  // the lexicons know, with no feminine ending and no common word after its proclitic, is the
  // name as written (ويلفريد, not و + يلفريد; بيرتس, not ب + يرتس).
  // The first word must then be unambiguous itself (or unknown in every reading, and without
  // the preposition ل: لنزع) and no verb of the form أفعل (أحرز), and the
  // second no accusative (كبيرا) nor negated verb (لايؤمن).
  const TokenAnalysis& second = tokens.doc().analyses[k + 1];
  if (second.reading_count <= 1) return true;
  const std::string_view first_key = tokens.Key(k);
  return tokens.lexicon().KnowsNoReading(second) &&
         (tokens.doc().analyses[k].reading_count <= 1 ||
          (tokens.lexicon().KnowsNoReading(tokens.doc().analyses[k]) &&
           !StartsWithLam(tokens.doc().TokenText(k)))) &&
         !(tokens.Letters(k) == 4 && first_key.substr(0, 2) == "\xD8\xA7") &&
         !tokens.EndsWithAlef(k + 1) && tokens.Key(k + 1).substr(0, 4) != "\xD9\x84\xD8\xA7" &&
         !EndsWithTehMarbuta(tokens.doc().TokenText(k + 1)) &&
         !PrepositionOnCommonWord(tokens, k + 1);
}

// Letters of a participle's sound plural that GroupPlural() takes for one.
constexpr uint32_t kMinParticiplePluralLetters = 6;

// Whether the unknown token j is a sound masculine plural that names a group, never one person:
// a relational adjective's (مبقيين، إسلاميين: ـيين as written, six letters or more) or a
// participle's of the verb forms with ت (متمردون، مجتمعين، متظاهرين: م then ت as its second or
// third letter; the foreign names of that length have no such ت: مكلارين، مارتين).
bool GroupPlural(const NerTokens& tokens, size_t j) {
  // A word of any class (a given name, a cue, a nationality) is no such plural.
  if (tokens[j].known >= 0 || !tokens[j].word || tokens[j].flags != 0) return false;
  const std::string_view text = tokens.doc().TokenText(j);
  // Every such plural ends in ن (D9 86) as written: most words are told by their last bytes.
  if (text.size() < 12 || text.back() != '\x86' || text[text.size() - 2] != '\xD9') return false;
  constexpr std::string_view kNisbaPlural = "\xD9\x8A\xD9\x8A\xD9\x86";  // يين
  if (EndsWith(text, kNisbaPlural)) return true;
  const std::string_view key = tokens.Key(j);
  constexpr std::string_view kTeh = "\xD8\xAA";
  return StartsWithMeem(key) && tokens.Letters(j) >= kMinParticiplePluralLetters &&
         (key.substr(2, 2) == kTeh || key.substr(4, 2) == kTeh) &&
         tokens.EndsLikeSoundPlural(j);
}

// Whether the unknown token j, read whole, is the preposition ب or ل on a common noun whatever
// readings the segmenter offers: after the one letter, a derived verbal noun (بتوقيف، بتثقيف،
// لاستعادة), a noun of the shapes مفعل or مفعول (بمقتل، بمولود), or a word of four letters or
// more ending in ة (بواسطة، لمواصلة). Foreign names starting with ب or ل (بلير، لافروف، بيريز،
// باراك، بتمان) have none of these shapes after their first letter; a word of any class (a
// given name) is never asked about.
bool PrepositionOnNounShape(const NerTokens& tokens, size_t j) {
  const NerToken& t = tokens[j];
  if (t.known >= 0 || t.reading != 0 || t.flags != 0 || !t.word) return false;
  const std::string_view text = tokens.doc().TokenText(j);
  const std::string_view p = text.substr(0, 2);
  if (p != "\xD8\xA8" && p != "\xD9\x84") return false;  // ب ل
  const std::string_view key = tokens.Key(j);
  if (key.size() < 2 + 4 * 2) return false;  // four letters after the preposition
  const std::string_view rest = key.substr(2);
  const size_t letters = rest.size() / 2;
  const bool mafal = StartsWithMeem(rest) &&
                     (letters == 4 || (letters == 5 && rest.substr(6, 2) == "\xD9\x88"));  // و
  return IsDerivedMasdar(rest) || mafal || EndsWithTehMarbuta(text);
}

class Proposer {
 public:
  Proposer(const NerTokens& tokens, std::vector<Candidate>* out) : tokens_(tokens), out_(out) {}

  void Add(size_t first, size_t end) {
    if (end <= first) return;
    // A group's plural or a preposition on a noun starts no name, and a plural ends none: every
    // shorter span is proposed too, so the first and last words are enough to look at. Spans
    // come in runs with the same first word: its answer is kept.
    if (first != checked_first_) {
      checked_first_ = first;
      first_starts_ = !GroupPlural(tokens_, first) && !PrepositionOnNounShape(tokens_, first);
    }
    if (!first_starts_ || (end > first + 1 && GroupPlural(tokens_, end - 1))) return;
    const int32_t priority =
        tokens_.RulePriority(first, end, kPer, kNerRulePriority, /*over_other_types=*/false);
    if (priority < 0) return;
    out_->push_back(tokens_.MakeCandidate(kPer, first, end, priority));
  }

  // The name starting at `first`, with every shorter alternative, so the resolver can fall back
  // when a later part is claimed by a stronger candidate. `alone`: the first part may stand
  // alone; `titled`: a title announced it.
  void AddName(size_t first, bool alone, bool titled) {
    // NameEnds() asks `titled` only of a first part that is neither known nor a given name.
    const NerToken& t = tokens_[first];
    if (t.known >= 0 || (t.reading_flags & kNerGivenName)) titled = false;
    // Anchors a few tokens apart often propose the same name (a title's or a nationality
    // adjective's name that is a given name is proposed again from the given name): the same
    // call again would only add the same candidates again, canonical forms and all. The first
    // ones stay where they are, so the resolver, which breaks ties by position, picks as before.
    const uint64_t call = (uint64_t{first} + 1) << 2 | uint64_t{alone} << 1 | uint64_t{titled};
    if (std::find(std::begin(recent_names_), std::end(recent_names_), call) !=
        std::end(recent_names_)) {
      return;
    }
    recent_names_[next_recent_++ % std::size(recent_names_)] = call;
    if (alone) Add(first, first + 1);
    for (size_t end : NameEnds(tokens_, first, titled)) Add(first, end);
  }

 private:
  const NerTokens& tokens_;
  std::vector<Candidate>* out_;
  uint64_t recent_names_[8] = {};  // the last AddName() calls (0: none)
  size_t next_recent_ = 0;
  // The first word Add() last looked at, and whether a name may start there.
  size_t checked_first_ = static_cast<size_t>(-1);
  bool first_starts_ = true;
};

// A name starting with a given name at token i.
void GivenNameAnchor(const NerTokens& tokens, size_t i, Proposer* proposer) {
  const NerToken& t = tokens[i];
  if (!(t.reading_flags & kNerGivenName) || tokens.KnownOther(i, kPer)) return;
  if ((t.reading_flags & kNerStop) && tokens.EndsWithAlefMaqsura(i)) return;
  // A given name that is also an everyday word or a cue needs a second name part that is itself
  // strong evidence: another given name, a particle, or an initial.
  const bool weak = (t.reading_flags & (kNerAmbiguousName | kNerStop | kNerTitle | kNerRole |
                                        kNerParticle | kNerVerb | kNerOrgHead)) != 0;
  if (weak) {
    const size_t next = i + 1;
    if (next >= tokens.size()) return;
    const NerToken& u = tokens[next];
    // A woman's name that is also an abstract noun (حياة، أمل) before a listed one-word surname
    // without the article is that noun in construct ("Lorca's life": حياة لوركا، أمل فرويد); a
    // man's name that is also an adjective is no noun in construct (محمود مرسي), and a definite
    // family name (بهاء الحريري) or a listed full name is the rest of the name.
    const bool listed_rest =
        u.known == static_cast<int8_t>(EntityType::kPerson) &&
        (!(t.reading_flags & kNerFemale) || u.known_end > next + 1 || Definite(tokens, next));
    const bool strong_next = (IsGiven(u) && tokens.IsNameWord(next)) ||
                             ((u.flags & kNerParticle) && !u.conjunction) ||
                             tokens.IsInitial(next) || listed_rest;
    if (!strong_next) return;
    proposer->AddName(i, /*alone=*/false, /*titled=*/false);
    return;
  }
  proposer->AddName(i, /*alone=*/true, /*titled=*/false);
}

bool TitledNameWord(const NerTokens& tokens, size_t j);

// Whether the word as written ends with the pronoun ه after a consonant (تشبثه، فريقه): a
// noun with its pronoun; the foreign names that end in ه end in يه (دياكيه). The written form,
// not the match form, which folds ة to ه. Four letters or more unless `min_bytes` says less.
bool PronounOnNoun(std::string_view text, size_t min_bytes = 8) {
  constexpr std::string_view kHa = "\xD9\x87", kYa = "\xD9\x8A", kAlef = "\xD8\xA7",
                             kWaw = "\xD9\x88";
  if (text.size() < min_bytes || text.substr(text.size() - 2) != kHa) return false;
  const std::string_view before = text.substr(text.size() - 4, 2);
  return before != kYa && before != kAlef && before != kWaw;
}

// After a role and a nationality adjective (العداء الكيني، الكاتبة اللبنانية) or a nationality
// adjective with a preposition (للكيني), what follows is the person's name even when no list
// knows it: two or three words of a foreign name's shape (TitledNameWord) that end where the
// subject ends, or (unless `need_boundary`) exactly two such words that a number, a common
// word's shape or a noun with its pronoun follows (العداء الهولندي [سوم برام] بتوقيت). A first word
// with the preposition ل (لنزع) starts no name. Returns whether it proposed a name.
bool DescribedUnknownName(const NerTokens& tokens, size_t k, Proposer* proposer,
                          bool need_boundary = false) {
  const size_t n = tokens.size();
  if (k < n && tokens.doc().analyses[k].reading_count > 1 &&
      StartsWithLam(tokens.doc().TokenText(k))) {
    return false;
  }
  size_t run = k;
  while (run < n && run < k + kMaxReportedNameWords && TitledNameWord(tokens, run) &&
         (run == k || (!tokens[run].conjunction && !PronounOnNoun(tokens.doc().TokenText(run))))) {
    ++run;
  }
  if (run < k + 2) return false;  // one word: the callers' own tests decide
  for (size_t end = run; end >= k + 2; --end) {
    if (EndsSubject(tokens, end)) {
      proposer->Add(k, end);
      return true;
    }
  }
  if (need_boundary || run != k + 2 ||
      !(tokens.doc().tokens[run].kind == TokenKind::kNumber || CommonWordShape(tokens, run) ||
        PronounOnNoun(tokens.doc().TokenText(run)))) {
    return false;
  }
  proposer->Add(k, k + 2);
  return true;
}

// Adjectives between a nationality adjective and the name it describes.
constexpr size_t kMaxPersonAdjectives = 2;
// Tokens a role's complement may have between the role and a nationality adjective.
constexpr size_t kMaxRoleComplement = 3;

// Whether a role, title or person noun stands before token i, right before it or with up to
// kMaxRoleComplement definite words or known organizations and places between (مدافع هامبورغ
// الألماني).
bool AfterPersonWord(const NerTokens& tokens, size_t i) {
  constexpr uint32_t kPersonWord = kNerTitle | kNerRole | kNerPersonNoun;
  for (size_t j = i; j-- > 0 && j + kMaxRoleComplement + 1 >= i;) {
    const NerToken& t = tokens[j];
    if (t.known < 0 && ((t.reading_flags | t.bare_flags) & kPersonWord)) return true;
    // The word in construct right after the role may be indefinite: مدافع [هامبورغ].
    const bool construct = j > 0 && tokens[j - 1].known < 0 &&
                           ((tokens[j - 1].reading_flags | tokens[j - 1].bare_flags) & kPersonWord);
    const bool complement =
        (t.known >= 0 && t.known != static_cast<int8_t>(kPer)) ||
        (t.word && (Definite(tokens, j) || construct) && !(t.flags & kNerStop) && !t.conjunction);
    if (!complement) return false;
  }
  return false;
}

// A nationality adjective used as a noun before a name: والفرنسي ليليان تورام، القطري عبد الله
// المناعي. The name must be known, given, start with a particle, look foreign, or be two unknown
// words.
void DemonymAnchor(const NerTokens& tokens, size_t i, Proposer* proposer) {
  const NerToken& t = tokens[i];
  if (!t.article || !((t.reading_flags | t.bare_flags | t.flags) & kNerDemonym)) return;
  // After a definite noun the adjective may describe it (الجيش الإسرائيلي داهمت): then only a
  // given or foreign-looking name counts (المدافع البرازيلي كارلوس). Plurals (الإسرائيليين) are
  // groups, not one person's description.
  // A role, title or person noun before it is the person described (المعماري التركي سنان،
  // العالم الهولندي زيمان): then the adjective describes the name that follows.
  // The role may have its complement and other adjectives between: مدافع هامبورغ الألماني،
  // سائق فيراري الآخر البرازيلي.
  const bool after_person_word = i > 0 && AfterPersonWord(tokens, i);
  const bool after_definite =
      i > 0 && (tokens[i - 1].article || tokens[i - 1].clitic_article) && !after_person_word;
  if (tokens.EndsLikeSoundPlural(i)) return;
  // An adjective or two may describe the person between the nationality and the name: الأميركي
  // المخضرم [أندري أغاسي]، البرازيلي الشاب. Then only a given name or a foreign name the lists
  // lack in a person's context counts.
  size_t adjectives = i + 1;
  while (adjectives < tokens.size() && adjectives < i + 1 + kMaxPersonAdjectives &&
         tokens[adjectives].known < 0 && Definite(tokens, adjectives) &&
         !tokens[adjectives].conjunction &&
         !((tokens[adjectives].flags | tokens[adjectives].bare_flags) &
           (kNerStop | kNerDemonym | kNerRelative)) &&
         tokens.lexicon().Flags(tokens.Key(adjectives)) == 0) {
    ++adjectives;
  }
  if (adjectives > i + 1) {
    const size_t k = adjectives;
    if (k >= tokens.size() || tokens[k].known >= 0 || tokens[k].conjunction) return;
    if (IsGiven(tokens[k]) && !(tokens[k].flags & kNerAmbiguousName) && tokens.IsNameWord(k)) {
      proposer->AddName(k, /*alone=*/true, /*titled=*/true);
    } else if ((after_person_word || t.clitic_article || !after_definite) &&
               !(tokens[k].flags & kNerNameStart) && tokens.IsNameWord(k)) {
      DescribedUnknownName(tokens, k, proposer);
    }
    return;
  }
  const size_t k = i + 1;
  // After a role (or with a preposition) the name may start with a word the name-word test
  // refuses for its verb-like shape (العداء الفنلندي [ياري ...]): the foreign-name words decide.
  if ((after_person_word || t.clitic_article) && k < tokens.size() && !tokens[k].conjunction &&
      tokens[k].known < 0 && !IsGiven(tokens[k]) && !(tokens[k].flags & kNerNameStart) &&
      DescribedUnknownName(tokens, k, proposer)) {
    return;
  }
  // An unknown first name and a family name with the article after a person's description,
  // where the subject ends: رجل الأعمال المصري [دودي الفايد] ،
  if (after_person_word && k + 1 < tokens.size() && tokens[k].known < 0 && !tokens[k].conjunction &&
      !IsGiven(tokens[k]) && TitledNameWord(tokens, k) &&
      tokens.doc().analyses[k].reading_count <= 1 && tokens[k + 1].known < 0 &&
      Definite(tokens, k + 1) && !tokens[k + 1].conjunction && tokens.IsNameWord(k + 1) &&
      EndsSubject(tokens, k + 2)) {
    proposer->Add(k, k + 2);
    return;
  }
  if (k >= tokens.size() || !tokens.IsNameWord(k)) return;
  const NerToken& u = tokens[k];
  if (Definite(tokens, k) || u.known >= 0) return;  // known names need no help
  if (IsGiven(u) && !(u.flags & kNerAmbiguousName)) {
    proposer->AddName(k, /*alone=*/true, /*titled=*/true);
  } else if ((u.flags & kNerNameStart) || tokens[k].foreign_suffix) {
    proposer->AddName(k, /*alone=*/!(u.flags & kNerNameStart), /*titled=*/true);
  } else if (after_definite) {
    return;
  } else if (TwoUnknownNameWords(tokens, k)) {
    proposer->Add(k, k + 2);
  } else if (!u.conjunction && tokens.doc().analyses[k].reading_count <= 1 &&
             !tokens.EndsWithAlef(k) && EndsSubject(tokens, k + 1)) {
    proposer->Add(k, k + 1);  // الأسباني باديا الذي، العالم النمساوي شرودنجر ،
  }
}

// A name that starts with a particle: أبو مازن، عبد الرحيم الزرقوني، ابن خلدون.
void ParticleAnchor(const NerTokens& tokens, size_t i, Proposer* proposer) {
  const NerToken& t = tokens[i];
  if (!(t.reading_flags & kNerNameStart) || t.known >= 0 || i + 1 >= tokens.size()) return;
  const NerToken& u = tokens[i + 1];
  // أبي عبد الله: a second particle with its own name word.
  const bool particle_pair = (u.flags & kNerNameStart) && !u.conjunction && i + 2 < tokens.size() &&
                             tokens.IsNameWord(i + 2, /*after_particle=*/true) &&
                             tokens[i + 2].known < 0;
  if (!particle_pair && (!tokens.IsNameWord(i + 1, /*after_particle=*/true) || u.known >= 0 ||
                         (u.flags & kNerParticle))) {
    return;
  }
  // The particle and the word after it are one name part; NameEnds continues from there.
  proposer->AddName(i, /*alone=*/false, /*titled=*/false);
}

// A name whose first part is followed by a patronymic: سهل بن حنيف، المختار بن أبي عبيد.
// The first part may be unknown and even definite: بن / ابن after it is evidence enough.
void PatronymicAnchor(const NerTokens& tokens, size_t i, Proposer* proposer) {
  const size_t n = tokens.size();
  if (i + 2 >= n || !(tokens[i + 1].flags & kNerPatronymic) || tokens[i + 1].conjunction) return;
  const NerToken& t = tokens[i];
  const bool known_person =
      t.known == static_cast<int8_t>(kPer) && t.known_start && t.known_end == i + 1;
  if ((t.known >= 0 && !known_person) || IsGiven(t) || !tokens.IsNameWord(i)) return;
  if (t.reading != 0 && !(t.reading_flags & kNerGivenName)) return;
  const bool next_named =
      tokens.IsNameWord(i + 2, /*after_particle=*/true) || (tokens[i + 2].flags & kNerNameStart);
  if (!next_named) return;
  for (size_t end : NameEnds(tokens, i, /*titled=*/true)) {
    if (end > i + 2) proposer->Add(i, end);
  }
}

// Whether token j may be a word of a foreign name right after a title: unknown, indefinite, no
// common word's shape or feminine ending, and a name word or a word no reading of which the
// lexicons know (the proclitic it seems to carry is a letter of the name: لندنشتراوس، ونر).
bool TitledNameWord(const NerTokens& tokens, size_t j) {
  const NerToken& t = tokens[j];
  if (!t.word || t.known >= 0 || Definite(tokens, j) || t.clitic_article ||
      tokens.doc().tokens[j].kind != TokenKind::kArabicWord || CommonWordShape(tokens, j) ||
      tokens.EndsWithAlef(j) || tokens.EndsWithPronoun(j) ||
      EndsWithTehMarbuta(tokens.doc().TokenText(j))) {  // لمدة، ساعة: nouns
    return false;
  }
  return tokens.IsNameWord(j) || (t.flags == 0 && tokens.Letters(j) >= 3 &&
                                  tokens.lexicon().KnowsNoReading(tokens.doc().analyses[j]));
}

// Two or three such words right after a title that end where the subject ends are one name:
// السيد منغ يانغ هي ،، السيد ميتسو غو سايتو القائم بأعمال، السيد جان ونر من كندا.
void TitledUnknownWords(const NerTokens& tokens, size_t k, Proposer* proposer) {
  const size_t n = tokens.size();
  size_t end = k + 1;
  while (end < n && end < k + kMaxReportedNameWords && TitledNameWord(tokens, end)) ++end;
  for (; end > k + 1; --end) {
    if (EndsSubject(tokens, end)) {
      proposer->Add(k, end);
      return;
    }
  }
}

// Whether the unknown word at k, after a role, is the given name of the listed family name
// after it (الرئيس [اوغو شافيز]) rather than a noun in construct with the role (وزير خارجية
// فرنسا): a word of a foreign name's shape (TitledNameWord) with one reading, no verb of the
// forms أفعل (a foreign name of that shape ends in a vowel: اوغو) or استفعل, before a one-word
// listed person that starts there. Rare: kept out of line, so TitleAnchor stays inlined.
ABSL_ATTRIBUTE_NOINLINE bool UnknownFirstNameBeforeSurname(const NerTokens& tokens, size_t k) {
  if (k + 1 >= tokens.size()) return false;
  const NerToken& surname = tokens[k + 1];
  if (surname.known != static_cast<int8_t>(kPer) || !surname.known_start ||
      surname.known_end != k + 2 || surname.conjunction || !TitledNameWord(tokens, k) ||
      tokens.doc().analyses[k].reading_count > 1 || StartsWithTenthForm(tokens.Key(k)) ||
      (tokens.Letters(k) == 4 && tokens.Key(k).substr(0, 2) == "\xD8\xA7" &&
       !EndsWithAny(tokens.Key(k), {"\xD9\x88"}))) {  // أوقف, not اوغو (ends in و)
    return false;
  }
  return true;
}

// A name after a title (السيد، الرئيس) or a role with its complement (وزير الخارجية الروسي).
void TitleAnchor(const NerTokens& tokens, size_t i, Proposer* proposer) {
  const NerToken& t = tokens[i];
  if (!(t.reading_flags & (kNerTitle | kNerRole)) || t.known >= 0) return;
  const bool role = (t.reading_flags & kNerRole) != 0;
  const size_t n = tokens.size();
  // الإمام الحسين، الشيخ الخراساني: after these titles a definite word that is no adjective of
  // nationality, office or time is the name itself.
  if ((t.reading_flags & kNerNameArticle) && i + 1 < n) {
    const NerToken& u = tokens[i + 1];
    if (u.article && u.known < 0 && tokens.IsNameWord(i + 1) && !(u.bare_flags & kNerDemonym)) {
      proposer->AddName(i + 1, /*alone=*/true, /*titled=*/true);
      return;
    }
  }
  // A name in quotation marks right after a title: الإمبراطور " هوانج تي "، الدكتورة
  // « هنريتا آب ». Indefinite name words only: a quoted definite phrase after a title is more
  // often a work's title (الإمام " المراغي ", a television series).
  if ((t.reading_flags & kNerTitle) && i + 1 < n) {
    const size_t close = QuotedNameEnd(tokens, i + 1);
    if (close > i + 2 && close <= i + 2 + kMaxQuotedPersonWords) {
      bool names = true;
      for (size_t k = i + 2; k < close && names; ++k) {
        names = tokens.IsNameWord(k) && !Definite(tokens, k) && tokens[k].known < 0 &&
                !CommonWordShape(tokens, k);
      }
      if (names) proposer->Add(i + 2, close);
      return;
    }
  }
  size_t k = i + 1;
  // An abbreviated title and its period: د. صالح العجيري.
  if (k + 1 < n && tokens.IsInitial(i)) ++k;
  // The comma of an apposition: السناتور الجمهوري ، ارلن سبيكتر.
  while (k < n && k <= i + kMaxTitleComplement) {
    const NerToken& u = tokens[k];
    if (u.flags & kNerPostTitle) {
      ++k;
      continue;
    }
    if (u.known >= 0 && u.known_start && u.known != static_cast<int8_t>(kPer)) {
      k = u.known_end;  // وزير خارجية فرنسا، رئيس الوزراء الإسرائيلي
      continue;
    }
    if (u.known >= 0) break;
    if (u.punct && k > i + 1 && tokens.doc().TokenText(k) == "\xD8\x8C" && k + 1 < n &&
        tokens[k + 1].word) {
      ++k;  // ، between the complement and the name
      continue;
    }
    if (!u.word) break;
    // A relative pronoun (الذي، التي) looks definite but ends the phrase.
    if (Definite(tokens, k) && !IsGiven(u) && !(u.flags & (kNerTime | kNerRelative)) &&
        !u.conjunction && !u.clitic_article) {
      ++k;  // the complement and adjectives: الخارجية، الأمريكي
      continue;
    }
    // A role's complement may start with an indefinite noun in construct: رئيس مجلس الوزراء،
    // وزير خارجية فرنسا. Not before a listed person: that word is his given name as spelt
    // (الرئيس [اوغو شافيز]).
    if (role && !u.article && !IsGiven(u) && !u.conjunction && !(u.flags & kNerStop) && k + 1 < n &&
        ((tokens[k + 1].article && !(tokens[k + 1].flags & kNerRelative)) ||
         (tokens[k + 1].known >= 0 && tokens[k + 1].known_start &&
          !UnknownFirstNameBeforeSurname(tokens, k)))) {
      ++k;
      continue;
    }
    break;
  }
  // After a role, a foreign name the lists lack may start with a word the name-word test refuses
  // for its verb-like shape (المهاجم المخضرم [ياري ليتمانن]).
  if (role && k < n && !tokens[k].conjunction && tokens[k].known < 0 && !IsGiven(tokens[k]) &&
      !(tokens[k].flags & kNerNameStart) && !tokens.IsNameWord(k) &&
      DescribedUnknownName(tokens, k, proposer, /*need_boundary=*/true)) {
    return;
  }
  if (k >= n || !tokens.IsNameWord(k)) return;
  const NerToken& name = tokens[k];
  if (Definite(tokens, k) && name.known < 0) return;  // a definite word here is a noun
  if (name.known >= 0 && !name.known_start) return;
  // An unknown word is taken as a name only right after a title (السيد ديمترييف); after a role
  // or a complement (الأمين العام للأمم المتحدة احتجاجه) it must be a known or given name, or
  // look foreign.
  const bool direct_title = k == i + 1 && (t.reading_flags & kNerTitle);
  if (!direct_title && name.known < 0 && !IsGiven(name) && !tokens[k].foreign_suffix) {
    // Two unknown words in a row are a foreign name: وزير العدل شارل رزق.
    if (TwoUnknownNameWords(tokens, k)) {
      proposer->Add(k, k + 2);
    } else if (k == i + 1 && !name.conjunction && tokens.doc().analyses[k].reading_count <= 1 &&
               !tokens.EndsWithAlef(k) && k + 1 < n && (tokens[k + 1].flags & kNerRelative)) {
      proposer->Add(k, k + 1);  // right after the role, a relative clause on it: المعماري سنان الذي
    }
    return;
  }
  if (name.known < 0 && !IsGiven(name) && !name.foreign_suffix && CommonWordShape(tokens, k)) {
    return;  // الوزير متحمس، أجرى الوزير اتصالا
  }
  // An unknown indefinite word with the feminine ending describes the title's noun (الإمام قصة،
  // عائلة ثرية), except after a woman's title, which a woman's name the lists lack may follow
  // (السيدة زهية). A family word (عائلة، أسرة: title and person noun) is feminine in form only.
  const bool womans_title =
      EndsWithTehMarbuta(tokens.doc().TokenText(i)) && !(t.reading_flags & kNerPersonNoun);
  if (name.known < 0 && !IsGiven(name) && !name.article && !womans_title &&
      EndsWithTehMarbuta(tokens.doc().TokenText(k))) {
    return;
  }
  proposer->AddName(k, /*alone=*/true, /*titled=*/true);
  if (direct_title && name.known < 0 && !IsGiven(name) && TwoUnknownNameWords(tokens, k)) {
    proposer->Add(k, k + 2);  // القاضي ميخا لندنشتراوس
  }
  // An Arab given name's other parts are NameEnds' to read: after one, a word no lexicon knows
  // is as often a verb (الرئيس عباس يتحدث) as a name.
  const bool arab_given = IsGiven(name) && !(name.reading_flags & kNerForeignName);
  if (direct_title && name.known < 0 && !arab_given) TitledUnknownWords(tokens, k, proposer);
}

// An unknown subject after a reporting verb, when a clause boundary follows: قال ويتكوف إن.
void ReportingVerbAnchor(const NerTokens& tokens, size_t i, Proposer* proposer) {
  if (!(tokens[i].reading_flags & kNerVerb)) return;
  const size_t n = tokens.size();
  // A plural ـات or an adverbial ـا (قائلا، نادرا) marks the common words that follow these
  // verbs most often.
  auto unknown_name = [&](size_t k) {
    if (k >= n || !tokens.IsNameWord(k) || Definite(tokens, k) || tokens[k].known >= 0 ||
        (k > i + 1 && AliIsPreposition(tokens, k)) || PrepositionOnCommonWord(tokens, k) ||
        HasTanween(tokens.doc().TokenText(k)) || PronounOnMasdar(tokens.Key(k))) {
      return false;
    }
    // A noun with its pronoun is the verb's object or its subject's kin: دعا ربه، أكد حقه،
    // أعلن دخوله (three letters are enough here: no subject name ends so).
    const std::string_view text = tokens.doc().TokenText(k);
    if (!IsGiven(tokens[k]) && PronounOnNoun(text, /*min_bytes=*/6)) {
      return false;
    }
    const std::string_view key = tokens.Key(k);
    auto ends_with = [&](std::string_view suffix) {
      return key.size() > suffix.size() && key.substr(key.size() - suffix.size()) == suffix;
    };
    return !ends_with("\xD8\xA7\xD8\xAA") && !ends_with("\xD8\xA7");
  };
  auto boundary = [&](size_t k) { return EndsSubject(tokens, k); };
  // The longest run of up to three name words that the subject's end follows.
  const size_t first = i + 1;
  size_t end = first;
  while (end < first + kMaxReportedNameWords && unknown_name(end)) ++end;
  for (; end > first; --end) {
    if (boundary(end)) {
      proposer->Add(first, end);
      return;
    }
  }
}

// يست، تست، نست: the imperfect prefixes of the tenth verb form.
constexpr std::string_view kTenthFormImperfect[] = {
    "\xD9\x8A\xD8\xB3\xD8\xAA", "\xD8\xAA\xD8\xB3\xD8\xAA", "\xD9\x86\xD8\xB3\xD8\xAA"};

// A long unknown word with a foreign-surname ending, and the unknown word before it when that
// is a name word too (a foreign given name the lists lack).
void ForeignSurnameAnchor(const NerTokens& tokens, size_t i, Proposer* proposer) {
  const NerToken& t = tokens[i];
  if (t.reading != 0 || Definite(tokens, i) || t.known >= 0 || t.flags != 0 ||
      !tokens.IsNameWord(i)) {
    return;
  }
  if (!t.foreign_suffix) return;
  const std::string_view key = tokens.Key(i);
  // The imperfect of a tenth-form verb ends like a Slavic surname (يستضيف، تستضيف) but starts
  // with its prefix, which no surname does.
  for (std::string_view prefix : kTenthFormImperfect) {
    if (key.substr(0, prefix.size()) == prefix) return;
  }
  proposer->Add(i, i + 1);
}

// Words a coordinated name may have (ووين روني، وخوسيه ماريا غوتي).
constexpr size_t kMaxCoordinatedNameWords = 3;
// Priority of a name read from its coordination with another: below the rules' own evidence.
constexpr int32_t kCoordinatedPriority = kNerRulePriority - 5;

bool EndsWithAny(std::string_view s, std::initializer_list<std::string_view> endings) {
  for (std::string_view e : endings) {
    if (s.size() > e.size() && s.substr(s.size() - e.size()) == e) return true;
  }
  return false;
}

// Whether the match form has the shape of a verbal noun of a derived verb, which no name has:
// إفعال (إخراج)، تفعيل (تأليف)، افتعال (اجتماع)، انفعال (انسحاب)، استفعال (استيراد). Arabic
// letters are two bytes each in UTF-8; the given names of these shapes (إسحاق) are listed.
bool IsDerivedMasdar(std::string_view key) {
  constexpr std::string_view kAlef = "\xD8\xA7", kTeh = "\xD8\xAA", kYa = "\xD9\x8A",
                             kNoon = "\xD9\x86", kSeen = "\xD8\xB3";
  auto letter = [&](size_t i) { return key.substr(2 * i, 2); };
  const size_t letters = key.size() / 2;
  if (letters == 5) {
    return (letter(0) == kAlef && letter(3) == kAlef) || (letter(0) == kTeh && letter(3) == kYa);
  }
  if (letters == 6) {
    return letter(0) == kAlef && letter(4) == kAlef && (letter(2) == kTeh || letter(1) == kNoon);
  }
  if (letters == 7) {
    return letter(0) == kAlef && letter(1) == kSeen && letter(2) == kTeh && letter(5) == kAlef;
  }
  return false;
}

// Whether the match form is a derived verbal noun with the pronoun ه (احتجاجه، استعداده).
bool PronounOnMasdar(std::string_view key) {
  return key.size() > 2 && key.substr(key.size() - 2) == "\xD9\x87" &&
         IsDerivedMasdar(key.substr(0, key.size() - 2));
}

// Whether token k reads as the preposition ب، ل or ك on a common noun: the rest is a word of
// the lexicons, a participle after ك (كممثل), a verbal noun of a derived verb of six letters or
// more (بارتكاب), a verbal noun or plural starting with ت (لتدريبات، بتعويض), or a word the
// document also uses with the article. Family names starting with ب or ل (بلازي، لارسن) are none of
// these.
bool PrepositionOnCommonWord(const NerTokens& tokens, size_t k) {
  const Document& doc = tokens.doc();
  const TokenAnalysis& a = doc.analyses[k];
  if (a.reading_count < 2 || IsGiven(tokens[k])) return false;
  const std::string_view text = doc.TokenText(k);
  const std::string_view p = text.substr(0, 2);
  if (p != "\xD8\xA8" && p != "\xD9\x84" && p != "\xD9\x83") return false;  // ب ل ك
  if (tokens[k].reading != 0) return true;
  for (uint8_t r = 1; r < a.reading_count; ++r) {
    if (a.readings[r].skip_bytes != 2) continue;
    const std::string_view rest = doc.Slice(a.readings[r].key);
    if (rest.size() < 6) continue;  // three letters or more
    // The five-letter masdar إفعال is also the shape of foreign names after ب (باتشان).
    // ك before a participle: كمقدم، كممثل، كمدرب.
    if (p == "\xD9\x83" && rest.size() >= 8 && StartsWithMeem(rest)) return true;
    if ((rest.size() >= 12 && IsDerivedMasdar(rest)) ||
        (rest.size() >= 8 && rest.substr(0, 2) == "\xD8\xAA") ||  // ت
        EndsWithAny(rest, {"\xD8\xA7\xD8\xAA"}) || tokens.SeenWithArticle(rest)) {
      return true;
    }
  }
  return false;
}

bool PrepositionAndPronoun(const NerTokens& tokens, size_t k) {
  const Document& doc = tokens.doc();
  const std::string_view text = doc.TokenText(k);
  const std::string_view p = text.substr(0, 2);
  if ((p != "\xD8\xA8" && p != "\xD9\x84") || tokens.Letters(k) < 4) return false;  // ب ل
  const TokenAnalysis& a = doc.analyses[k];
  bool proclitic = false;
  for (uint8_t r = 1; r < a.reading_count && !proclitic; ++r) {
    proclitic = a.readings[r].skip_bytes == 2;
  }
  // ه after a consonant, ها، هم، هما.
  return proclitic &&
         (PronounOnNoun(text) ||
          EndsWithAny(text, {"\xD9\x87\xD8\xA7", "\xD9\x87\xD9\x85", "\xD9\x87\xD9\x85\xD8\xA7"}));
}

// A verbal noun of a derived verb, also with the accusative alef (اتصالا), a participle of the
// fifth or tenth verb form (متحمس، مستعد), or a feminine plural of five letters or more
// (إيضاحات), a short accusative (ساكنا), a word with tanween or a preposition on a common noun
// (بقليل، كممثل): words the clause goes on with after a title, no names.
bool CommonWordShape(const NerTokens& tokens, size_t k) {
  if (HasTanween(tokens.doc().TokenText(k)) || PrepositionOnCommonWord(tokens, k) ||
      (tokens.EndsWithAlef(k) && tokens.Letters(k) <= 4) || PronounOnMasdar(tokens.Key(k))) {
    return true;
  }
  std::string_view key = tokens.Key(k);
  constexpr std::string_view kFemininePlural = "\xD8\xA7\xD8\xAA", kMeemTeh = "\xD9\x85\xD8\xAA",
                             kMeemSeenTeh = "\xD9\x85\xD8\xB3\xD8\xAA";
  if (key.size() >= 10 && EndsWithAny(key, {kFemininePlural})) return true;
  if (tokens.EndsWithAlef(k)) key.remove_suffix(2);
  if (IsDerivedMasdar(key)) return true;
  const size_t letters = key.size() / 2;
  return (letters == 5 && key.substr(0, kMeemTeh.size()) == kMeemTeh) ||
         (letters == 6 && key.substr(0, kMeemSeenTeh.size()) == kMeemSeenTeh);
}

// Whether `key` (a reading's match form) may be a name word nothing else vouches for: no known
// word or cue, no article, and no ending of a common Arabic word (a pronoun, a sound plural,
// alef maqsura), and not seen with the article in the document.
bool PlainNameKey(const NerTokens& tokens, std::string_view key) {
  constexpr uint32_t kNotName = kNerStop | kNerTitle | kNerRole | kNerVerb | kNerOrgHead |
                                kNerPlaceTrigger | kNerPlaceFeature | kNerPostTitle |
                                kNerOrgAdjective | kNerParticle | kNerDemonym | kNerEvent |
                                kNerPersonNoun | kNerStateWord | kNerClub | kNerSport;
  if (key.size() < 6 || (tokens.lexicon().Flags(key) & kNotName)) return false;  // 3+ letters
  if (key.substr(0, kWrittenArticle.size()) == kWrittenArticle) return false;
  // The pronouns ه، ها، هم (and هما), ات، ون، ى: the endings of Arabic nouns and verbs.
  if (EndsWithAny(key, {"\xD9\x87", "\xD9\x87\xD8\xA7", "\xD9\x87\xD9\x85", "\xD8\xA7\xD8\xAA",
                        "\xD9\x88\xD9\x86", "\xD9\x89"})) {
    return false;
  }
  // Imperfect verbs (ويلعب، ويقول) and short accusatives (وصديقا، ودائما) or the plural
  // adverbs أفعالا (وأحيانا); longer foreign names end in alef often (وميرانديلا).
  if (key.substr(0, 2) == "\xD9\x8A") return false;
  if (EndsWithAny(key, {"\xD8\xA7"}) &&
      (key.size() <= 10 ||
       (key.size() == 12 && key.substr(0, 2) == "\xD8\xA7" && key.substr(6, 2) == "\xD8\xA7"))) {
    return false;
  }
  if (IsDerivedMasdar(key)) return false;
  return !tokens.SeenWithArticle(key);
}

// The reading of token k without a leading conjunction و, or -1.
int WawReading(const NerTokens& tokens, size_t k) {
  const TokenAnalysis& a = tokens.doc().analyses[k];
  if (tokens.doc().TokenText(k).substr(0, 2) != "\xD9\x88") return -1;  // و
  for (uint8_t r = 1; r < a.reading_count; ++r) {
    if (a.readings[r].skip_bytes == 2) return r;
  }
  return -1;
}

// A person candidate over tokens [item, end) that starts where `first`, a reading of token
// `item`, starts (after a conjunction و it sets aside), at the priority of names read from
// their surroundings alone.
Candidate ReadingCandidate(const NerTokens& tokens, size_t item, const TokenReading& first,
                           size_t end) {
  Candidate c;
  c.type = kPer;
  c.first_token = static_cast<uint32_t>(item);
  c.end_token = static_cast<uint32_t>(end);
  c.begin = tokens.doc().tokens[item].begin + first.skip_bytes;
  c.end = tokens.End(end - 1);
  c.priority = kCoordinatedPriority;
  tokens.lexicon().AppendDisplayForm(tokens.doc().text.substr(c.begin, c.end - c.begin),
                                     &c.canonical);
  return c;
}

// Tokens inside the parentheses of a scorer's minutes: ( 38 )، ( 38 و47 ).
constexpr size_t kMaxMinuteTokens = 6;
// Bytes of a minute: three ASCII digits, or three Arabic-Indic ones (two bytes each).
constexpr size_t kMaxMinuteBytes = 6;

bool IsMinute(const Document& doc, size_t j) {
  return doc.tokens[j].kind == TokenKind::kNumber && doc.TokenText(j).size() <= kMaxMinuteBytes &&
         (doc.TokenText(j).size() <= 3 || static_cast<unsigned char>(doc.TokenText(j)[0]) >= 0x80);
}

// Whether token p opens a parenthesis that holds only minutes: a number first, then numbers,
// و and commas up to the closing parenthesis.
bool MinutesInParentheses(const NerTokens& tokens, size_t p) {
  const Document& doc = tokens.doc();
  const size_t n = tokens.size();
  if (p + 2 >= n || !IsMinute(doc, p + 1) || doc.TokenText(p) != "(") return false;
  for (size_t j = p + 2; j < n && j <= p + kMaxMinuteTokens; ++j) {
    const std::string_view text = doc.TokenText(j);
    if (text == ")") return true;
    if (!IsMinute(doc, j) && text != "\xD9\x88" && !IsListComma(tokens, j)) return false;  // و
  }
  return false;
}

// Words of a scorer's name before the minutes.
constexpr size_t kMaxScorerNameWords = 2;

// A match report gives each scorer's minutes in parentheses: سجل الهدفين [ياكوبو إيغبيني]
// ( 27 ) و[كريستيان أودو] ( 53 ). The one or two words before them are the scorer's name
// (a third when it is a given name) when each is an unknown indefinite name word; a first word
// with و starts the name after it. Only in a match report: a text with a few sports words
// (NerTokens::IsSportsText), as the club rule asks; elsewhere a number in parentheses follows
// anything (نداء رقم ( 62 )): ListedNames asks only there. `p`: the opening parenthesis.
void ScorerNameAt(const NerTokens& tokens, size_t p, std::vector<Candidate>* out) {
  if (!MinutesInParentheses(tokens, p)) return;
  size_t item = p;
  int reading = -1;
  while (item > 0 && p - item < kMaxScorerNameWords + 1) {
    const size_t j = item - 1;
    const NerToken& t = tokens[j];
    if (p - item == kMaxScorerNameWords && !IsGiven(t)) break;
    if (!t.word || t.known >= 0 || Definite(tokens, j) || t.clitic_article ||
        tokens.doc().tokens[j].kind != TokenKind::kArabicWord) {
      break;
    }
    if (t.conjunction) {
      const int r = WawReading(tokens, j);
      if (r < 0) break;
      const std::string_view key = tokens.doc().Slice(tokens.doc().analyses[j].readings[r].key);
      if (!(tokens.lexicon().Flags(key) & kNerGivenName) && !PlainNameKey(tokens, key)) break;
      item = j;
      reading = r;
      break;
    }
    if (!IsGiven(t) && !TitledNameWord(tokens, j) && !PlainNameKey(tokens, tokens.Key(j))) break;
    item = j;
    reading = 0;
  }
  if (reading < 0) return;
  out->push_back(ReadingCandidate(tokens, item, tokens.doc().analyses[item].readings[reading], p));
}

// كل من / كلا من ("each of") before a list of names: كل من [ستيفن كوري] ومارك أوكيفي. The
// first item, one to three words each a given name or a foreign name's word (TitledNameWord),
// is a person when a و-word that may be a name follows it: the list goes on, and
// CoordinatedNames reads the next items from it.
constexpr std::string_view kEach[] = {"\xD9\x83\xD9\x84", "\xD9\x83\xD9\x84\xD8\xA7"};
constexpr std::string_view kOf = "\xD9\x85\xD9\x86";

void EachOfNameAt(const NerTokens& tokens, size_t i, std::vector<Candidate>* out) {
  const Document& doc = tokens.doc();
  const size_t n = tokens.size();
  if (i + 3 >= n) return;
  const std::string_view word = doc.TokenText(i);
  if ((word != kEach[0] && word != kEach[1]) || doc.TokenText(i + 1) != kOf) return;
  const size_t k = i + 2;
  size_t end = k;
  while (end < n && end < k + kMaxCoordinatedNameWords && tokens[end].known < 0 &&
         !tokens[end].conjunction && !Definite(tokens, end) &&
         ((IsGiven(tokens[end]) && tokens.IsNameWord(end)) || TitledNameWord(tokens, end))) {
    ++end;
  }
  if (end == k || end >= n || !tokens[end].conjunction) return;
  const int reading = WawReading(tokens, end);
  if (reading < 0) return;
  const std::string_view next = doc.Slice(doc.analyses[end].readings[reading].key);
  if (!(tokens.lexicon().Flags(next) & kNerGivenName) && !PlainNameKey(tokens, next)) return;
  out->push_back(ReadingCandidate(tokens, k, doc.analyses[k].readings[0], end));
}

// Scorers and كل من lists, in one pass over the tokens: punctuation may open the minutes, a
// word before a stop word (من) may be كل.
// Whether the definite ordinal at k is shaped like a number (الأول: three letters; الثاني،
// الثالث ... العاشر، الحادي: فاعل, alef second) rather than an epithet (الأكبر، الصغير، الكبرى).
bool NumeralShape(const NerTokens& tokens, size_t k) {
  constexpr std::string_view kAlef = "\xD8\xA7";
  std::string_view stem = tokens.Key(k);
  if (StartsWith(stem, kWrittenArticle)) stem.remove_prefix(kWrittenArticle.size());
  return stem.size() <= 3 * kAlef.size() || StartsWith(stem.substr(kAlef.size()), kAlef);
}

// An epithet at k + 1 after a listed name that ends at k closes it as a regnal number does
// (docs/conventions.md): الإمبراطور الروماني [بومبي الأكبر]. The epithets are the definite
// ordinals that are also stop words and not shaped like numbers (الأكبر، الأصغر، الكبير،
// الصغير، الكبرى، الصغرى): الثالث after a player is his place in a race. Before an indefinite
// accusative the elative compares (بوش الأكبر سنا).
void EpithetAfterListedName(const NerTokens& tokens, size_t k, std::vector<Candidate>* out) {
  const NerToken& name = tokens[k];
  const NerToken& t = tokens[k + 1];
  if (name.known != static_cast<int8_t>(kPer) || name.known_end != k + 1 ||
      name.known_priority < kBuiltinGazetteerPriority ||
      name.known_priority >= kUserGazetteerPriority || !(t.flags & kNerOrdinal) || !t.article ||
      t.conjunction || t.known >= 0 || NumeralShape(tokens, k + 1)) {
    return;
  }
  const size_t after = k + 2;
  if (after < tokens.size() && tokens[after].word && !tokens[after].article &&
      tokens.EndsWithAlef(after)) {
    return;
  }
  size_t first = k;
  while (first > 0 && !tokens[first].known_start) --first;
  out->push_back(tokens.MakeCandidate(kPer, first, after, name.known_priority + 1));
}

// A nisba at k + 1 after a listed name that ends at k is the rest of that name: [ابن خلدون
// الحضرمي] is how the text names him, [ابن رشد القرطبي] (القرطبي alone is another listed person).
// A definite masculine relational adjective that no word list classes (no nationality: محمود
// درويش الفلسطيني keeps it out, as conventions.md has it; no office, time or ordinal), unknown or
// itself a listed one-word person, with no relational adjective after it (a second one makes
// the first a noun: الكيميائي الحيوي). Built-in list entries only.
ABSL_ATTRIBUTE_NOINLINE void NisbaAfterListedName(const NerTokens& tokens, size_t k,
                                                  std::vector<Candidate>* out) {
  const NerToken& name = tokens[k];
  const size_t j = k + 1;
  if (name.known != static_cast<int8_t>(kPer) || name.known_end != j ||
      name.known_priority < kBuiltinGazetteerPriority ||
      name.known_priority >= kUserGazetteerPriority || j >= tokens.size()) {
    return;
  }
  const NerToken& t = tokens[j];
  const bool listed_word = t.known == static_cast<int8_t>(kPer) && t.known_start &&
                           t.known_end == j + 1 && t.known_priority < kUserGazetteerPriority;
  if (!t.nisba || t.conjunction || t.clitic_article || !Definite(tokens, j) ||
      (t.known >= 0 && !listed_word) || !EndsWithYa(tokens.Key(j)) ||
      ((t.flags | t.reading_flags | t.bare_flags) & ~kNerGivenName) != 0) {
    return;
  }
  if (j + 1 < tokens.size() && tokens[j + 1].nisba && !tokens[j + 1].conjunction) return;
  // A nisba formed on a derived verbal noun describes (الإصلاحي، الاجتماعي، التاريخي): no
  // family takes its name so.
  std::string_view stem = tokens.Key(j);
  stem.remove_prefix(kWrittenArticle.size());
  stem.remove_suffix(2);  // ي
  if (IsDerivedMasdar(stem)) return;
  size_t first = k;
  while (first > 0 && !tokens[first].known_start) --first;
  // A listed name that a given name or a particle comes before is the end of a longer name
  // (سعود [بن ناصر] الريامي): NameEnds reads that one.
  if (first > 0 && tokens[first - 1].word &&
      (IsGiven(tokens[first - 1]) || (tokens[first - 1].flags & kNerParticle))) {
    return;
  }
  const int32_t priority = std::max(name.known_priority, listed_word ? t.known_priority : 0) + 1;
  out->push_back(tokens.MakeCandidate(kPer, first, j + 1, priority));
}

void ListedNames(const NerTokens& tokens, std::vector<Candidate>* out) {
  const size_t n = tokens.size();
  if (n == 0) return;
  // Scorers' minutes only in a match report (ScorerNameAt): counted as the view was built.
  const bool report = tokens.IsSportsText();
  // Read through a local pointer: the calls below would make the view's be loaded again for
  // every token.
  const NerToken* const view = &tokens[0];
  for (size_t i = 0; i < n; ++i) {
    const NerToken& t = view[i];
    if (t.punct) {
      if (report && i > 0) ScorerNameAt(tokens, i, out);
    } else if (t.word && t.known == static_cast<int8_t>(kPer) && i + 1 < n && view[i + 1].nisba) {
      NisbaAfterListedName(tokens, i, out);
    } else if (t.word && i + 1 < n && (view[i + 1].flags & kNerStop)) {
      if (t.known == static_cast<int8_t>(kPer) && (view[i + 1].flags & kNerOrdinal)) {
        EpithetAfterListedName(tokens, i, out);
      }
      EachOfNameAt(tokens, i, out);
    }
  }
}

// Whether no unlisted word of the item [item, end) (its first word as `first` reads it) has
// the shape of a participle or a relational plural (ومنسجم، ومسؤولين امنيين): where no
// punctuation or و closes a list, its last item must not be a clause going on in such a word.
bool NoParticipleOrPlural(const NerTokens& tokens, size_t item, const TokenReading& first,
                          size_t end) {
  for (size_t j = item; j < end; ++j) {
    if (IsGiven(tokens[j])) continue;
    const std::string_view key = j == item ? tokens.doc().Slice(first.key) : tokens.Key(j);
    // م starts participles; يين ends relational plurals (امنيين); راين and بوتين stay names.
    if (StartsWithMeem(key) || EndsWithAny(key, {"\xD9\x8A\xD9\x8A\xD9\x86"})) return false;
  }
  return true;
}

// Names joined by و to a person's name are persons too: ميشيل سالغادو و[روبرتو كارلوس]
// و[فرناندو هييرو]. The coordinated name is one to three unknown words that end where the list
// may go on (punctuation, another و, the end); a name from a seed proposed this way seeds the
// next one. Once two people are joined (a list, not one name and a clause), the list's last
// item may also end before a stop word: بوش وشارون وبلير [واولميرت] في لندن.
void CoordinatedNames(const NerTokens& tokens, std::vector<Candidate>* out) {
  const size_t n = tokens.size();
  std::vector<std::pair<size_t, bool>> seeds;  // end tokens of person candidates; in a list
  std::vector<bool> person_end;  // allocated once a person is found: most texts have none
  for (const Candidate& c : *out) {
    if (c.type != kPer || c.priority < kCoordinatedPriority) continue;
    if (person_end.empty()) person_end.assign(n + 1, false);
    person_end[c.end_token] = true;
  }
  if (person_end.empty()) return;
  for (const Candidate& c : *out) {
    if (c.type == kPer && c.end_token < n && c.priority >= kCoordinatedPriority) {
      const size_t f = c.first_token;
      // Joined by و (the person before ends at f) or by a comma (ends at the comma, f - 1).
      const bool in_list = tokens[f].conjunction
                               ? person_end[f]
                               : f > 0 && IsListComma(tokens, f - 1) && person_end[f - 1];
      seeds.emplace_back(c.end_token, in_list);
    }
  }
  if (seeds.empty()) return;
  std::vector<bool> done(n, false);
  while (!seeds.empty()) {
    const auto [k, in_list] = seeds.back();
    seeds.pop_back();
    if (k >= n || done[k] || tokens[k].known >= 0) continue;
    done[k] = true;
    int reading = WawReading(tokens, k);
    size_t item = k;
    if (reading < 0 && IsListComma(tokens, k) && k + 1 < n && tokens[k + 1].word &&
        tokens[k + 1].known < 0) {
      // A comma list (ميشيل سالغادو ، روبرتو كارلوس), its last name may take و too (، وهييرو).
      item = k + 1;
      reading = tokens[item].conjunction ? WawReading(tokens, item) : 0;
    }
    if (reading < 0) continue;
    const TokenReading& first = tokens.doc().analyses[item].readings[reading];
    const bool given_first =
        (tokens.lexicon().Flags(tokens.doc().Slice(first.key)) & kNerGivenName) != 0;
    if (!given_first && !PlainNameKey(tokens, tokens.doc().Slice(first.key))) continue;
    size_t end = item + 1;
    while (end < n && end < item + kMaxCoordinatedNameWords && !IsListBoundary(tokens, end) &&
           tokens[end].known < 0 && tokens.IsNameWord(end) && !Definite(tokens, end) &&
           (IsGiven(tokens[end]) || PlainNameKey(tokens, tokens.Key(end)))) {
      ++end;
    }
    // An Arab family name with the article may close an item that starts with a given name,
    // where the list goes on after it: وليد توفيق [وفايز السعيد] ،
    if (end == item + 1 && given_first && end < n && tokens[end].known < 0 &&
        Definite(tokens, end) && !tokens[end].conjunction && tokens.IsNameWord(end) &&
        !tokens[end].nisba && IsListBoundary(tokens, end + 1)) {
      ++end;
    }
    // A comma item without و must be followed by the list going on.
    const bool bare_comma_item = item != k && !tokens[item].conjunction;
    const bool last_of_list = in_list && tokens[item].conjunction && end < n && tokens[end].word &&
                              (tokens[end].flags & kNerStop) && !tokens[end].conjunction &&
                              NoParticipleOrPlural(tokens, item, first, end);
    if ((!IsListBoundary(tokens, end) && !last_of_list) ||
        (bare_comma_item && !IsListComma(tokens, end) && (end >= n || !tokens[end].conjunction))) {
      continue;
    }
    out->push_back(ReadingCandidate(tokens, item, first, end));
    seeds.emplace_back(end, true);
  }
}

// An unknown word right before a foreign-looking family name is the first name the lists lack:
// [أميتاب باتشان]، [سفتلانا كوزنتسوفا]. The word must carry no class, article or proclitic, have
// four letters or more, no proclitic reading and none of the shapes of common Arabic words. (Before
// a listed surname the word is a verb or a noun far too often: أثبت أينشتاين، عهد يلتسين.)
constexpr uint32_t kMinUnknownFirstNameLetters = 4;

void UnknownFirstNames(const NerTokens& tokens, std::vector<Candidate>* out) {
  const size_t n = tokens.size();
  std::vector<Candidate> longer;
  for (const Candidate& c : *out) {
    // Rule candidates only: before a listed surname the word is a noun in construct (حقوق
    // أينشتاين، اقتراح أنان), as the comment above says.
    if (c.type != kPer || c.first_token == 0 || c.end_token > n ||
        c.priority >= kBuiltinGazetteerPriority) {
      continue;
    }
    const size_t w = c.first_token - 1;
    const NerToken& first = tokens[c.first_token];
    const bool foreign_surname = c.end_token == c.first_token + 1 && first.foreign_suffix;
    if (!foreign_surname) continue;
    const NerToken& t = tokens[w];
    if (!t.word || t.known >= 0 || t.reading != 0 || t.conjunction || t.flags != 0 ||
        t.bare_flags != 0 || tokens.doc().tokens[w].kind != TokenKind::kArabicWord ||
        tokens.doc().analyses[w].reading_count > 1 || !tokens.IsNameWord(w) ||
        tokens.Letters(w) < kMinUnknownFirstNameLetters || !PlainNameKey(tokens, tokens.Key(w))) {
      continue;
    }
    // A four-letter word with alef first is a fourth-form verb or an elative (أثبت، أدرك،
    // أفضل); one starting with است a tenth-form verb (استقر).
    const std::string_view key = tokens.Key(w);
    if ((tokens.Letters(w) == kMinUnknownFirstNameLetters && key.substr(0, 2) == "\xD8\xA7") ||
        key.substr(0, 6) == "\xD8\xA7\xD8\xB3\xD8\xAA") {
      continue;
    }
    Candidate extended = tokens.MakeCandidate(kPer, w, c.end_token, c.priority + 1);
    longer.push_back(std::move(extended));
  }
  out->insert(out->end(), longer.begin(), longer.end());
}

// Listed names joined by a patronymic are one name: two listed names that share the word before
// بن ([خالد بن سلمان] and [سلمان بن عبد العزيز] in خالد بن سلمان بن عبد العزيز) or that meet at
// it ([عبد الله بن عبد العزيز] بن [عبد الرحمن آل سعود]). Alone, the resolver would keep the
// longer of two overlapping ones and cut the chain in two. Built-in list entries only: the
// caller's own entries keep their spans. A listed name followed by بن and unlisted name parts
// goes on as NameEnds reads them: [عبد الله بن عبد العزيز] بن عبد الرحمن آل سعود.
constexpr size_t kMaxChainedNames = 4;

bool ListedPersonName(const NerTokens& tokens, const Candidate& c) {
  return c.type == kPer && c.priority >= kBuiltinGazetteerPriority &&
         c.priority < kUserGazetteerPriority && c.first_token < c.end_token &&
         c.end_token <= tokens.size();
}

bool PatronymicAt(const NerTokens& tokens, size_t k) {
  return k < tokens.size() && (tokens[k].flags & kNerPatronymic) && !tokens[k].conjunction;
}

void ChainedListedNames(const NerTokens& tokens, Proposer* proposer,
                        const std::vector<Candidate>& prior) {
  // Most documents have no listed name followed by بن: nothing to collect.
  if (std::none_of(prior.begin(), prior.end(), [&](const Candidate& c) {
        return ListedPersonName(tokens, c) && PatronymicAt(tokens, c.end_token);
      })) {
    return;
  }
  std::vector<std::pair<uint32_t, uint32_t>> names;  // (first token, end token), sorted
  for (const Candidate& c : prior) {
    if (ListedPersonName(tokens, c)) names.emplace_back(c.first_token, c.end_token);
  }
  std::sort(names.begin(), names.end());
  // The farthest end of a listed name starting at a token in [from, to], or 0.
  auto farthest_end = [&](size_t from, size_t to) {
    uint32_t end = 0;
    auto it = std::lower_bound(names.begin(), names.end(),
                               std::make_pair(static_cast<uint32_t>(from), uint32_t{0}));
    for (; it != names.end() && it->first <= to; ++it) end = std::max(end, it->second);
    return end;
  };
  for (const auto& [first, end] : names) {
    if (!PatronymicAt(tokens, end)) continue;
    // A listed name goes on after بن like any other (GivenNameAnchor reads those that start
    // with a given name; عبد الله بن عبد العزيز starts with a particle).
    proposer->AddName(first, /*alone=*/false, /*titled=*/false);
    size_t chain_end = end;
    for (size_t links = 0; links < kMaxChainedNames && PatronymicAt(tokens, chain_end); ++links) {
      // The next name shares this one's last words (سلمان بن ..., عبد العزيز بن ...) or starts
      // after بن; either way it goes on past the name after بن.
      const size_t next_end = std::max<size_t>(farthest_end(first + 1, chain_end - 1),
                                               farthest_end(chain_end + 1, chain_end + 1));
      if (next_end <= chain_end + 1) break;
      chain_end = next_end;
    }
    if (chain_end > end) proposer->Add(first, chain_end);
  }
}

}  // namespace

void PersonMatcher::Propose(const Document& doc, const Options& options,
                            std::vector<Candidate>* out) const {
  if (doc.tokens.empty()) return;
  const NerTokens tokens(doc, *lexicon_, *out);
  Proposer proposer(tokens, out);
  const size_t n = tokens.size();
  // Most words start no name: only the tokens the view lists may (RuleStarts), and of those
  // only the ones where what every anchor needs of token i (or of the token after it, for a
  // patronymic) still holds once the known candidates are marked.
  for (const uint32_t i : tokens.RuleStarts()) {
    const NerToken& t = tokens[i];
    const bool may_start =
        PersonMayStartAt(t) || (i + 1 < n && PersonMayStartBefore(t, tokens[i + 1]));
    if (!may_start) continue;
    GivenNameAnchor(tokens, i, &proposer);
    ParticleAnchor(tokens, i, &proposer);
    PatronymicAnchor(tokens, i, &proposer);
    DemonymAnchor(tokens, i, &proposer);
    TitleAnchor(tokens, i, &proposer);
    ReportingVerbAnchor(tokens, i, &proposer);
    ForeignSurnameAnchor(tokens, i, &proposer);
  }
  ChainedListedNames(tokens, &proposer, *out);
  ListedNames(tokens, out);
  CoordinatedNames(tokens, out);
  UnknownFirstNames(tokens, out);
}

}  // namespace kashif::internal
