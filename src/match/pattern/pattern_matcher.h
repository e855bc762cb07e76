// User patterns: entities of kinds kashif does not know (ID numbers, phone numbers, e-mail
// addresses, URLs, case numbers), written as RE2 regular expressions with a label.
//
// All patterns are compiled once into one RE2::Set, which scans a text once and says which
// patterns occur in it; only those are then run on their own (one RE2 each) to find the spans.
// RE2 runs in time linear in the text whatever the pattern (no backtracking), over the
// caller's original bytes in UTF-8 mode, so spans are byte offsets into that text on character
// boundaries. A match becomes a candidate of type kCustom with the rule's label and priority,
// over the tokens it touches, and meets the other matchers' candidates in the resolver.
#ifndef KASHIF_SRC_MATCH_PATTERN_PATTERN_MATCHER_H_
#define KASHIF_SRC_MATCH_PATTERN_PATTERN_MATCHER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/kashif.h"
#include "match/matcher.h"

namespace kashif::internal {

// Memory RE2 may use for one pattern (its program and DFA caches; RE2's own default). A
// pattern that needs more fails to compile with RE2's message ("pattern too large - compile
// failed").
inline constexpr int64_t kPatternMaxMemory = int64_t{8} << 20;
// Memory of the RE2::Set of all patterns. When a text makes the set's DFA outgrow it, each
// pattern is run on its own over that text instead (the same result, slower).
inline constexpr int64_t kPatternSetMaxMemory = int64_t{64} << 20;

// Why `rule` cannot be used (its label's spelling, its priority, or RE2's message about its
// pattern); empty when it can. Whether the label is a built-in type's is the extract layer's
// check (it owns the labels): PatternRuleProblem() in extract/pattern_rules.h.
std::string PatternRuleError(const PatternRule& rule);

class PatternMatcher : public Matcher {
 public:
  // Compiles the rules, which the caller has checked with PatternRuleError (so their spans
  // are never empty); fails (kInvalidArgument) naming the rule: "pattern 2 (EMAIL): ...".
  static StatusOr<std::unique_ptr<PatternMatcher>> Create(const std::vector<PatternRule>& rules);
  ~PatternMatcher() override;

  bool empty() const;
  void Propose(const Document& doc, const Options& options,
               std::vector<Candidate>* out) const override;

 private:
  struct Compiled;
  explicit PatternMatcher(std::unique_ptr<Compiled> compiled);
  // Appends the candidates of pattern `index` over the whole text.
  void ProposeAll(const Document& doc, size_t index, std::vector<Candidate>* out) const;

  std::unique_ptr<Compiled> compiled_;
};

}  // namespace kashif::internal

#endif  // KASHIF_SRC_MATCH_PATTERN_PATTERN_MATCHER_H_
