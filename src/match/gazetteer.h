// The gazetteer: multi-word names matched over tokens on their match forms, longest first,
// with the first token's proclitics set aside.
#ifndef KASHIF_SRC_MATCH_GAZETTEER_H_
#define KASHIF_SRC_MATCH_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "text/bit_filter.h"
#include "text/word_table.h"
#include "kashif/kashif.h"
#include "match/matcher.h"
#include "core/analyzer.h"

namespace kashif::internal {


// A token trie. Built once (Add), then read-only and safe to share between threads.
class Gazetteer {
 public:
  struct Payload {
    EntityType type;
    int32_t priority;
    uint32_t canonical;  // index into canonicals()
  };
  struct Match {
    uint32_t end_token = 0;  // one past the last matched token
    uint8_t reading = 0;     // which reading of the first token matched
    const Payload* payload = nullptr;
  };

  explicit Gazetteer(const Analyzer* analyzer) : analyzer_(analyzer) {}

  // Adds `name` (one or more words). An existing entry with the same words is replaced only by
  // one of strictly higher priority, so the first of equals wins. Returns false when `name`
  // has no word to match.
  bool Add(std::string_view name, EntityType type, std::string_view canonical, int32_t priority);

  // The longest entry starting at token `start` of `doc`; false when none.
  bool LongestMatch(const Document& doc, size_t start, Match* match) const;

  // False when no reading of `a` can start an entry: a filter test per reading, inline, in
  // front of LongestMatch (most tokens of running text start none).
  bool MayStart(const TokenAnalysis& a) const {
    bool may = false;
    for (int r = 0; r < a.reading_count; ++r) {
      may |= first_words_.MayContainHash(a.readings[r].hash);
    }
    return may;
  }

  // The entry whose words are exactly those of `name`, or nullptr.
  const Payload* Find(std::string_view name) const;

  const std::string& canonical(const Payload& p) const { return canonicals_[p.canonical]; }
  size_t entry_count() const { return entry_count_; }

 private:
  static constexpr uint32_t kNoPayload = UINT32_MAX;
  uint32_t Child(uint32_t node, uint32_t word) const;

  const Analyzer* analyzer_;
  // In front of words_ for a name's first word (most words of running text start no entry).
  KeyFilter first_words_;
  // Every word of every name, probed with the hash the analyzer stored on each reading.
  WordTable words_;
  std::vector<uint32_t> root_children_{0};          // by word id: the node of a name's first word
  absl::flat_hash_map<uint64_t, uint32_t> edges_;  // (node << 32 | word) → child node, below root
  std::vector<uint32_t> node_payload_{kNoPayload};  // node 0 is the root
  std::vector<Payload> payloads_;
  std::vector<std::string> canonicals_;
  size_t entry_count_ = 0;
  std::vector<Token> add_tokens_;  // Add()'s scratch
  std::string add_key_;
};

// Proposes a candidate for every longest gazetteer match.
class GazetteerMatcher : public Matcher {
 public:
  explicit GazetteerMatcher(std::shared_ptr<const Gazetteer> gazetteer)
      : gazetteer_(std::move(gazetteer)) {}
  void Propose(const Document& doc, const Options& options,
               std::vector<Candidate>* out) const override;

 private:
  std::shared_ptr<const Gazetteer> gazetteer_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_GAZETTEER_H_
