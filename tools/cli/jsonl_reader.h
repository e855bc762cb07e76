// Streaming input for `kashif extract`: lines read a block at a time with a bound on a line's
// length, and JSONL lines parsed with simdjson's On-Demand API, which keeps only "id", "text"
// and "reference_date" and skips every other field without building it.
#ifndef KASHIF_TOOLS_CLI_JSONL_READER_H_
#define KASHIF_TOOLS_CLI_JSONL_READER_H_

#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kashif::cli {

// Reads `in` a block at a time and hands out its lines. Memory: one block plus the longest line
// handed out whole (at most max_line_bytes); a longer line is reported as too long and skipped
// without being kept. The buffer shrinks back after an outsized line.
class LineReader {
 public:
  // Bytes readable past the end of every line handed out (>= SIMDJSON_PADDING), so a JSON
  // parser may read ahead in place.
  static constexpr size_t kPadding = 64;

  struct Line {
    std::string_view text;  // without "\n" or "\r\n"; empty when too_long
    size_t readable = 0;    // bytes readable from text.data() (>= text.size() + kPadding)
    size_t bytes = 0;       // the line's length in the input, line ending excluded
    bool too_long = false;  // longer than max_line_bytes: skipped, text is empty
    bool out_of_memory = false;  // (with too_long) no memory to hold it: skipped the same way
    bool first = false;     // the input's first line (a UTF-8 BOM has been removed from it)
  };

  LineReader(std::istream* in, size_t max_line_bytes);

  // The next line; false at the end of the input or on a read error (then bad() is true).
  // `line->text` stays valid until the next call.
  bool Next(Line* line);
  bool bad() const { return bad_; }

 private:
  bool Fill();                 // reads one more block after end_; false at end of input
  void Reserve(size_t bytes);  // room for `bytes` of data from begin_ (plus the padding)
  size_t SkipRestOfLine();     // drops bytes up to the next newline; returns their count

  std::istream* in_;
  const size_t max_line_bytes_;
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;  // data capacity; the buffer holds capacity_ + kPadding bytes
  size_t begin_ = 0, end_ = 0, scanned_ = 0;  // unread data is [begin_, end_)
  bool eof_ = false, bad_ = false, started_ = false;
};

// One JSONL input line's fields.
struct JsonlDocument {
  std::string id_json = "null";  // the "id" value written back as compact, valid JSON
  std::string text;              // "text", decoded
  std::optional<std::string> reference_date;  // "reference_date" when it is a string
};

// Parses JSONL lines with simdjson On-Demand. Fields other than id, text and reference_date
// are skipped: their brackets and UTF-8 are checked, their contents are not decoded. Strings
// follow the CLI's policy: escapes decoded, an escaped lone surrogate becomes U+FFFD, invalid
// UTF-8 is an error that says at which byte of the line it is. Not thread-safe; one per thread.
class JsonlParser {
 public:
  JsonlParser();
  ~JsonlParser();
  // `readable`: bytes readable from line.data() (at least line.size() + LineReader::kPadding;
  // a shorter line is copied). On failure returns false with *error set; doc->id_json is the
  // line's id when the line is valid JSON, else "null".
  bool Parse(std::string_view line, size_t readable, JsonlDocument* doc, std::string* error);
  // Frees the parser's buffers when an outsized line made them large.
  void ShrinkIfLarge();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Whether `s` is exactly one JSON number (RFC 8259 grammar: no leading zeros, no "+", no ".5").
bool IsJsonNumber(std::string_view s);

}  // namespace kashif::cli

#endif  // KASHIF_TOOLS_CLI_JSONL_READER_H_
