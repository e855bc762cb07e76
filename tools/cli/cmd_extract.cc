// kashif extract: entities of text files or JSONL documents.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <thread>

#include "cli_util.h"
#include "commands.h"
#include "jsonl_reader.h"
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
    "  --types LIST            comma-separated subset of PER,ORG,LOC,MONEY,DATE,PERCENT,TIME\n"
    "  --reference-date DATE   YYYY-MM-DD; resolves relative dates (\"أمس\", a weekday)\n"
    "  --date-bias past|future which way a bare weekday or month points (default past)\n"
    "  --hijri-calendar umalqura|civil   Islamic calendar for Hijri dates (default umalqura)\n"
    "  --gazetteer FILE        extra gazetteer entries: NAME<TAB>TYPE[<TAB>CANONICAL] per line\n"
    "                          (repeat the option for several files)\n"
    "  --no-builtin-gazetteers use only the --gazetteer entries for PER/ORG/LOC\n"
    "  --patterns FILE         user patterns: LABEL<TAB>RE2 PATTERN[<TAB>PRIORITY] per line;\n"
    "                          matches are reported with their LABEL (docs/patterns.md)\n"
    "  --max-line-bytes N      longest input line (default 32 MiB): a longer JSONL line gets an\n"
    "                          error object, a longer text line is cut at white space (reported)\n"
    "  --tagger                switch on the trained NER tagger (off by default)\n"
    "  --model FILE            the tagger's model file (from `kashif train`) instead of the\n"
    "                          built-in model; switches the tagger on\n"
    "  --rules-only            no tagger (the default): the gazetteers and the rules alone\n"
    "  --tagger-over-rules     with the tagger on, its names win over the rules' and the lists'\n"
    "  -j, --threads N         worker threads (default: the cores, at most 8); output keeps\n"
    "                          input order\n"
    "  -h, --help              this help\n"
    "\n"
    "Output (text): START END TYPE TEXT CANONICAL [VALUE] per entity, tab-separated; START and\n"
    "END are byte offsets into the input; a tab, line break or backslash in TEXT or CANONICAL\n"
    "is written \\t, \\n, \\r, \\\\. --types given twice adds to the list. json/jsonl: {\"file\"|\"id\": ..., \"entities\": [...]}\n"
    "per document; a JSONL line that cannot be processed gets {\"id\": ..., \"error\": \"...\"}.\n"
    "Exit status: 0 ok, 1 some input failed, 2 usage error.\n"
    "When standard error is a terminal, a progress line (files, lines, MB/s) is kept there\n"
    "during long runs; KASHIF_PROGRESS=always forces it, KASHIF_PROGRESS=never turns it off.\n";

// Text files are processed in chunks of about this size cut at line ends, so memory stays
// bounded however large the file is (an entity never crosses a line break).
constexpr size_t kChunkBytes = 1 << 20;
// JSONL lines are processed in batches of about this many bytes.
constexpr size_t kBatchBytes = 256 << 10;
// The longest input line by default, and the default number of workers at most (each worker
// holds one batch's scratch; see docs/cli.md for the memory per worker).
constexpr size_t kDefaultMaxLineBytes = 32 << 20;
constexpr unsigned kDefaultMaxThreads = 8;
// The input bytes in flight between the reader and the writer, whatever the line sizes.
constexpr size_t kMaxBytesInFlight = 64 << 20;
constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";

struct Batch {
  std::vector<DocumentChunk> chunks;
  std::vector<std::optional<CivilDate>> reference_dates;
  std::vector<std::string> warnings;  // reported on standard error when the batch is emitted
  size_t bytes = 0;                   // input bytes, for the pool's bound on bytes in flight
  // JSONL: the file and the line number of chunks[0] (the lines of a batch follow each other).
  const std::string* path = nullptr;
  size_t first_line = 0;

  // "FILE:LINE: " of chunk i, the start of its error message.
  std::string ErrorPrefix(size_t i) const {
    return *path + ":" + std::to_string(first_line + i) + ": ";
  }
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
                      "--hijri-calendar", "--gazetteer", "--patterns", "-j", "--threads",
                      "--max-line-bytes", "--model"},
                     {"-h", "--help", "--no-builtin-gazetteers", "--tagger", "--rules-only",
                      "--tagger-over-rules"});
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
    for (const std::string& list : parser.GetAll("--types")) {  // repeated: the lists add up
      const std::string* types = &list;
      size_t start = 0;
      while (start <= types->size()) {
        size_t comma = types->find(',', start);
        if (comma == std::string::npos) comma = types->size();
        const std::string label = types->substr(start, comma - start);
        const auto type = ParseEntityType(label);
        if (!type) return UsageError("unknown type in --types: \"" + label + "\"");
        if (std::find(options.types.begin(), options.types.end(), *type) == options.types.end()) {
          options.types.push_back(*type);
        }
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
    options.gazetteer_files = parser.GetAll("--gazetteer");
    options.pattern_files = parser.GetAll("--patterns");
    options.use_builtin_gazetteers = !parser.Has("--no-builtin-gazetteers");
    if (auto max = parser.Get("--max-line-bytes")) {
      char* end = nullptr;
      const unsigned long long n = std::strtoull(max->c_str(), &end, 10);
      if (max->empty() || *end != '\0' || (*max)[0] == '-' || n < 1 || n > (1ull << 40)) {
        return UsageError("--max-line-bytes needs a byte count from 1 to 2^40: " + *max);
      }
      max_line_bytes_ = static_cast<size_t>(n);
    }
    ApplyTaggerOptions(parser, &options);
    threads_ = static_cast<int>(
        std::clamp(std::thread::hardware_concurrency(), 1u, kDefaultMaxThreads));
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
    FinishOutput(0);  // a write error ends the run here, before the progress line
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

  // Extracts every chunk of a batch. Running out of memory fails that chunk only: a JSONL
  // line gets its error object, a piece of a text file a message; the run goes on.
  void Work(Batch& batch) {
    for (size_t i = 0; i < batch.chunks.size(); ++i) {
      DocumentChunk& chunk = batch.chunks[i];
      if (!chunk.error.empty()) continue;
      try {
        extractor_->Extract(chunk.text, batch.reference_dates[i], &chunk.entities);
      } catch (const std::bad_alloc&) {
        std::vector<Entity>().swap(chunk.entities);
        const std::string reason = "out of memory extracting " +
                                   std::to_string(chunk.text.size()) + " bytes";
        if (chunk.from_file) {
          batch.warnings.push_back(chunk.id_json + " from byte " +
                                   std::to_string(chunk.base_offset) + ": " + reason);
        } else {
          chunk.error = batch.ErrorPrefix(i) + reason;
        }
      }
    }
  }

  void Emit(Batch& batch) {
    std::string out;
    for (const std::string& warning : batch.warnings) {
      failed_ = true;
      progress_.Interrupt();
      WriteErr("kashif: " + warning + "\n");
    }
    for (size_t i = 0; i < batch.chunks.size(); ++i) {
      DocumentChunk& chunk = batch.chunks[i];
      const size_t before = out.size();
      try {
        if (!chunk.error.empty()) {
          failed_ = true;
          progress_.Interrupt();
          WriteErr("kashif: " + chunk.error + "\n");
        }
        // Room for the entities up front (an entity takes well under this): a large document's
        // output is not copied over and over as it grows. Untouched room costs no memory.
        out.reserve(out.size() + 256 * chunk.entities.size() + 256);
        format_->Write(chunk, &out);
      } catch (const std::bad_alloc&) {
        // Not even the output fits: the line's error object instead (a text file's piece is
        // reported and its entities left out).
        out.resize(before);
        std::vector<Entity>().swap(chunk.entities);
        const std::string reason = "out of memory writing the entities";
        failed_ = true;
        progress_.Interrupt();
        if (chunk.from_file) {
          WriteErr("kashif: " + chunk.id_json + ": " + reason + "\n");
        } else {
          chunk.error = batch.ErrorPrefix(i) + reason;
          WriteErr("kashif: " + chunk.error + "\n");
        }
        format_->Write(chunk, &out);
      }
      progress_.Add(chunk);
      if (out.size() >= kBatchBytes) Flush(&out);
    }
    Flush(&out);
  }

  OrderedPool<Batch> MakePool() {
    return OrderedPool<Batch>(
        threads_, [this](Batch& b) { Work(b); }, [this](Batch& b) { Emit(b); },
        kMaxBytesInFlight);
  }

  void Submit(OrderedPool<Batch>* pool, Batch* batch) {
    const size_t bytes = batch->bytes;
    pool->Submit(std::move(*batch), bytes);
    *batch = Batch();
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
    size_t last_newline = std::string::npos;  // in buffer
    std::vector<char> block(std::min(kChunkBytes, max_line_bytes_ + 1));
    while (true) {
      in->read(block.data(), static_cast<std::streamsize>(block.size()));
      const size_t got = static_cast<size_t>(in->gcount());
      const size_t newline = std::string_view(block.data(), got).rfind('\n');
      if (newline != std::string_view::npos) last_newline = buffer.size() + newline;
      buffer.append(block.data(), got);
      const bool eof = got < block.size();
      if (first && base == 0 && buffer.compare(0, 3, kUtf8Bom) == 0) {
        // Not text: dropped, and offsets still count from the file's first byte.
        buffer.erase(0, 3);
        base = 3;
        if (last_newline != std::string::npos) last_newline -= 3;
      }
      if (!eof && buffer.size() < kChunkBytes) continue;
      Batch batch;
      size_t cut = eof ? buffer.size() : last_newline;
      if (cut == std::string::npos && buffer.size() <= max_line_bytes_) continue;  // line goes on
      if (cut == std::string::npos) {
        cut = CutPoint(buffer);
        batch.warnings.push_back(path + ": a line longer than --max-line-bytes (" +
                                 std::to_string(max_line_bytes_) + ") was cut at byte " +
                                 std::to_string(base + cut) +
                                 "; an entity across the cut may be split");
      } else if (!eof) {
        ++cut;  // after the newline
      }
      DocumentChunk chunk;
      chunk.id_json = id_json;
      chunk.text = buffer.substr(0, cut);
      chunk.base_offset = base;
      chunk.first = first;
      chunk.last = eof;
      batch.bytes = cut;
      batch.chunks.push_back(std::move(chunk));
      batch.reference_dates.emplace_back(extractor_->options().reference_date);
      Submit(&pool, &batch);
      buffer.erase(0, cut);
      last_newline = last_newline != std::string::npos && last_newline >= cut
                         ? last_newline - cut
                         : std::string::npos;
      if (buffer.capacity() > 4 * kChunkBytes && buffer.size() < kChunkBytes) {
        buffer.shrink_to_fit();  // after an outsized line
      }
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
  void ParseLine(const LineReader::Line& line, size_t line_number, const std::string& path,
                 Batch* batch) {
    DocumentChunk chunk;
    chunk.from_file = false;
    chunk.id_json = "null";
    std::optional<CivilDate> reference_date = extractor_->options().reference_date;
    std::string error;
    try {
      if (line.out_of_memory) {
        error = "out of memory reading a line of " + std::to_string(line.bytes) + " bytes";
      } else if (line.too_long) {
        error = "line of " + std::to_string(line.bytes) + " bytes is longer than " +
                "--max-line-bytes (" + std::to_string(max_line_bytes_) + ")";
      } else if (line.text.find_first_not_of(" \t") == std::string_view::npos) {
        // A blank line is still a line: answer it so output lines match input lines.
        error = "empty line";
      } else {
        JsonlDocument doc;
        if (parser_.Parse(line.text, line.readable, &doc, &error)) {
          if (doc.reference_date && !(reference_date = ParseCivilDate(*doc.reference_date))) {
            error = "\"reference_date\" must be a day written YYYY-MM-DD";
          } else {
            chunk.text = std::move(doc.text);
          }
        }
        chunk.id_json = std::move(doc.id_json);
      }
      if (line.bytes > (4 << 20)) parser_.ShrinkIfLarge();
    } catch (const std::bad_alloc&) {
      std::string().swap(chunk.text);
      parser_.ShrinkIfLarge();
      error = "out of memory reading a line of " + std::to_string(line.bytes) + " bytes";
    }
    if (batch->chunks.empty()) {
      batch->path = &path;
      batch->first_line = line_number;
    }
    if (!error.empty()) chunk.error = batch->ErrorPrefix(batch->chunks.size()) + error;
    batch->bytes += chunk.text.size() + line.bytes;
    batch->chunks.push_back(std::move(chunk));
    batch->reference_dates.push_back(reference_date);
  }

  void ProcessJsonLines(const std::string& path) {
    std::ifstream file;
    std::string error;
    std::istream* in = OpenInput(path, &file, &error);
    if (!in) {
      failed_ = true;
      WriteErr("kashif: " + error + "\n");
      return;
    }
    OrderedPool<Batch> pool = MakePool();
    Batch batch;
    size_t line_number = 0;
    LineReader reader(in, max_line_bytes_);
    LineReader::Line line;
    while (reader.Next(&line)) {
      ParseLine(line, ++line_number, path, &batch);
      if (batch.bytes >= kBatchBytes) Submit(&pool, &batch);
    }
    if (!batch.chunks.empty()) Submit(&pool, &batch);
    pool.Finish();
    if (reader.bad()) {
      failed_ = true;
      WriteErr("kashif: " + (path == "-" ? std::string("standard input") : path) +
               ": read error\n");
    }
  }

  std::unique_ptr<OutputFormat> format_;
  ProgressLine progress_;  // files / lines / MB/s on standard error when it is a terminal
  std::optional<Extractor> extractor_;
  JsonlParser parser_;  // used by the reading thread only
  size_t max_line_bytes_ = kDefaultMaxLineBytes;
  int threads_ = 1;
  bool failed_ = false;
};

}  // namespace

int RunExtract(const Args& args) { return ExtractCommand().Run(args); }

}  // namespace kashif::cli
