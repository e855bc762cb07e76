// Lines and fields of the plain-text tables kashif reads: the embedded data files and the
// user's gazetteer files. One reader for all of them, so every table takes the same line
// endings ("\n" or "\r\n"), a leading UTF-8 byte-order mark, and '#' comments.
#ifndef KASHIF_SRC_TEXT_LINES_H_
#define KASHIF_SRC_TEXT_LINES_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace kashif::internal {

class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
  }

  // Sets *line to the next line without its line ending and returns true; false at the end.
  // A final line without "\n" counts; the empty string after a final "\n" does not.
  bool Next(std::string_view* line) {
    if (pos_ >= text_.size()) return false;
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    *line = text_.substr(pos_, end - pos_);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    pos_ = end + 1;
    ++line_number_;
    return true;
  }

  // Next(), skipping empty lines and comments (lines that start with '#').
  bool NextData(std::string_view* line) {
    while (Next(line)) {
      if (!line->empty() && line->front() != '#') return true;
    }
    return false;
  }

  // The number of the line last returned, from 1: for "file:line: reason" errors.
  size_t line_number() const { return line_number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t line_number_ = 0;
};

// The fields of `text` between `separator`s, empty ones included ("a\t\tb" has three).
inline std::vector<std::string_view> SplitFields(std::string_view text, char separator = '\t') {
  std::vector<std::string_view> fields;
  for (size_t start = 0;;) {
    const size_t end = text.find(separator, start);
    fields.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return fields;
    start = end + 1;
  }
}

}  // namespace kashif::internal

#endif  // KASHIF_SRC_TEXT_LINES_H_
