// Reads country names from Debian's iso-codes package: the English names in
// /usr/share/iso-codes/json/iso_3166-1.json and their Arabic translations in
// /usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo. Missing files yield an empty result, so the
// generators still run (with ICU alone) where iso-codes is not installed.
#ifndef KASHIF_TOOLS_DATAGEN_ISO_CODES_H_
#define KASHIF_TOOLS_DATAGEN_ISO_CODES_H_

#include <map>
#include <string>

namespace kashif::datagen {

struct IsoCountryNames {
  std::string name_ar;           // Arabic translation of "name", if any
  std::string official_name_ar;  // Arabic translation of "official_name", if any
};

// alpha_2 code -> Arabic names.
std::map<std::string, IsoCountryNames> ReadIsoCountryNames();

}  // namespace kashif::datagen

#endif  // KASHIF_TOOLS_DATAGEN_ISO_CODES_H_
