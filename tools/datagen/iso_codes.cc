#include "iso_codes.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

namespace kashif::datagen {
namespace {

constexpr char kIsoJson[] = "/usr/share/iso-codes/json/iso_3166-1.json";
constexpr char kArabicMo[] = "/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo";

bool ReadWholeFile(const char* path, std::string* content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *content = buffer.str();
  return true;
}

uint32_t ReadU32(const std::string& data, size_t offset, bool swap) {
  if (offset + 4 > data.size()) return 0;
  uint32_t value;
  std::memcpy(&value, data.data() + offset, 4);
  if (swap) value = __builtin_bswap32(value);
  return value;
}

// GNU gettext .mo: a header with the string count and the offsets of two tables of
// (length, offset) pairs, original strings then translations.
std::map<std::string, std::string> ReadMoCatalog(const char* path) {
  std::map<std::string, std::string> catalog;
  std::string data;
  if (!ReadWholeFile(path, &data) || data.size() < 28) return catalog;
  bool swap = ReadU32(data, 0, false) != 0x950412deu;
  if (swap && ReadU32(data, 0, true) != 0x950412deu) return catalog;
  uint32_t count = ReadU32(data, 8, swap);
  uint32_t originals = ReadU32(data, 12, swap);
  uint32_t translations = ReadU32(data, 16, swap);
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t olen = ReadU32(data, originals + 8 * i, swap);
    uint32_t ooff = ReadU32(data, originals + 8 * i + 4, swap);
    uint32_t tlen = ReadU32(data, translations + 8 * i, swap);
    uint32_t toff = ReadU32(data, translations + 8 * i + 4, swap);
    if (ooff + olen > data.size() || toff + tlen > data.size()) break;
    catalog[data.substr(ooff, olen)] = data.substr(toff, tlen);
  }
  return catalog;
}

// The value of "key": "..." inside one flat JSON object (iso-codes writes no escapes in the
// fields read here).
std::string JsonField(std::string_view object, std::string_view key) {
  std::string needle = "\"" + std::string(key) + "\"";
  size_t at = object.find(needle);
  if (at == std::string_view::npos) return "";
  size_t open = object.find('"', object.find(':', at + needle.size()) + 1);
  if (open == std::string_view::npos) return "";
  size_t close = object.find('"', open + 1);
  if (close == std::string_view::npos) return "";
  return std::string(object.substr(open + 1, close - open - 1));
}

}  // namespace

std::map<std::string, IsoCountryNames> ReadIsoCountryNames() {
  std::map<std::string, IsoCountryNames> result;
  std::string json;
  if (!ReadWholeFile(kIsoJson, &json)) return result;
  std::map<std::string, std::string> arabic = ReadMoCatalog(kArabicMo);
  if (arabic.empty()) return result;
  auto translate = [&arabic](const std::string& english) -> std::string {
    if (english.empty()) return "";
    auto it = arabic.find(english);
    return it == arabic.end() ? "" : it->second;
  };
  size_t pos = 0;
  while ((pos = json.find('{', pos + 1)) != std::string::npos) {
    size_t end = json.find('}', pos);
    if (end == std::string::npos) break;
    std::string_view object(json.data() + pos, end - pos);
    std::string code = JsonField(object, "alpha_2");
    if (code.size() == 2) {
      IsoCountryNames names;
      names.name_ar = translate(JsonField(object, "name"));
      names.official_name_ar = translate(JsonField(object, "official_name"));
      result[code] = names;
    }
    pos = end;
  }
  return result;
}

}  // namespace kashif::datagen
