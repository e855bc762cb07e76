#include "match/resolver.h"

#include <algorithm>

namespace kashif::internal {

void Resolve(const Document& doc, const bool type_enabled[kEntityTypeCount],
             std::vector<Candidate>* candidates, std::vector<Entity>* entities) {
  entities->clear();
  if (candidates->empty()) return;
  std::stable_sort(candidates->begin(), candidates->end(),
                   [](const Candidate& a, const Candidate& b) {
                     if (a.priority != b.priority) return a.priority > b.priority;
                     const uint32_t la = a.end - a.begin, lb = b.end - b.begin;
                     if (la != lb) return la > lb;
                     return a.begin < b.begin;
                   });
  std::vector<bool> taken(doc.tokens.size(), false);
  for (Candidate& c : *candidates) {
    if (!type_enabled[static_cast<int>(c.type)]) continue;
    if (c.first_token >= c.end_token || c.end_token > doc.tokens.size() || c.begin >= c.end ||
        c.end > doc.text.size()) {
      continue;  // malformed proposal: never let a matcher bug reach the caller
    }
    bool free = true;
    for (uint32_t t = c.first_token; t < c.end_token && free; ++t) free = !taken[t];
    if (!free) continue;
    for (uint32_t t = c.first_token; t < c.end_token; ++t) taken[t] = true;
    Entity e;
    e.type = c.type;
    e.begin = c.begin;
    e.end = c.end;
    e.canonical = std::move(c.canonical);
    e.money = std::move(c.money);
    e.date = std::move(c.date);
    entities->push_back(std::move(e));
  }
  std::sort(entities->begin(), entities->end(),
            [](const Entity& a, const Entity& b) { return a.begin < b.begin; });
}

}  // namespace kashif::internal
