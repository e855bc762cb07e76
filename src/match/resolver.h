// The resolver: keeps the best non-overlapping set of candidates and turns them into Entities.
#ifndef KASHIF_SRC_MATCH_RESOLVER_H_
#define KASHIF_SRC_MATCH_RESOLVER_H_

#include <cstdint>
#include <vector>

#include "kashif/kashif.h"
#include "core/document.h"

namespace kashif::internal {

// Both work in doc.resolve_scratch, which the thread reuses with its document.
//
// Picks candidates greedily: higher priority first, then the longer span, then the one proposed
// first; a candidate is kept when none of its tokens is taken yet. Types not enabled in
// `type_enabled` and malformed candidates are dropped. *winners receives the indices of the
// kept candidates, sorted by begin. The candidates are not moved (sorting indices, not
// candidates with their strings, is most of what makes this cheap).
void SelectWinners(const Document& doc, const bool type_enabled[kEntityTypeCount],
                   const std::vector<Candidate>& candidates, std::vector<uint32_t>* winners);

// SelectWinners, then the winners as Entities (sorted by begin); their strings are moved out of
// *candidates.
void Resolve(const Document& doc, const bool type_enabled[kEntityTypeCount],
             std::vector<Candidate>* candidates, std::vector<Entity>* entities);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_RESOLVER_H_
