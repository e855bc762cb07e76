// The CLI's JSONL input: the line reader and the simdjson On-Demand line parser.
//
// Input layout: byte 0 chooses the line limit (255: the CLI's default; n < 255: 4n + 1 bytes);
// the rest is the stream. Invariants:
//  - the reader hands out exactly the stream's lines, in order, without "\n" / "\r\n" (and the
//    first without a UTF-8 BOM), and a line longer than the limit as too long, with its length;
//  - a line parses the same in place and from a copy;
//  - a parsed line's id is valid JSON and its text valid UTF-8, and the old tree parser
//    (cli_util.h, strict) agrees on both whenever it accepts the line too; every line it accepts
//    with a "text" string is accepted, unless it holds a number the strict grammar refuses (a
//    leading zero) or its reference_date is not a string;
//  - a failed line has an error message, and "null" as its id when the line is not valid JSON.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli_util.h"
#include "fuzz_util.h"
#include "jsonl_reader.h"
#include "text/utf8.h"

namespace {

using kashif::cli::JsonValue;

// The lines of `stream` as the reader must hand them out.
std::vector<std::string_view> ExpectedLines(std::string_view stream) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < stream.size()) {
    size_t nl = stream.find('\n', start);
    if (nl == std::string_view::npos) nl = stream.size();
    lines.push_back(stream.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

bool HasRefusedNumber(const JsonValue& v) {
  switch (v.kind) {
    case JsonValue::Kind::kNumber: return !kashif::cli::IsJsonNumber(v.string);
    case JsonValue::Kind::kArray:
      for (const JsonValue& e : v.array) {
        if (HasRefusedNumber(e)) return true;
      }
      return false;
    case JsonValue::Kind::kObject:
      for (const auto& [k, e] : v.object) {
        if (HasRefusedNumber(e)) return true;
      }
      return false;
    default: return false;
  }
}

void CheckLine(std::string_view text, size_t readable, kashif::cli::JsonlParser* parser) {
  kashif::cli::JsonlDocument doc, copied;
  std::string error, copied_error;
  const bool ok = parser->Parse(text, readable, &doc, &error);
  const bool copied_ok = parser->Parse(text, text.size(), &copied, &copied_error);
  FUZZ_CHECK(ok == copied_ok && error == copied_error && doc.id_json == copied.id_json &&
             doc.text == copied.text && doc.reference_date == copied.reference_date);
  FUZZ_CHECK(ok == error.empty());
  std::string strict_error;
  const auto strict = kashif::cli::ParseJson(text, &strict_error);
  // The id written back is valid JSON (the strict parser reads it).
  std::string id_error;
  FUZZ_CHECK(kashif::cli::ParseJson(doc.id_json, &id_error).has_value());
  if (ok) {
    FUZZ_CHECK(kashif::internal::IsValidUtf8(doc.text));
  } else if (error.rfind("invalid JSON", 0) == 0) {
    FUZZ_CHECK(doc.id_json == "null");
  }
  if (!strict || strict->kind != JsonValue::Kind::kObject) return;
  const JsonValue* id = strict->Find("id");
  const JsonValue* text_value = strict->Find("text");
  const JsonValue* date = strict->Find("reference_date");
  std::string strict_id = "null";
  if (id) {
    strict_id.clear();
    kashif::cli::AppendJson(*id, &strict_id);
  }
  if (ok) {
    FUZZ_CHECK(doc.id_json == strict_id);
    FUZZ_CHECK(text_value && text_value->kind == JsonValue::Kind::kString &&
               doc.text == text_value->string);
    return;
  }
  // A number the strict grammar refuses (the old parser allowed "007") anywhere in the line.
  const bool refused_number = HasRefusedNumber(*strict);
  const bool date_problem = date && date->kind != JsonValue::Kind::kNull &&
                            date->kind != JsonValue::Kind::kString;
  if (text_value && text_value->kind == JsonValue::Kind::kString && !date_problem) {
    FUZZ_CHECK(refused_number);
  }
  if (!refused_number) FUZZ_CHECK(doc.id_json == strict_id);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kashif::fuzz::ByteSource source(data, size);
  const uint8_t limit_byte = source.Byte();
  const size_t limit = limit_byte == 255 ? (32u << 20) : 4u * limit_byte + 1;
  const std::string_view stream = source.Rest();
  std::istringstream in{std::string(stream)};
  kashif::cli::LineReader reader(&in, limit);
  kashif::cli::JsonlParser parser;
  const std::vector<std::string_view> expected = ExpectedLines(stream);
  size_t n = 0;
  kashif::cli::LineReader::Line line;
  while (reader.Next(&line)) {
    FUZZ_CHECK(n < expected.size());
    std::string_view want = expected[n];
    FUZZ_CHECK(line.first == (n == 0));
    FUZZ_CHECK(line.bytes == want.size());
    if (want.size() > limit) {
      FUZZ_CHECK(line.too_long && line.text.empty());
    } else {
      FUZZ_CHECK(!line.too_long);
      if (!want.empty() && want.back() == '\r') want.remove_suffix(1);
      if (n == 0 && want.substr(0, 3) == "\xEF\xBB\xBF") want.remove_prefix(3);
      FUZZ_CHECK(line.text == want);
      FUZZ_CHECK(line.readable >= line.text.size() + kashif::cli::LineReader::kPadding);
      CheckLine(line.text, line.readable, &parser);
    }
    ++n;
  }
  FUZZ_CHECK(!reader.bad());
  FUZZ_CHECK(n == expected.size());
  return 0;
}
