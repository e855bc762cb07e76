// Long texts in windows (src/extract/windows.h): the entities of a text processed in windows
// are exactly those of the text processed whole.
//
// Input layout: byte 0 chooses the window (4 * margin + 1000 + 256 * (byte 0 % 16) tokens, the
// margin 1600 tokens: propagation's 1500 and a rule's context); the rest is a text, repeated
// (joined by a space or a line break, byte 1) until it is long enough for several windows, so
// names found in one copy recur in the others across the cuts.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/windows.h"
#include "fuzz_util.h"
#include "kashif/kashif.h"

namespace {

constexpr size_t kMargin = 1600;
constexpr size_t kTextBytes = 96 << 10;

const kashif::Extractor& SharedExtractor() {
  static const kashif::Extractor* extractor = [] {
    auto created = kashif::Extractor::Create();
    FUZZ_CHECK(created.ok());
    return new kashif::Extractor(std::move(*created));
  }();
  return *extractor;
}

bool Same(const kashif::Entity& a, const kashif::Entity& b) {
  return a.type == b.type && a.begin == b.begin && a.end == b.end && a.canonical == b.canonical &&
         a.money.has_value() == b.money.has_value() && a.date.has_value() == b.date.has_value() &&
         (!a.money || (a.money->amount == b.money->amount &&
                       a.money->currency == b.money->currency)) &&
         (!a.date || (a.date->timex == b.date->timex && a.date->resolved == b.date->resolved &&
                      a.date->calendar == b.date->calendar));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kashif::fuzz::ByteSource source(data, size);
  const size_t window = 4 * kMargin + 1000 + 256 * (source.Byte() % 16);
  const char* joint = source.Bit() ? "\n" : " ";
  const std::string_view unit = source.Rest();
  if (unit.empty()) return 0;
  std::string text;
  while (text.size() < kTextBytes) {
    text.append(unit);
    text.append(joint);
  }
  const kashif::CivilDate reference{2025, 4, 3};
  std::vector<kashif::Entity> whole, windowed;
  kashif::internal::SetWindowLimitsForTesting(size_t{1} << 30, kMargin);
  SharedExtractor().Extract(text, reference, &whole);
  kashif::internal::SetWindowLimitsForTesting(window, kMargin);
  SharedExtractor().Extract(text, reference, &windowed);
  kashif::internal::SetWindowLimitsForTesting(0, 0);
  FUZZ_CHECK(whole.size() == windowed.size());
  for (size_t i = 0; i < whole.size(); ++i) {
    if (!Same(whole[i], windowed[i])) {
      std::fprintf(stderr, "entity %zu: whole %zu-%zu %s, windowed %zu-%zu %s\n", i,
                   whole[i].begin, whole[i].end, whole[i].canonical.c_str(), windowed[i].begin,
                   windowed[i].end, windowed[i].canonical.c_str());
    }
    FUZZ_CHECK(Same(whole[i], windowed[i]));
  }
  return 0;
}
