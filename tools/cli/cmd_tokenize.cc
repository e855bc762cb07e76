// kashif tokenize: each token with its kind and byte span.
#include <string>

#include "cli_util.h"
#include "commands.h"
#include "kashif/tokenizer.h"

namespace kashif::cli {
namespace {

constexpr char kUsage[] =
    "Usage: kashif tokenize [--format text|json] [FILE ...]\n"
    "\n"
    "Prints every token of each FILE (or standard input) with its kind (arabic, latin, number,\n"
    "punct, symbol, other) and byte span [START, END) in the input.\n"
    "  --format text   START END KIND TOKEN, tab-separated (default)\n"
    "  --format json   one {\"start\", \"end\", \"kind\", \"text\"} object per line\n";

}  // namespace

int RunTokenize(const Args& args) {
  ArgParser parser({"--format"}, {"-h", "--help"});
  if (auto status = StartCommand("tokenize", kUsage, args, &parser)) return *status;
  const std::optional<bool> json_format = JsonFormatOption("tokenize", parser);
  if (!json_format) return 2;
  std::string error;
  std::vector<std::string> inputs = parser.positional();
  if (inputs.empty()) inputs.push_back("-");
  const Tokenizer tokenizer;
  int status = 0;
  std::vector<Token> tokens;
  for (const std::string& path : inputs) {
    std::string content;
    if (!ReadFile(path, &content, &error)) {
      WriteErr("kashif tokenize: " + error + "\n");
      status = 1;
      continue;
    }
    tokens.clear();
    tokenizer.Tokenize(content, &tokens);
    std::string out;
    for (const Token& t : tokens) {
      if (*json_format) {
        out += "{\"start\":" + std::to_string(t.begin) + ",\"end\":" + std::to_string(t.end) +
               ",\"kind\":\"" + TokenKindName(t.kind) + "\",\"text\":";
        AppendJsonString(t.text(content), &out);
        out += "}\n";
      } else {
        out += std::to_string(t.begin) + "\t" + std::to_string(t.end) + "\t" +
               TokenKindName(t.kind) + "\t";
        AppendJsonString(t.text(content), &out);
        out += "\n";
      }
      if (out.size() > (1 << 16)) {
        WriteOut(out);
        out.clear();
      }
    }
    WriteOut(out);
  }
  return status;
}

}  // namespace kashif::cli
