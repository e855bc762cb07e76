#include "match/resolver.h"

#include <algorithm>

namespace kashif::internal {
namespace {

// The order as one integer per candidate, sorted in place: comparing candidates through their
// indices touched each one's memory at every comparison, which dominated on long documents.
// The keys live in the document's scratch (Document::resolve_scratch), reused per thread.
using Key = Document::ResolveScratch::Key;

}  // namespace

void SelectWinners(const Document& doc, const bool type_enabled[kEntityTypeCount],
                   const std::vector<Candidate>& candidates, std::vector<uint32_t>* winners) {
  winners->clear();
  if (candidates.empty()) return;
  // At most one winner per candidate: room for them at once (propagation's list is new for each
  // document, and growing it one push at a time reallocated it several times).
  winners->reserve(candidates.size());
  // Higher priority first, then the longer span, then the earlier begin; the index breaks the
  // remaining ties, so the order is what a stable sort would give.
  std::vector<Key>& keys = doc.resolve_scratch.keys;
  std::vector<uint8_t>& taken = doc.resolve_scratch.taken;
  keys.resize(candidates.size());
  for (uint32_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    const uint64_t priority = static_cast<uint64_t>(std::clamp<int32_t>(c.priority, 0, 255));
    const uint64_t length = std::min<uint64_t>(c.end >= c.begin ? c.end - c.begin : 0, 0xFFFFFF);
    keys[i] = Key{((255 - priority) << 56) | ((0xFFFFFF - length) << 32) | c.begin, i};
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.index < b.index;
  });
  taken.assign(doc.tokens.size(), 0);
  for (const Key& key : keys) {
    const uint32_t index = key.index;
    const Candidate& c = candidates[index];
    // Built-in types as the options select them; user patterns' matches always.
    const int type = static_cast<int>(c.type);
    if (type < kEntityTypeCount ? !type_enabled[type] : c.type != EntityType::kCustom) continue;
    if (c.first_token >= c.end_token || c.end_token > doc.tokens.size() || c.begin >= c.end ||
        c.end > doc.text.size()) {
      continue;  // malformed proposal: never let a matcher bug reach the caller
    }
    bool free = true;
    for (uint32_t t = c.first_token; t < c.end_token && free; ++t) free = !taken[t];
    if (!free) continue;
    for (uint32_t t = c.first_token; t < c.end_token; ++t) taken[t] = 1;
    winners->push_back(index);
  }
  // Winners cover disjoint tokens, so no two share a begin.
  std::sort(winners->begin(), winners->end(), [&](uint32_t x, uint32_t y) {
    return candidates[x].begin < candidates[y].begin;
  });
}

void Resolve(const Document& doc, const bool type_enabled[kEntityTypeCount],
             std::vector<Candidate>* candidates, std::vector<Entity>* entities) {
  entities->clear();
  std::vector<uint32_t>& winners = doc.resolve_scratch.winners;
  SelectWinners(doc, type_enabled, *candidates, &winners);
  entities->reserve(winners.size());
  for (uint32_t index : winners) {
    Candidate& c = (*candidates)[index];
    Entity& e = entities->emplace_back();
    e.type = c.type;
    e.begin = c.begin;
    e.end = c.end;
    e.canonical = std::move(c.canonical);
    e.money = std::move(c.money);
    e.date = std::move(c.date);
    e.percent = std::move(c.percent);
    e.time = std::move(c.time);
    if (c.label != nullptr) e.label = *c.label;
  }
}

}  // namespace kashif::internal
