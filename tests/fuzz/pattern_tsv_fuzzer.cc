// The user-pattern TSV loader and the RE2 matcher: errors name the source and a real line;
// parsed rules have valid labels, priorities and patterns; an extractor built from them runs
// over the same bytes (any bytes) and returns ordered, non-overlapping spans inside the text,
// labelled with a rule's label.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "kashif/kashif.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  auto parsed = kashif::ParsePatternTsv(content, "fuzz.tsv");
  if (!parsed.ok()) {
    kashif::fuzz::CheckTsvError(parsed.status(), content, "fuzz.tsv");
    return 0;
  }
  std::set<std::string> labels;
  for (const kashif::PatternRule& rule : *parsed) {
    FUZZ_CHECK(!rule.label.empty() && !kashif::ParseEntityType(rule.label));
    FUZZ_CHECK(rule.priority >= 0 && rule.priority <= 255);
    FUZZ_CHECK(!rule.pattern.empty());
    labels.insert(rule.label);
  }
  if (parsed->size() > 16) return 0;  // keeps each run fast
  kashif::Options options;
  options.use_builtin_gazetteers = false;
  options.patterns = *parsed;
  auto extractor = kashif::Extractor::Create(options);
  FUZZ_CHECK(extractor.ok());  // every rule was checked by the parser
  const std::vector<bool> starts = kashif::fuzz::UnitStarts(content);
  size_t previous_end = 0;
  for (const kashif::Entity& e : extractor->Extract(content)) {
    FUZZ_CHECK(e.begin < e.end && e.end <= content.size() && e.begin >= previous_end);
    FUZZ_CHECK(starts[e.begin] && starts[e.end]);
    if (e.type == kashif::EntityType::kCustom) FUZZ_CHECK(labels.count(e.label) == 1);
    previous_end = e.end;
  }
  return 0;
}
