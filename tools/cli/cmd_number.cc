// kashif number: the exact value of Arabic number expressions.
#include <string>

#include "cli_util.h"
#include "commands.h"
#include "kashif/number.h"

namespace kashif::cli {
namespace {

constexpr char kUsage[] =
    "Usage: kashif number [--format text|json] [TEXT ...]\n"
    "\n"
    "Parses each TEXT (or each line of standard input) as one number expression: digits of\n"
    "any script (\"١٢٫٥\", \"1,250,000\"), number words (\"ثلاثمائة وأربعة وعشرون\"), both\n"
    "(\"2.5 مليار\"), fractions (\"مليون ونصف\"), ordinals (\"الحادي عشر\") and percentages, read\n"
    "as the fraction they stand for (\"25%\", \"٪17\", \"9 في المئة\" -> 0.25, 0.17, 0.09).\n"
    "  --format text   TEXT<TAB>VALUE, VALUE \"null\" when TEXT is not a number (default)\n"
    "  --format json   one {\"text\": \"...\", \"value\": \"324\"} object per line, value null\n"
    "                  when TEXT is not a number\n"
    "Values are exact decimal strings (no exponent, no rounding for terminating values).\n";

}  // namespace

int RunNumber(const Args& args) {
  ArgParser parser({"--format"}, {"-h", "--help"});
  if (auto status = StartCommand("number", kUsage, args, &parser)) return *status;
  const std::optional<bool> json_format = JsonFormatOption("number", parser);
  if (!json_format) return 2;
  std::string error;
  std::string out;
  auto emit = [&](std::string_view text) {
    std::optional<std::string> value = ParseNumber(text);
    if (*json_format) {
      out += "{\"text\":";
      AppendJsonString(text, &out);
      out += ",\"value\":";
      if (value) {
        AppendJsonString(*value, &out);
      } else {
        out += "null";
      }
      out += "}\n";
    } else {
      out += text;
      out += "\t";
      out += value ? *value : "null";
      out += "\n";
    }
    if (out.size() > (1 << 16)) {
      WriteOut(out);
      out.clear();
    }
  };
  int status = 0;
  if (!parser.positional().empty()) {
    for (const std::string& text : parser.positional()) emit(text);
  } else if (!ForEachLine("-", emit, &error)) {
    WriteErr("kashif number: " + error + "\n");
    status = 1;
  }
  WriteOut(out);
  return status;
}

}  // namespace kashif::cli
