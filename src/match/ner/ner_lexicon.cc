#include "match/ner/ner_lexicon.h"

#include <algorithm>
#include <cstring>
#include <memory>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "match/gazetteer.h"
#include "data/embedded_data.h"
#include "text/lines.h"
#include "text/slot_array.h"
#include "text/strings.h"
#include "text/word_hash.h"

KASHIF_DECLARE_EMBEDDED(ner_given_names);
KASHIF_DECLARE_EMBEDDED(ner_cues);
KASHIF_DECLARE_EMBEDDED(ner_stop_words);
KASHIF_DECLARE_EMBEDDED(ner_sports);
KASHIF_DECLARE_EMBEDDED(demonyms);

namespace kashif::internal {
namespace {

// Match forms (UTF-8) of the few letters the token view tests: the article, the conjunctions,
// the relational-adjective ending and alef maqsura in the original text.
constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال
constexpr std::string_view kWaw = "\xD9\x88";              // و
constexpr std::string_view kFa = "\xD9\x81";               // ف
constexpr std::string_view kYa = "\xD9\x8A";               // ي
constexpr std::string_view kYaHeh = "\xD9\x8A\xD9\x87";    // يه (ية with teh marbuta folded)
constexpr std::string_view kAlefMaqsura = "\xD9\x89";      // ى
// A foreign-surname ending counts only on words at least this long (ـيف in تكييف does not).
constexpr uint32_t kMinForeignSuffixLetters = 6;

// A definite word without its article, when at least two letters follow the article (the
// analyzer's TokenReading::bare_word is the id of the same form); empty otherwise.
std::string_view BareOf(std::string_view key) {
  return StartsWith(key, kArticle) && key.size() >= kArticle.size() + 4
             ? key.substr(kArticle.size())
             : std::string_view();
}

uint32_t CountLetters(std::string_view key) { return static_cast<uint32_t>(CountCodePoints(key)); }

// The last four bytes of `s` (at least four long) as one integer: a fixed-size load.
uint32_t Last4(std::string_view s) {
  uint32_t v;
  std::memcpy(&v, s.data() + s.size() - 4, 4);
  return v;
}

struct ClassName {
  std::string_view name;
  uint32_t flag;
};
constexpr ClassName kClassNames[] = {
    {"male", kNerGivenName},
    {"female", kNerGivenName | kNerFemale},
    {"foreign", kNerGivenName | kNerForeignName},
    {"ambiguous", kNerAmbiguousName},
    {"title", kNerTitle},
    {"role", kNerRole},
    {"post_title", kNerPostTitle},
    {"particle", kNerParticle},
    {"verb", kNerVerb},
    {"org_head", kNerOrgHead},
    {"org_head_def", kNerOrgHeadDefinite},
    {"org_adj", kNerOrgAdjective},
    {"place_trigger", kNerPlaceTrigger},
    // A trigger that also heads common phrases (منطقة عازلة، منطقة الجزاء): see place_rules.h.
    {"place_trigger_weak", kNerPlaceTrigger | kNerOrgHeadWeak},
    {"place_feature", kNerPlaceFeature},
    {"stop", kNerStop},
    {"time", kNerTime | kNerStop},
    {"org_descriptor", kNerOrgDescriptor},
    {"name_article", kNerNameArticle},
    {"event", kNerEvent},
    {"name_start", kNerNameStart},
    {"ordinal", kNerOrdinal},
    {"org_head_weak", kNerOrgHeadWeak},
    {"patronymic", kNerPatronymic},
    {"person_noun", kNerPersonNoun},
    {"state_word", kNerStateWord},
    {"relative", kNerRelative | kNerStop},
    {"club", kNerClub},
    {"event_venue", kNerEvent | kNerEventVenue},
    {"place_preposition", kNerEventVenue},
    {"sport", kNerSport},
    {"sports_club", kNerSport | kNerClubName},
    // A word of many clubs' names before or after the place or name (أولمبيك، دينامو، يونايتد،
    // سيتي): kNerClubName without kNerSport (IsClubAffix()); kNerOrgAdjective keeps it out of
    // people's and places' names.
    {"club_affix", kNerClubName | kNerOrgAdjective},
    // A company's transliterated corporate word after its name (غروب، إنترناشونال، موتورز):
    // kNerOrgAdjective with kNerOrgHeadWeak and no head (IsOrgSuffix() in org_rules.cc); the
    // adjective bit keeps it out of people's and places' names.
    {"org_suffix", kNerOrgAdjective | kNerOrgHeadWeak},
    {"named_after", kNerNamedAfter},
};

}  // namespace

NerLexicon::NerLexicon(const Analyzer* analyzer)
    : analyzer_(analyzer), vocabulary_(&analyzer->vocabulary()) {}

StatusOr<std::unique_ptr<NerLexicon>> NerLexicon::CreateDefault(const Analyzer* analyzer) {
  return Create(analyzer, DefaultFiles());
}

void NerLexicon::Bind(const Analyzer* analyzer) {
  analyzer_ = analyzer;
  vocabulary_ = &analyzer->vocabulary();
  // flags_ stays, unread: freeing its ten thousand strings cost more of Create() than all the
  // binding does, and the process held one such table before the model owned its lexicons.
}

std::vector<NerLexicon::File> NerLexicon::DefaultFiles() {
  return {{"ner_given_names.tsv", KASHIF_EMBEDDED(ner_given_names)},
          {"ner_cues.tsv", KASHIF_EMBEDDED(ner_cues)},
          {"ner_stop_words.tsv", KASHIF_EMBEDDED(ner_stop_words)},
          {"ner_sports.tsv", KASHIF_EMBEDDED(ner_sports)},
          {"demonyms.tsv", KASHIF_EMBEDDED(demonyms), kNerDemonym}};
}

StatusOr<std::unique_ptr<NerLexicon>> NerLexicon::Create(const Analyzer* analyzer,
                                                         const std::vector<File>& files) {
  std::unique_ptr<NerLexicon> lexicon(new NerLexicon(analyzer));
  for (const File& file : files) {
    Status status = lexicon->AddFile(file);
    if (!status.ok()) return status;
  }
  // Longest endings first is not needed (any match counts), but a stable order keeps the
  // behaviour independent of the file order.
  std::sort(lexicon->foreign_suffixes_.begin(), lexicon->foreign_suffixes_.end());
  std::vector<SuffixTail> by_last_byte[256];
  for (uint32_t j = 0; j < lexicon->foreign_suffixes_.size(); ++j) {
    const std::string& suffix = lexicon->foreign_suffixes_[j];
    if (suffix.size() < 4) {
      lexicon->has_short_suffixes_ = true;
      continue;
    }
    by_last_byte[static_cast<unsigned char>(suffix.back())].push_back({Last4(suffix), j});
    lexicon->tail_filter_.Set(TailBit(Last4(suffix)));
  }
  for (size_t b = 0; b < 256; ++b) {
    lexicon->tail_begin_[b] = static_cast<uint32_t>(lexicon->suffix_tails_.size());
    lexicon->suffix_tails_.insert(lexicon->suffix_tails_.end(), by_last_byte[b].begin(),
                                  by_last_byte[b].end());
  }
  lexicon->tail_begin_[256] = static_cast<uint32_t>(lexicon->suffix_tails_.size());
  return StatusOr<std::unique_ptr<NerLexicon>>(std::move(lexicon));
}

Status NerLexicon::AddFile(const File& file) {
  const std::string_view name = file.name;
  const std::string_view content = file.content;
  LineReader lines(content);
  std::string_view line;
  std::string key;
  while (lines.NextData(&line)) {
    auto error = [&](const std::string& reason) {
      return Status(StatusCode::kInvalidArgument,
                    std::string(name) + ":" + std::to_string(lines.line_number()) + ": " + reason);
    };
    const size_t tab = line.find('\t');
    if (file.fixed_flags != 0) {
      key.clear();
      analyzer_->AppendMatchForm(line.substr(0, tab), &key);
      if (key.empty() || key.find(' ') != std::string::npos) continue;  // multi-word: no use here
      flags_[key] |= file.fixed_flags;
      continue;
    }
    if (tab == std::string_view::npos || line.find('\t', tab + 1) != std::string_view::npos) {
      return error("expected WORD<TAB>CLASSES");
    }
    key.clear();
    analyzer_->AppendMatchForm(line.substr(0, tab), &key);
    if (key.empty() || key.find(' ') != std::string::npos) {
      return error("expected one word");
    }
    uint32_t flags = 0;
    // foreign_suffix is no word class: the line's word is an ending, kept apart (no bit).
    bool suffix = false;
    std::string_view classes = line.substr(tab + 1);
    while (!classes.empty()) {
      size_t comma = classes.find(',');
      std::string_view item = classes.substr(0, comma);
      classes = comma == std::string_view::npos ? std::string_view() : classes.substr(comma + 1);
      if (item == "foreign_suffix") {
        suffix = true;
        continue;
      }
      auto it = std::find_if(std::begin(kClassNames), std::end(kClassNames),
                             [&](const ClassName& c) { return c.name == item; });
      if (it == std::end(kClassNames)) return error("unknown class '" + std::string(item) + "'");
      flags |= it->flag;
    }
    if (suffix) {
      foreign_suffixes_.push_back(key);
      if (flags == 0) continue;
    }
    flags_[key] |= flags;
  }
  return Status::Ok();
}

bool NerLexicon::HasForeignSuffixSlow(std::string_view key) const {
  if (!std::any_of(foreign_suffixes_.begin(), foreign_suffixes_.end(),
                   [&](const std::string& suffix) { return EndsWith(key, suffix); })) {
    return false;
  }
  return ForeignSuffixWordShape(key);
}

bool NerLexicon::ForeignSuffixWordShape(std::string_view key) {
  if (CountLetters(key) < kMinForeignSuffixLetters || StartsWith(key, kArticle)) return false;
  // Broken plurals (تكاليف، تصانيف، مخاوف) have alef as their third letter; the surnames do not.
  if (key.size() >= 6 && key.substr(4, 2) == "\xD8\xA7") return false;
  // Passive participles in the accusative (معروفا، مكشوفا، موصوفا: م + two letters + و + one
  // letter + ا) end like the feminine surnames in ـوفا.
  if (CountLetters(key) == 6 && StartsWith(key, "\xD9\x85") &&        // م
      key.substr(6, 2) == "\xD9\x88" && EndsWith(key, "\xD8\xA7")) {  // و، ا
    return false;
  }
  return true;
}

namespace {

// The part of NerTokens that depends on the words alone, not on earlier candidates: computed
// once per document for all the rule matchers and refiners.
}  // namespace

struct NerLexicalView : StageCache {
  const NerLexicon* lexicon = nullptr;
  std::vector<NerToken> tokens;
  std::vector<uint32_t> rule_starts;  // NerTokens::RuleStarts()
  std::vector<uint32_t> definite;     // the tokens whose rule reading has the article, in order
  // The document's definite words by the hash (HashWord) of their match form without the
  // article, collected on the first SeenWithArticle() call: open addressing over slots holding
  // the hash's high half and the token's index plus one (0: empty), one slot per distinct form.
  // A table of our own rather than a hash set of string views: it is rebuilt for every document
  // that asks, and filling it with a general string hash cost more than the questions.
  SlotArray definite_slots;
  bool definite_bare_built = false;
  // The sports words (IsSportsWord) of the document, for NerTokens::IsSportsText(): counted as
  // the view is built. The known-candidate marks change no sports class, so the count holds
  // for every NerTokens.
  size_t sports_words = 0;
  // The classes of every word (NerToken::flags | reading_flags | bare_flags), or-ed, before the
  // known-candidate marks: NerTokens::AnyWordHas().
  uint32_t classes = 0;
  // A NerTokens has marked its known candidates in `tokens` (NerTokens::Use::kMarkedInView);
  // `undo` has each token as it was before each mark, restored in reverse order. `readers`:
  // NerTokens reading `tokens` without marks.
  bool marked = false;
  std::vector<std::pair<uint32_t, NerToken>> undo;
  // The copy a NerTokens marks its known candidates in when it does not mark `tokens`, reused
  // by each matcher in turn (and by the next document); `copy_in_use` while one holds it.
  std::vector<NerToken> copy;
  bool copy_in_use = false;
  int readers = 0;

  size_t Bytes() const override {
    return (tokens.capacity() + copy.capacity()) * sizeof(NerToken) +
           (rule_starts.capacity() + definite.capacity()) * sizeof(uint32_t) +
           definite_slots.capacity() * sizeof(uint64_t) + undo.capacity() * sizeof(undo[0]);
  }
};

namespace {

void BuildLexicalView(const Document& doc, const NerLexicon& lexicon, std::vector<NerToken>* tokens,
                      std::vector<uint32_t>* rule_starts, std::vector<uint32_t>* definite,
                      size_t* sports_words, uint32_t* word_classes) {
  *sports_words = 0;
  *word_classes = 0;
  const size_t n = doc.tokens.size();
  tokens->resize(n);
  rule_starts->clear();
  definite->clear();
  NerToken* const out = tokens->data();
  // Every class a start test asks for: a word with none of them (most words) and no
  // foreign-surname ending is no start, without the tests themselves.
  constexpr uint32_t kStartClasses = kNerGivenName | kNerNameStart | kNerTitle | kNerRole |
                                     kNerVerb | kNerDemonym | kNerOrgHead | kNerOrgHeadDefinite |
                                     kNerPlaceTrigger | kNerPlaceFeature;
  // Token i - 1 is listed in rule_starts when a patronymic follows it: after token i is built.
  auto list = [&](size_t i) {
    const NerToken& t = out[i];
    *sports_words += IsSportsWord(t);
    const uint32_t classes = t.flags | t.reading_flags | t.bare_flags;
    *word_classes |= classes;
    if ((classes & kNerPatronymic) && i > 0 && PersonMayStartBefore(out[i - 1], t) &&
        (rule_starts->empty() || rule_starts->back() != i - 1)) {
      rule_starts->push_back(static_cast<uint32_t>(i - 1));
    }
    if (((classes & kStartClasses) || t.foreign_suffix) &&
        (PersonMayStartAt(t) || OrgHeadAt(t) || PlaceTriggerAt(t))) {
      rule_starts->push_back(static_cast<uint32_t>(i));
    }
  };
  // The analyzer's slices lie inside the arena: no range check per slice (Document::Slice's
  // substr checks one), and no reload of the arena through a bool store that may alias it.
  const char* const arena = doc.arena.data();
  auto slice = [arena](ArenaSlice s) { return std::string_view(arena + s.offset, s.size); };
  // The fields read off the match form of the reading the rules use.
  auto set_form_fields = [&](size_t i, NerToken& t, std::string_view key) {
    t.article = BareOf(key).size() != 0;
    if (t.article) {
      definite->push_back(static_cast<uint32_t>(i));
      // The ending first: the letters are counted only for the few definite words ending so.
      t.nisba = (EndsWith(key, kYa) || EndsWith(key, kYaHeh)) && CountLetters(key) >= 6;
    }
    t.foreign_suffix = lexicon.HasForeignSuffix(key);
  };
  // The document's arrays through local pointers too, for the same reason.
  const Token* const doc_tokens = doc.tokens.data();
  const TokenAnalysis* const analyses = doc.analyses.data();
  for (size_t i = 0; i < n; ++i) {
    // Filled in place from a blank token (two vector stores): a token filled on the stack was
    // copied out from its bytes, and its copy read them back as words, a store-forwarding
    // stall on every token.
    NerToken& t = out[i];
    t = NerToken();
    const TokenKind kind = doc_tokens[i].kind;
    t.word = kind == TokenKind::kArabicWord || kind == TokenKind::kLatinWord;
    t.punct = kind == TokenKind::kPunctuation;
    const TokenAnalysis& a = analyses[i];
    if (!t.word) continue;  // starts no name and is no patronymic: not listed
    if (a.reading_count == 0) {
      t.foreign_suffix = lexicon.HasForeignSuffix(slice(a.key));
      list(i);
      continue;
    }
    // Most words have one reading and are in no lexicon: no class, no reading to choose, no
    // proclitic. Such a word starts a rule only with a foreign-surname ending (list() then
    // finds PersonMayStartAt true and nothing else).
    if (a.reading_count == 1 && (a.whole.word | a.whole.bare_word) == Vocabulary::kUnknown) {
      set_form_fields(i, t, slice(a.whole.key));
      if (t.foreign_suffix) list(i);
      continue;
    }
    const uint8_t count = a.reading_count;
    // Most words are in no lexicon at all: their classes are all 0 without looking them up.
    const bool unknown = lexicon.KnowsNoReading(a);
    uint32_t reading_flags[kMaxReadings] = {};
    uint32_t whole_bare = 0;
    if (!unknown) {
      t.flags = reading_flags[0] = lexicon.ReadingFlags(doc, a.readings[0]);
      for (uint8_t r = 1; r < count; ++r) {
        reading_flags[r] = lexicon.ReadingFlags(doc, a.readings[r]);
        if (reading_flags[r] & kNerStop) t.clitic_stop = true;
      }
      whole_bare = lexicon.BareFlags(doc, a.readings[0]);
    }
    if (t.flags == 0 && whole_bare == 0 && count > 1) {
      // An unknown whole word: a reading with its proclitics set aside may be a known word.
      for (uint8_t r = 1; r < count && !unknown; ++r) {
        if (reading_flags[r] != 0 || lexicon.BareFlags(doc, a.readings[r]) != 0) {
          t.reading = r;
          break;
        }
      }
      bool known_rest = t.reading != 0;
      for (uint8_t r = 1; r < count; ++r) {
        if (StartsWith(slice(a.readings[r].key), kArticle)) {
          t.clitic_article = true;
          known_rest = true;
        }
      }
      // و before an unknown word is nearly always the conjunction, except on foreign names
      // (ويتكوف); ف is a conjunction far less often than a first letter (فوغل), so it counts only
      // before a known word or the article.
      const std::string_view whole = slice(a.readings[0].key);
      if (StartsWith(whole, kWaw)) {
        // The ending must hold without the و: ومخاوف is و + مخاوف, too short for one.
        t.conjunction = known_rest || !lexicon.HasForeignSuffix(slice(a.readings[1].key));
      } else if (StartsWith(whole, kFa)) {
        t.conjunction = known_rest;
      }
    }
    const TokenReading& reading = a.readings[t.reading];
    const std::string_view key = slice(reading.key);
    t.reading_flags = reading_flags[t.reading];
    set_form_fields(i, t, key);
    if (t.article) t.bare_flags = t.reading == 0 ? whole_bare : lexicon.BareFlags(doc, reading);
    list(i);
  }
}

NerLexicalView* LexicalView(const Document& doc, const NerLexicon& lexicon) {
  // Only the NER rules keep a cache in stage_cache, always this type: no dynamic_cast needed.
  auto* view = static_cast<NerLexicalView*>(doc.stage_cache.get());
  if (view == nullptr) {
    doc.stage_cache = std::make_unique<NerLexicalView>();
    view = static_cast<NerLexicalView*>(doc.stage_cache.get());
  }
  if (!view->fresh || view->lexicon != &lexicon) {
    BuildLexicalView(doc, lexicon, &view->tokens, &view->rule_starts, &view->definite,
                     &view->sports_words, &view->classes);
    view->lexicon = &lexicon;
    view->definite_bare_built = false;
    view->fresh = true;
  }
  return view;
}

}  // namespace

NerTokens::NerTokens(const Document& doc, const NerLexicon& lexicon,
                     const std::vector<Candidate>& prior, int32_t min_known_priority)
    : doc_(doc), lexicon_(lexicon), view_(LexicalView(doc, lexicon)) {
  size_ = view_->tokens.size();
  const bool marks = std::any_of(prior.begin(), prior.end(), [&](const Candidate& c) {
    return c.priority >= min_known_priority;
  });
  if (!marks && !view_->marked) {
    use_ = Use::kReader;
    ++view_->readers;
    tokens_ = view_->tokens.data();
    return;
  }
  if (marks && !view_->marked && view_->readers == 0) {
    use_ = Use::kMarkedInView;
    view_->marked = true;
    view_->undo.clear();
  } else {
    // Another NerTokens reads the view or has its marks in it: a copy of the unmarked tokens,
    // built again when the view carries the other's marks. Never so in the extractor's
    // pipeline, where the matchers and refiners run one after another.
    std::vector<NerToken>* copy = &own_;
    use_ = Use::kOwnCopy;
    if (!view_->copy_in_use) {
      view_->copy_in_use = true;
      use_ = Use::kViewsCopy;
      copy = &view_->copy;
    }
    if (view_->marked) {
      std::vector<uint32_t> starts;
      std::vector<uint32_t> definite;
      size_t sports_words;
      uint32_t classes;
      BuildLexicalView(doc, lexicon, copy, &starts, &definite, &sports_words, &classes);
    } else {
      copy->assign(view_->tokens.begin(), view_->tokens.end());
    }
  }
  NerToken* const marked = use_ == Use::kOwnCopy     ? own_.data()
                           : use_ == Use::kViewsCopy ? view_->copy.data()
                                                     : view_->tokens.data();
  tokens_ = marked;
  if (!marks) return;
  std::vector<std::pair<uint32_t, NerToken>>* const undo =
      use_ == Use::kMarkedInView ? &view_->undo : nullptr;
  for (const Candidate& c : prior) {
    if (c.priority < min_known_priority) continue;
    // A date or an amount is no part of a name and ends one: "جامعة بير زيت أمس", "مجلس إدارتها
    // يوم الثلاثاء 5 / 8 / 2008". Its tokens read as time words, so every rule stops before them
    // instead of taking the candidate in as a known name.
    if (c.type == EntityType::kDate || c.type == EntityType::kMoney) {
      for (uint32_t i = c.first_token; i < c.end_token && i < size_; ++i) {
        if (undo != nullptr) undo->emplace_back(i, marked[i]);
        marked[i].flags |= kNerTime | kNerStop;
        marked[i].reading_flags |= kNerTime | kNerStop;
      }
      continue;
    }
    for (uint32_t i = c.first_token; i < c.end_token && i < size_; ++i) {
      NerToken& t = marked[i];
      if (t.known >= 0 && t.known_priority >= c.priority) continue;
      if (undo != nullptr) undo->emplace_back(i, t);
      t.known = static_cast<int8_t>(c.type);
      t.known_start = i == c.first_token;
      t.known_end = c.end_token;
      t.known_priority = c.priority;
    }
  }
}

NerTokens::~NerTokens() {
  switch (use_) {
    case Use::kReader:
      --view_->readers;
      break;
    case Use::kMarkedInView:
      for (auto it = view_->undo.rbegin(); it != view_->undo.rend(); ++it) {
        view_->tokens[it->first] = it->second;
      }
      view_->marked = false;
      break;
    case Use::kViewsCopy:
      view_->copy_in_use = false;
      break;
    case Use::kOwnCopy:
      break;
  }
}

const std::vector<uint32_t>& NerTokens::RuleStarts() const { return view_->rule_starts; }

bool NerTokens::AnyWordHas(uint32_t classes) const { return (view_->classes & classes) != 0; }

uint32_t NerTokens::Letters(size_t i) const {
  return tokens_[i].word && doc_.analyses[i].reading_count != 0 ? CountLetters(Key(i)) : 0;
}

bool NerTokens::IsInitial(size_t i) const {
  if (i + 1 >= size_ || doc_.tokens[i].kind != TokenKind::kArabicWord) return false;
  // The period first: few words have one right after them, and it is cheaper than the count.
  const Token& next = doc_.tokens[i + 1];
  if (!next.glued_to_previous || next.text(doc_.text) != ".") return false;
  return CountLetters(doc_.Slice(doc_.analyses[i].key)) == 1;
}

bool NerTokens::EndsWithAlef(size_t i) const { return EndsWith(doc_.Key(i), "\xD8\xA7"); }

bool NerTokens::EndsWithPronoun(size_t i) const {
  const std::string_view text = doc_.TokenText(i);
  return EndsWith(text, "\xD8\xAA\xD9\x87") || EndsWith(text, "\xD9\x87\xD8\xA7") ||  // ته، ها
         EndsWith(text, "\xD9\x87\xD9\x85");                                          // هم
}

bool NerTokens::EndsLikeSoundPlural(size_t i) const {
  const std::string_view key = Key(i);
  return EndsWith(key, "\xD9\x8A\xD9\x86") || EndsWith(key, "\xD9\x88\xD9\x86");  // ين، ون
}

bool NerTokens::EndsFeminine(size_t i) const {
  return EndsWith(doc_.TokenText(i), "\xD8\xA9") ||  // ة
         EndsWith(Key(i), "\xD8\xA7\xD8\xAA");       // ات
}

bool HasTanween(std::string_view text) {
  for (size_t j = 0; j + 1 < text.size(); ++j) {
    if (text[j] == '\xD9' && (text[j + 1] == '\x8B' || text[j + 1] == '\x8C' || text[j + 1] == '\x8D')) {
      return true;
    }
  }
  return false;
}

bool NerTokens::IsSportsText() const {
  constexpr size_t kMinSportsWords = 4;
  return view_->sports_words >= kMinSportsWords;
}

bool NerTokens::IsAdjectiveShaped(size_t i) const {
  // Given names have these shapes too: فاطمة، جميلة، محمود.
  if (!tokens_[i].word || tokens_[i].article || (tokens_[i].flags & kNerGivenName)) return false;
  const std::string_view key = Key(i);
  constexpr size_t kLetter = 2;  // bytes of an Arabic letter in the match form
  constexpr std::string_view kMeem = "\xD9\x85", kYa = "\xD9\x8A", kAlef = "\xD8\xA7",
                             kWaw = "\xD9\x88";
  if (key.size() % kLetter != 0) return false;
  const size_t letters = key.size() / kLetter;
  auto letter = [&](size_t k) { return key.substr(k * kLetter, kLetter); };
  if (!EndsWith(doc_.TokenText(i), "\xD8\xA9")) {  // no teh marbuta: مفعول، مفاعل
    return letters == 5 && letter(0) == kMeem && (letter(3) == kWaw || letter(2) == kAlef);
  }
  if (letters >= 4 && letter(letters - 2) == kYa) return true;                // ساحلية
  if (letters == 5 && (letter(2) == kYa || letter(1) == kAlef)) return true;  // صغيرة، هادئة
  return letters >= 5 && letter(0) == kMeem;                                 // مزدهرة
}

bool NerTokens::EndsWithAlefMaqsura(size_t i) const {
  return EndsWith(doc_.TokenText(i), kAlefMaqsura);
}

Candidate NerTokens::MakeCandidate(EntityType type, size_t first, size_t end,
                                   int32_t priority) const {
  Candidate c;
  c.type = type;
  c.first_token = static_cast<uint32_t>(first);
  c.end_token = static_cast<uint32_t>(end);
  c.begin = Begin(first);
  c.end = End(end - 1);
  c.priority = priority;
  lexicon_.AppendDisplayForm(doc_.text.substr(c.begin, c.end - c.begin), &c.canonical);
  return c;
}

bool NerTokens::IsNameWord(size_t i, bool after_particle, bool after_foreign_male) const {
  const NerToken& t = tokens_[i];
  if (!t.word || KnownOther(i, EntityType::kPerson)) return false;
  if (t.known == static_cast<int8_t>(EntityType::kPerson)) return true;
  // Latin-script words in Arabic text are product names and terms far more often than people.
  if (doc_.tokens[i].kind != TokenKind::kArabicWord || t.clitic_stop) return false;
  if (t.flags & kNerGivenName) {
    // على folds to the name علي; as written with alef maqsura it is the preposition.
    return !((t.flags & kNerStop) && EndsWithAlefMaqsura(i));
  }
  // Unknown words ending in alef maqsura are verbs and adjectives (عانى، كبرى); the names that
  // end so (موسى، مصطفى) are listed.
  if (EndsWithAlefMaqsura(i)) return false;
  constexpr uint32_t kNotName = kNerStop | kNerTitle | kNerRole | kNerVerb | kNerOrgHead |
                                kNerPlaceTrigger | kNerPlaceFeature | kNerPostTitle |
                                kNerOrgAdjective | kNerParticle | kNerDemonym | kNerSport;
  // After a foreign masculine given name an indefinite word read only as a nationality is his
  // family name (جون كينيون، جون كيني): the adjective would follow him with the article.
  const bool foreign_surname = after_foreign_male && !t.article && !t.conjunction &&
                               (t.flags & ~kNerDemonym & kNotName) == 0;
  if ((t.flags & kNotName) && !(foreign_surname && (t.flags & kNerDemonym))) return false;
  // After a particle the article belongs to the name (عبد الله، عبد الواحد، أبو الفضل): what the
  // word means without it (له، واحد) says nothing.
  if (!after_particle && (t.bare_flags & (kNotName | kNerOrgHeadDefinite))) return false;
  if ((t.conjunction && !after_particle) || t.clitic_article) return false;
  // Counted only for the words the tests above leave.
  const uint32_t letters = Letters(i);
  if (letters < 2) return false;
  // A pronoun enclitic on a noun (موهبته، حديثها، قادتهم) marks a common word; ة is written ت
  // before it, and names end in ته or ها almost never.
  const std::string_view surface = doc_.TokenText(i);
  if (letters >= 5 && (EndsWith(surface, "\xD8\xAA\xD9\x87") ||   // ته
                       EndsWith(surface, "\xD9\x87\xD8\xA7") ||   // ها
                       EndsWith(surface, "\xD9\x87\xD9\x85"))) {  // هم
    return false;
  }
  // Imperfect and future verbs (يتوقع، تقول، سيتم، يستخدمه) look like unknown words; names of
  // that shape are rare enough up to seven letters and the known ones are listed. After a
  // foreign masculine given name the feminine ست / ت forms are no verb of his, so a surname may
  // start so (ريتشارد ستالمن، جون تايلور); a short ت word may still be a past verb (تحدث).
  // There a سي word ending in a bare alef is no future verb either (لويس سيلفا), unless وا.

  const std::string_view key = Key(i);
  const bool future_feminine = StartsWith(key, "\xD8\xB3\xD8\xAA");  // ست
  const bool verb_prefix =
      StartsWith(key, "\xD9\x8A") ||
      (StartsWith(key, "\xD8\xAA") && (!after_foreign_male || letters <= 4)) ||
      (StartsWith(key, "\xD8\xB3\xD9\x8A") && !(foreign_surname && EndsWith(surface, "\xD8\xA7") &&
                                                !EndsWith(surface, "\xD9\x88\xD8\xA7"))) ||
      (future_feminine && !after_foreign_male);
  if (verb_prefix && letters <= 7 && !t.foreign_suffix) return false;
  // The same word with the article elsewhere in the document is a common noun (لاعب beside
  // اللاعب). Definite family names (الخطيب) are not affected: their own form has the article.
  // Relational family names go both ways (حجازي، الحجازي), so they are exempt.
  if (!t.article && !EndsWith(key, kYa) && SeenWithArticle(key)) return false;
  return true;
}

bool NerTokens::SeenWithArticle(std::string_view key) const {
  SlotArray& slots = view_->definite_slots;
  // The slot holds a token whose form is `bare` (its hash `h`).
  auto holder = [&](uint64_t h, std::string_view bare) {
    return [&, h, bare](uint64_t slot) {
      return (slot >> 32) == (h >> 32) && BareOf(Key(static_cast<uint32_t>(slot) - 1)) == bare;
    };
  };
  // Built on the first question: most documents never ask one.
  if (!view_->definite_bare_built) {
    view_->definite_bare_built = true;
    slots.Reset(view_->definite.size());
    for (const uint32_t i : view_->definite) {
      const std::string_view bare = BareOf(Key(i));
      const uint64_t h = HashWord(bare.data(), bare.size());
      // A form already there is not added again: a word repeated throughout a long text must
      // not make one long probe chain.
      const size_t j = slots.Probe(h, holder(h, bare));
      if (slots[j] == 0) slots.Put(j, (h >> 32 << 32) | (static_cast<uint64_t>(i) + 1));
    }
  }
  const uint64_t h = HashWord(key.data(), key.size());
  return slots[slots.Probe(h, holder(h, key))] != 0;
}

bool NerTokens::IsPlainWord(size_t i) const {
  const NerToken& t = tokens_[i];
  if (!t.word || t.conjunction || t.clitic_article || t.nisba || Letters(i) < 2) return false;
  constexpr uint32_t kCue = kNerStop | kNerTitle | kNerRole | kNerVerb | kNerOrgHead |
                            kNerPlaceTrigger | kNerPlaceFeature | kNerPostTitle | kNerOrgAdjective |
                            kNerParticle | kNerDemonym;
  return !(t.flags & kCue) && !(t.bare_flags & (kCue | kNerOrgHeadDefinite));
}

bool NerTokens::EndsPhrase(size_t i) const {
  if (i >= size_) return true;
  const NerToken& t = tokens_[i];
  if (!t.word) return true;
  if (t.conjunction || t.clitic_article) return true;
  if (t.flags & kNerTime) return true;
  if ((t.flags & (kNerStop | kNerVerb)) && !t.article) return true;
  return false;
}

int32_t NerTokens::RulePriority(size_t first, size_t end, EntityType type, int32_t base,
                                bool over_other_types) const {
  int32_t priority = base;
  for (size_t i = first; i < end; ++i) {
    const NerToken& t = tokens_[i];
    if (t.known < 0) continue;
    if ((i == first && !t.known_start) || t.known_end > end) return -1;
    if (t.known_start && i == first && t.known_end == end) return -1;
    if (t.known != static_cast<int8_t>(type) && !over_other_types) return -1;
    priority = std::max(priority, t.known_priority + 1);
  }
  return priority;
}

void NerLexicon::AddWordsTo(VocabularyBuilder* builder) const {
  for (const auto& [key, flags] : flags_) builder->Add(key, 0, flags);
}

bool StartsWithHeadWord(const NerTokens& tokens, const Candidate& c, EntityType type,
                        uint32_t head_classes, uint32_t except_classes) {
  if (c.type != type || c.priority >= kUserGazetteerPriority || c.first_token >= tokens.size() ||
      c.end_token < c.first_token + 2) {
    return false;
  }
  const NerToken& t = tokens[c.first_token];
  return (t.reading_flags & head_classes) && !(t.reading_flags & except_classes) && !t.article;
}

void DropHeadWordWhereRestIsListed(const NerTokens& tokens, EntityType type,
                                   uint32_t head_classes, uint32_t except_classes,
                                   std::vector<Candidate>* out) {
  std::vector<Candidate>& all = *out;
  auto head_word = [&](const Candidate& c) {
    return StartsWithHeadWord(tokens, c, type, head_classes, except_classes);
  };
  if (std::none_of(all.begin(), all.end(), head_word)) return;  // most documents
  // Every decision is made against the candidates as they came in: a rest counts even when it
  // is itself dropped for a head word of its own (نهر + مدينة + a listed name).
  // Among many candidates the rests are looked up by span, not searched for: the search was
  // quadratic in a text repeating a listed name.
  constexpr size_t kMaxSearched = 64;
  absl::flat_hash_set<uint64_t> spans;  // of `type`'s candidates, when there are many
  if (all.size() > kMaxSearched) {
    for (const Candidate& d : all) {
      if (d.type == type) spans.insert(uint64_t{d.first_token} << 32 | d.end_token);
    }
  }
  auto rest_listed = [&](const Candidate& c) {
    if (all.size() <= kMaxSearched) {
      return std::any_of(all.begin(), all.end(), [&](const Candidate& d) {
        return d.type == type && d.first_token == c.first_token + 1 && d.end_token == c.end_token;
      });
    }
    return spans.contains(uint64_t{c.first_token + 1} << 32 | c.end_token);
  };
  std::vector<uint8_t> keep(all.size(), 1);
  for (uint32_t p = 0; p < all.size(); ++p) keep[p] = !(head_word(all[p]) && rest_listed(all[p]));
  size_t kept = 0;
  for (size_t p = 0; p < all.size(); ++p) {
    if (!keep[p]) continue;
    if (kept != p) all[kept] = std::move(all[p]);
    ++kept;
  }
  all.erase(all.begin() + kept, all.end());
}

}  // namespace kashif::internal
