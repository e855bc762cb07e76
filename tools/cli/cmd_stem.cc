// kashif stem: the clitic segmentation and light stem of every word.
#include <string>

#include "cli_util.h"
#include "commands.h"
#include "kashif/stemmer.h"
#include "kashif/tokenizer.h"

namespace kashif::cli {
namespace {

constexpr char kUsage[] =
    "Usage: kashif stem [--format text|json] [FILE ...]\n"
    "\n"
    "Segments every word of each FILE (or standard input): one word per line, or running text\n"
    "(each line is tokenized first; punctuation is skipped). For each word it prints the\n"
    "proclitics (و ف ب ك ل س ال; the merged article لل as ل + ال), the stem as written, the\n"
    "inflectional suffixes (ة ات ان ين ون ...), the pronoun enclitics (ه ها هم ... نا) and the\n"
    "light stem (normalized, for search indexing).\n"
    "  --format text   WORD<TAB>SEGMENTS<TAB>LIGHT_STEM, segments joined with + (default)\n"
    "  --format json   one {\"word\", \"proclitics\", \"stem\", \"suffixes\", \"enclitics\",\n"
    "                  \"light_stem\"} object per line\n";

void AppendJsonArray(const Affix* affixes, size_t count, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < count; ++i) {
    if (i) out->push_back(',');
    AppendJsonString(affixes[i].form, out);
  }
  out->push_back(']');
}

void AppendSegments(const Affix* affixes, size_t count, std::string* out) {
  for (size_t i = 0; i < count; ++i) {
    out->append(affixes[i].form);
    out->push_back('+');
  }
}

void AppendWord(const Stemmer& stemmer, std::string_view word, bool json, std::string* out) {
  const Segmentation seg = stemmer.Segment(word);
  if (json) {
    out->append("{\"word\":");
    AppendJsonString(word, out);
    out->append(",\"proclitics\":");
    AppendJsonArray(seg.proclitics.data(), seg.proclitic_count, out);
    out->append(",\"stem\":");
    AppendJsonString(seg.Stem(word), out);
    out->append(",\"suffixes\":");
    AppendJsonArray(seg.suffixes.data(), seg.suffix_count, out);
    out->append(",\"enclitics\":");
    AppendJsonArray(seg.enclitics.data(), seg.enclitic_count, out);
    out->append(",\"light_stem\":");
    AppendJsonString(stemmer.LightStem(word), out);
    out->append("}\n");
    return;
  }
  // Text: the word, its parts joined with + (Farasa's convention), its light stem. Word
  // tokens are valid UTF-8 without tabs or newlines, so they are written as they are.
  out->append(word);
  out->push_back('\t');
  AppendSegments(seg.proclitics.data(), seg.proclitic_count, out);
  out->append(seg.Stem(word));
  for (size_t i = 0; i < seg.suffix_count; ++i) {
    out->push_back('+');
    out->append(seg.suffixes[i].form);
  }
  for (size_t i = 0; i < seg.enclitic_count; ++i) {
    out->push_back('+');
    out->append(seg.enclitics[i].form);
  }
  out->push_back('\t');
  stemmer.AppendLightStem(word, out);
  out->push_back('\n');
}

}  // namespace

int RunStem(const Args& args) {
  ArgParser parser({"--format"}, {"-h", "--help"});
  if (auto status = StartCommand("stem", kUsage, args, &parser)) return *status;
  const std::optional<bool> json_format = JsonFormatOption("stem", parser);
  if (!json_format) return 2;
  std::string error;
  const bool json = *json_format;
  auto stemmer = Stemmer::Create();
  if (!stemmer.ok()) {
    WriteErr("kashif stem: " + stemmer.status().message() + "\n");
    return 1;
  }
  std::vector<std::string> inputs = parser.positional();
  if (inputs.empty()) inputs.push_back("-");
  const Tokenizer tokenizer;
  std::vector<Token> tokens;
  std::string out;
  int status = 0;
  for (const std::string& path : inputs) {
    const bool read = ForEachLine(
        path,
        [&](std::string_view line) {
          tokens.clear();
          tokenizer.Tokenize(line, &tokens);
          for (const Token& t : tokens) {
            if (t.kind != TokenKind::kArabicWord && t.kind != TokenKind::kLatinWord &&
                t.kind != TokenKind::kNumber) {
              continue;
            }
            AppendWord(*stemmer, t.text(line), json, &out);
          }
          if (out.size() > (1 << 16)) {
            WriteOut(out);
            out.clear();
          }
        },
        &error);
    if (!read) {
      WriteErr("kashif stem: " + error + "\n");
      status = 1;
    }
  }
  WriteOut(out);
  return status;
}

}  // namespace kashif::cli
