#include "jsonl_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <new>

#include "cli_util.h"
#include "text/utf8.h"

namespace kashif::cli {

static_assert(LineReader::kPadding >= simdjson::SIMDJSON_PADDING, "simdjson reads past a line's end");

namespace {

// Bytes read from the input at a time, and the buffer size kept between lines.
constexpr size_t kBlockBytes = 64 << 10;
// A buffer (or a parser) grown past this for one line is given back after it.
constexpr size_t kShrinkAboveBytes = 4 << 20;
// Nesting deeper than this in an "id" value is refused (the writer below recurses).
constexpr int kMaxIdDepth = 256;

}  // namespace

LineReader::LineReader(std::istream* in, size_t max_line_bytes)
    : in_(in), max_line_bytes_(std::max<size_t>(max_line_bytes, 1)) {
  Reserve(kBlockBytes);
}

void LineReader::Reserve(size_t bytes) {
  const size_t data = end_ - begin_;
  if (begin_ > 0 && data > 0) std::memmove(buffer_.get(), buffer_.get() + begin_, data);
  scanned_ -= begin_;
  begin_ = 0;
  end_ = data;
  // Grows by doubling up to what the longest allowed line needs; shrinks back to one block.
  size_t want = capacity_;
  if (want < bytes) want = std::max(bytes, std::min(2 * capacity_, max_line_bytes_ + kBlockBytes));
  if (capacity_ > kShrinkAboveBytes && bytes <= kBlockBytes && data <= kBlockBytes) {
    want = kBlockBytes;
  }
  if (want == capacity_ && buffer_) return;
  std::unique_ptr<char[]> grown(new char[want + kPadding]);
  if (data > 0) std::memcpy(grown.get(), buffer_.get(), data);
  std::memset(grown.get() + data, 0, want + kPadding - data);
  buffer_ = std::move(grown);
  capacity_ = want;
}

bool LineReader::Fill() {
  if (eof_) return false;
  if (end_ == capacity_) Reserve(end_ - begin_ + kBlockBytes);
  const size_t room = std::min(capacity_ - end_, kBlockBytes);
  in_->read(buffer_.get() + end_, static_cast<std::streamsize>(room));
  const size_t got = static_cast<size_t>(in_->gcount());
  end_ += got;
  if (got < room) {
    eof_ = true;
    bad_ = in_->bad();
  }
  return got > 0;
}

size_t LineReader::SkipRestOfLine() {
  size_t skipped = 0;
  while (true) {
    const char* data = buffer_.get();
    const void* nl = std::memchr(data + begin_, '\n', end_ - begin_);
    if (nl) {
      const size_t n = static_cast<size_t>(static_cast<const char*>(nl) - data) - begin_;
      begin_ = scanned_ = begin_ + n + 1;
      return skipped + n;
    }
    skipped += end_ - begin_;
    begin_ = scanned_ = end_;  // dropped: the line is reported, not kept
    if (!Fill()) return skipped;
  }
}

bool LineReader::Next(Line* line) {
  *line = Line();
  line->first = !started_;
  // After an outsized line, give the memory back once what is left fits one block.
  if (capacity_ > kShrinkAboveBytes && end_ - begin_ <= kBlockBytes) Reserve(kBlockBytes);
  while (true) {
    const char* data = buffer_.get();
    const void* nl = std::memchr(data + scanned_, '\n', end_ - scanned_);
    const size_t length = (nl ? static_cast<const char*>(nl) - data : end_) - begin_;
    if (length > max_line_bytes_) {
      started_ = true;
      line->too_long = true;
      line->bytes = SkipRestOfLine();
      return true;
    }
    if (nl || (eof_ && end_ > begin_)) {
      size_t start = begin_;
      size_t size = length;
      begin_ = scanned_ = nl ? begin_ + length + 1 : end_;
      line->bytes = size;
      if (size > 0 && data[start + size - 1] == '\r') --size;
      if (!started_ && size >= 3 && std::memcmp(data + start, "\xEF\xBB\xBF", 3) == 0) {
        start += 3;
        size -= 3;
      }
      started_ = true;
      line->text = std::string_view(data + start, size);
      line->readable = capacity_ + kPadding - start;
      return true;
    }
    if (eof_) return false;
    scanned_ = end_;
    try {
      Fill();
    } catch (const std::bad_alloc&) {  // no room to grow for this line: skip it, go on
      started_ = true;
      line->too_long = line->out_of_memory = true;
      line->bytes = SkipRestOfLine();
      return true;
    }
  }
}

// ---------------------------------------------------------------------------------------------

namespace {

namespace od = simdjson::ondemand;

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && IsJsonSpace(s.back())) s.remove_suffix(1);
  return s;
}

// The error message of a simdjson error code, in the words the CLI's old parser used.
std::string Describe(simdjson::error_code code) {
  switch (code) {
    case simdjson::UTF8_ERROR: return "invalid UTF-8";
    case simdjson::UNCLOSED_STRING: return "unterminated string";
    case simdjson::STRING_ERROR: return "invalid string";
    case simdjson::UNESCAPED_CHARS: return "control character in string";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR: return "invalid literal";
    case simdjson::NUMBER_ERROR: return "invalid number";
    case simdjson::DEPTH_ERROR: return "JSON nested too deeply";
    case simdjson::EMPTY: return "unexpected end of JSON";
    case simdjson::TAPE_ERROR:
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT: return "malformed or unterminated object or array";
    case simdjson::TRAILING_CONTENT: return "unexpected text after the JSON value";
    case simdjson::MEMALLOC: throw std::bad_alloc();
    default: return simdjson::error_message(code);
  }
}

// The first byte of `line` that is not part of valid UTF-8, and whether it is inside a string.
size_t FirstInvalidUtf8(std::string_view line, bool* in_string) {
  *in_string = false;
  char32_t cp;
  for (size_t i = 0; i < line.size();) {
    const size_t n = internal::DecodeUtf8(line, i, &cp);
    if (n == 0) return i;
    if (line[i] == '"') *in_string = !*in_string;
    if (line[i] == '\\' && *in_string) i += 1;  // the escaped byte never ends a string
    i += n;
  }
  return line.size();
}

class LineParse {
 public:
  LineParse(std::string_view line, JsonlDocument* doc) : line_(line), doc_(doc) {}

  // Parses an iterated document; returns false with *error set.
  bool Run(od::document& json, std::string* error) {
    od::json_type type;
    if (auto e = json.type().get(type)) return JsonError(e, &json, error);
    if (type != od::json_type::object) return NotAnObject(json, type, error);
    od::object object;
    if (auto e = json.get_object().get(object)) return JsonError(e, &json, error);
    bool seen_id = false, seen_text = false, seen_date = false;
    bool text_is_string = false, date_invalid = false;
    for (auto field : object) {
      std::string_view key;
      if (!ReadKey(field, &key, error)) return FailAt(json, error);
      od::value value;
      if (auto e = field.value().get(value)) return JsonError(e, &json, error);
      // The first of repeated keys counts; the others, like every other field, are skipped.
      if (key == "id" && !seen_id) {
        seen_id = true;
        doc_->id_json.clear();
        if (!WriteValue(value, 1, &doc_->id_json, error)) return FailAt(json, error);
      } else if (key == "text" && !seen_text) {
        seen_text = true;
        if (!ReadString(value, &doc_->text, &text_is_string, error)) return FailAt(json, error);
      } else if (key == "reference_date" && !seen_date) {
        seen_date = true;
        std::string date;
        bool is_string = false, is_null = false;
        if (!ReadString(value, &date, &is_string, error, &is_null)) return FailAt(json, error);
        if (is_string) doc_->reference_date = std::move(date);
        date_invalid = !is_string && !is_null;
      }
    }
    if (!AtEnd(json)) {
      doc_->id_json = "null";
      *error = "invalid JSON: unexpected text after the JSON value";
      AppendLocation(json, error);
      return false;
    }
    if (!text_is_string) return Fail("missing \"text\" string", error);
    if (date_invalid) return Fail("\"reference_date\" must be a day written YYYY-MM-DD", error);
    return true;
  }

  // The error of a failed iteration, with the byte where simdjson stopped when it knows.
  bool JsonError(simdjson::error_code code, od::document* json, std::string* error) {
    doc_->id_json = "null";
    if (code == simdjson::UTF8_ERROR) {
      bool in_string = false;
      const size_t at = FirstInvalidUtf8(line_, &in_string);
      *error = std::string("invalid JSON: invalid UTF-8") + (in_string ? " in string" : "") +
               " at byte " + std::to_string(at);
      return false;
    }
    *error = "invalid JSON: " + Describe(code);
    if (json) AppendLocation(*json, error);
    return false;
  }

 private:
  // Whether the whole line has been read (simdjson 3.0's document has no at_end()).
  static bool AtEnd(od::document& json) {
    const char* at = nullptr;
    return json.current_location().get(at) == simdjson::OUT_OF_BOUNDS;
  }

  bool Fail(const std::string& message, std::string* error) {
    *error = message;
    return false;
  }

  // A line that is not an object: "expected a JSON object" when it is valid JSON, else what is
  // wrong with it.
  bool NotAnObject(od::document& json, od::json_type type, std::string* error) {
    doc_->id_json = "null";
    std::string_view rest;
    if (type == od::json_type::array) {
      od::value v;
      if (auto e = json.get_value().get(v)) return JsonError(e, &json, error);
      if (!WriteValue(v, 1, nullptr, error)) return FailAt(json, error);
      if (!AtEnd(json)) rest = "?";
    } else {
      std::string_view token;
      if (auto e = json.raw_json_token().get(token)) return JsonError(e, &json, error);
      if (!CheckScalar(type, TrimRight(token), nullptr, error)) return FailAt(json, error);
      rest = TrimRight(line_.substr(Offset(token) + token.size()));
    }
    if (!rest.empty()) return Fail("invalid JSON: unexpected text after the JSON value", error);
    return Fail("expected a JSON object", error);
  }
  // A failure reported by one of the value readers below (*error holds its reason).
  bool FailAt(od::document& json, std::string* error) {
    doc_->id_json = "null";
    *error = "invalid JSON: " + *error;
    if (error_at_ != std::string::npos) {
      *error += " at byte " + std::to_string(error_at_);
    } else {
      AppendLocation(json, error);
    }
    return false;
  }
  void AppendLocation(od::document& json, std::string* error) {
    const char* at = nullptr;
    if (json.current_location().get(at) == simdjson::SUCCESS && at >= line_.data() &&
        at <= line_.data() + line_.size()) {
      *error += " at byte " + std::to_string(at - line_.data());
    }
  }
  size_t Offset(std::string_view token) const {
    return static_cast<size_t>(token.data() - line_.data());
  }

  // A scalar's raw token checked (and written to *out when out is not null).
  bool CheckScalar(od::json_type type, std::string_view token, std::string* out,
                   std::string* error) {
    bool ok = true;
    switch (type) {
      case od::json_type::string: {
        std::string decoded;
        size_t pos = 0;
        if (token.empty() || token.front() != '"' || !DecodeJsonString(token, &pos, &decoded, error)) {
          if (token.empty() || token.front() != '"') *error = "unexpected character";
          error_at_ = Offset(token) + pos;
          return false;
        }
        if (pos != token.size()) {
          *error = "expected , or } after a value";
          error_at_ = Offset(token) + pos;
          return false;
        }
        if (out) AppendJsonString(decoded, out);
        return true;
      }
      case od::json_type::number:
        ok = IsJsonNumber(token);
        if (!ok) *error = "invalid number";
        break;
      case od::json_type::boolean:
        ok = token == "true" || token == "false";
        if (!ok) *error = "invalid literal";
        break;
      case od::json_type::null:
        ok = token == "null";
        if (!ok) *error = "invalid literal";
        break;
      default:
        ok = false;
        *error = "unexpected character";
    }
    if (!ok) {
      error_at_ = Offset(token);
      return false;
    }
    if (out) out->append(token);
    return true;
  }

  // Checks a value and writes it back as compact JSON (strings re-encoded) when out is set.
  bool WriteValue(od::value& value, int depth, std::string* out, std::string* error) {
    if (depth > kMaxIdDepth) {
      *error = "JSON nested too deeply";
      return false;
    }
    od::json_type type;
    if (auto e = value.type().get(type)) return Error(e, error);
    if (type == od::json_type::array) {
      od::array array;
      if (auto e = value.get_array().get(array)) return Error(e, error);
      if (out) out->push_back('[');
      bool first = true;
      for (auto element : array) {
        od::value v;
        if (auto e = element.get(v)) return Error(e, error);
        if (out && !first) out->push_back(',');
        first = false;
        if (!WriteValue(v, depth + 1, out, error)) return false;
      }
      if (out) out->push_back(']');
      return true;
    }
    if (type == od::json_type::object) {
      od::object object;
      if (auto e = value.get_object().get(object)) return Error(e, error);
      if (out) out->push_back('{');
      bool first = true;
      for (auto field : object) {
        std::string_view key;
        if (!ReadKey(field, &key, error)) return false;
        od::value v;
        if (auto e = field.value().get(v)) return Error(e, error);
        if (out) {
          if (!first) out->push_back(',');
          AppendJsonString(key, out);
          out->push_back(':');
        }
        first = false;
        if (!WriteValue(v, depth + 1, out, error)) return false;
      }
      if (out) out->push_back('}');
      return true;
    }
    const std::string_view token = value.raw_json_token();
    return CheckScalar(type, TrimRight(token), out, error);
  }

  // A member name, decoded by the CLI's own rules (simdjson 3.0 refuses a lone surrogate).
  // *key stays valid until the next call.
  template <typename Field>
  bool ReadKey(Field& field, std::string_view* key, std::string* error) {
    od::raw_json_string raw;
    if (auto e = field.key().get(raw)) return Error(e, error);
    // The literal starts one byte before raw.raw(), at its opening quote.
    const char* begin = reinterpret_cast<const char*>(raw.raw()) - 1;
    const std::string_view rest(begin, line_.data() + line_.size() - begin);
    const size_t end = rest.find_first_of("\"\\", 1);
    if (end != std::string_view::npos && rest[end] == '"') {  // no escape: the bytes as they are
      *key = rest.substr(1, end - 1);
      if (std::none_of(key->begin(), key->end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20;
          })) {
        return true;
      }
    }
    key_.clear();
    size_t pos = 0;
    if (!DecodeJsonString(rest, &pos, &key_, error)) {
      error_at_ = Offset(rest) + pos;
      return false;
    }
    *key = key_;
    return true;
  }

  // A string value decoded into *out; another value is checked and *is_string is false
  // (*is_null true when it is null).
  bool ReadString(od::value& value, std::string* out, bool* is_string, std::string* error,
                  bool* is_null = nullptr) {
    od::json_type type;
    if (auto e = value.type().get(type)) return Error(e, error);
    *is_string = type == od::json_type::string;
    if (is_null) *is_null = type == od::json_type::null;
    if (!*is_string) return WriteValue(value, 1, nullptr, error);
    std::string_view token = TrimRight(value.raw_json_token());
    size_t pos = 0;
    out->clear();
    out->reserve(token.size());
    if (!DecodeJsonString(token, &pos, out, error)) {
      error_at_ = Offset(token) + pos;
      return false;
    }
    if (pos != token.size()) {
      *error = "expected , or } after a value";
      error_at_ = Offset(token) + pos;
      return false;
    }
    return true;
  }

  bool Error(simdjson::error_code code, std::string* error) {
    *error = Describe(code);
    return false;
  }

  std::string_view line_;
  JsonlDocument* doc_;
  size_t error_at_ = std::string::npos;
  std::string key_;  // a member name with escapes, decoded
};

}  // namespace

struct JsonlParser::Impl {
  od::parser parser;
  std::string copy;  // a line without room for simdjson's padding is parsed from here
};

JsonlParser::JsonlParser() : impl_(std::make_unique<Impl>()) {}
JsonlParser::~JsonlParser() = default;

bool JsonlParser::Parse(std::string_view line, size_t readable, JsonlDocument* doc,
                        std::string* error) {
  *doc = JsonlDocument();
  const char* data = line.data();
  if (readable < line.size() + simdjson::SIMDJSON_PADDING) {
    impl_->copy.assign(line);
    impl_->copy.append(simdjson::SIMDJSON_PADDING, '\0');
    data = impl_->copy.data();
    readable = impl_->copy.size();
  }
  const std::string_view view(data, line.size());
  od::document json;
  LineParse parse(view, doc);
  if (auto e = impl_->parser.iterate(data, line.size(), readable).get(json)) {
    return parse.JsonError(e, nullptr, error);
  }
  return parse.Run(json, error);
}

void JsonlParser::ShrinkIfLarge() {
  if (impl_->parser.capacity() > kShrinkAboveBytes) impl_->parser = od::parser();
  if (impl_->copy.capacity() > kShrinkAboveBytes) std::string().swap(impl_->copy);
}

bool IsJsonNumber(std::string_view s) {
  size_t i = 0;
  auto digit = [&](size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
  if (i < s.size() && s[i] == '-') ++i;
  if (!digit(i)) return false;
  if (s[i] == '0') {
    ++i;
  } else {
    while (digit(i)) ++i;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  return i == s.size();
}

}  // namespace kashif::cli
