// Normalizer: folds Arabic spelling variation away and keeps a map back to the original bytes.
//
// Thread safety: a Normalizer is immutable after construction; Normalize() and the other const
// methods may be called from any number of threads at once.
#ifndef KASHIF_NORMALIZER_H_
#define KASHIF_NORMALIZER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kashif/export.h"

namespace kashif {
namespace internal {
struct FoldTable;
}

// What the normalizer folds or removes. The defaults suit search and matching; every fold is
// one-way (the original stays available through NormalizedText's offset map).
struct NormalizerOptions {
  // Tashkeel (fathatan .. sukun U+064B-U+0652), U+0653-U+065F, superscript alef U+0670 and the
  // Quranic annotation marks (U+0610-U+061A, U+06D6-U+06ED).
  bool remove_diacritics = true;
  bool remove_tatweel = true;  // U+0640
  // Zero-width and directional controls: ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, the bidi embeddings,
  // isolates and overrides, word joiner, BOM / ZWNBSP, soft hyphen.
  bool remove_invisible = true;
  bool fold_alef = true;              // أ إ آ ٱ ٲ ٳ → ا
  bool fold_alef_maqsura = true;      // ى → ي
  bool fold_teh_marbuta = false;      // ة → ه
  bool fold_hamza = false;            // hamza on a carrier to the bare carrier: ؤ → و, ئ → ي
  bool fold_presentation_forms = true;  // U+FB50-U+FDFF, U+FE70-U+FEFF (lam-alef too) → letters
  bool fold_digits = true;            // ٠-٩ and ۰-۹ → 0-9
  // Persian / Urdu letters to their Arabic counterparts: ک → ك, ی → ي, ە → ه, ۀ → ه.
  bool fold_persian_letters = true;
  // ASCII A-Z to a-z (off by default; the extractor's matching forms turn it on).
  bool lowercase_ascii = false;
};

// Normalized text plus, for every byte of it, the original bytes it came from.
struct KASHIF_EXPORT NormalizedText {
  std::string text;
  // source_begin[i] / source_end[i]: the half-open byte range of the original character that
  // produced byte i of `text`. Both vectors have text.size() entries.
  std::vector<uint32_t> source_begin;
  std::vector<uint32_t> source_end;

  // The original byte range covering normalized bytes [begin, end). An empty range maps to the
  // original position where it would start. Arguments are clamped to text.size().
  std::pair<size_t, size_t> ToSource(size_t begin, size_t end) const;
};

class KASHIF_EXPORT Normalizer {
 public:
  explicit Normalizer(const NormalizerOptions& options = NormalizerOptions());

  const NormalizerOptions& options() const { return options_; }

  // Normalizes `text`. Invalid UTF-8 is never dropped silently: each invalid byte becomes
  // U+FFFD in the output and maps back to that one byte.
  NormalizedText Normalize(std::string_view text) const;

  // The same folding without the offset map: appends the normalized form of `text` to *out.
  // This is the hot path the extractor uses on every token.
  void AppendNormalized(std::string_view text, std::string* out) const;
  std::string NormalizeToString(std::string_view text) const;

 private:
  NormalizerOptions options_;
  std::shared_ptr<const internal::FoldTable> table_;  // shared by Normalizers with equal options
};

}  // namespace kashif

#endif  // KASHIF_NORMALIZER_H_
