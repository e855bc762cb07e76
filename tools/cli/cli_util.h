// Helpers shared by the kashif tool's subcommands: input reading, JSON output and parsing,
// option parsing.
#ifndef KASHIF_TOOLS_CLI_CLI_UTIL_H_
#define KASHIF_TOOLS_CLI_CLI_UTIL_H_

#include <cstdio>
#include <fstream>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/kashif.h"

namespace kashif::cli {

// Appends `text` to *out as a JSON string literal (quotes included). Invalid UTF-8 bytes are
// written as \ufffd so the output is always valid JSON.
void AppendJsonString(std::string_view text, std::string* out);
// Appends `text` with each byte that is not part of valid UTF-8 written as `replacement` (the
// output formats keep their files valid UTF-8 whatever the input was).
void AppendReplacingInvalidUtf8(std::string_view text, std::string_view replacement,
                                std::string* out);
std::string JsonString(std::string_view text);

// A parsed JSON value (enough for JSONL input lines).
struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject } kind = Kind::kNull;
  bool boolean = false;
  std::string string;  // kString: the decoded text; kNumber: the literal as written
  std::vector<JsonValue> array;
  std::vector<std::pair<std::string, JsonValue>> object;

  const JsonValue* Find(std::string_view key) const;  // kObject member or nullptr
};
// Parses one JSON document; on failure returns nullopt and sets *error.
std::optional<JsonValue> ParseJson(std::string_view text, std::string* error);
// Decodes the JSON string literal at s[*pos] (the opening quote) into *out, advancing *pos past
// the closing quote. Escapes are decoded; an escaped lone surrogate becomes U+FFFD. On failure
// returns false, sets *error, and leaves *pos at the offending byte.
bool DecodeJsonString(std::string_view s, size_t* pos, std::string* out, std::string* error);
// Writes a JSON value back (compact).
void AppendJson(const JsonValue& value, std::string* out);

// Opens `path` for reading ("-" = standard input, returned as is). On failure returns nullptr
// and sets *error to "<path>: <reason>". `file` holds the stream while it is in use.
std::istream* OpenInput(const std::string& path, std::ifstream* file, std::string* error);

// Calls `fn(line)` for each line of `path` ("-" = standard input), without the line ending
// (\n or \r\n). Lines are streamed; memory stays bounded by the longest line. Returns false
// and sets *error when the file cannot be opened or read.
bool ForEachLine(const std::string& path, const std::function<void(std::string_view)>& fn,
                 std::string* error);
// Reads a whole file ("-" = standard input).
bool ReadFile(const std::string& path, std::string* content, std::string* error);

// Simple command-line option scanner: --name value, --name=value, -x value, -xVALUE, and
// positional arguments. Unknown options are errors.
class ArgParser {
 public:
  // `valued`: options that take a value; `flags`: options that do not.
  ArgParser(std::vector<std::string> valued, std::vector<std::string> flags);
  // Returns false and sets *error on an unknown option or a missing value.
  bool Parse(const std::vector<std::string>& args, std::string* error);
  std::optional<std::string> Get(const std::string& name) const;  // the last value given
  std::vector<std::string> GetAll(const std::string& name) const;  // every value, in order
  bool Has(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::vector<std::string> valued_, flags_;
  std::map<std::string, std::string> values_;
  std::map<std::string, std::vector<std::string>> all_values_;
  std::vector<std::string> positional_;
};

// How every subcommand starts: parse `args` (the parser must know -h and --help), print `usage`
// for --help, report a usage error as "kashif COMMAND: ..." plus a hint. Returns the exit
// status when the command should stop now (0 after help, 2 after an error), nullopt to go on.
std::optional<int> StartCommand(const std::string& command, std::string_view usage,
                                const std::vector<std::string>& args, ArgParser* parser);
// The --format text|json option: true for json; nullopt (reported) for another value.
std::optional<bool> JsonFormatOption(const std::string& command, const ArgParser& parser);

// The tagger options every extracting command takes: --tagger (Options::use_tagger on),
// --model FILE (Options::model_file, and the tagger on), --rules-only (Options::use_tagger off,
// the default) and --tagger-over-rules (Options::tagger_over_rules).
void ApplyTaggerOptions(const ArgParser& parser, Options* options);

// Writes `text` to stdout / stderr in full. A failed write to stdout (a full disk, a closed
// pipe when SIGPIPE is ignored) ends the process at once: "kashif: write error: REASON" on
// stderr, exit status 1. With SIGPIPE at its default, a closed pipe ends it as for any tool.
void WriteOut(std::string_view text);
void WriteErr(std::string_view text);
// Flushes stdout; on a write error reports it as WriteOut does and returns 1, else `status`.
int FinishOutput(int status);

}  // namespace kashif::cli

#endif  // KASHIF_TOOLS_CLI_CLI_UTIL_H_
