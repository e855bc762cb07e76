// Generates data/places.tsv: country, world-region and city names from ICU/CLDR's Arabic
// locale data and Debian iso-codes, followed by the team's hand-written lists
// (tools/datagen/places_hand.tsv). Duplicates (same folded name and type) keep their first
// occurrence; "!NAME" lines in the hand list keep a source name out.
//
//   gen_places --source-dir /work/main
#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "datagen_util.h"
#include "iso_codes.h"

namespace kashif::datagen {
namespace {

const icu::Locale& Arabic() {
  static const icu::Locale* locale = new icu::Locale("ar");
  return *locale;
}

std::string DisplayCountry(const char* code) {
  icu::UnicodeString name;
  icu::Locale("", code).getDisplayCountry(Arabic(), name);
  std::string utf8;
  name.toUTF8String(utf8);
  // ICU falls back to the code itself when it has no name.
  return utf8 == code ? std::string() : utf8;
}

// CLDR's alternative country names ("Countries%short", "Countries%variant").
std::map<std::string, std::string> CountryAlternatives(const char* table) {
  std::map<std::string, std::string> names;
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* bundle = ures_open(U_ICUDATA_NAME "-region", "ar", &status);
  if (U_FAILURE(status)) return names;
  UResourceBundle* alternatives = ures_getByKey(bundle, table, nullptr, &status);
  while (U_SUCCESS(status) && ures_hasNext(alternatives)) {
    const char* key = nullptr;
    int32_t length = 0;
    const UChar* value = ures_getNextString(alternatives, &length, &key, &status);
    if (U_FAILURE(status)) break;
    std::string utf8;
    icu::UnicodeString(value, length).toUTF8String(utf8);
    names[key] = utf8;
  }
  if (alternatives != nullptr) ures_close(alternatives);
  ures_close(bundle);
  return names;
}

// Text never writes CLDR's disambiguating decorations ("ميانمار (بورما)", "الكونغو - كينشاسا").
bool IsDecorated(const std::string& name) {
  return name.find('(') != std::string::npos || name.find(" - ") != std::string::npos ||
         name.find("،") != std::string::npos || name.find(',') != std::string::npos ||
         name.find('-') != std::string::npos;
}

// "ميانمار (بورما)" -> {"ميانمار", "بورما"}.
std::vector<std::string> SplitParenthetical(const std::string& name) {
  size_t open = name.find(" (");
  size_t close = name.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) return {};
  return {name.substr(0, open), name.substr(open + 2, close - open - 2)};
}

// iso-codes translations that are wrong or that text never uses; the other iso-codes names
// are taken as variants of the CLDR name.
const std::set<std::string>& IsoNamesToSkip() {
  static const auto* skip = new std::set<std::string>{
      "جمهوريّة الفرنسيّة",      // should be الجمهورية الفرنسية (written by hand)
      "الجمهوريّة الهلنستيّة",   // Greece is الهيلينية
      "آيزل أف مان",  "جزيرة جويرزني", "نيو قلدونيا", "جزر كوراكاو", "جوادالوبّي", "جوام",
      "بتكيرن",       "المجر (هنغاريا)",
  };
  return *skip;
}

// Time zone exemplar cities worth listing: capitals and large cities whose CLDR Arabic
// spelling is the one news text uses. Left out on purpose: small settlements, misspellings
// (Perth "برثا", Brisbane "برسيبان") and names that are ordinary Arabic words (Samara "سمراء",
// Nome "نوم", El Aaiun "العيون", Truk "ترك") — the hand list spells the cities that matter.
constexpr const char* kCityZones[] = {
    "Africa/Abidjan", "Africa/Accra", "Africa/Addis_Ababa", "Africa/Algiers", "Africa/Asmera",
    "Africa/Bamako", "Africa/Bangui", "Africa/Banjul", "Africa/Bissau", "Africa/Brazzaville",
    "Africa/Bujumbura", "Africa/Cairo", "Africa/Casablanca", "Africa/Conakry", "Africa/Dakar",
    "Africa/Dar_es_Salaam", "Africa/Djibouti", "Africa/Douala", "Africa/Freetown",
    "Africa/Harare", "Africa/Johannesburg", "Africa/Juba", "Africa/Kampala", "Africa/Khartoum",
    "Africa/Kigali", "Africa/Kinshasa", "Africa/Lagos", "Africa/Libreville", "Africa/Lome",
    "Africa/Luanda", "Africa/Lusaka", "Africa/Malabo", "Africa/Maputo", "Africa/Maseru",
    "Africa/Mbabane", "Africa/Mogadishu", "Africa/Monrovia", "Africa/Nairobi",
    "Africa/Ndjamena", "Africa/Niamey", "Africa/Nouakchott", "Africa/Ouagadougou",
    "Africa/Porto-Novo", "Africa/Tripoli", "Africa/Tunis", "Africa/Windhoek",
    "America/Asuncion", "America/Bogota", "America/Buenos_Aires", "America/Cancun",
    "America/Caracas", "America/Chicago", "America/Denver", "America/Detroit",
    "America/Edmonton", "America/Fortaleza", "America/Guayaquil", "America/Halifax",
    "America/Havana", "America/Indianapolis", "America/La_Paz", "America/Lima",
    "America/Los_Angeles", "America/Managua", "America/Manaus", "America/Mendoza",
    "America/Mexico_City", "America/Monterrey", "America/Montevideo", "America/Nassau",
    "America/New_York", "America/Paramaribo", "America/Phoenix", "America/Port-au-Prince",
    "America/Port_of_Spain", "America/Recife", "America/Santiago", "America/Santo_Domingo",
    "America/Sao_Paulo", "America/Tegucigalpa", "America/Tijuana", "America/Toronto",
    "America/Vancouver", "America/Winnipeg", "Asia/Aden", "Asia/Almaty", "Asia/Amman",
    "Asia/Ashgabat", "Asia/Baghdad", "Asia/Baku", "Asia/Bangkok", "Asia/Beirut",
    "Asia/Bishkek", "Asia/Calcutta", "Asia/Colombo", "Asia/Damascus", "Asia/Dubai",
    "Asia/Dushanbe", "Asia/Gaza", "Asia/Jakarta", "Asia/Jerusalem", "Asia/Kabul",
    "Asia/Karachi", "Asia/Katmandu", "Asia/Krasnoyarsk", "Asia/Kuala_Lumpur", "Asia/Manila",
    "Asia/Muscat", "Asia/Nicosia", "Asia/Novosibirsk", "Asia/Omsk", "Asia/Phnom_Penh",
    "Asia/Pyongyang", "Asia/Rangoon", "Asia/Riyadh", "Asia/Samarkand", "Asia/Seoul",
    "Asia/Shanghai", "Asia/Taipei", "Asia/Tashkent", "Asia/Tbilisi", "Asia/Tehran",
    "Asia/Thimphu", "Asia/Tokyo", "Asia/Vientiane", "Asia/Vladivostok", "Asia/Yerevan",
    "Atlantic/Reykjavik", "Atlantic/Madeira", "Australia/Adelaide", "Australia/Hobart",
    "Australia/Melbourne", "Australia/Sydney", "Europe/Amsterdam", "Europe/Astrakhan",
    "Europe/Athens", "Europe/Belgrade", "Europe/Berlin", "Europe/Bratislava",
    "Europe/Brussels", "Europe/Bucharest", "Europe/Budapest", "Europe/Copenhagen",
    "Europe/Dublin", "Europe/Helsinki", "Europe/Istanbul", "Europe/Kaliningrad", "Europe/Kiev",
    "Europe/Lisbon", "Europe/Ljubljana", "Europe/London", "Europe/Madrid", "Europe/Minsk",
    "Europe/Moscow", "Europe/Oslo", "Europe/Paris", "Europe/Podgorica", "Europe/Prague",
    "Europe/Riga", "Europe/Rome", "Europe/Sarajevo", "Europe/Simferopol", "Europe/Skopje",
    "Europe/Sofia", "Europe/Stockholm", "Europe/Tallinn", "Europe/Tirane", "Europe/Vaduz",
    "Europe/Vienna", "Europe/Vilnius", "Europe/Warsaw", "Europe/Zagreb", "Europe/Zurich",
    "Indian/Antananarivo", "Pacific/Auckland", "Pacific/Honolulu", "Pacific/Tahiti",
};

// UN M.49 regions and groupings CLDR names in Arabic.
constexpr const char* kRegionCodes[] = {
    "002", "009", "019", "142", "150", "021", "005", "013", "029", "145", "015", "053",
    "054", "061", "011", "014", "017", "018", "030", "034", "035", "039", "143", "151",
    "154", "155", "202", "419",
};

void AddCountries(GazetteerWriter* out) {
  std::map<std::string, std::string> short_names = CountryAlternatives("Countries%short");
  std::map<std::string, std::string> variants = CountryAlternatives("Countries%variant");
  std::map<std::string, IsoCountryNames> iso = ReadIsoCountryNames();

  out->AddComment("# --- ICU/CLDR (locale ar): country and territory names ---");
  std::vector<std::pair<std::string, std::string>> later;  // (variant, canonical)
  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
    std::string name = DisplayCountry(*code);
    if (name.empty()) continue;
    // The canonical form is the name text uses: CLDR's short form when it has one, the
    // variant when the main name is decorated ("الكونغو - كينشاسا").
    std::string canonical = name;
    if (short_names.count(*code)) canonical = short_names[*code];
    if (IsDecorated(canonical) && variants.count(*code)) canonical = variants[*code];
    std::vector<std::string> parts = SplitParenthetical(canonical);
    if (!parts.empty()) canonical = parts[0];
    if (IsDecorated(canonical)) continue;
    out->Add(canonical, "LOC", canonical);
    if (name != canonical && !IsDecorated(name)) later.push_back({name, canonical});
    for (const std::string& part : parts) later.push_back({part, canonical});
    if (variants.count(*code) && !IsDecorated(variants[*code])) {
      later.push_back({variants[*code], canonical});
    }
    auto it = iso.find(*code);
    if (it != iso.end()) {
      for (const std::string& raw : {it->second.name_ar, it->second.official_name_ar}) {
        if (raw.empty() || IsoNamesToSkip().count(raw) || IsDecorated(raw)) continue;
        later.push_back({raw, canonical});
      }
    }
  }
  out->AddComment("# --- ICU/CLDR alternative names and Debian iso-codes (ar) names ---");
  for (const auto& [variant, canonical] : later) out->Add(variant, "LOC", canonical);
}

void AddRegions(GazetteerWriter* out) {
  out->AddComment("# --- ICU/CLDR (locale ar): continents and UN M.49 regions ---");
  for (const char* code : kRegionCodes) {
    std::string name = DisplayCountry(code);
    if (!name.empty()) out->Add(name, "LOC", name);
  }
}

void AddCities(GazetteerWriter* out) {
  out->AddComment("# --- ICU/CLDR (locale ar): time zone exemplar cities (selected) ---");
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZoneNames> names(
      icu::TimeZoneNames::createInstance(Arabic(), status));
  if (U_FAILURE(status)) Die("ICU: no time zone names for ar");
  for (const char* zone : kCityZones) {
    icu::UnicodeString city;
    names->getExemplarLocationName(icu::UnicodeString::fromUTF8(zone), city);
    std::string utf8;
    city.toUTF8String(utf8);
    if (utf8.empty() || IsDecorated(utf8)) continue;
    out->Add(utf8, "LOC", "");
  }
}

}  // namespace
}  // namespace kashif::datagen

int main(int argc, char** argv) {
  using namespace kashif::datagen;
  std::string root = SourceDirFromArgs(argc, argv, "gen_places");
  HandList hand = ReadHandList(root + "/tools/datagen/places_hand.tsv");
  GazetteerWriter out(hand.excluded_folded);
  out.AddComment("# Places (LOC). GENERATED by tools/datagen/gen_places.cc -- do not edit by hand;");
  out.AddComment("# edit tools/datagen/places_hand.tsv and rerun the generator:");
  out.AddComment("#   cmake --build BUILD --target kashif_regenerate_data");
  out.AddComment("# Format: NAME<TAB>LOC[<TAB>CANONICAL]. Sections marked 'ICU/CLDR' come from ICU's");
  out.AddComment("# Arabic locale data (and Debian iso-codes' Arabic translations); every section after");
  out.AddComment("# the line 'hand-written' is the team's own list. A name already present with the same");
  out.AddComment("# type (after alef/ya/teh-marbuta/hamza folding) is written once.");
  AddCountries(&out);
  AddRegions(&out);
  AddCities(&out);
  out.AddComment("# ===== hand-written (tools/datagen/places_hand.tsv) =====");
  out.AddAll(hand.lines);
  out.Write(root + "/data/places.tsv");
  std::cerr << "places.tsv: " << out.entry_count() << " entries, " << out.dropped_count()
            << " duplicates/exclusions dropped\n";
  return 0;
}
