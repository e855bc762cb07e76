// The checks a user pattern gets before it is compiled: the match layer's (label spelling,
// priority, RE2's verdict on the pattern) and this layer's (the label must not be a built-in
// type's, which only the public label functions here know).
#ifndef KASHIF_SRC_EXTRACT_PATTERN_RULES_H_
#define KASHIF_SRC_EXTRACT_PATTERN_RULES_H_

#include <string>

#include "kashif/kashif.h"

namespace kashif::internal {

// Why `rule` cannot be used; empty when it can.
std::string PatternRuleProblem(const PatternRule& rule);

}  // namespace kashif::internal

#endif  // KASHIF_SRC_EXTRACT_PATTERN_RULES_H_
