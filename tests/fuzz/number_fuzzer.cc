// Number parser: values are canonical exact decimals; the whole-expression parsers agree with
// each other and ignore surrounding white space; FindNumbers returns ordered, disjoint spans on
// character boundaries.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "kashif/number.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Number grammars are short; long inputs only slow the search down.
  if (size > 4096) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const std::optional<std::string> value = kashif::ParseNumber(text);
  const std::optional<kashif::NumberMatch> expression = kashif::ParseNumberExpression(text);
  FUZZ_CHECK(value.has_value() == expression.has_value());
  if (value) {
    FUZZ_CHECK(kashif::fuzz::IsCanonicalDecimal(*value));
    FUZZ_CHECK(expression->value == *value);
    const std::string padded = " " + std::string(text) + "\n";
    const std::optional<std::string> padded_value = kashif::ParseNumber(padded);
    FUZZ_CHECK(padded_value.has_value() && *padded_value == *value);
  }

  const std::vector<kashif::NumberMatch> matches = kashif::FindNumbers(text);
  const std::vector<bool> starts = kashif::fuzz::UnitStarts(text);
  size_t previous_end = 0;
  for (const kashif::NumberMatch& m : matches) {
    FUZZ_CHECK(m.begin < m.end);
    FUZZ_CHECK(m.end <= text.size());
    FUZZ_CHECK(m.begin >= previous_end);
    FUZZ_CHECK(starts[m.begin] && starts[m.end]);
    FUZZ_CHECK(kashif::fuzz::IsCanonicalDecimal(m.value));
    previous_end = m.end;
  }
  return 0;
}
