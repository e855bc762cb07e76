// The resolver: keeps the best non-overlapping set of candidates and turns them into Entities.
#ifndef KASHIF_SRC_MATCH_RESOLVER_H_
#define KASHIF_SRC_MATCH_RESOLVER_H_

#include <vector>

#include "kashif/kashif.h"
#include "pipeline/document.h"

namespace kashif::internal {

// Picks candidates greedily: higher priority first, then the longer span, then the earlier
// one; a candidate is kept when none of its tokens is taken yet. Types not enabled in
// `type_enabled` are dropped. *candidates is reordered. The result is sorted by begin.
void Resolve(const Document& doc, const bool type_enabled[kEntityTypeCount],
             std::vector<Candidate>* candidates, std::vector<Entity>* entities);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_RESOLVER_H_
