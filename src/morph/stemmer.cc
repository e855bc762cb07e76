// The segmenter. A word is decoded into letter codes once; then the few ways to read it
// (proclitic sequences x suffix sequences, at most a few dozen) are enumerated and one is
// picked:
//  1. The lexicon: the first reading whose stem is a known stem or function word, trying the
//     fewest proclitic letters first and then the fewest suffix letters. This is what keeps
//     the و of وزير and the ب of بين, reads له as ل + ه and الجزائر as ال + جزائر.
//  2. Otherwise rules with length limits (Light10-like) and letter patterns, tuned to strip
//     what is nearly always a clitic (the article, و / ب / ل before three more letters, س
//     before an imperfect verb prefix) and to leave what is often part of a stem (ف, ك, a
//     final ه after ا, the second-person and first-person-singular pronouns, ين of تفعيل).
//
// Measured on the WikiNews segmentation gold (tests/segmentation_eval.cc): the clitic split
// is right for about 99 % of words; see that file for the method.
//
// The affix spellings below are the closed set of Arabic clitics and inflectional endings
// this stage owns; they are grammar, not data, so they live here (see DESIGN.md).
#include "kashif/stemmer.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <iterator>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "data/embedded_data.h"
#include "kashif/normalizer.h"
#include "morph/letters.h"
#include "text/bit_filter.h"
#include "text/slot_array.h"
#include "text/lines.h"

KASHIF_DECLARE_EMBEDDED(morph_lexicon);

namespace kashif {

using internal::DecodeLetters;
using internal::DecodeResult;
using internal::LetterWord;
using internal::PackLetters;
namespace L = internal::letter;

namespace {

// Lexicon flags.
constexpr uint8_t kKnownStem = 1;  // a stem that may take inflectional suffixes and enclitics
constexpr uint8_t kParticle = 2;   // a function word: takes enclitics (any person), no inflection
constexpr uint8_t kPrefix = 4;     // words beginning with it keep their first letter
constexpr uint8_t kWholeWord = 8;  // a function word that takes no suffix or pronoun
// Letters a word keeps after ب / ل when the rules split them (lexicon words aside).
constexpr size_t kMinRestAfterPreposition = 3;

// Affix forms (dictionary spelling), referred to by index so the candidate readings built
// for every word stay a few bytes each.
enum Form : uint8_t {
  kFormNone, kFormWaw, kFormFeh, kFormBeh, kFormKaf, kFormLam, kFormSeen, kFormArticle,
  kFormTehMarbuta, kFormAt, kFormYn, kFormAn, kFormWn, kFormWa, kFormT, kFormA,
  kFormHuma, kFormKuma, kFormHum, kFormHunna, kFormHa, kFormKum, kFormKunna, kFormNa,
  kFormHu, kFormKa, kFormYa,
};
constexpr std::string_view kForms[] = {
    "",
    "\xD9\x88",                  // و
    "\xD9\x81",                  // ف
    "\xD8\xA8",                  // ب
    "\xD9\x83",                  // ك
    "\xD9\x84",                  // ل
    "\xD8\xB3",                  // س
    "\xD8\xA7\xD9\x84",          // ال
    "\xD8\xA9",                  // ة
    "\xD8\xA7\xD8\xAA",          // ات
    "\xD9\x8A\xD9\x86",          // ين
    "\xD8\xA7\xD9\x86",          // ان
    "\xD9\x88\xD9\x86",          // ون
    "\xD9\x88\xD8\xA7",          // وا
    "\xD8\xAA",                  // ت
    "\xD8\xA7",                  // ا
    "\xD9\x87\xD9\x85\xD8\xA7",  // هما
    "\xD9\x83\xD9\x85\xD8\xA7",  // كما
    "\xD9\x87\xD9\x85",          // هم
    "\xD9\x87\xD9\x86",          // هن
    "\xD9\x87\xD8\xA7",          // ها
    "\xD9\x83\xD9\x85",          // كم
    "\xD9\x83\xD9\x86",          // كن
    "\xD9\x86\xD8\xA7",          // نا
    "\xD9\x87",                  // ه
    "\xD9\x83",                  // ك
    "\xD9\x8A",                  // ي
};

Form FormOfLetter(uint8_t code) {
  switch (code) {
    case L::kWaw: return kFormWaw;
    case L::kFeh: return kFormFeh;
    case L::kBeh: return kFormBeh;
    case L::kKaf: return kFormKaf;
    case L::kLam: return kFormLam;
    case L::kSeen: return kFormSeen;
    default: return kFormNone;
  }
}

// Who the pronoun is; decides when it may be split without the lexicon's word.
enum class Person : uint8_t { kThird, kFirstPlural, kSecond, kFirstSingular };

struct EncliticPattern {
  uint8_t letters[3];
  uint8_t length;
  Person person;
  Form form;
};

// Longest first, so هما is tried before هم and ها.
constexpr EncliticPattern kEnclitics[] = {
    {{L::kHeh, L::kMeem, L::kAlef}, 3, Person::kThird, kFormHuma},
    {{L::kKaf, L::kMeem, L::kAlef}, 3, Person::kSecond, kFormKuma},
    {{L::kHeh, L::kMeem}, 2, Person::kThird, kFormHum},
    {{L::kHeh, L::kNoon}, 2, Person::kThird, kFormHunna},
    {{L::kHeh, L::kAlef}, 2, Person::kThird, kFormHa},
    {{L::kKaf, L::kMeem}, 2, Person::kSecond, kFormKum},
    {{L::kKaf, L::kNoon}, 2, Person::kSecond, kFormKunna},
    {{L::kNoon, L::kAlef}, 2, Person::kFirstPlural, kFormNa},
    {{L::kHeh}, 1, Person::kThird, kFormHu},
    {{L::kKaf}, 1, Person::kSecond, kFormKa},
    {{L::kYeh}, 1, Person::kFirstSingular, kFormYa},
};

// When an inflectional ending may be split.
enum class SuffixUse : uint8_t {
  kAlways,      // by the rules (with a minimum stem length)
  kKnownOnly,   // only after a stem the lexicon knows (ت of كانت, ا of عددا)
  kBeforeEnclitic,  // only with an enclitic after it (ت for ة in مدينتها)
};

struct SuffixPattern {
  uint8_t letters[3];
  uint8_t length;
  SuffixUse use;
  uint8_t min_stem;  // letters the stem keeps at least (rules only)
  // One or two parts: تين is ة + ين.
  uint8_t first_part_length;
  Form form1;
  Form form2;
};

constexpr SuffixPattern kSuffixes[] = {
    {{L::kTeh, L::kYeh, L::kNoon}, 3, SuffixUse::kAlways, 2, 1, kFormTehMarbuta, kFormYn},
    {{L::kTeh, L::kAlef, L::kNoon}, 3, SuffixUse::kAlways, 2, 1, kFormTehMarbuta, kFormAn},
    {{L::kAlef, L::kTeh}, 2, SuffixUse::kAlways, 3, 2, kFormAt, kFormNone},
    {{L::kWaw, L::kNoon}, 2, SuffixUse::kAlways, 3, 2, kFormWn, kFormNone},
    {{L::kYeh, L::kNoon}, 2, SuffixUse::kAlways, 3, 2, kFormYn, kFormNone},
    {{L::kAlef, L::kNoon}, 2, SuffixUse::kAlways, 3, 2, kFormAn, kFormNone},
    {{L::kWaw, L::kAlef}, 2, SuffixUse::kAlways, 3, 2, kFormWa, kFormNone},
    {{L::kTehMarbuta}, 1, SuffixUse::kAlways, 2, 1, kFormTehMarbuta, kFormNone},
    {{L::kTeh}, 1, SuffixUse::kBeforeEnclitic, 2, 1, kFormTehMarbuta, kFormNone},
    {{L::kTeh}, 1, SuffixUse::kKnownOnly, 2, 1, kFormT, kFormNone},
    {{L::kAlef}, 1, SuffixUse::kKnownOnly, 2, 1, kFormA, kFormNone},
};

// For each letter code, the patterns that end with it (a word's last letter rules out most).
struct PatternsEndingWith {
  uint8_t count = 0;
  uint8_t index[8] = {};
};
using PatternIndex = std::array<PatternsEndingWith, internal::letter::kMaxCode + 1>;

template <typename Pattern, size_t N>
constexpr PatternIndex IndexByLastLetter(const Pattern (&patterns)[N]) {
  PatternIndex by_last{};
  for (size_t i = 0; i < N; ++i) {
    PatternsEndingWith& e = by_last[patterns[i].letters[patterns[i].length - 1]];
    e.index[e.count++] = static_cast<uint8_t>(i);
  }
  return by_last;
}

// Whether an inflectional suffix may stand before an enclitic (`with_enclitic`) or at the end
// of the word; decided per pattern at compile time so the per-word loop only sees the
// candidates that can apply.
constexpr bool SuffixFits(const SuffixPattern& s, bool with_enclitic) {
  if (!with_enclitic) return s.use != SuffixUse::kBeforeEnclitic;
  // Before a pronoun only ات ون ين and the ت of ة stay written...
  if (s.use != SuffixUse::kBeforeEnclitic && s.letters[0] != L::kAlef && s.letters[0] != L::kWaw &&
      s.letters[0] != L::kYeh) {
    return false;
  }
  return s.length != 3;  // ...and تين / تان lose their ن before one.
}

constexpr PatternIndex SuffixesByLastLetter(bool with_enclitic) {
  PatternIndex by_last{};
  for (size_t i = 0; i < std::size(kSuffixes); ++i) {
    if (!SuffixFits(kSuffixes[i], with_enclitic)) continue;
    PatternsEndingWith& e = by_last[kSuffixes[i].letters[kSuffixes[i].length - 1]];
    e.index[e.count++] = static_cast<uint8_t>(i);
  }
  return by_last;
}
constexpr PatternIndex kSuffixesByLast = SuffixesByLastLetter(false);
constexpr PatternIndex kSuffixesBeforeEncliticByLast = SuffixesByLastLetter(true);
constexpr PatternIndex kEncliticsByLast = IndexByLastLetter(kEnclitics);

// Plain aggregates without default member initializers: the candidate arrays below are
// built for every word and must not be zero-filled each time.
struct Part {
  uint8_t from;  // letter range
  uint8_t to;
  Form form;
};

struct ProcliticOption {
  uint8_t end;  // letters taken
  uint8_t count;
  bool has_article;
  bool conjunction_only;  // و / ف and nothing else
  uint8_t last;           // code of the last single-letter proclitic (0: none)
  Part parts[Segmentation::kMaxProclitics];
};
constexpr ProcliticOption kNoProclitics = {0, 0, false, false, 0, {}};

struct SuffixOption {
  uint8_t begin;  // stem end (letter index)
  uint8_t suffix_count;
  bool has_enclitic;
  Person person;
  bool known_only;   // has a suffix the rules never split
  uint8_t min_stem;  // rules: letters the stem must keep
  Part suffixes[Segmentation::kMaxSuffixes];
  Part enclitic;
};

constexpr size_t kMaxProcliticOptions = 8;
constexpr size_t kMaxSuffixOptions = 24;

// The chosen reading, in letter indices.
struct Reading {
  ProcliticOption proclitics;
  uint8_t stem_from = 0;
  uint8_t stem_to = 0;
  SuffixOption suffix;
  bool has_suffix = false;
};

}  // namespace

struct internal::StemmerTables {
  absl::flat_hash_map<uint64_t, uint8_t> lexicon;
  Normalizer decode_normalizer;  // slow path for presentation forms and invisible characters
  Normalizer light_normalizer;   // light stems of words that are not segmented

  static NormalizerOptions DecodeOptions() {
    NormalizerOptions o;
    o.fold_alef = false;  // the segmenter needs to see أ apart from the article's ا
    o.fold_digits = false;
    return o;
  }
  StemmerTables() : decode_normalizer(DecodeOptions()), light_normalizer(NormalizerOptions()) {}

  // Which stem lengths (bit i: i letters, up to 10) exist for each first two letters (the
  // second 0 for one-letter stems): most candidate stems are rejected here without hashing.
  static constexpr size_t kCodes = internal::letter::kMaxCode + 1;
  std::array<uint16_t, kCodes * kCodes> length_mask{};

  static size_t MaskIndex(const uint8_t* code, size_t from, size_t to) {
    return code[from] * kCodes + (to - from > 1 ? code[from + 1] : 0);
  }

  // The lexicon as an open-addressing table (built by Freeze()): the hot path probes it a
  // few times per word.
  internal::SlotArray table_keys;   // the packed keys (never 0)
  std::vector<uint8_t> table_flags;  // by slot
  // One bit per 16-bit hash value (8 KiB, stays in L1): most candidate stems are unknown, and
  // this answers "no" for ~95 % of them without touching the table.
  BitFilter<0x10000> bloom;
  int table_shift = 64;  // a key's first slot is the top bits of its hash

  static uint64_t Hash(uint64_t key) { return key * 0x9E3779B97F4A7C15ull; }

  void Freeze() {
    table_keys.Reset(lexicon.size());
    table_flags.assign(table_keys.capacity(), 0);
    table_shift = 64;
    for (size_t c = table_keys.capacity(); c > 1; c /= 2) --table_shift;
    for (const auto& [key, flags] : lexicon) {
      const size_t i = table_keys.FreeSlot(Hash(key) >> table_shift);
      table_keys.Put(i, key);
      table_flags[i] = flags;
      bloom.Set(Hash(key) >> 48);
    }
  }

  uint8_t Lookup(const uint8_t* code, size_t from, size_t to) const {
    if (to <= from || to - from > 10) return 0;
    if (!(length_mask[MaskIndex(code, from, to)] & (1u << (to - from)))) return 0;
    const uint64_t key = PackLetters(code, from, to);
    if (table_keys.empty()) {  // still loading
      auto it = lexicon.find(key);
      return it == lexicon.end() ? 0 : it->second;
    }
    return LookupKey(key);
  }

  // A packed key in the frozen table.
  uint8_t LookupKey(uint64_t key) const {
    const uint64_t hash = Hash(key);
    if (!bloom.Test(hash >> 48)) return 0;
    const size_t i = table_keys.Probe(hash >> table_shift, [key](uint64_t k) { return k == key; });
    return table_keys[i] == 0 ? 0 : table_flags[i];
  }

  // Adds flags to the entry for letters [from, to); `replace` overwrites instead.
  void Insert(const uint8_t* code, size_t from, size_t to, uint8_t flags, bool replace) {
    const uint64_t key = PackLetters(code, from, to);
    if (key == 0) return;
    uint8_t& entry = lexicon[key];
    entry = replace ? flags : static_cast<uint8_t>(entry | flags);
    length_mask[MaskIndex(code, from, to)] |= static_cast<uint16_t>(1u << (to - from));
  }

  // Whether the word begins with a known loanword prefix (ويكي...) whose first letter only
  // looks like a proclitic.
  bool HasProtectedPrefix(const LetterWord& w) const {
    for (size_t k = 3; k <= 5 && k < w.size; ++k) {
      if (Lookup(w.code, 0, k) & kPrefix) return true;
    }
    return false;
  }

  // Decodes `word`; false when it is not an Arabic word to segment.
  bool Decode(std::string_view word, LetterWord* out) const;
  void Parse(const LetterWord& w, Reading* reading) const;
  bool AddWord(std::string_view word, uint8_t flags);
  void AddLexiconText(std::string_view text, bool gazetteer);
};

namespace {

// Whether `length` letters at `at` (inside the word) spell a pattern whose last letter is
// already known to match: the pattern tables are indexed by last letter, so only the letters
// before it are compared (none for one-letter affixes, the most common candidates).
bool MatchesBeforeLast(const LetterWord& w, size_t at, const uint8_t* letters, size_t length) {
  for (size_t i = 0; i + 1 < length; ++i) {
    if (w.code[at + i] != letters[i]) return false;
  }
  return true;
}

bool IsArticleAt(const LetterWord& w, size_t at) {
  return at + 1 < w.size && w.code[at] == L::kAlef && !w.hamza_alef[at] &&
         w.code[at + 1] == L::kLam;
}

// Writes proclitic options straight into the output array, field by field. Building an option
// in a local and copying it as a whole right after its byte-wise stores made the CPU wait on
// store forwarding (the copy reads wider than the stores that wrote it): a few percent of all
// segmentation time on an affix-heavy word list.
class ProcliticWriter {
 public:
  explicit ProcliticWriter(ProcliticOption* out) : out_(out) {}

  // The conjunction و / ف at the start, shared by every later option.
  void SetConjunction(uint8_t code) {
    conjunction_ = Part{0, 1, FormOfLetter(code)};
    has_conjunction_ = true;
  }

  // Emits the conjunction (if set) followed by `extra`; `last` is the code of the last
  // single-letter proclitic (0: none).
  void Emit(std::initializer_list<Part> extra, bool has_article, bool conjunction_only,
            uint8_t last) {
    ProcliticOption& o = out_[n_++];
    uint8_t count = 0;
    uint8_t end = 0;
    if (has_conjunction_) {
      o.parts[count++] = conjunction_;
      end = conjunction_.to;
    }
    for (const Part& part : extra) {
      o.parts[count++] = part;
      end = part.to;
    }
    o.count = count;
    o.end = end;
    o.has_article = has_article;
    o.conjunction_only = conjunction_only;
    o.last = last;
  }

  size_t size() const { return n_; }

 private:
  ProcliticOption* out_;
  size_t n_ = 0;
  Part conjunction_{};
  bool has_conjunction_ = false;
};

// Every proclitic sequence the word could start with, fewest letters first:
// [و|ف] ([ب|ك|ل] [ال] | ال | س).
size_t ProcliticOptions(const LetterWord& w, ProcliticOption* out) {
  ProcliticWriter writer(out);
  writer.Emit({}, false, false, 0);
  size_t i = 0;
  uint8_t conjunction = 0;  // code of the leading و / ف (0: none)
  if (w.code[0] == L::kWaw || w.code[0] == L::kFeh) {
    conjunction = w.code[0];
    writer.SetConjunction(conjunction);
    writer.Emit({}, false, true, conjunction);
    i = 1;
  }
  if (i >= w.size) return writer.size();
  const auto at = static_cast<uint8_t>(i);
  const uint8_t c = w.code[i];
  if (c == L::kSeen && i + 1 < w.size) {
    const uint8_t next = w.code[i + 1];
    if (next == L::kYeh || next == L::kTeh || next == L::kNoon ||
        (next == L::kAlef && w.hamza_alef[i + 1])) {
      writer.Emit({Part{at, static_cast<uint8_t>(at + 1), kFormSeen}}, false, false, L::kSeen);
    }
  } else if (c == L::kBeh || c == L::kKaf || c == L::kLam) {
    const Part preposition{at, static_cast<uint8_t>(at + 1), FormOfLetter(c)};
    writer.Emit({preposition}, false, false, c);
    if (c == L::kLam && i + 1 < w.size && w.code[i + 1] == L::kLam) {
      // لل: the article after ل drops its alef; its lam is the second ل.
      writer.Emit({preposition,
                   Part{static_cast<uint8_t>(at + 1), static_cast<uint8_t>(at + 2), kFormArticle}},
                  true, false, c);
    } else if (IsArticleAt(w, i + 1)) {
      writer.Emit({preposition,
                   Part{static_cast<uint8_t>(at + 1), static_cast<uint8_t>(at + 3), kFormArticle}},
                  true, false, c);
    }
  } else if (IsArticleAt(w, i)) {
    writer.Emit({Part{at, static_cast<uint8_t>(at + 2), kFormArticle}}, true, false, conjunction);
  }
  return writer.size();
}

// Writes a suffix option field by field, for the same reason as ProcliticWriter: options were
// copied as whole structs right after being written byte by byte, and the wide reads waited on
// store forwarding. `pattern` is the inflectional suffix (nullptr: none) starting at `at`;
// `enclitic` counts only when `has_enclitic`.
void WriteSuffixOption(SuffixOption* o, size_t at, const SuffixPattern* pattern, bool has_enclitic,
                       Part enclitic, Person person) {
  o->begin = static_cast<uint8_t>(at);
  o->has_enclitic = has_enclitic;
  o->person = person;
  o->enclitic = enclitic;
  if (pattern == nullptr) {
    o->suffix_count = 0;
    o->known_only = false;
    o->min_stem = 1;
    return;
  }
  const uint8_t split = static_cast<uint8_t>(at + pattern->first_part_length);
  o->suffixes[0] = Part{static_cast<uint8_t>(at), split, pattern->form1};
  if (pattern->form2 != kFormNone) {
    o->suffixes[1] = Part{split, static_cast<uint8_t>(at + pattern->length), pattern->form2};
    o->suffix_count = 2;
  } else {
    o->suffix_count = 1;
  }
  o->known_only = pattern->use == SuffixUse::kKnownOnly;
  o->min_stem = std::max<uint8_t>(1, pattern->min_stem);
}

// Every ending the word could have: (inflectional suffix)? (enclitic)?. The options are
// written to `storage` as found and `sorted` points to them fewest letters first.
size_t SuffixOptions(const LetterWord& w, size_t min_begin, SuffixOption* storage,
                     const SuffixOption** sorted) {
  size_t n = 0;
  WriteSuffixOption(&storage[n++], w.size, nullptr, false, Part{0, 0, kFormNone}, Person::kThird);
  // The inflectional suffixes that may end at `end` (before the enclitic, if any).
  auto add_suffixes = [&](size_t end, bool has_enclitic, Part enclitic, Person person) {
    if (end <= min_begin) return;
    const PatternsEndingWith& candidates =
        (has_enclitic ? kSuffixesBeforeEncliticByLast : kSuffixesByLast)[w.code[end - 1]];
    for (size_t k = 0; k < candidates.count; ++k) {
      const SuffixPattern& s = kSuffixes[candidates.index[k]];
      if (end < size_t{s.length} + min_begin) continue;
      const size_t at = end - s.length;
      if (!MatchesBeforeLast(w, at, s.letters, s.length)) continue;
      if (n == kMaxSuffixOptions) return;
      WriteSuffixOption(&storage[n++], at, &s, has_enclitic, enclitic, person);
    }
  };
  add_suffixes(w.size, false, Part{0, 0, kFormNone}, Person::kThird);
  const PatternsEndingWith& enclitics = kEncliticsByLast[w.code[w.size - 1]];
  for (size_t k = 0; k < enclitics.count; ++k) {
    const EncliticPattern& e = kEnclitics[enclitics.index[k]];
    if (w.size < size_t{e.length} + min_begin) continue;
    const size_t at = w.size - e.length;
    if (!MatchesBeforeLast(w, at, e.letters, e.length)) continue;
    if (n == kMaxSuffixOptions) break;
    const Part enclitic{static_cast<uint8_t>(at), static_cast<uint8_t>(w.size), e.form};
    WriteSuffixOption(&storage[n++], at, nullptr, true, enclitic, e.person);
    add_suffixes(at, true, enclitic, e.person);
  }
  // Fewest letters stripped first (a stable insertion sort of pointers: a handful of options,
  // no allocation, no struct moves).
  for (size_t i = 0; i < n; ++i) {
    const SuffixOption* o = &storage[i];
    size_t j = i;
    for (; j > 0 && sorted[j - 1]->begin < o->begin; --j) sorted[j] = sorted[j - 1];
    sorted[j] = o;
  }
  return n;
}

// Whether the lexicon entry `flags` may be the stem between these affixes.
bool LexiconAccepts(uint8_t flags, const SuffixOption& s, size_t stem_length) {
  if (flags == 0) return false;
  if ((flags & kWholeWord) && s.suffix_count == 0 && !s.has_enclitic) return true;
  if (flags & kParticle) {
    if (s.suffix_count == 0) return true;  // particles take pronouns, not inflection
  }
  if (!(flags & kKnownStem)) return false;
  if (stem_length < 2) return false;
  // Second person and first person singular: rare in news after a noun or verb, and most
  // words ending in ك or ي are stems (ذلك، مالك، بريطاني), so only function words take them.
  if (s.has_enclitic &&
      (s.person == Person::kSecond || s.person == Person::kFirstSingular)) {
    return false;
  }
  return true;
}

// The rules' minimum stem length and letter constraints for an ending.
bool RulesAccept(const LetterWord& w, const SuffixOption& s, size_t stem_from) {
  if (s.known_only) return false;
  const size_t stem_length = s.begin - stem_from;
  if (stem_length < std::max<size_t>(2, s.min_stem)) return false;
  if (s.suffix_count > 0) {
    const Part& suffix = s.suffixes[0];
    const uint8_t first = w.code[suffix.from];
    const uint8_t stem_last = w.code[suffix.from - 1];
    const bool two_letter_ending = suffix.to - suffix.from == 2;
    // A plural or dual ending does not follow a bare alef: تعاون is one word, not تعا + ون.
    if (two_letter_ending && stem_last == L::kAlef && !w.hamza_alef[suffix.from - 1]) {
      return false;
    }
    // The verbal nouns تفعيل (تحسين، تعيين، تأمين) and the participles مفعول (مسجون،
    // مضمون، مخزون) end in ين / ون of their own.
    if (two_letter_ending && stem_length == 3 && s.begin == suffix.from) {
      if (first == L::kYeh && w.code[stem_from] == L::kTeh) return false;
      if (first == L::kWaw && w.code[stem_from] == L::kMeem) return false;
    }
  }
  if (!s.has_enclitic) return true;
  const uint8_t before = w.code[s.begin - 1];
  switch (s.person) {
    case Person::kSecond:
    case Person::kFirstSingular:
      return false;
    case Person::kFirstPlural:
      // ـانا is mostly the accusative of a word in ان (أحيانا، بيانا), not a pronoun.
      return before != L::kAlef;
    case Person::kThird:
      if (s.enclitic.to - s.enclitic.from == 1) {
        // A lone ه after ا is mostly a stem letter (اتجاه، انتباه، مياه), and two-letter
        // stems before ه are mostly whole words (شبه، وجه).
        if (before == L::kAlef && !w.hamza_alef[s.begin - 1]) return false;
        // ...الله ends a name (عبدالله، نصرالله): its ه is the name's.
        if (before == L::kLam && s.begin >= 2 && w.code[s.begin - 2] == L::kLam) return false;
        if (stem_length < 3 && s.suffix_count == 0) return false;
      }
      return true;
  }
  return true;
}

}  // namespace

bool internal::StemmerTables::Decode(std::string_view word, LetterWord* out) const {
  switch (DecodeLetters(word, out)) {
    case DecodeResult::kOk:
      return true;
    case DecodeResult::kNotArabic:
      return false;
    case DecodeResult::kNeedsNormalizer:
      break;
  }
  out->via_normalizer = true;
  const NormalizedText normalized = decode_normalizer.Normalize(word);
  if (DecodeLetters(normalized.text, out) != DecodeResult::kOk) return false;
  for (size_t i = 1; i < out->size; ++i) {
    out->begin[i] = normalized.source_begin[out->begin[i]];
  }
  out->begin[0] = 0;
  out->begin[out->size] = static_cast<uint32_t>(word.size());
  return true;
}

void internal::StemmerTables::Parse(const LetterWord& w, Reading* reading) const {
  const size_t n = w.size;
  reading->proclitics = kNoProclitics;
  reading->stem_from = 0;
  reading->stem_to = static_cast<uint8_t>(n);
  reading->has_suffix = false;
  if (n < 2) return;

  ProcliticOption procl[kMaxProcliticOptions];
  const size_t procl_count = ProcliticOptions(w, procl);
  SuffixOption suffix_storage[kMaxSuffixOptions];
  const SuffixOption* suffix[kMaxSuffixOptions];
  const size_t suffix_count = SuffixOptions(w, 1, suffix_storage, suffix);

  // 1. The lexicon.
  // A known word with only the lexicon-only endings (ت, ا) comes second: وإما is و + إما
  // before it is a known وام + ا.
  if (!table_keys.empty() && !lexicon.empty()) {
    int fallback_p = -1, fallback_s = -1;
    // A word of up to 10 letters (nearly all) is packed once: the letters from any proclitic
    // end onwards are then the low bits of that key.
    const bool packs_whole = n <= 10;
    const uint64_t whole = packs_whole ? w.packed : 0;
    for (size_t p = 0; p < procl_count; ++p) {
      const size_t from = procl[p].end;
      if (from >= n) break;
      // Every candidate stem here starts at `from`: pack its first (up to 10) letters once
      // and shift the shorter keys out of it.
      const size_t packed_length = std::min<size_t>(n - from, 10);
      const uint64_t packed = packs_whole ? whole & ((uint64_t{1} << (6 * packed_length)) - 1)
                                          : PackLetters(w.code, from, from + packed_length);
      // The stem lengths worth a lexicon probe from here, as one mask (bit i: i letters), so
      // each candidate ending costs one test: lengths the lexicon has for these first letters
      // (a one-letter stem is indexed under its letter alone), no longer than the packed key,
      // and not one letter after the article.
      uint64_t lengths =
          (length_mask[w.code[from] * kCodes] & 2u) |
          (from + 1 < n ? length_mask[w.code[from] * kCodes + w.code[from + 1]] & ~uint64_t{3} : 0);
      lengths &= (uint64_t{2} << packed_length) - 1;
      if (procl[p].has_article) lengths &= ~uint64_t{2};
      if (lengths == 0) continue;  // no known word starts like this
      for (size_t s = 0; s < suffix_count; ++s) {
        const size_t to = suffix[s]->begin;
        if (to <= from) break;  // sorted: later options end even earlier
        const size_t length = to - from;  // at most LetterWord::kCapacity (48): a valid shift
        if (!((lengths >> length) & 1)) continue;
        if (suffix[s]->known_only && fallback_p >= 0) continue;
        const uint8_t flags = LookupKey(packed >> (6 * (packed_length - length)));
        if (!LexiconAccepts(flags, *suffix[s], to - from)) continue;
        if (suffix[s]->known_only) {
          fallback_p = static_cast<int>(p);
          fallback_s = static_cast<int>(s);
          continue;
        }
        fallback_p = static_cast<int>(p);
        fallback_s = static_cast<int>(s);
        p = procl_count;  // done
        break;
      }
    }
    if (fallback_p >= 0) {
      reading->proclitics = procl[fallback_p];
      reading->stem_from = procl[fallback_p].end;
      reading->stem_to = suffix[fallback_s]->begin;
      if (fallback_s != 0) {
        reading->suffix = *suffix[fallback_s];
        reading->has_suffix = true;
      }
      return;
    }
  }

  // 2. Rules: the longest proclitic sequence the length limits allow.
  size_t chosen = 0;
  for (size_t p = procl_count; p-- > 1;) {
    const ProcliticOption& o = procl[p];
    const size_t rest = n - o.end;
    bool ok;
    if (o.has_article) {
      ok = rest >= 2;
    } else if (o.last == L::kSeen) {
      ok = rest >= 3;  // س + a prefixed imperfect
    } else if (o.conjunction_only) {
      // ف is mostly a stem letter, except before a hamzated imperfect or past (فأشار).
      ok = o.last == L::kWaw
               ? rest >= 3
               : rest >= 4 && w.code[1] == L::kAlef && w.hamza_alef[1];
      if (ok && HasProtectedPrefix(w)) ok = false;
    } else if (o.last == L::kBeh || o.last == L::kLam) {
      // After ف the pair فب / فل more often starts a word (فلكي، فلبين) than two clitics.
      const size_t min_rest = kMinRestAfterPreposition + (o.parts[0].form == kFormFeh ? 1 : 0);
      ok = rest >= min_rest && !HasProtectedPrefix(w);
    } else {
      ok = false;  // ك before a bare noun: too often a stem letter (كبير، كلمة)
    }
    if (ok) {
      chosen = p;
      break;
    }
  }
  reading->proclitics = procl[chosen];
  const size_t from = procl[chosen].end;
  reading->stem_from = static_cast<uint8_t>(from);
  // The ending that strips most while the stem keeps its minimum.
  for (size_t s = suffix_count; s-- > 1;) {
    if (suffix[s]->begin <= from) continue;
    if (!RulesAccept(w, *suffix[s], from)) continue;
    reading->stem_to = suffix[s]->begin;
    reading->suffix = *suffix[s];
    reading->has_suffix = true;
    return;
  }
}

bool internal::StemmerTables::AddWord(std::string_view word, uint8_t flags) {
  LetterWord w;
  if (!Decode(word, &w)) return false;
  // A feminine word is entered without its ة, which stays an inflectional suffix wherever
  // it is written: وزيرة → وزير + ة, ولايات → ولاي + ات.
  size_t size = w.size;
  if (size > 2 && w.code[size - 1] == L::kTehMarbuta && flags == kKnownStem) --size;
  if (PackLetters(w.code, 0, size) == 0) return false;
  Insert(w.code, 0, size, flags, false);
  // A final hamza sits on ي or و before a pronoun or ending: لقاء → لقائه، لقاؤها.
  if (flags == kKnownStem && size > 2 && w.code[size - 1] == L::kHamza) {
    w.code[size - 1] = L::kYehHamza;
    Insert(w.code, 0, size, flags, false);
    w.code[size - 1] = L::kWawHamza;
    Insert(w.code, 0, size, flags, false);
  }
  return true;
}

void internal::StemmerTables::AddLexiconText(std::string_view text, bool gazetteer) {
  LineReader lines(text);
  std::string_view line;
  while (lines.NextData(&line)) {
    const size_t tab = line.find('\t');
    const std::string_view name = line.substr(0, tab);
    if (!gazetteer) {
      const std::string_view kind =
          tab == std::string_view::npos ? std::string_view("stem") : line.substr(tab + 1);
      const uint8_t flags = kind == "particle" ? kParticle
                            : kind == "prefix"   ? kPrefix
                            : kind == "word"     ? kWholeWord
                                                 : kKnownStem;
      AddWord(name, flags);
      continue;
    }
    // Gazetteer names: a one-word name is a stem, without its article (الجزائر is ال +
    // جزائر; أبها keeps its ها). The words of longer names are left to the rules: they are
    // often function words or common adjectives with their own clitics and endings
    // ("... والوقاية منها", "وكالة الأنباء الجزائرية").
    if (name.find(' ') != std::string_view::npos) continue;
    LetterWord w;
    if (!Decode(name, &w) || w.size < 3) continue;
    if (Lookup(w.code, 0, w.size) != 0) continue;  // already known as written (الله)
    size_t from = 0;
    if (IsArticleAt(w, 0)) {
      if (w.size < 5) continue;
      from = 2;
    }
    if (Lookup(w.code, from, w.size) == 0) Insert(w.code, from, w.size, kKnownStem, true);
  }
}

bool Segmentation::HasArticle() const {
  for (size_t i = 0; i < proclitic_count; ++i) {
    if (proclitics[i].form == kForms[kFormArticle]) return true;
  }
  return false;
}

StatusOr<Stemmer> Stemmer::Create(const StemmerOptions& options) {
  auto tables = std::make_shared<internal::StemmerTables>();
  if (options.use_builtin_lexicon) tables->AddLexiconText(KASHIF_EMBEDDED(morph_lexicon), false);
  if (options.use_gazetteer_names) {
    for (const internal::EmbeddedFile& file : internal::BuiltinGazetteerFiles()) {
      tables->AddLexiconText(file.content, true);
    }
  }
  for (const std::string& word : options.extra_stems) {
    if (!tables->AddWord(word, kKnownStem)) {
      return Status(StatusCode::kInvalidArgument,
                    "extra_stems: \"" + word + "\" is not an Arabic word of 1 to 10 letters");
    }
  }
  tables->Freeze();
  return Stemmer(std::move(tables));
}

Segmentation Stemmer::Segment(std::string_view word) const {
  Segmentation seg;
  seg.stem_begin = 0;
  seg.stem_end = static_cast<uint32_t>(word.size());
  LetterWord w;
  if (word.empty() || !tables_->Decode(word, &w)) return seg;
  Reading r;
  tables_->Parse(w, &r);
  auto span = [&](const Part& p) {
    return Affix{w.begin[p.from], w.begin[p.to], kForms[p.form]};
  };
  for (size_t i = 0; i < r.proclitics.count; ++i) {
    seg.proclitics[seg.proclitic_count++] = span(r.proclitics.parts[i]);
  }
  seg.stem_begin = w.begin[r.stem_from];
  seg.stem_end = w.begin[r.stem_to];
  if (r.has_suffix) {
    for (size_t i = 0; i < r.suffix.suffix_count; ++i) {
      seg.suffixes[seg.suffix_count++] = span(r.suffix.suffixes[i]);
    }
    if (r.suffix.has_enclitic) seg.enclitics[seg.enclitic_count++] = span(r.suffix.enclitic);
  }
  // A presentation-form ligature (ﻻ) is one character for two letters: a part made only of
  // its second letter has no bytes of its own. Such a word stays whole rather than report an
  // empty span (found by tests/fuzz/stemmer_fuzzer.cc). Words decoded directly have strictly
  // increasing letter offsets and every part at least one letter, so only words that went
  // through the Normalizer need the check.
  if (!w.via_normalizer) return seg;
  bool empty_part = seg.stem_begin >= seg.stem_end;
  for (size_t i = 0; i < seg.proclitic_count; ++i) {
    empty_part |= seg.proclitics[i].begin >= seg.proclitics[i].end;
  }
  for (size_t i = 0; i < seg.suffix_count; ++i) {
    empty_part |= seg.suffixes[i].begin >= seg.suffixes[i].end;
  }
  for (size_t i = 0; i < seg.enclitic_count; ++i) {
    empty_part |= seg.enclitics[i].begin >= seg.enclitics[i].end;
  }
  if (empty_part) {
    // Reset in place rather than return another object: a single returned variable lets the
    // compiler build `seg` in the caller's storage (no copy of the whole struct per word).
    seg = Segmentation();
    seg.stem_end = static_cast<uint32_t>(word.size());
  }
  return seg;
}

void Stemmer::AppendLightStem(std::string_view word, std::string* out) const {
  LetterWord w;
  if (word.empty()) return;
  if (!tables_->Decode(word, &w)) {
    tables_->light_normalizer.AppendNormalized(word, out);
    return;
  }
  Reading r;
  tables_->Parse(w, &r);
  for (size_t i = r.stem_from; i < r.stem_to; ++i) internal::AppendLetter(w.code[i], out);
}

std::string Stemmer::LightStem(std::string_view word) const {
  std::string out;
  AppendLightStem(word, &out);
  return out;
}

}  // namespace kashif
