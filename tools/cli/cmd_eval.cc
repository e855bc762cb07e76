// `kashif eval`: precision / recall / F1 against CoNLL-style gold.
#include <cstdlib>
#include <string>

#include "cli_util.h"
#include "commands.h"
#include "conll_eval.h"
#include "kashif/kashif.h"

namespace kashif::cli {
namespace {

constexpr char kUsage[] =
    "usage: kashif eval [--types PER,ORG,LOC] [--errors] [--doc-sentences N] [--model FILE]\n"
    "                   [--tagger] [--rules-only] [--tagger-over-rules] FILE...\n"
    "\n"
    "Scores kashif against CoNLL-style gold (TOKEN TAG [TAG ...] a line, IOB tags, a blank line\n"
    "between sentences). Tags map as PER/PERS -> PER, LOC/GPE -> LOC, ORG, MONEY, DATE, PERCENT,\n"
    "TIME; others are ignored. Prints exact-match precision, recall and F1 per type and\n"
    "micro-averaged, per file and (for several files) in total.\n"
    "\n"
    "  --types LIST        types to score (default PER,ORG,LOC)\n"
    "  --errors            list misses (MISS), false alarms (FALSE) and type confusions (TYPE)\n"
    "  --doc-sentences N   cut each file into documents of N sentences (default 0: a file, or\n"
    "                      each -DOCSTART- section, is one document)\n"
    "  --tagger            switch on the trained NER tagger (off by default)\n"
    "  --model FILE        the tagger's model file (from `kashif train`); switches it on\n"
    "  --rules-only        no tagger (the default): the gazetteers and the rules alone\n"
    "  --tagger-over-rules the tagger's names win over the rules' and the built-in lists'\n";

bool ParseTypes(const std::string& list, std::vector<EntityType>* types, std::string* error) {
  size_t pos = 0;
  while (pos <= list.size()) {
    size_t comma = list.find(',', pos);
    if (comma == std::string::npos) comma = list.size();
    std::string item = list.substr(pos, comma - pos);
    pos = comma + 1;
    if (item.empty()) continue;
    std::optional<EntityType> type = ParseEntityType(item);
    if (!type) {
      *error = "unknown type '" + item + "'";
      return false;
    }
    types->push_back(*type);
  }
  if (types->empty()) {
    *error = "--types is empty";
    return false;
  }
  return true;
}

}  // namespace

int RunEval(const Args& args) {
  ArgParser parser({"--types", "--doc-sentences", "--model"},
                   {"--errors", "--tagger", "--rules-only", "--tagger-over-rules", "--help", "-h"});
  std::string error;
  if (!parser.Parse(args, &error)) {
    WriteErr("kashif eval: " + error + "\n" + kUsage);
    return 2;
  }
  if (parser.Has("--help") || parser.Has("-h")) {
    WriteOut(kUsage);
    return 0;
  }
  if (parser.positional().empty()) {
    WriteErr(std::string("kashif eval: no gold file given\n") + kUsage);
    return 2;
  }
  std::vector<EntityType> types;
  if (!ParseTypes(parser.Get("--types").value_or("PER,ORG,LOC"), &types, &error)) {
    WriteErr("kashif eval: " + error + "\n");
    return 2;
  }
  int doc_sentences = 0;
  if (auto value = parser.Get("--doc-sentences")) {
    char* end = nullptr;
    long parsed = std::strtol(value->c_str(), &end, 10);
    if (value->empty() || *end != '\0' || parsed < 0 || parsed > 1000000) {
      WriteErr("kashif eval: --doc-sentences wants a number >= 0\n");
      return 2;
    }
    doc_sentences = static_cast<int>(parsed);
  }

  Options options;
  ApplyTaggerOptions(parser, &options);
  StatusOr<Extractor> extractor = Extractor::Create(options);
  if (!extractor.ok()) {
    WriteErr("kashif eval: " + extractor.status().message() + "\n");
    return 1;
  }
  const Extractor& model = *extractor;
  auto extract = [&model](std::string_view text) { return model.Extract(text); };

  eval::EvalReport total;
  int failures = 0;
  for (const std::string& path : parser.positional()) {
    StatusOr<eval::ConllCorpus> corpus = eval::LoadConllFile(path);
    if (!corpus.ok()) {
      WriteErr("kashif eval: " + corpus.status().message() + "\n");
      ++failures;
      continue;
    }
    eval::EvalReport report = eval::Evaluate(*corpus, extract, types, doc_sentences);
    WriteOut("== " + path + " (" + std::to_string(corpus->tokens.size()) + " tokens)\n");
    WriteOut(eval::FormatReport(report));
    if (parser.Has("--errors")) WriteOut(eval::FormatErrors(*corpus, report));
    eval::AddCounts(report, &total);
  }
  if (parser.positional().size() > 1 && !total.types.empty()) {
    WriteOut("== total\n" + eval::FormatReport(total));
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace kashif::cli
