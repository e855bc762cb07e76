// The full extractor under options chosen by the input: entities lie inside the text, on
// character boundaries, over valid UTF-8, sorted and disjoint, of an enabled type, with a value
// exactly when the type has one, and the same on every call (fresh or reused output vector).
//
// Input layout: byte 0 chooses the types (bit i = EntityType i; 0 means all), byte 1 the
// extractor flavour and date options, bytes 2-4 a reference date; the rest is the text. The
// flavour with user entries reads them from the text's first line (NAME<TAB>TYPE lines up to a
// blank line), so the fuzzer can also grow gazetteers.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "fuzz_util.h"
#include "kashif/kashif.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace {

using kashif::EntityType;

std::vector<EntityType> TypesFromMask(uint8_t mask) {
  std::vector<EntityType> types;
  for (int i = 0; i < kashif::kEntityTypeCount; ++i) {
    if (mask & (1u << i)) types.push_back(static_cast<EntityType>(i));
  }
  return types;
}

// Extractors with the built-in data are costly to build; keep one per option combination.
const kashif::Extractor* CachedExtractor(const kashif::Options& options, int key) {
  static auto* cache = new std::map<int, std::unique_ptr<kashif::Extractor>>;
  auto& slot = (*cache)[key];
  if (!slot) {
    auto created = kashif::Extractor::Create(options);
    FUZZ_CHECK(created.ok());
    slot = std::make_unique<kashif::Extractor>(std::move(*created));
  }
  return slot.get();
}

bool IsAsciiUpper(std::string_view s) {
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// "YYYY-MM-DD" with digits only.
bool IsFullDate(std::string_view timex) {
  if (timex.size() != 10 || timex[4] != '-' || timex[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (timex[i] < '0' || timex[i] > '9') return false;
  }
  return true;
}

void CheckEntities(std::string_view text, const std::vector<kashif::Entity>& entities,
                   const std::vector<EntityType>& types) {
  const std::vector<bool> starts = kashif::fuzz::UnitStarts(text);
  size_t previous_end = 0;
  for (const kashif::Entity& e : entities) {
    FUZZ_CHECK(e.begin < e.end);
    FUZZ_CHECK(e.end <= text.size());
    FUZZ_CHECK(e.begin >= previous_end);
    FUZZ_CHECK(starts[e.begin] && starts[e.end]);
    const std::string_view surface = e.text(text);
    FUZZ_CHECK(kashif::internal::IsValidUtf8(surface));
    // No white space at either edge of an entity.
    char32_t first, last;
    FUZZ_CHECK(kashif::internal::DecodeUtf8(surface, 0, &first) != 0);
    size_t last_at = surface.size() - 1;
    while (last_at > 0 && (static_cast<unsigned char>(surface[last_at]) & 0xC0) == 0x80) --last_at;
    FUZZ_CHECK(kashif::internal::DecodeUtf8(surface, last_at, &last) != 0);
    FUZZ_CHECK(kashif::internal::ClassOf(first) != kashif::internal::CharClass::kSpace);
    FUZZ_CHECK(kashif::internal::ClassOf(last) != kashif::internal::CharClass::kSpace);
    FUZZ_CHECK(kashif::internal::IsValidUtf8(e.canonical));
    if (!types.empty()) {
      bool enabled = false;
      for (EntityType t : types) enabled |= t == e.type;
      FUZZ_CHECK(enabled);
    }
    FUZZ_CHECK(e.money.has_value() == (e.type == EntityType::kMoney));
    FUZZ_CHECK(e.date.has_value() == (e.type == EntityType::kDate));
    if (e.money) {
      FUZZ_CHECK(kashif::fuzz::IsCanonicalDecimal(e.money->amount));
      FUZZ_CHECK(e.money->currency.empty() ||
                 (e.money->currency.size() == 3 && IsAsciiUpper(e.money->currency)));
    }
    if (e.date) {
      FUZZ_CHECK(!e.date->timex.empty());
      FUZZ_CHECK(kashif::internal::IsValidUtf8(e.date->timex));
      // A full Hijri date (year, month and day known) always resolves to a Gregorian day; one
      // without a year ("الخامس من رمضان", XXXX-09-05) cannot.
      if (e.date->calendar == kashif::Calendar::kHijri && IsFullDate(e.date->timex)) {
        FUZZ_CHECK(!e.date->resolved.empty());
      }
    }
    previous_end = e.end;
  }
}

bool SameEntities(const std::vector<kashif::Entity>& a, const std::vector<kashif::Entity>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const kashif::Entity& x = a[i];
    const kashif::Entity& y = b[i];
    if (std::tie(x.type, x.begin, x.end, x.canonical) !=
        std::tie(y.type, y.begin, y.end, y.canonical)) {
      return false;
    }
    if (x.money.has_value() != y.money.has_value() || x.date.has_value() != y.date.has_value()) {
      return false;
    }
    if (x.money && (x.money->amount != y.money->amount || x.money->currency != y.money->currency)) {
      return false;
    }
    if (x.date && (x.date->timex != y.date->timex || x.date->resolved != y.date->resolved ||
                   x.date->calendar != y.date->calendar)) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 65536) return 0;
  kashif::fuzz::ByteSource bytes(data, size);
  const uint8_t type_mask = bytes.Byte() & 0x1F;
  const uint8_t flavour = bytes.Byte();
  const uint8_t y = bytes.Byte(), m = bytes.Byte(), d = bytes.Byte();
  const std::string_view text = bytes.Rest();

  kashif::Options options;
  options.types = TypesFromMask(type_mask);
  options.date_bias = (flavour & 1) ? kashif::DateBias::kFuture : kashif::DateBias::kPast;
  options.hijri_calendar =
      (flavour & 2) ? kashif::HijriCalendar::kCivil : kashif::HijriCalendar::kUmmAlQura;
  // Years over a wide range (the edges of what relative dates may resolve to included); day
  // numbers that do not exist in the month are skipped below.
  const int year = (flavour & 8) ? 1 + y * 39 : 1900 + y % 200;
  const kashif::CivilDate reference{year, 1 + m % 12, 1 + d % 31};
  const bool valid_reference = kashif::ParseCivilDate(kashif::FormatCivilDate(reference)).has_value();

  const kashif::Extractor* extractor = nullptr;
  std::optional<kashif::Extractor> own;
  if (flavour & 4) {
    // User entries from the text's leading lines, no built-in data: rebuilt on every input.
    options.use_builtin_gazetteers = false;
    const size_t blank = text.find("\n\n");
    auto entries = kashif::ParseGazetteerTsv(text.substr(0, blank), "fuzz");
    if (entries.ok() && entries->size() <= 32) options.gazetteer_entries = *entries;
    auto created = kashif::Extractor::Create(options);
    if (!created.ok()) return 0;
    own.emplace(std::move(*created));
    extractor = &*own;
  } else {
    extractor = CachedExtractor(options, type_mask | (flavour & 3) << 5);
  }

  const std::vector<kashif::Entity> plain = extractor->Extract(text);
  CheckEntities(text, plain, options.types);
  FUZZ_CHECK(SameEntities(plain, extractor->Extract(text)));

  if (valid_reference) {
    const std::vector<kashif::Entity> dated = extractor->Extract(text, reference);
    CheckEntities(text, dated, options.types);
    std::vector<kashif::Entity> reused = plain;  // not empty: Extract must clear it
    extractor->Extract(text, reference, &reused);
    FUZZ_CHECK(SameEntities(dated, reused));
  }
  return 0;
}
