#include "match/resolver.h"

#include <algorithm>
#include <numeric>

namespace kashif::internal {

void SelectWinners(const Document& doc, const bool type_enabled[kEntityTypeCount],
                   const std::vector<Candidate>& candidates, std::vector<uint32_t>* winners) {
  winners->clear();
  if (candidates.empty()) return;
  std::vector<uint32_t> order(candidates.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    const Candidate& a = candidates[x];
    const Candidate& b = candidates[y];
    if (a.priority != b.priority) return a.priority > b.priority;
    const uint32_t la = a.end - a.begin, lb = b.end - b.begin;
    if (la != lb) return la > lb;
    if (a.begin != b.begin) return a.begin < b.begin;
    return x < y;
  });
  std::vector<bool> taken(doc.tokens.size(), false);
  for (uint32_t index : order) {
    const Candidate& c = candidates[index];
    if (!type_enabled[static_cast<int>(c.type)]) continue;
    if (c.first_token >= c.end_token || c.end_token > doc.tokens.size() || c.begin >= c.end ||
        c.end > doc.text.size()) {
      continue;  // malformed proposal: never let a matcher bug reach the caller
    }
    bool free = true;
    for (uint32_t t = c.first_token; t < c.end_token && free; ++t) free = !taken[t];
    if (!free) continue;
    for (uint32_t t = c.first_token; t < c.end_token; ++t) taken[t] = true;
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
  std::vector<uint32_t> winners;
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
  }
}

}  // namespace kashif::internal
