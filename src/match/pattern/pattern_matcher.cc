#include "match/pattern/pattern_matcher.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <utility>

namespace kashif::internal {
namespace {

RE2::Options PatternOptions(int64_t max_memory) {
  RE2::Options options;  // UTF-8 encoding, leftmost-first, case-sensitive: RE2's defaults
  options.set_log_errors(false);
  options.set_max_mem(max_memory);
  return options;
}

bool IsLabelCharacter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '-';
}

std::string LabelError(const std::string& label) {
  if (label.empty()) return "empty label";
  if (label.size() > 64) return "label longer than 64 characters";
  if (!std::all_of(label.begin(), label.end(), IsLabelCharacter)) {
    return "label \"" + label + "\" may only have ASCII letters, digits, '_' and '-'";
  }
  return std::string();
}

}  // namespace

std::string PatternRuleError(const PatternRule& rule) {
  std::string error = LabelError(rule.label);
  if (!error.empty()) return error;
  if (rule.priority < 0 || rule.priority > 255) {
    return "priority " + std::to_string(rule.priority) + " is outside 0-255";
  }
  if (rule.pattern.empty()) return "empty pattern";
  const RE2 re(rule.pattern, PatternOptions(kPatternMaxMemory));
  if (!re.ok()) return re.error();
  // An empty match is no entity, and a pattern that can match nothing would find one at
  // every position: say so instead of finding nothing.
  if (RE2::FullMatch("", re)) return "pattern matches the empty string";
  return std::string();
}

struct PatternMatcher::Compiled {
  std::vector<std::unique_ptr<RE2>> patterns;
  std::vector<std::string> labels;  // never resized after Create(): candidates point into it
  std::vector<int32_t> priorities;
  std::unique_ptr<RE2::Set> set;
};

PatternMatcher::PatternMatcher(std::unique_ptr<Compiled> compiled)
    : compiled_(std::move(compiled)) {}
PatternMatcher::~PatternMatcher() = default;

StatusOr<std::unique_ptr<PatternMatcher>> PatternMatcher::Create(
    const std::vector<PatternRule>& rules) {
  auto compiled = std::make_unique<Compiled>();
  compiled->set = std::make_unique<RE2::Set>(PatternOptions(kPatternSetMaxMemory),
                                             RE2::UNANCHORED);
  for (size_t i = 0; i < rules.size(); ++i) {
    const PatternRule& rule = rules[i];
    auto fail = [&](const std::string& reason) {
      return Status(StatusCode::kInvalidArgument, "pattern " + std::to_string(i + 1) + " (" +
                                                      rule.label + "): " + reason);
    };
    // The rules were checked (PatternRuleError) when they were read; RE2 has the last word.
    compiled->patterns.push_back(
        std::make_unique<RE2>(rule.pattern, PatternOptions(kPatternMaxMemory)));
    if (!compiled->patterns.back()->ok()) return fail(compiled->patterns.back()->error());
    compiled->labels.push_back(rule.label);
    compiled->priorities.push_back(rule.priority);
    std::string set_error;
    if (compiled->set->Add(rule.pattern, &set_error) != static_cast<int>(i)) {
      return fail(set_error);
    }
  }
  if (!rules.empty() && !compiled->set->Compile()) {
    return Status(StatusCode::kInvalidArgument,
                  "the patterns together need more than " +
                      std::to_string(kPatternSetMaxMemory >> 20) + " MiB to compile");
  }
  return std::unique_ptr<PatternMatcher>(new PatternMatcher(std::move(compiled)));
}

bool PatternMatcher::empty() const { return compiled_->patterns.empty(); }

void PatternMatcher::Propose(const Document& doc, const Options& options,
                             std::vector<Candidate>* out) const {
  if (empty() || doc.tokens.empty()) return;
  const re2::StringPiece text(doc.text.data(), doc.text.size());
  // Allocated per call: only a model with user patterns gets here, and RE2's own work on the
  // text dwarfs it.
  std::vector<int> hits;
  RE2::Set::ErrorInfo error;
  if (!compiled_->set->Match(text, &hits, &error) && error.kind != RE2::Set::kNoError) {
    // The set's DFA ran out of memory on this text: try every pattern on its own.
    hits.clear();
    for (size_t i = 0; i < compiled_->patterns.size(); ++i) hits.push_back(static_cast<int>(i));
  }
  std::sort(hits.begin(), hits.end());  // candidates in rule order, whatever the set says
  for (int index : hits) ProposeAll(doc, static_cast<size_t>(index), out);
}

void PatternMatcher::ProposeAll(const Document& doc, size_t index,
                                std::vector<Candidate>* out) const {
  const RE2& re = *compiled_->patterns[index];
  const re2::StringPiece text(doc.text.data(), doc.text.size());
  const std::vector<Token>& tokens = doc.tokens;
  re2::StringPiece match;
  size_t pos = 0;
  while (pos < text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    const size_t begin = static_cast<size_t>(match.data() - text.data());
    const size_t end = begin + match.size();
    if (end == begin) {  // cannot happen for a pattern that passed PatternRuleError; be safe
      pos = end + 1;
      continue;
    }
    pos = end;
    // The tokens the match touches: from the first that ends after `begin` to the last that
    // starts before `end`. A match of white space alone touches none and is dropped.
    const auto first = std::upper_bound(
        tokens.begin(), tokens.end(), begin,
        [](size_t offset, const Token& t) { return offset < t.end; });
    const auto last = std::lower_bound(
        first, tokens.end(), end, [](const Token& t, size_t offset) { return t.begin < offset; });
    if (first == last) continue;
    Candidate& c = out->emplace_back();
    c.type = EntityType::kCustom;
    c.label = &compiled_->labels[index];
    c.first_token = static_cast<uint32_t>(first - tokens.begin());
    c.end_token = static_cast<uint32_t>(last - tokens.begin());
    c.begin = static_cast<uint32_t>(begin);
    c.end = static_cast<uint32_t>(end);
    c.priority = compiled_->priorities[index];
    c.canonical.assign(match.data(), match.size());
  }
}

}  // namespace kashif::internal
