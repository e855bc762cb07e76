#include "kashif/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <vector>

#include "text/char_class.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace kashif {
namespace internal {

namespace {

// The code points whose treatment any option can change. Everything else is copied as is.
constexpr std::pair<char32_t, char32_t> kFoldableRanges[] = {
    {0x00AD, 0x00AD}, {0x0600, 0x06FF}, {0x0750, 0x077F}, {0x0870, 0x08FF},
    {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F}, {0xFB50, 0xFDFF},
    {0xFE70, 0xFEFF},
};

// Folds one code point (not a presentation form) into *out. Returns false to keep it as is.
bool FoldBase(char32_t cp, const NormalizerOptions& o, std::u32string* out) {
  const CharClass cls = ClassOf(cp);
  if (cp == 0x0640) {
    if (!o.remove_tatweel) return false;
    return true;  // removed
  }
  if (cls == CharClass::kArabicMark) return o.remove_diacritics;
  if (cls == CharClass::kFormat) return o.remove_invisible;
  char32_t to = 0;
  switch (cp) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673:
      if (o.fold_alef) to = 0x0627;
      break;
    case 0x0649:
      if (o.fold_alef_maqsura) to = 0x064A;
      break;
    case 0x0629:
      if (o.fold_teh_marbuta) to = 0x0647;
      break;
    case 0x0624:
      if (o.fold_hamza) to = 0x0648;
      break;
    case 0x0626:
      if (o.fold_hamza) to = 0x064A;
      break;
    case 0x06A9:
      if (o.fold_persian_letters) to = 0x0643;
      break;
    case 0x06CC:
      if (o.fold_persian_letters) to = o.fold_alef_maqsura ? 0x064A : 0x0649;
      break;
    case 0x06D5: case 0x06C0:
      if (o.fold_persian_letters) to = 0x0647;
      break;
    default:
      break;
  }
  if (to == 0 && o.fold_digits && ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9))) {
    to = U'0' + static_cast<char32_t>(DigitValue(cp));
  }
  if (to == 0) return false;
  out->push_back(to);
  return true;
}

// The NFKC form of a presentation form (cp itself when ICU fails).
std::u32string NfkcExpansion(char32_t cp) {
  std::u32string expanded;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString decomposed;
  if (U_SUCCESS(status)) {
    nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), decomposed, status);
  }
  if (U_SUCCESS(status)) {
    for (int32_t i = 0; i < decomposed.length();) {
      const UChar32 c = decomposed.char32At(i);
      expanded.push_back(static_cast<char32_t>(c));
      i += U16_LENGTH(c);
    }
  } else {
    expanded.push_back(cp);
  }
  return expanded;
}

// NfkcExpansion of the presentation forms U+FB50-U+FDFF and U+FE70-U+FEFE, computed once for
// every table (each distinct options set builds one, and the ICU calls were most of that work).
const std::u32string& PresentationFormExpansion(char32_t cp) {
  constexpr char32_t kFirst = 0xFB50;
  constexpr char32_t kLast = 0xFEFF;
  static const auto* const expansions = [] {
    auto* all = new std::vector<std::u32string>(kLast - kFirst + 1);
    for (char32_t c = kFirst; c < kLast; ++c) {
      if (c <= 0xFDFF || c >= 0xFE70) (*all)[c - kFirst] = NfkcExpansion(c);
    }
    return all;
  }();
  return (*expansions)[cp - kFirst];
}

std::string BuildReplacement(char32_t cp, const NormalizerOptions& o, bool* changed) {
  std::u32string expanded;
  const bool presentation = (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
  if (presentation && o.fold_presentation_forms && cp != 0xFEFF) {
    expanded = PresentationFormExpansion(cp);
    *changed = expanded.size() != 1 || expanded[0] != cp;
  } else {
    expanded.push_back(cp);
    *changed = false;
  }
  std::string result;
  for (char32_t c : expanded) {
    if (c == U' ' && expanded.size() > 1) {
      // Multi-word ligatures (U+FDFA ...) keep their inner spaces.
      result.push_back(' ');
      continue;
    }
    std::u32string folded;
    if (FoldBase(c, o, &folded)) {
      *changed = true;
      for (char32_t f : folded) internal::AppendUtf8(f, &result);
    } else {
      internal::AppendUtf8(c, &result);
    }
  }
  return result;
}

std::shared_ptr<const FoldTable> BuildTable(const NormalizerOptions& o) {
  auto table = std::make_shared<FoldTable>();
  table->lowercase_ascii = o.lowercase_ascii;
  for (const auto& [first, last] : kFoldableRanges) {
    for (char32_t cp = first; cp <= last; ++cp) {
      bool changed = false;
      std::string replacement = BuildReplacement(cp, o, &changed);
      if (!changed) continue;
      table->index[cp] = static_cast<uint16_t>(table->replacements.size());
      table->replacements.push_back(std::move(replacement));
    }
  }
  for (char32_t cp = 0x80; cp < 0x800; ++cp) {
    std::string bytes;
    const uint16_t idx = table->index[cp];
    if (idx == 0) {
      internal::AppendUtf8(cp, &bytes);
    } else {
      bytes = table->replacements[idx];
    }
    // A longer fold would break FoldAppend's bound (output never longer than input there).
    if (bytes.size() > 2) std::abort();
    uint32_t entry = static_cast<uint32_t>(bytes.size()) << 16;
    for (size_t k = 0; k < bytes.size(); ++k) {
      entry |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[k])) << (8 * k);
    }
    table->two_byte[cp] = entry;
    const unsigned char utf8[2] = {static_cast<unsigned char>(0xC0 | cp >> 6),
                                   static_cast<unsigned char>(0x80 | (cp & 0x3F))};
    table->pairs[PairIndex(utf8)] = entry | 2u << 24;
  }
  for (unsigned b = 0; b < 0x80; ++b) {
    const uint32_t folded = o.lowercase_ascii && b >= 'A' && b <= 'Z' ? b + 0x20 : b;
    for (unsigned next = 0; next < 0x100; ++next) {
      const unsigned char bytes[2] = {static_cast<unsigned char>(b),
                                      static_cast<unsigned char>(next)};
      table->pairs[PairIndex(bytes)] = folded | 1u << 16 | 1u << 24;
    }
  }
  return table;
}

uint32_t OptionsKey(const NormalizerOptions& o) {
  const bool bits[] = {o.remove_diacritics, o.remove_tatweel,       o.remove_invisible,
                       o.fold_alef,         o.fold_alef_maqsura,    o.fold_teh_marbuta,
                       o.fold_hamza,        o.fold_presentation_forms, o.fold_digits,
                       o.fold_persian_letters, o.lowercase_ascii};
  uint32_t key = 0;
  for (bool b : bits) key = (key << 1) | (b ? 1u : 0u);
  return key;
}

std::shared_ptr<const FoldTable> SharedTable(const NormalizerOptions& o) {
  static std::mutex* mu = new std::mutex;
  static auto* cache = new std::map<uint32_t, std::shared_ptr<const FoldTable>>;
  std::lock_guard<std::mutex> lock(*mu);
  auto& slot = (*cache)[OptionsKey(o)];
  if (!slot) slot = BuildTable(o);
  return slot;
}

constexpr char kReplacementUtf8[] = "\xEF\xBF\xBD";

// Walks `text`, calling emit(bytes, source_begin, source_end) for each output piece.
template <typename Emit>
void Fold(const FoldTable& table, std::string_view text, Emit&& emit) {
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      // ASCII run: copied (or lower-cased) in one piece.
      size_t j = i + 1;
      while (j < n && static_cast<unsigned char>(text[j]) < 0x80) ++j;
      if (!table.lowercase_ascii) {
        emit(text.substr(i, j - i), i, j, /*single_char=*/false);
      } else {
        for (size_t k = i; k < j; ++k) {
          char c = text[k];
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
          emit(std::string_view(&c, 1), k, k + 1, true);
        }
      }
      i = j;
      continue;
    }
    char32_t cp;
    const size_t len = internal::DecodeUtf8(text, i, &cp);
    if (len == 0) {
      emit(std::string_view(kReplacementUtf8, 3), i, i + 1, true);
      ++i;
      continue;
    }
    const uint16_t idx = cp < 0x10000 ? table.index[cp] : 0;
    if (idx == 0) {
      emit(text.substr(i, len), i, i + len, true);
    } else {
      const std::string& r = table.replacements[idx];
      if (!r.empty()) emit(std::string_view(r), i, i + len, true);
    }
    i += len;
  }
}

// The general loop of AppendNormalized, for text with pieces longer than their source.
void FoldAppendGeneral(const FoldTable& table, std::string_view text, std::string* out) {
  Fold(table, text, [out](std::string_view piece, size_t, size_t, bool) {
    out->append(piece.data(), piece.size());
  });
}

}  // namespace

std::shared_ptr<const FoldTable> SharedFoldTable(const NormalizerOptions& options) {
  return SharedTable(options);
}

size_t FoldIntoFrom(const FoldTable& table, std::string_view text, char* out, size_t i, char* d) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const uint32_t lower = table.lowercase_ascii ? 0x20 : 0;
  const uint32_t* const two_byte = table.two_byte.data();
  // d - out <= i: never past the room
  while (i < n) {
    FoldPairs(table, s, n, &i, &d);
    if (i >= n) break;
    const unsigned char b = s[i];
    if (b < 0x80) {
      *d++ = static_cast<char>(b | (static_cast<uint32_t>(b - 'A') < 26 ? lower : 0));
      ++i;
      continue;
    }
    char32_t cp;
    if (DecodeTwoByteUtf8(s + i, n - i, &cp)) {
      const uint32_t entry = two_byte[cp];
      const uint16_t bytes = static_cast<uint16_t>(entry);
      std::memcpy(d, &bytes, 2);  // fits: two input bytes are consumed
      d += entry >> 16;
      i += 2;
      continue;
    }
    const size_t len = DecodeUtf8(text, i, &cp);
    if (len == 0) return kFoldTooLong;
    const uint16_t idx = cp < 0x10000 ? table.index[cp] : 0;
    if (idx == 0) {
      std::memcpy(d, s + i, len);
      d += len;
    } else {
      const std::string& r = table.replacements[idx];
      if (r.size() > len) return kFoldTooLong;
      std::memcpy(d, r.data(), r.size());
      d += r.size();
    }
    i += len;
  }
  return static_cast<size_t>(d - out);
}

namespace {

// The hot path without an offset map. Longer text: one append of the input's bytes, folded in
// place (the source is `text`, so the write pointer never overtakes unread input), then one
// shrink when something was removed.
void FoldAppend(const FoldTable& table, std::string_view text, std::string* out) {
  // A word (the usual argument) is folded on the stack and appended in one call.
  constexpr size_t kShort = 64;
  if (text.size() <= kShort) {
    char buffer[kShort];
    const size_t written = FoldInto(table, text, buffer);
    if (written != kFoldTooLong) {
      out->append(buffer, written);
      return;
    }
  }
  const size_t base = out->size();
  out->append(text.data(), text.size());
  const size_t written = FoldInto(table, text, &(*out)[base]);
  if (written == kFoldTooLong) {
    out->resize(base);
    FoldAppendGeneral(table, text, out);
  } else if (written != text.size()) {
    out->resize(base + written);
  }
}

}  // namespace
}  // namespace internal

std::pair<size_t, size_t> NormalizedText::ToSource(size_t begin, size_t end) const {
  const size_t n = text.size();
  begin = std::min(begin, n);
  end = std::min(std::max(end, begin), n);
  if (begin == end) {
    if (begin < n) return {source_begin[begin], source_begin[begin]};
    const size_t at = n == 0 ? 0 : source_end[n - 1];
    return {at, at};
  }
  return {source_begin[begin], source_end[end - 1]};
}

Normalizer::Normalizer(const NormalizerOptions& options)
    : options_(options), table_(internal::SharedTable(options)) {}

NormalizedText Normalizer::Normalize(std::string_view text) const {
  NormalizedText result;
  result.text.reserve(text.size());
  result.source_begin.reserve(text.size());
  result.source_end.reserve(text.size());
  internal::Fold(*table_, text,
                 [&](std::string_view piece, size_t src_begin, size_t src_end, bool single_char) {
                   result.text.append(piece.data(), piece.size());
                   for (size_t k = 0; k < piece.size(); ++k) {
                     // An ASCII run maps byte for byte; anything else maps to its whole source.
                     const size_t b = single_char ? src_begin : src_begin + k;
                     const size_t e = single_char ? src_end : src_begin + k + 1;
                     result.source_begin.push_back(static_cast<uint32_t>(b));
                     result.source_end.push_back(static_cast<uint32_t>(e));
                   }
                 });
  return result;
}

void Normalizer::AppendNormalized(std::string_view text, std::string* out) const {
  internal::FoldAppend(*table_, text, out);
}

std::string Normalizer::NormalizeToString(std::string_view text) const {
  std::string out;
  out.reserve(text.size());
  AppendNormalized(text, &out);
  return out;
}

}  // namespace kashif
