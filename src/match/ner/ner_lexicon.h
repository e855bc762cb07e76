// The word lists of the person, organization and place rules (data/ner_*.tsv) and the per-token
// view of a document those rules share.
#ifndef KASHIF_SRC_MATCH_NER_NER_LEXICON_H_
#define KASHIF_SRC_MATCH_NER_NER_LEXICON_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "core/analyzer.h"
#include "core/document.h"
#include "core/vocabulary.h"
#include "kashif/normalizer.h"
#include "kashif/status.h"
#include "match/matcher.h"
#include "text/bit_filter.h"

namespace kashif::internal {

// Word classes (bit flags); the data files name them in lower case (see data/ner_cues.tsv).
enum NerClass : uint32_t {
  kNerGivenName = 1u << 0,
  kNerFemale = 1u << 1,
  kNerForeignName = 1u << 2,
  kNerAmbiguousName = 1u << 3,  // also an everyday word: needs more evidence
  kNerTitle = 1u << 4,
  kNerRole = 1u << 5,
  kNerPostTitle = 1u << 6,
  kNerParticle = 1u << 7,
  kNerVerb = 1u << 8,
  kNerOrgHead = 1u << 9,
  kNerOrgHeadDefinite = 1u << 10,
  kNerOrgAdjective = 1u << 11,
  kNerPlaceTrigger = 1u << 12,
  kNerPlaceFeature = 1u << 13,
  kNerStop = 1u << 14,
  kNerTime = 1u << 15,
  // A club's name that is also an everyday word or a city (الأهلي، النصر، ليفربول; data class
  // sports_club, with kNerSport): an organization in a sports text only. A bit of its own, so
  // the club words (فريق، نادي، منتخب، ضيفه: kNerClub with kNerSport) count as sports words.
  kNerClubName = 1u << 16,
  kNerOrgDescriptor = 1u << 17,
  kNerDemonym = 1u << 18,  // a nationality or relational adjective (data/demonyms.tsv)
  kNerNameArticle = 1u << 19,  // a title after which a definite word is a name: الإمام الحسين
  kNerEvent = 1u << 20,        // heads an event's or a prize's name: كأس، دوري، جائزة
  kNerNameStart = 1u << 21,  // a particle a name may start with: أبو مازن، عبد الله
  kNerOrdinal = 1u << 22,    // a regnal number after a name: الحسن الثاني
  kNerRelative = 1u << 23,   // a relative pronoun (الذي، التي): ends a clause's subject
  kNerOrgHeadWeak = 1u << 24,  // an organization head that also heads common phrases
  kNerPatronymic = 1u << 25,   // بن، ابن، بنت: "son / daughter of" inside a name
  // A definite noun for a kind of person that is no title because it is also an everyday word
  // (العالم "the scientist" / "the world"): with a nationality adjective after it, the unknown
  // word that follows is a name (العالم الألماني هيزنبرج).
  kNerPersonNoun = 1u << 26,
  // A state's form before its name (دولة، مملكة، جمهورية): kept out of a listed name whose rest
  // is a listed place (دولة [قطر]), as a trigger is; no trigger itself (دولة مستقلة).
  kNerStateWord = 1u << 27,
  // A noun for a sports club or team (نادي، فريق): a listed place right after it is the club
  // named after that place, not the place (فريق [برشلونة]، نادي [ليفربول]).
  kNerClub = 1u << 28,
  // A word after which a name says where something is. With kNerEvent, an event word whose name
  // gives where the event is held (أولمبياد [بكين]، رالي [تركيا]): the place in it stays a place,
  // unlike the scope in a cup's or a league's name (كأس آسيا). Without it, the preposition في
  // (data class place_preposition): an unknown foreign-shaped word after it is a place.
  kNerEventVenue = 1u << 29,
  // A word of sports reporting (مباراة، لاعب، فاز، صفر، فريق; data/ner_sports.tsv): a few of them
  // make a sports text, where a place in a team's slot is the team. Club names have it too
  // (with kNerClubName) and are no sports words.
  kNerSport = 1u << 30,
  // A place or an institution a person's name may follow to name it (مطار، ملعب، جامعة): with
  // a title and a name after it the whole phrase is one entity (مطار الملكة علياء).
  kNerNamedAfter = 1u << 31,
};

// Compiled from its files, its words added to the vocabulary (AddWordsTo), bound to an analyzer
// over that vocabulary (Bind); immutable after, and shared by the rule matchers of every model
// over that vocabulary (extract/lexicons.h).
class NerLexicon {
 public:
  // The lexicon of the embedded data files; fails only on a malformed built-in file.
  static StatusOr<std::unique_ptr<NerLexicon>> CreateDefault(const Analyzer* analyzer);
  struct File {
    std::string_view name;
    std::string_view content;
    // 0: lines are WORD<TAB>CLASS[,CLASS...]; otherwise every line's first column gets these
    // classes and the rest of the line is ignored (data/demonyms.tsv: ADJECTIVE<TAB>PLACE).
    uint32_t fixed_flags = 0;
  };
  // The lexicon of `files`, in `analyzer`'s match forms (every Analyzer folds alike: one
  // without a vocabulary will do until Bind()).
  static StatusOr<std::unique_ptr<NerLexicon>> Create(const Analyzer* analyzer,
                                                      const std::vector<File>& files);
  // The embedded files CreateDefault() reads.
  static std::vector<File> DefaultFiles();
  // Adds every word with its classes to the vocabulary being built (before Bind()).
  void AddWordsTo(VocabularyBuilder* builder) const;
  // Binds the lexicon to `analyzer`, whose vocabulary was built with AddWordsTo(), once, before
  // it is shared: the classes are then read off the vocabulary, and `analyzer` gives the
  // display forms. `analyzer` outlives the lexicon, and
  // every document the rules read comes from it.
  void Bind(const Analyzer* analyzer);

  // The classes of a word given in match form (0 when unknown).
  uint32_t Flags(std::string_view key) const {
    return vocabulary_->Info(vocabulary_->Find(key)).classes;
  }
  // The classes of a reading's word, and of that word without its article (0 when the reading
  // has none), read off the reading's vocabulary ids.
  uint32_t ReadingFlags(const Document& doc, const TokenReading& reading) const {
    return doc.Info(reading).classes;
  }
  uint32_t BareFlags(const Document& doc, const TokenReading& reading) const {
    return doc.BareInfo(reading).classes;
  }
  // Whether no reading of the token, with or without its article, is a word of this lexicon,
  // told from the readings' vocabulary ids alone.
  bool KnowsNoReading(const TokenAnalysis& a) const {
    uint32_t ids = 0;
    for (uint8_t r = 0; r < a.reading_count; ++r) {
      ids |= a.readings[r].word | a.readings[r].bare_word;
    }
    return ids == Vocabulary::kUnknown;
  }
  // Whether the match form ends with a foreign-surname ending (and is long enough for it). For a
  // token's rule reading, NerToken::foreign_suffix has the answer.
  bool HasForeignSuffix(std::string_view key) const {
    // Asked of every word, and most words end in none of the endings: their last four bytes
    // hash to a bit of a small filter that no ending set. The others compare the last four
    // bytes with those of each ending ending in the same byte, inline.
    if (key.size() >= 4) {
      uint32_t last4;
      std::memcpy(&last4, key.data() + key.size() - 4, 4);
      if (!tail_filter_.Test(TailBit(last4))) {
        return has_short_suffixes_ && HasForeignSuffixSlow(key);
      }
      const unsigned char last = static_cast<unsigned char>(key.back());
      for (uint32_t j = tail_begin_[last]; j < tail_begin_[last + 1]; ++j) {
        if (suffix_tails_[j].last4 == last4) {
          const std::string& suffix = foreign_suffixes_[suffix_tails_[j].index];
          if (key.size() >= suffix.size() && std::memcmp(key.data() + key.size() - suffix.size(),
                                                         suffix.data(), suffix.size()) == 0) {
            return ForeignSuffixWordShape(key);
          }
        }
      }
    }
    return has_short_suffixes_ && !key.empty() && HasForeignSuffixSlow(key);
  }

  const Analyzer& analyzer() const { return *analyzer_; }
  // The form used for canonical names of rule-found entities: marks and tatweel removed, the
  // letters as written.
  void AppendDisplayForm(std::string_view text, std::string* out) const {
    analyzer_->AppendDisplayForm(text, out);
  }

 private:
  explicit NerLexicon(const Analyzer* analyzer);
  // HasForeignSuffix() after its quick test: the whole test.
  bool HasForeignSuffixSlow(std::string_view key) const;
  // Whether a word that ends with a foreign-surname ending is shaped like a surname: long
  // enough, no article, no broken plural or participle.
  static bool ForeignSuffixWordShape(std::string_view key);
  Status AddFile(const File& file);

  const Analyzer* analyzer_;
  // The vocabulary holding the words and their classes (Bind()): the empty one until then.
  const Vocabulary* vocabulary_;
  absl::flat_hash_map<std::string, uint32_t> flags_;  // the words, for AddWordsTo()
  std::vector<std::string> foreign_suffixes_;
  // The last four bytes of each ending (as one integer), grouped by the ending's last byte:
  // those ending in byte b are suffix_tails_[tail_begin_[b], tail_begin_[b + 1]). Endings
  // shorter than four bytes (none of the built-in ones) are always tested the slow way.
  struct SuffixTail {
    uint32_t last4;
    uint32_t index;  // into foreign_suffixes_
  };
  std::vector<SuffixTail> suffix_tails_;
  uint32_t tail_begin_[257] = {};
  // One bit per ending of four bytes or more, at TailBit() of its last four.
  static uint32_t TailBit(uint32_t last4) { return (last4 * 0x9E3779B1u) >> 22; }  // 10 bits
  BitFilter<1024> tail_filter_;
  bool has_short_suffixes_ = false;
};

// What the rules know about one token of a document. The fields are ordered to keep the struct
// small: each rule matcher that marks known candidates copies one per token.
struct NerToken {
  uint32_t flags = 0;          // classes of the whole token
  uint32_t reading_flags = 0;  // classes of the reading the rules use
  uint32_t bare_flags = 0;     // classes of that reading without its article ال
  uint32_t known_end = 0;      // end token of the known candidate (see `known`)
  int32_t known_priority = 0;
  bool word = false;     // an Arabic or Latin word
  bool punct = false;    // punctuation
  uint8_t reading = 0;   // the reading the rules use (0, or one with proclitics set aside)
  bool article = false;  // that reading starts with the article
  bool clitic_article = false;  // a proclitic before the article: بالضفة، للاستثمار، والتعاون
  bool conjunction = false;  // starts with و or ف and is not itself a known word
  bool clitic_stop = false;  // a proclitic + a stop word: بأول (ب + أول), not the name باول
  bool nisba = false;        // definite and ends like a relational adjective: الروسية
  // The reading's match form (Key(i)) ends with a foreign-surname ending:
  // NerLexicon::HasForeignSuffix(Key(i)), asked of many words by several rules.
  bool foreign_suffix = false;
  // The type of a higher-priority PER / ORG / LOC candidate (gazetteer) covering the token, or
  // -1, and whether the token starts that candidate. Tokens of a date or money candidate are
  // not known: they get the time-word flags (kNerTime | kNerStop) and so end every name.
  int8_t known = -1;
  bool known_start = false;
};

// Where each rule matcher may start a name, by what the token itself is. The known-candidate
// marks only take starts away (a date's tokens get time flags, which none of these asks for,
// and a known token starts no foreign surname), so the view tests its unmarked tokens and lists
// those that pass one (NerTokens::RuleStarts()): the matchers visit no others.
inline bool PersonMayStartAt(const NerToken& t) {
  constexpr uint32_t kStartFlags = kNerGivenName | kNerNameStart | kNerTitle | kNerRole | kNerVerb;
  return t.word && ((t.reading_flags & kStartFlags) ||
                    (t.article && ((t.reading_flags | t.bare_flags | t.flags) & kNerDemonym)) ||
                    (t.foreign_suffix && t.reading == 0 && t.flags == 0 && t.known < 0));
}
// A person's name may also start at a word followed by a patronymic (بن، ابن).
inline bool PersonMayStartBefore(const NerToken& t, const NerToken& next) {
  return t.word && (next.flags & kNerPatronymic);
}
inline bool OrgHeadAt(const NerToken& t) {
  return t.word && (((t.reading_flags & kNerOrgHead) && !t.article) ||
                    (t.article && (t.bare_flags & kNerOrgHeadDefinite)));
}
// A definite feature word (البحر) heads its own name (البحر الأحمر): left to the gazetteer.
inline bool PlaceTriggerAt(const NerToken& t) {
  return t.word && ((t.reading_flags & kNerPlaceTrigger) ||
                    ((t.reading_flags & kNerPlaceFeature) && !t.article));
}

// Whether the text carries tanween (ً ٌ ٍ), the indefinite ending no name is written with:
// مشتبهاً، إباءً، رواقٍ.
bool HasTanween(std::string_view text);

// A club's name that is an everyday word or a city (data class sports_club: الأهلي، ليفربول).
inline bool IsClubName(uint32_t flags) {
  return (flags & (kNerSport | kNerClubName)) == (kNerSport | kNerClubName);
}
// A word of clubs' names before or after their place or name (data class club_affix:
// أولمبيك مرسيليا، دينامو كييف، شيفيلد يونايتد، هال سيتي).
inline bool IsClubAffix(uint32_t flags) { return (flags & kNerClubName) && !(flags & kNerSport); }

// A sports word (مباراة، لاعب، صفر، فريق، ضيفه; data/ner_sports.tsv) that is no club's name.
inline bool IsSportsWord(const NerToken& t) {
  return t.word && ((t.reading_flags | t.bare_flags) & kNerSport) && !IsClubName(t.reading_flags);
}

struct NerLexicalView;

// The per-token view of a document, computed once per matcher call.
class NerTokens {
 public:
  // `prior`: candidates proposed before the rules run; those at `min_known_priority` or above
  // mark their tokens as known.
  NerTokens(const Document& doc, const NerLexicon& lexicon, const std::vector<Candidate>& prior,
            int32_t min_known_priority = kGrammarPriority);
  ~NerTokens();
  NerTokens(const NerTokens&) = delete;
  NerTokens& operator=(const NerTokens&) = delete;

  size_t size() const { return size_; }
  const NerToken& operator[](size_t i) const { return tokens_[i]; }

  // Letters in the reading the rules use (0 for a token that is no word or has no reading).
  // Counted when a rule asks, not for every token: few get that far.
  uint32_t Letters(size_t i) const;

  // The reading key the rules use for token i.
  std::string_view Key(size_t i) const {  // inline: the rules ask it of many tokens
    const TokenAnalysis& a = doc_.analyses[i];
    return doc_.Slice(a.reading_count == 0 ? a.key : a.readings[tokens_[i].reading].key);
  }
  // Byte offset where token i's entity span starts (after its proclitics, if the reading has
  // any).
  uint32_t Begin(size_t i) const {
    const TokenAnalysis& a = doc_.analyses[i];
    const uint32_t skip = a.reading_count == 0 ? 0 : a.readings[tokens_[i].reading].skip_bytes;
    return doc_.tokens[i].begin + skip;
  }
  uint32_t End(size_t i) const { return doc_.tokens[i].end; }
  // Whether token i is a single Arabic letter followed by a period: the initial in "ف. بوتين".
  bool IsInitial(size_t i) const;
  // Whether the token's text ends with alef maqsura (على is never the name علي).
  bool EndsWithAlefMaqsura(size_t i) const;
  // Whether the token's match form ends with alef (the accusative of ردا، عاما).
  bool EndsWithAlef(size_t i) const;
  // Whether the reading's key ends like a sound masculine plural, ـين or ـون (also a dual's ـين):
  // a noun of people (للصحفيين، متظاهرون), never a person's or an institution's field.
  bool EndsLikeSoundPlural(size_t i) const;
  // Whether the token as written ends with a pronoun on a noun (ومهاراته، وزوجها، قادتهم،
  // سكانها): the mark of a common word, as in IsNameWord, for words that test does not see.
  bool EndsWithPronoun(size_t i) const;
  // Whether the token as written ends with teh marbuta or its match form with the feminine
  // plural ـات: the endings of Arabic nouns and adjectives (إدارة، معينة، سيارات), rare on
  // foreign names.
  bool EndsFeminine(size_t i) const;
  // Whether the indefinite word i is shaped like an adjective or participle that describes the
  // noun before it (مدينة ساحلية، قرية صغيرة، بلدة هادئة، مدينة مزدهرة، صندوق مصنوع), not a
  // proper name: with teh marbuta a relational adjective (ـية), the patterns فعيلة and فاعلة or a
  // participle with the prefix م; without it the participles مفعول (مصنوع) and مفاعل (محايد);
  // not فعيل, a shape many names have (شقيف). Given names of these shapes (فاطمة، محمود) are
  // names; listed places (بريدة، باتنة) are known before a rule asks.
  bool IsAdjectiveShaped(size_t i) const;
  // Whether the text is sports reporting: it has a few sports words (IsSportsWord). The club
  // rules and the scorer rule read names so only there.
  bool IsSportsText() const;

  // A candidate of `type` over [first, end) whose span starts after token first's proclitics.
  Candidate MakeCandidate(EntityType type, size_t first, size_t end, int32_t priority) const;

  // The tokens, in order, where PersonMayStartAt(), PersonMayStartBefore(), OrgHeadAt() or
  // PlaceTriggerAt() holds before the known candidates are marked: a superset of where any
  // holds now (few tokens of running text).
  const std::vector<uint32_t>& RuleStarts() const;
  // Whether some word of the document has one of `classes` (NerClass flags) in flags,
  // reading_flags or bare_flags, as the words are: the known-candidate marks add only
  // kNerTime | kNerStop. A rule that acts only at words of a class skips most short texts so.
  bool AnyWordHas(uint32_t classes) const;

  // Whether token i is a known candidate of a type other than `type`.
  bool KnownOther(size_t i, EntityType type) const {
    return tokens_[i].known >= 0 && tokens_[i].known != static_cast<int8_t>(type);
  }
  // Whether token i can be part of a person's name: a given name, a known person, or a word
  // that is no particle, stop word, cue or verb-looking form, carries no proclitic, and does
  // not occur with the article elsewhere in the document (اللاعب makes لاعب a common noun).
  // `after_particle`: the word follows a name particle (بن، أبي، عبد), which a name part must
  // follow, so a first و is a letter of the name, not the conjunction (بن أبي [وقاص]), and a
  // definite word is read with its article (عبد الله: not ل + ه).
  // `after_foreign_male`: the word follows a foreign masculine given name (ريتشارد، ستيفن), whose
  // verb would not take the feminine future prefix ست, so ستالمن there is a surname.
  bool IsNameWord(size_t i, bool after_particle = false, bool after_foreign_male = false) const;
  // Whether the match form `key` occurs with the article somewhere in the document.
  bool SeenWithArticle(std::string_view key) const;
  // Whether token i can be (part of) a place's or organization's proper name: a word that is no
  // stop word, cue or relational adjective and carries no proclitic.
  bool IsPlainWord(size_t i) const;
  // Whether token i ends an organization or place phrase: punctuation, a function word, a time
  // word, a word with a conjunction or a preposition + article.
  bool EndsPhrase(size_t i) const;
  // The priority a rule candidate over [first, end) takes: `base`, or one more than the highest
  // known candidate lying wholly inside it (a longer name built around a known one is the better
  // reading: جامعة القاهرة over القاهرة). Known candidates of another type count only when
  // `over_other_types`. Returns -1 when a known candidate crosses the span's edge, or covers
  // exactly the same tokens (nothing to add).
  int32_t RulePriority(size_t first, size_t end, EntityType type, int32_t base,
                       bool over_other_types) const;

  const Document& doc() const { return doc_; }
  const NerLexicon& lexicon() const { return lexicon_; }

 private:
  const Document& doc_;
  const NerLexicon& lexicon_;
  // How this NerTokens reads the view's tokens. The rule matchers run one after another, so
  // each marks its known candidates in the view's own tokens and undoes the marks when it ends
  // (the marked tokens only), rather than copying every token; a NerTokens made while another
  // holds the view marks a copy.
  enum class Use {
    kReader,        // the view's tokens as they are, no marks
    kMarkedInView,  // the view's tokens with this call's marks, undone by the destructor
    kViewsCopy,     // the view's reusable copy (NerLexicalView::copy), with this call's marks
    kOwnCopy,       // own_: when another NerTokens holds the view's copy
  };
  const NerToken* tokens_ = nullptr;
  size_t size_ = 0;
  Use use_ = Use::kReader;
  std::vector<NerToken> own_;
  // The word-only part, shared by every NerTokens of the document (kept in doc.stage_cache).
  NerLexicalView* view_;
};

// Whether a list of names may go on at token k, so an item may end before it: punctuation, a
// word with the conjunction و (the next item: ، البرامكة والقصاع) or the end of the text.
inline bool IsListBoundary(const NerTokens& tokens, size_t k) {
  return k >= tokens.size() || tokens[k].punct || tokens[k].conjunction;
}

// Whether token k is a comma (، or ,), which separates the names of a list.
inline bool IsListComma(const NerTokens& tokens, size_t k) {
  if (k >= tokens.size() || !tokens[k].punct) return false;
  const std::string_view text = tokens.doc().TokenText(k);
  return text == "\xD8\x8C" || text == ",";  // ، ,
}

// Whether c is a built-in or rule candidate of `type` over two or more words whose first word,
// read without an article, has one of `head_classes` and none of `except_classes`: a head word
// such as a descriptor (حركة) or a trigger (نهر، مدينة).
bool StartsWithHeadWord(const NerTokens& tokens, const Candidate& c, EntityType type,
                        uint32_t head_classes, uint32_t except_classes);

// Drops each such candidate that another candidate of the same type covers without its head
// word (حركة [حماس]، نهر [النيجر]): the name inside takes over, as the rules have it for the
// names they find.
void DropHeadWordWhereRestIsListed(const NerTokens& tokens, EntityType type, uint32_t head_classes,
                                   uint32_t except_classes, std::vector<Candidate>* out);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_NER_NER_LEXICON_H_
