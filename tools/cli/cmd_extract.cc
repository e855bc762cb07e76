// kashif extract: entities of text files or JSONL documents.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "cli_util.h"
#include "commands.h"
#include "kashif/kashif.h"
#include "ordered_pool.h"
#include "output_format.h"
#include "progress.h"

namespace kashif::cli {
namespace {

constexpr char kUsage[] =
    "Usage: kashif [extract] [OPTIONS] [FILE ...]\n"
    "\n"
    "Finds people, organizations, places, money amounts and dates in Arabic text.\n"
    "Reads each FILE (or standard input when none is given or FILE is -).\n"
    "\n"
    "Options:\n"
    "  --format FORMAT         text (default), json, jsonl, conll (token per line, IOB tags),\n"
    "                          html (a page with the entities highlighted)\n"
    "  --input-format FORMAT   text (default) or jsonl: one {\"id\": ..., \"text\": \"...\",\n"
    "                          \"reference_date\": \"YYYY-MM-DD\"} object per line\n"
    "  --types LIST            comma-separated subset of PER,ORG,LOC,MONEY,DATE\n"
    "  --reference-date DATE   YYYY-MM-DD; resolves relative dates (\"أمس\", a weekday)\n"
    "  --date-bias past|future which way a bare weekday or month points (default past)\n"
    "  --hijri-calendar umalqura|civil   Islamic calendar for Hijri dates (default umalqura)\n"
    "  --gazetteer FILE        extra gazetteer entries: NAME<TAB>TYPE[<TAB>CANONICAL] per line\n"
    "  --no-builtin-gazetteers use only the --gazetteer entries for PER/ORG/LOC\n"
    "  --model FILE            the NER tagger's model file (from `kashif train`) instead of the\n"
    "                          built-in model\n"
    "  --rules-only            no tagger: the gazetteers and the rules alone\n"
    "  --tagger-over-rules     the tagger's names win over the rules' and the built-in lists'\n"
    "  -j, --threads N         worker threads (default: all cores); output keeps input order\n"
    "  -h, --help              this help\n"
    "\n"
    "Output (text): START END TYPE TEXT CANONICAL [VALUE] per entity, tab-separated; START and\n"
    "END are byte offsets into the input. json/jsonl: {\"file\"|\"id\": ..., \"entities\": [...]}\n"
    "per document; a JSONL line that cannot be processed gets {\"id\": ..., \"error\": \"...\"}.\n"
    "Exit status: 0 ok, 1 some input failed, 2 usage error.\n"
    "When standard error is a terminal, a progress line (files, lines, MB/s) is kept there\n"
    "during long runs; KASHIF_PROGRESS=always forces it, KASHIF_PROGRESS=never turns it off.\n";

// Text files are processed in chunks cut at line ends (or, in a line longer than this, at
// white space), so memory stays bounded however large the file is.
constexpr size_t kChunkBytes = 1 << 20;
// JSONL lines are processed in batches of about this many bytes.
constexpr size_t kBatchBytes = 256 << 10;

struct Batch {
  std::vector<DocumentChunk> chunks;
  std::vector<std::optional<CivilDate>> reference_dates;
};

// Where to cut `buffer` so that no word is split: after the last newline, else after the last
// white space, else at a UTF-8 character boundary.
size_t CutPoint(const std::string& buffer) {
  size_t cut = buffer.rfind('\n');
  if (cut != std::string::npos) return cut + 1;
  cut = buffer.find_last_of(" \t\r");
  if (cut != std::string::npos) return cut + 1;
  cut = buffer.size();
  while (cut > 0 && (static_cast<unsigned char>(buffer[cut - 1]) & 0xC0) == 0x80) --cut;
  if (cut > 0 && static_cast<unsigned char>(buffer[cut - 1]) >= 0xC0) --cut;
  return cut == 0 ? buffer.size() : cut;
}

class ExtractCommand {
 public:
  int Run(const Args& args) {
    ArgParser parser({"--format", "--input-format", "--types", "--reference-date", "--date-bias",
                      "--hijri-calendar", "--gazetteer", "-j", "--threads", "--model"},
                     {"-h", "--help", "--no-builtin-gazetteers", "--rules-only", "--tagger-over-rules"});
    std::string error;
    if (!parser.Parse(args, &error)) return UsageError(error);
    if (parser.Has("-h") || parser.Has("--help")) {
      WriteOut(kUsage);
      return 0;
    }
    Options options;
    const std::string format = parser.Get("--format").value_or("text");
    format_ = MakeOutputFormat(format);
    if (!format_) return UsageError("unknown --format: " + format);
    const std::string input_format = parser.Get("--input-format").value_or("text");
    if (input_format != "text" && input_format != "jsonl") {
      return UsageError("unknown --input-format: " + input_format);
    }
    if (auto types = parser.Get("--types")) {
      size_t start = 0;
      while (start <= types->size()) {
        size_t comma = types->find(',', start);
        if (comma == std::string::npos) comma = types->size();
        const std::string label = types->substr(start, comma - start);
        const auto type = ParseEntityType(label);
        if (!type) return UsageError("unknown type in --types: \"" + label + "\"");
        options.types.push_back(*type);
        start = comma + 1;
      }
    }
    if (auto date = parser.Get("--reference-date")) {
      options.reference_date = ParseCivilDate(*date);
      if (!options.reference_date) {
        return UsageError("--reference-date must be a day written YYYY-MM-DD: " + *date);
      }
    }
    if (auto bias = parser.Get("--date-bias")) {
      if (*bias == "past") {
        options.date_bias = DateBias::kPast;
      } else if (*bias == "future") {
        options.date_bias = DateBias::kFuture;
      } else {
        return UsageError("--date-bias must be past or future: " + *bias);
      }
    }
    if (auto calendar = parser.Get("--hijri-calendar")) {
      if (*calendar == "umalqura") {
        options.hijri_calendar = HijriCalendar::kUmmAlQura;
      } else if (*calendar == "civil") {
        options.hijri_calendar = HijriCalendar::kCivil;
      } else {
        return UsageError("--hijri-calendar must be umalqura or civil: " + *calendar);
      }
    }
    if (auto file = parser.Get("--gazetteer")) options.gazetteer_files.push_back(*file);
    options.use_builtin_gazetteers = !parser.Has("--no-builtin-gazetteers");
    ApplyTaggerOptions(parser, &options);
    threads_ = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::optional<std::string> threads = parser.Get("-j");
    if (!threads) threads = parser.Get("--threads");
    if (threads) {
      char* end = nullptr;
      const long n = std::strtol(threads->c_str(), &end, 10);
      if (threads->empty() || *end != '\0' || n < 1 || n > 1024) {
        return UsageError("-j needs a thread count from 1 to 1024: " + *threads);
      }
      threads_ = static_cast<int>(n);
    }

    auto extractor = Extractor::Create(options);
    if (!extractor.ok()) {
      WriteErr("kashif: " + extractor.status().message() + "\n");
      return 2;
    }
    extractor_.emplace(std::move(extractor).value());

    std::vector<std::string> inputs = parser.positional();
    if (inputs.empty()) inputs.push_back("-");
    std::string out;
    format_->Begin(&out);
    Flush(&out);
    progress_.Start();
    for (const std::string& path : inputs) {
      if (input_format == "jsonl") {
        ProcessJsonLines(path);
      } else {
        ProcessTextFile(path);
      }
      progress_.FileDone();
    }
    format_->End(&out);
    Flush(&out);
    std::fflush(stdout);
    progress_.Finish();
    return failed_ ? 1 : 0;
  }

 private:
  static int UsageError(const std::string& message) {
    WriteErr("kashif: " + message + "\nTry 'kashif --help'.\n");
    return 2;
  }

  static void Flush(std::string* out) {
    WriteOut(*out);
    out->clear();
  }

  void Work(Batch& batch) {
    for (size_t i = 0; i < batch.chunks.size(); ++i) {
      DocumentChunk& chunk = batch.chunks[i];
      if (!chunk.error.empty()) continue;
      extractor_->Extract(chunk.text, batch.reference_dates[i], &chunk.entities);
    }
  }

  void Emit(Batch& batch) {
    std::string out;
    for (const DocumentChunk& chunk : batch.chunks) {
      if (!chunk.error.empty()) {
        failed_ = true;
        progress_.Interrupt();
        WriteErr("kashif: " + chunk.error + "\n");
      }
      format_->Write(chunk, &out);
      progress_.Add(chunk);
    }
    Flush(&out);
  }

  OrderedPool<Batch> MakePool() {
    return OrderedPool<Batch>(
        threads_, [this](Batch& b) { Work(b); }, [this](Batch& b) { Emit(b); });
  }

  void ProcessTextFile(const std::string& path) {
    std::ifstream file;
    std::string error;
    const std::string id_json = JsonString(path);
    std::istream* in = OpenInput(path, &file, &error);
    if (!in) {
      Batch batch;
      DocumentChunk chunk;
      chunk.id_json = id_json;
      chunk.error = error;
      batch.chunks.push_back(std::move(chunk));
      batch.reference_dates.emplace_back();
      Emit(batch);
      return;
    }
    OrderedPool<Batch> pool = MakePool();
    std::string buffer;
    size_t base = 0;
    bool first = true;
    std::vector<char> block(kChunkBytes);
    while (true) {
      in->read(block.data(), static_cast<std::streamsize>(block.size()));
      const size_t got = static_cast<size_t>(in->gcount());
      buffer.append(block.data(), got);
      const bool eof = got < block.size();
      if (!eof && buffer.size() < kChunkBytes) continue;
      const size_t cut = eof ? buffer.size() : CutPoint(buffer);
      Batch batch;
      DocumentChunk chunk;
      chunk.id_json = id_json;
      chunk.text = buffer.substr(0, cut);
      chunk.base_offset = base;
      chunk.first = first;
      chunk.last = eof;
      batch.chunks.push_back(std::move(chunk));
      batch.reference_dates.emplace_back(extractor_->options().reference_date);
      pool.Submit(std::move(batch));
      buffer.erase(0, cut);
      base += cut;
      first = false;
      if (eof) break;
    }
    pool.Finish();
    if (in->bad()) {
      failed_ = true;
      WriteErr("kashif: " + path + ": read error\n");
    }
  }

  // Turns one JSONL line into a chunk (or an error chunk).
  void ParseLine(std::string_view line, size_t line_number, const std::string& path,
                 Batch* batch) {
    DocumentChunk chunk;
    chunk.from_file = false;
    chunk.id_json = "null";
    std::optional<CivilDate> reference_date = extractor_->options().reference_date;
    auto fail = [&](const std::string& reason) {
      chunk.error = path + ":" + std::to_string(line_number) + ": " + reason;
    };
    std::string error;
    std::optional<JsonValue> value = ParseJson(line, &error);
    if (!value) {
      fail("invalid JSON: " + error);
    } else if (value->kind != JsonValue::Kind::kObject) {
      fail("expected a JSON object");
    } else {
      if (const JsonValue* id = value->Find("id")) {
        chunk.id_json.clear();
        AppendJson(*id, &chunk.id_json);
      }
      const JsonValue* text = value->Find("text");
      const JsonValue* date = value->Find("reference_date");
      if (!text || text->kind != JsonValue::Kind::kString) {
        fail("missing \"text\" string");
      } else if (date && date->kind != JsonValue::Kind::kNull &&
                 (date->kind != JsonValue::Kind::kString ||
                  !(reference_date = ParseCivilDate(date->string)))) {
        fail("\"reference_date\" must be a day written YYYY-MM-DD");
      } else {
        chunk.text = text->string;
      }
    }
    batch->chunks.push_back(std::move(chunk));
    batch->reference_dates.push_back(reference_date);
  }

  void ProcessJsonLines(const std::string& path) {
    OrderedPool<Batch> pool = MakePool();
    Batch batch;
    size_t batch_bytes = 0;
    size_t line_number = 0;
    std::string error;
    const bool ok = ForEachLine(
        path,
        [&](std::string_view line) {
          ++line_number;
          if (line.find_first_not_of(" \t") == std::string_view::npos) {
            // A blank line is still a line: answer it so output lines match input lines.
            DocumentChunk chunk;
            chunk.from_file = false;
            chunk.id_json = "null";
            chunk.error = path + ":" + std::to_string(line_number) + ": empty line";
            batch.chunks.push_back(std::move(chunk));
            batch.reference_dates.emplace_back();
          } else {
            ParseLine(line, line_number, path, &batch);
          }
          batch_bytes += line.size() + 1;
          if (batch_bytes >= kBatchBytes) {
            pool.Submit(std::move(batch));
            batch = Batch();
            batch_bytes = 0;
          }
        },
        &error);
    if (!batch.chunks.empty()) pool.Submit(std::move(batch));
    pool.Finish();
    if (!ok) {
      failed_ = true;
      WriteErr("kashif: " + error + "\n");
    }
  }

  std::unique_ptr<OutputFormat> format_;
  ProgressLine progress_;  // files / lines / MB/s on standard error when it is a terminal
  std::optional<Extractor> extractor_;
  int threads_ = 1;
  bool failed_ = false;
};

}  // namespace

int RunExtract(const Args& args) { return ExtractCommand().Run(args); }

}  // namespace kashif::cli
