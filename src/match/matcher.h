// The interface every matcher implements: read an analyzed Document, propose candidates.
#ifndef KASHIF_SRC_MATCH_MATCHER_H_
#define KASHIF_SRC_MATCH_MATCHER_H_

#include <vector>

#include "core/document.h"

namespace kashif::internal {

// Immutable after construction; Propose() is called concurrently from many threads.
class Matcher {
 public:
  virtual ~Matcher() = default;
  // Appends its candidates for `doc` to *out. Must not remove or reorder what is already there.
  virtual void Propose(const Document& doc, const Options& options,
                       std::vector<Candidate>* out) const = 0;
};

// A second pass that sees every matcher's candidates before the resolver picks among them
// (document-level consistency, filters). Immutable; Refine() is called concurrently.
class Refiner {
 public:
  virtual ~Refiner() = default;
  virtual void Refine(const Document& doc, const Options& options,
                      std::vector<Candidate>* candidates) const = 0;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_MATCHER_H_
