// kashif: people, organizations, places, money amounts, dates, percentages and clock times in
// Arabic text.
//
//   #include <kashif/kashif.h>
//
//   kashif::Options options;
//   options.reference_date = kashif::CivilDate{2025, 4, 3};
//   auto extractor = kashif::Extractor::Create(options);
//   if (!extractor.ok()) { /* extractor.status().message() says why */ }
//   for (const kashif::Entity& e : extractor->Extract(text)) {
//     // e.type, e.begin / e.end (byte offsets into `text`), e.canonical, and the value:
//     // e.money, e.date, e.percent or e.time
//   }
//
// Guarantees:
//  - Offsets are byte offsets into the caller's text, half-open, on UTF-8 character boundaries
//    of that text, and never include a proclitic (in "وواشنطن" the place is "واشنطن").
//  - Entities come back sorted by `begin` and never overlap.
//  - Extract() never fails and never throws: any byte sequence is accepted. Invalid UTF-8 bytes
//    are treated as separators (see tokenizer.h); entities are only found in valid text.
//  - No exception crosses the API. Creation reports problems through StatusOr.
//
// Thread safety: an Extractor is immutable once created. Extract() may be called concurrently
// from any number of threads on the same Extractor. Copying an Extractor is cheap (it shares the
// compiled model) and the copies are equally thread-safe.
//
// Memory: Extract() keeps per-thread scratch (thread_local) that the next call on the same
// thread reuses. A long text goes through in windows of about 128 k tokens, so the scratch stays
// bounded (about 30 MB) whatever the text's size; more than 32 MB of it is freed after the
// call, and ReleaseThreadScratch() frees it at will (e.g. before a thread idles).
#ifndef KASHIF_KASHIF_H_
#define KASHIF_KASHIF_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/export.h"
#include "kashif/status.h"
#include "kashif/version.h"

namespace kashif {

// The library's version, "MAJOR.MINOR.PATCH" (the same as KASHIF_VERSION_STRING).
KASHIF_EXPORT const char* Version();

// Numbered explicitly: the numbers are the C API's (kashif_c.h) and never change.
enum class EntityType : uint8_t {
  kPerson = 0,
  kOrganization = 1,
  kPlace = 2,
  kMoney = 3,
  kDate = 4,
  kPercent = 5,
  kTime = 6,  // a clock time ("الساعة الرابعة عصرا"); dates are kDate
  // A match of a user pattern (Options::patterns): Entity::label holds the user's label. Not a
  // built-in type: not counted in kEntityTypeCount, not selectable in Options::types.
  kCustom = 7,
};
inline constexpr int kEntityTypeCount = 7;

// "PER", "ORG", "LOC", "MONEY", "DATE", "PERCENT", "TIME" ("CUSTOM" for kCustom).
KASHIF_EXPORT const char* EntityTypeLabel(EntityType type);
// Parses a label (case-insensitive). Also accepts the corpus spellings PERS and GPE.
KASHIF_EXPORT std::optional<EntityType> ParseEntityType(std::string_view label);

// A day in the proleptic Gregorian calendar.
struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
  friend bool operator==(const CivilDate& a, const CivilDate& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const CivilDate& a, const CivilDate& b) { return !(a == b); }
};
// Parses "YYYY-MM-DD" (a real calendar day); nullopt otherwise.
KASHIF_EXPORT std::optional<CivilDate> ParseCivilDate(std::string_view text);
// "YYYY-MM-DD".
KASHIF_EXPORT std::string FormatCivilDate(const CivilDate& date);

// Which way a bare weekday or month name points from the reference date.
enum class DateBias : uint8_t {
  kPast,    // "الخميس" = the most recent Thursday on or before the reference date (news style)
  kFuture,  // the next one on or after it (scheduling style)
};

// Which Islamic calendar a Hijri date is converted with.
enum class HijriCalendar : uint8_t {
  kUmmAlQura,  // Saudi Arabia's official calendar (ICU "islamic-umalqura")
  kCivil,      // the tabular / civil calendar (ICU "islamic-civil")
};

// A money amount, or a range of two ("بين 3 و5 ملايين دولار").
struct MoneyValue {
  // The exact amount as a decimal string without exponent or grouping: "324000000000", "20.43".
  // For a range, its low end ("3000000").
  std::string amount;
  // ISO 4217 code ("USD", "EGP"); empty when the text names no identifiable currency. A bare
  // دولار is USD, جنيه EGP, ريال SAR (also يورو، ين، يوان، روبل، شيكل); a bare دينار، درهم،
  // ليرة، فرنك، روبية، بيزو or كرونة names several currencies and gives an empty code unless a
  // qualifier ("دينار كويتي"), a symbol or a subunit settles it.
  std::string currency;
  // For a range, its high end in the same form ("5000000"); empty for one amount. A bare low
  // end takes the high end's scale word: "بين 200 و300 ألف" is 200000 to 300000.
  std::string upper_amount;
};

// A percentage, or a range of two ("بين 3 و5 في المئة").
struct PercentValue {
  // The number of percent as an exact decimal string: "3.5" for "3.5%", "0.5" for "نصف في
  // المئة". For a range, its low end.
  std::string value;
  // For a range, its high end; empty otherwise.
  std::string upper_value;
};

// A clock time, in TIMEX3 terms.
struct TimeValue {
  // "T16:00" when the day is not known; "2025-04-02T19:00" when the text names the day
  // ("السابعة مساء أمس") and a reference date resolves it; "XXXX-WXX-7T02:00" for a weekday
  // without one. Midnight is "T24:00".
  std::string timex;
  // The zone the text names: "GMT" ("بتوقيت غرينتش"), "UTC", or an IANA zone for a city or
  // country ("بتوقيت مكة المكرمة" → "Asia/Riyadh"); empty when none is named or for local time.
  std::string zone;
};

enum class Calendar : uint8_t { kGregorian, kHijri };

// A date or a date range, in TIMEX3 terms.
struct DateValue {
  // TIMEX3 value: "2022-02-27", "XXXX-02-27", "2022", "2022-02", "XXXX-WXX-4", "P1W"-free
  // (durations are not dates), ranges as "START/END".
  std::string timex;
  Calendar calendar = Calendar::kGregorian;
  // The Gregorian date or interval it resolves to, when that can be computed: "YYYY-MM-DD",
  // "YYYY-MM", "YYYY", "YYYY-Www" or "START/END" (inclusive bounds). Always set for a full Hijri
  // date; set for relative expressions when a reference date is known. Empty otherwise.
  std::string resolved;
};

struct Entity {
  EntityType type = EntityType::kPerson;
  size_t begin = 0;  // byte offset into the text given to Extract()
  size_t end = 0;    // one past the last byte
  // The entity's normalized, proclitic-free name as the gazetteer knows it (e.g. "الولايات
  // المتحدة" for "وللولايات المتحدة"), or the normalized surface text for rule-found entities.
  std::string canonical;
  std::optional<MoneyValue> money;      // set for kMoney
  std::optional<DateValue> date;        // set for kDate
  std::optional<PercentValue> percent;  // set for kPercent
  std::optional<TimeValue> time;        // set for kTime
  // kCustom: the label of the user pattern that found it ("EMAIL"); empty for built-in types.
  std::string label;

  std::string_view text(std::string_view source) const {
    return source.substr(begin, end - begin);
  }
};

// The entity's label as output shows it: the user's label for a pattern match, else
// EntityTypeLabel(entity.type). Valid as long as `entity` is.
KASHIF_EXPORT const char* EntityTypeLabel(const Entity& entity);

// One user-supplied gazetteer entry: a name (one or more words) and the type it has.
struct GazetteerEntry {
  EntityType type = EntityType::kPerson;
  std::string name;       // as written in text, e.g. "جولدمان ساكس"
  std::string canonical;  // optional; defaults to `name`
};

// Parses gazetteer TSV: one entry per line, `NAME<TAB>TYPE[<TAB>CANONICAL]`, TYPE one of PER,
// ORG, LOC (see ParseEntityType). Blank lines and lines starting with '#' are skipped. Errors
// name the source and the line: "<source_name>:<line>: <reason>" (wrong column count, unknown
// type, empty name, invalid UTF-8).
KASHIF_EXPORT StatusOr<std::vector<GazetteerEntry>> ParseGazetteerTsv(std::string_view content,
                                                                      std::string_view source_name);
// Reads and parses a gazetteer TSV file.
KASHIF_EXPORT StatusOr<std::vector<GazetteerEntry>> LoadGazetteerFile(const std::string& path);

// A user pattern: entities of a kind kashif does not know (e-mail addresses, phone numbers, ID
// numbers, URLs), found by an RE2 regular expression over the caller's original UTF-8 text, in
// time linear in the text whatever the pattern. Matches are entities of type kCustom with
// `label`, and compete with the built-in candidates in the usual overlap resolution.
// docs/patterns.md has the details and the memory limits.
struct PatternRule {
  // ASCII letters, digits, '_' and '-' (at most 64); not a built-in type's label (PER, GPE...).
  std::string label;
  // RE2 syntax, UTF-8 mode; must not match the empty string.
  std::string pattern;
  // 0-255; overlapping candidates with a higher priority win. The built-in scale: 100 user
  // gazetteer entries, 80 built-in gazetteers, 60 money and dates, 40 name rules.
  int priority = 90;
};

// Parses pattern TSV: one pattern per line, `LABEL<TAB>PATTERN[<TAB>PRIORITY]`. Blank lines and
// lines starting with '#' are skipped. Every pattern is compiled to check it. Errors name the
// source and the line: "<source_name>:<line>: <reason>", for a bad pattern RE2's own message.
KASHIF_EXPORT StatusOr<std::vector<PatternRule>> ParsePatternTsv(std::string_view content,
                                                                std::string_view source_name);
// Reads and parses a pattern TSV file.
KASHIF_EXPORT StatusOr<std::vector<PatternRule>> LoadPatternFile(const std::string& path);

struct Options {
  // Which entity types to report; empty means all of them.
  std::vector<EntityType> types;
  // Resolves relative dates ("أمس", "الأسبوع الماضي", a bare weekday). Without it, such dates
  // still get a TIMEX3 value but no `resolved` date.
  std::optional<CivilDate> reference_date;
  DateBias date_bias = DateBias::kPast;
  HijriCalendar hijri_calendar = HijriCalendar::kUmmAlQura;
  // The built-in gazetteers (places, organizations, people). Off: only your own entries.
  bool use_builtin_gazetteers = true;
  // Entries added on top of the built-in ones; they win over built-in entries of another type.
  std::vector<GazetteerEntry> gazetteer_entries;
  // TSV files in the ParseGazetteerTsv format, read by Create().
  std::vector<std::string> gazetteer_files;
  // User patterns (reported whatever `types` says), and TSV files of them in the
  // ParsePatternTsv format, read by Create() (their rules come after these).
  std::vector<PatternRule> patterns;
  std::vector<std::string> pattern_files;
  // The trained NER tagger beside the rules (kashif/train.h). Off by default: the gazetteers and
  // the rules alone ("rules-only"), every entity explainable by a list entry or a rule. Measured
  // on held-out text the built-in model gains a little on news, loses a little on Wikipedia
  // articles and makes extraction take about 1.6x as long (docs/tagger.md), so it is the caller's
  // choice; a model trained on the caller's own genre is where it pays.
  bool use_tagger = false;
  // A tagger model file written by TrainTaggerModel or `kashif train`, read by Create() (a
  // missing, truncated, corrupt or other-version file is an error); empty: the built-in model.
  std::string model_file;
  // Where the tagger's names meet the rules': off (the default), a name the gazetteers or the
  // rules found wins and the tagger adds names where they found none; on, the tagger's names win
  // over the rules' and the built-in gazetteers' (not over gazetteer_entries / gazetteer_files,
  // dates or amounts): for a model trained on text like yours (see docs/tagger.md).
  bool tagger_over_rules = false;
};

// Frees the calling thread's Extract() scratch (see "Memory" above). The next Extract() on this
// thread allocates it again. Affects this thread only; safe at any time outside Extract().
KASHIF_EXPORT void ReleaseThreadScratch();

namespace internal {
class ExtractorModel;
class ExtractorAccess;
}

class KASHIF_EXPORT Extractor {
 public:
  // Builds an extractor: compiles the built-in data, the user's gazetteers and patterns. Fails
  // (without throwing) on an invalid option or an unreadable or malformed gazetteer or pattern
  // file, or a pattern RE2 refuses.
  static StatusOr<Extractor> Create(const Options& options = Options());

  // Finds the entities in `text` (UTF-8; any bytes are accepted), using the Options'
  // reference date.
  std::vector<Entity> Extract(std::string_view text) const;
  // The same with a reference date for this call only (e.g. the document's publication date).
  std::vector<Entity> Extract(std::string_view text, const CivilDate& reference_date) const;
  // The same, reusing *entities' storage (it is cleared first).
  void Extract(std::string_view text, const std::optional<CivilDate>& reference_date,
               std::vector<Entity>* entities) const;

  const Options& options() const;

 private:
  friend class internal::ExtractorAccess;  // the tagger's trainer runs the model's stages
  explicit Extractor(std::shared_ptr<const internal::ExtractorModel> model);
  std::shared_ptr<const internal::ExtractorModel> model_;
};

}  // namespace kashif

#endif  // KASHIF_KASHIF_H_
