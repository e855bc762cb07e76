// The suites runner (tests/suites/suites_eval.cc) measures kashif against other projects' test
// cases in ../shared/data/suites/*.jsonl (Duckling, Recognizers-Text, num2words, num2text,
// pyarabic, hijridate). Each case has a dimension ("number", "ordinal", "money", "date",
// "time", "duration"); a handler registered for that dimension judges it.
//
// To add a dimension, write one source file in tests/suites/ with a handler and register it:
//
//   namespace kashif::suites {
//   Outcome JudgeDate(const SuiteCase& c, const SuiteContext& context) { ... }
//   KASHIF_REGISTER_SUITE_HANDLER(date, "date", JudgeDate);
//   }
//
// and add the file to the suites_eval sources in tests/CMakeLists.txt. Cases of a dimension
// with no handler are counted as "no handler", never as passes.
#ifndef KASHIF_TESTS_SUITES_SUITE_CASE_H_
#define KASHIF_TESTS_SUITES_SUITE_CASE_H_

#include <map>
#include <string>
#include <string_view>

#include "cli_util.h"
#include "kashif/kashif.h"

namespace kashif::suites {

using JsonValue = cli::JsonValue;

// One line of a suite file.
struct SuiteCase {
  std::string file;                     // "duckling-money-ar.jsonl"
  int line = 0;                         // 1-based line in that file
  std::string dim;                      // the case's "dim"
  std::string text;                     // empty when the case has no text (hijridate conversions)
  std::string reference_time;           // "2013-02-12T04:30:00-02:00", or empty
  const JsonValue* expected = nullptr;  // the case's "expected" object (never null)
  const JsonValue* meta = nullptr;      // the case's "meta" object, or nullptr
  const JsonValue* raw = nullptr;       // the whole line
};

// What kashif needs to judge cases; built once by the runner.
struct SuiteContext {
  const Extractor* extractor = nullptr;  // default options (no reference date)
};

enum class Verdict {
  kPass,
  kFail,
  // The case asks for something kashif does not do by design (a time of day, a money
  // interval, a duration): reported in its own column, neither pass nor fail.
  kOutOfScope,
  // The case contradicts itself (an expected span's Text is not the case's text at that span):
  // no answer can meet it. Counted and listed apart, never as a pass.
  kBadCase,
};

struct Outcome {
  Verdict verdict = Verdict::kFail;
  std::string got;  // what kashif said, shown for failures with --verbose
};

using SuiteHandler = Outcome (*)(const SuiteCase&, const SuiteContext&);

// The handler registry, keyed by dimension.
std::map<std::string, SuiteHandler>& SuiteHandlers();
bool RegisterSuiteHandler(const std::string& dim, SuiteHandler handler);

#define KASHIF_REGISTER_SUITE_HANDLER(id, dim, handler)             \
  [[maybe_unused]] static const bool kashif_suite_registered_##id = \
      ::kashif::suites::RegisterSuiteHandler(dim, handler)

// Helpers for handlers.
// The number a JSON value holds (a number literal or a numeric string), as written.
std::string NumberLiteral(const JsonValue* value);
// Whether two decimal strings are the same number: exactly, or within 1e-9 relative when one
// side is a rounded non-terminating value (0.333333333333333).
bool SameNumber(std::string_view a, std::string_view b);
// Character (code point) offset of a byte offset in UTF-8 text.
size_t CharOffset(std::string_view text, size_t byte_offset);

}  // namespace kashif::suites

#endif  // KASHIF_TESTS_SUITES_SUITE_CASE_H_
