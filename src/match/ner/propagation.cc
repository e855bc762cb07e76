#include "match/ner/propagation.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"
#include "match/gazetteer.h"
#include "match/resolver.h"
#include "text/bit_filter.h"
#include "text/strings.h"
#include "text/word_hash.h"

namespace kashif::internal {
namespace {

// A family name propagates only when it has at least this many letters (not "لي" or "بو").
constexpr uint32_t kMinSurnameLetters = 3;
// A short form in parentheses has at most this many words.
constexpr size_t kMaxShortFormWords = 2;
// A name propagates only this many tokens away from where it was found: a long input is often
// many articles, and a family name in one says nothing about another.
constexpr size_t kPropagationWindow = 1500;

// Views into the document's arena, which outlives Refine().
struct Name {
  EntityType type;
  // Match forms, first word without proclitics; inline because most names are short and a
  // document has a Name per entity.
  absl::InlinedVector<std::string_view, 4> keys;
  std::string canonical;
  size_t token;  // where it was found
};

// Propagate()'s arrays, kept in Document::propagation_scratch from one text to the next and
// emptied at each call (their memory stays).
struct PropagationScratch : StageCache {
  std::vector<uint32_t> winners;
  std::vector<uint8_t> covered;  // bytes, not bits: read for every token
  std::vector<Name> names;
  std::vector<size_t> cue_names;  // indices into names: one-word names a descriptor announced
  std::vector<Candidate> added;
  // (HashWord of the first word, index) of each name, sorted: the names a reading may begin
  // are the run of its hash, in the order they were found.
  std::vector<std::pair<uint64_t, uint32_t>> by_first_hash;
  size_t Bytes() const override {
    return winners.capacity() * sizeof(uint32_t) + covered.capacity() +
           names.capacity() * sizeof(Name) + cue_names.capacity() * sizeof(size_t) +
           added.capacity() * sizeof(Candidate) +
           by_first_hash.capacity() * sizeof(by_first_hash[0]);
  }
};

PropagationScratch& EmptyScratch(const Document& doc) {
  // Only propagation keeps its scratch there, always this type.
  if (doc.propagation_scratch == nullptr) {
    doc.propagation_scratch = std::make_unique<PropagationScratch>();
  }
  auto& scratch = *static_cast<PropagationScratch*>(doc.propagation_scratch.get());
  scratch.winners.clear();
  scratch.covered.clear();
  scratch.names.clear();
  scratch.cue_names.clear();
  scratch.added.clear();
  scratch.by_first_hash.clear();
  return scratch;
}

// A 2048-entry bit set over the names' first words, tested before the hash map: a document has
// a few dozen names and thousands of words, nearly all of which start none. A word's slot is
// the top bits of its HashWord (text/word_hash.h), which every reading carries
// (TokenReading::hash): the test reads no byte of the word.
class FirstWordFilter {
 public:
  void Add(uint64_t hash) { bits_.Set(Slot(hash)); }
  bool MayContain(uint64_t hash) const { return bits_.Test(Slot(hash)); }

 private:
  static uint32_t Slot(uint64_t hash) { return static_cast<uint32_t>(hash >> 53); }  // 11 bits
  BitFilter<2048> bits_;
};

// The match form of token i from byte `begin` on: the reading whose proclitics end there.
std::string_view KeyFrom(const Document& doc, size_t i, uint32_t begin) {
  const TokenAnalysis& a = doc.analyses[i];
  for (uint8_t r = 0; r < a.reading_count; ++r) {
    if (doc.tokens[i].begin + a.readings[r].skip_bytes == begin)
      return doc.Slice(a.readings[r].key);
  }
  return doc.Key(i);
}

// Each single-word person a rule found (priority below the gazetteers') whose word is one of
// the organization names at `cue_names` gets that organization over the same span, one
// priority above it.
void OverrideRulePersons(const Document& doc, const std::vector<Name>& names,
                         const std::vector<size_t>& cue_names, const std::vector<uint32_t>& winners,
                         const std::vector<Candidate>* candidates, std::vector<Candidate>* added) {
  for (uint32_t winner : winners) {
    const Candidate& e = (*candidates)[winner];
    if (e.type != EntityType::kPerson || e.end_token != e.first_token + 1 ||
        e.priority >= kBuiltinGazetteerPriority || e.first_token >= doc.tokens.size()) {
      continue;
    }
    const std::string_view key = KeyFrom(doc, e.first_token, e.begin);
    for (size_t index : cue_names) {
      if (names[index].keys.front() != key) continue;
      Candidate c = e;
      c.type = EntityType::kOrganization;
      c.priority = e.priority + 1;
      c.canonical = names[index].canonical;
      added->push_back(std::move(c));
      break;
    }
  }
}

}  // namespace

void Propagation::Refine(const Document& doc, const Options& /*options*/,
                         std::vector<Candidate>* candidates) const {
  Propagate(doc, candidates);
}

bool Propagation::Propagate(const Document& doc, std::vector<Candidate>* candidates) const {
  const size_t n = doc.tokens.size();
  if (candidates->empty() || n == 0) return false;
  // Only persons and organizations give names to propagate (places none, see below): without a
  // candidate that may be one there is nothing to do, and no need to pick the winners.
  if (std::none_of(candidates->begin(), candidates->end(), [](const Candidate& c) {
        return c.type == EntityType::kPerson || c.type == EntityType::kOrganization;
      })) {
    return false;
  }
  // The entities that would win without propagation.
  bool all_types[kEntityTypeCount];
  std::fill(std::begin(all_types), std::end(all_types), true);
  PropagationScratch& scratch = EmptyScratch(doc);
  std::vector<uint32_t>& winners = scratch.winners;
  SelectWinners(doc, all_types, *candidates, &winners);

  const NerTokens tokens(doc, *lexicon_, {});
  std::vector<uint8_t>& covered = scratch.covered;
  covered.resize(n, 0);
  std::vector<Name>& names = scratch.names;
  names.reserve(winners.size());  // about one per winner: not reallocated name by name
  std::vector<size_t>& cue_names = scratch.cue_names;
  std::vector<Candidate>& added = scratch.added;
  for (uint32_t winner : winners) {
    const Candidate& e = (*candidates)[winner];
    const size_t first = e.first_token;
    const size_t end = e.end_token;
    if (first >= n || end > n) continue;
    for (size_t i = first; i < end; ++i) covered[i] = true;
    if (e.type != EntityType::kPerson && e.type != EntityType::kOrganization &&
        e.type != EntityType::kPlace) {
      continue;
    }
    Name name{e.type, {}, std::string(), first};  // canonical copied only if kept
    for (size_t i = first; i < end; ++i) {
      if (!doc.analyses[i].key.size) continue;  // punctuation inside: "ف." keeps only letters
      name.keys.emplace_back(i == first ? KeyFrom(doc, i, static_cast<uint32_t>(e.begin))
                                        : doc.Key(i));
    }
    if (name.keys.empty()) continue;
    if (e.type == EntityType::kPerson) {
      // The family name alone. Given names, particles and stop words do not identify anyone.
      // The word after a particle (عبد الله، أبو مازن) is not a family name by itself.
      const std::string_view last = name.keys.back();
      const uint32_t flags = lexicon_->Flags(last);
      const bool after_particle = name.keys.size() >= 2 &&
                                  (lexicon_->Flags(name.keys[name.keys.size() - 2]) & kNerParticle);
      // A word ending in ة is a feminine noun far more often than a family name (كرة، رواية).
      const std::string_view last_text = doc.TokenText(end - 1);
      const bool teh_marbuta =
          last_text.size() >= 2 && last_text.substr(last_text.size() - 2) == "\xD8\xA9";
      // So is a word the document also uses with the article (دوري beside الدوري).
      // A nationality adjective as a family name (بولس الدمشقي، محمد المصري) is an adjective
      // again wherever it stands alone (البيت الدمشقي، الجانب المصري).
      if (CountCodePoints(last) >= kMinSurnameLetters && !after_particle && !teh_marbuta &&
          !tokens.SeenWithArticle(last) &&
          !(flags &
            (kNerGivenName | kNerParticle | kNerStop | kNerTitle | kNerRole | kNerDemonym))) {
        names.push_back(Name{e.type, {last}, e.canonical, first});
      }
    }
    const size_t key_count = name.keys.size();
    // A one-word name a descriptor announced (شركة [سنابل]) is that organization wherever it
    // recurs, even where a person rule read it as a name (وقالت سنابل).
    if (e.type == EntityType::kOrganization && key_count == 1 && first > 0 &&
        e.priority < kBuiltinGazetteerPriority && doc.analyses[first - 1].key.size != 0 &&
        (lexicon_->Flags(doc.Key(first - 1)) & kNerOrgDescriptor)) {
      name.canonical = e.canonical;
      cue_names.push_back(names.size());
      names.push_back(std::move(name));
      continue;
    }
    if (key_count >= 2 && e.type != EntityType::kPlace) {
      name.canonical = e.canonical;
      names.push_back(std::move(name));
    }

    // A short form in parentheses right after an organization's name: (حماس). Other types
    // are followed by asides in parentheses far more often than by short forms.
    if (e.type == EntityType::kOrganization && key_count >= 2 && end + 2 < n &&
        doc.TokenText(end) == "(") {
      size_t close = end + 1;
      while (close < n && close <= end + kMaxShortFormWords && doc.TokenText(close) != ")" &&
             (doc.tokens[close].kind == TokenKind::kArabicWord ||
              doc.tokens[close].kind == TokenKind::kLatinWord)) {
        ++close;
      }
      if (close < n && close > end + 1 && doc.TokenText(close) == ")") {
        Name short_form{e.type, {}, e.canonical, end + 1};
        bool plausible = true;
        for (size_t i = end + 1; i < close; ++i) {
          short_form.keys.emplace_back(doc.Key(i));
          plausible = plausible && !(lexicon_->Flags(short_form.keys.back()) & kNerStop);
        }
        if (plausible) names.push_back(std::move(short_form));
      }
    }
  }
  if (names.empty()) return false;
  if (!cue_names.empty()) OverrideRulePersons(doc, names, cue_names, winners, candidates, &added);

  // A family name a rule found alone takes the full name as its canonical form too.
  absl::flat_hash_map<absl::string_view, const Name*> full_by_surname;
  for (const Name& name : names) {
    if (name.type == EntityType::kPerson && name.keys.size() == 1 &&
        name.canonical.find(' ') != std::string::npos) {
      full_by_surname.emplace(absl::string_view(name.keys.front().data(), name.keys.front().size()),
                              &name);
    }
  }
  bool changed = false;  // a canonical form rewritten
  for (Candidate& c : *candidates) {
    if (c.type != EntityType::kPerson || c.end_token != c.first_token + 1 || c.first_token >= n ||
        c.priority >= kBuiltinGazetteerPriority) {
      continue;
    }
    const std::string_view key = KeyFrom(doc, c.first_token, c.begin);
    auto it = full_by_surname.find(absl::string_view(key.data(), key.size()));
    if (it != full_by_surname.end() && c.canonical != it->second->canonical) {
      c.canonical = it->second->canonical;
      changed = true;
    }
  }

  std::vector<std::pair<uint64_t, uint32_t>>& by_first_hash = scratch.by_first_hash;
  FirstWordFilter first_words;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string_view first = names[i].keys.front();
    const uint64_t hash = HashWord(first.data(), first.size());
    by_first_hash.emplace_back(hash, static_cast<uint32_t>(i));
    first_words.Add(hash);
  }
  std::sort(by_first_hash.begin(), by_first_hash.end());
  const auto by_hash_end = by_first_hash.end();

  // Every reading of every uncovered token is tried: its key read from the arena directly, as
  // the analyzer's slices lie inside it (Document::Slice checks the range each time).
  // The token arrays through local pointers as well: the loop calls out of line, after which
  // members would be loaded again for every token.
  const char* const arena = doc.arena.data();
  const TokenAnalysis* const analyses = doc.analyses.data();
  const uint8_t* const is_covered = covered.data();
  for (size_t i = 0; i < n; ++i) {
    if (is_covered[i] || !analyses[i].key.size) continue;
    const TokenAnalysis& a = analyses[i];
    bool found = false;
    for (uint8_t r = 0; r < a.reading_count && !found; ++r) {
      const uint64_t hash = a.readings[r].hash;
      if (!first_words.MayContain(hash)) continue;
      const ArenaSlice slice = a.readings[r].key;
      const std::string_view key(arena + slice.offset, slice.size);
      // Longest name first.
      size_t best_len = 0;
      const Name* best = nullptr;
      for (auto it = std::lower_bound(by_first_hash.begin(), by_hash_end,
                                      std::make_pair(hash, uint32_t{0}));
           it != by_hash_end && it->first == hash; ++it) {
        const Name& name = names[it->second];
        if (name.keys.front() != key) continue;
        const size_t len = name.keys.size();
        const size_t distance = i > name.token ? i - name.token : name.token - i;
        if (len <= best_len || i + len > n || distance > kPropagationWindow) continue;
        bool match = true;
        for (size_t j = 1; j < len && match; ++j) {
          match = !covered[i + j] && doc.Key(i + j) == name.keys[j];
        }
        if (match) {
          best_len = len;
          best = &name;
        }
      }
      if (best == nullptr) continue;
      Candidate c;
      c.type = best->type;
      c.first_token = static_cast<uint32_t>(i);
      c.end_token = static_cast<uint32_t>(i + best_len);
      c.begin = doc.tokens[i].begin + a.readings[r].skip_bytes;
      c.end = doc.tokens[i + best_len - 1].end;
      c.priority = kPropagationPriority;
      c.canonical = best->canonical;
      for (size_t j = i; j < i + best_len; ++j) covered[j] = true;
      added.push_back(std::move(c));
      found = true;
    }
  }
  candidates->insert(candidates->end(), std::make_move_iterator(added.begin()),
                     std::make_move_iterator(added.end()));
  const bool appended = !added.empty();
  added.clear();  // moved from
  return changed || appended;
}

void PropagationAroundTagger::Refine(const Document& doc, const Options& options,
                                     std::vector<Candidate>* candidates) const {
  const bool first_changed = propagation_.Propagate(doc, candidates);
  const size_t before_tagger = candidates->size();
  tagger_->Refine(doc, options, candidates);
  // The tagger only appends: the same size is the same candidates (see the header).
  if (first_changed || candidates->size() != before_tagger) {
    propagation_.Propagate(doc, candidates);
  }
}

}  // namespace kashif::internal
