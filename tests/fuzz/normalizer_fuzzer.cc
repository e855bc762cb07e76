// Normalizer under random options: the offset map is complete and monotone, every output byte
// maps to one whole source unit, the output is valid UTF-8, the map-free hot path agrees with
// Normalize(), and normalizing twice changes nothing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "kashif/normalizer.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kashif::fuzz::ByteSource bytes(data, size);
  const uint8_t a = bytes.Byte();
  const uint8_t b = bytes.Byte();
  kashif::NormalizerOptions o;
  o.remove_diacritics = a & 1;
  o.remove_tatweel = a & 2;
  o.remove_invisible = a & 4;
  o.fold_alef = a & 8;
  o.fold_alef_maqsura = a & 16;
  o.fold_teh_marbuta = a & 32;
  o.fold_hamza = a & 64;
  o.fold_presentation_forms = a & 128;
  o.fold_digits = b & 1;
  o.fold_persian_letters = b & 2;
  o.lowercase_ascii = b & 4;
  const std::string_view text = bytes.Rest();
  const kashif::Normalizer normalizer(o);

  const kashif::NormalizedText n = normalizer.Normalize(text);
  FUZZ_CHECK(n.source_begin.size() == n.text.size());
  FUZZ_CHECK(n.source_end.size() == n.text.size());
  FUZZ_CHECK(kashif::internal::IsValidUtf8(n.text));
  const std::vector<bool> starts = kashif::fuzz::UnitStarts(text);
  for (size_t i = 0; i < n.text.size(); ++i) {
    FUZZ_CHECK(n.source_begin[i] < n.source_end[i]);
    FUZZ_CHECK(n.source_end[i] <= text.size());
    FUZZ_CHECK(starts[n.source_begin[i]] && starts[n.source_end[i]]);
    if (i > 0) {
      FUZZ_CHECK(n.source_begin[i - 1] <= n.source_begin[i]);
      FUZZ_CHECK(n.source_end[i - 1] <= n.source_end[i]);
    }
  }
  // Every byte of the output character maps to the same source unit, so a span that starts or
  // ends inside a normalized character still maps to whole original characters.
  char32_t cp;
  for (size_t i = 0; i < n.text.size();) {
    const size_t len = kashif::internal::DecodeUtf8(n.text, i, &cp);
    FUZZ_CHECK(len != 0);
    for (size_t k = 1; k < len; ++k) {
      FUZZ_CHECK(n.source_begin[i + k] == n.source_begin[i]);
      FUZZ_CHECK(n.source_end[i + k] == n.source_end[i]);
    }
    i += len;
  }
  // ToSource on arbitrary (even out-of-range) arguments stays inside the text.
  const size_t probes[] = {0, n.text.size() / 3, n.text.size() / 2, n.text.size(),
                           n.text.size() + 7};
  for (size_t pb : probes) {
    for (size_t pe : probes) {
      const auto [sb, se] = n.ToSource(pb, pe);
      FUZZ_CHECK(sb <= se);
      FUZZ_CHECK(se <= text.size());
    }
  }
  if (!n.text.empty()) {
    const auto [sb, se] = n.ToSource(0, n.text.size());
    FUZZ_CHECK(sb == n.source_begin.front() && se == n.source_end.back());
  }

  std::string appended = "x";
  normalizer.AppendNormalized(text, &appended);
  FUZZ_CHECK(appended.substr(1) == n.text);
  FUZZ_CHECK(normalizer.NormalizeToString(text) == n.text);

  // Every fold lands on a character no option folds again.
  FUZZ_CHECK(normalizer.NormalizeToString(n.text) == n.text);
  return 0;
}
