#include "cli_util.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>

#include "text/utf8.h"

namespace kashif::cli {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 (the library's strict decoder).
size_t ValidUtf8Length(std::string_view s, size_t i) {
  char32_t cp;
  return internal::DecodeUtf8(s, i, &cp);
}

// Bytes that end a run of plain string characters: a quote, a backslash, a control character.
bool IsJsonSpecial(unsigned char c) { return c == '"' || c == '\\' || c < 0x20; }

}  // namespace

void AppendReplacingInvalidUtf8(std::string_view text, std::string_view replacement,
                                std::string* out) {
  if (internal::IsValidUtf8(text)) {
    out->append(text);
    return;
  }
  for (size_t i = 0; i < text.size();) {
    const size_t len = ValidUtf8Length(text, i);
    if (len == 0) {
      out->append(replacement);
      ++i;
    } else {
      out->append(text.data() + i, len);
      i += len;
    }
  }
}

void AppendJsonString(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (size_t i = 0; i < text.size();) {
    // A run that needs no escape (most of a text) is checked and copied whole.
    size_t end = i;
    while (end < text.size() && !IsJsonSpecial(static_cast<unsigned char>(text[end])) &&
           text[end] != 0x7F) {
      ++end;
    }
    if (end > i) {
      const std::string_view run = text.substr(i, end - i);
      AppendReplacingInvalidUtf8(run, "\\ufffd", out);
      i = end;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:  // the other control characters and DEL
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 15]);
    }
    ++i;
  }
  out->push_back('"');
}

std::string JsonString(std::string_view text) {
  std::string out;
  AppendJsonString(text, &out);
  return out;
}

const JsonValue* JsonValue::Find(std::string_view key) const {
  if (kind != Kind::kObject) return nullptr;
  for (const auto& [k, v] : object) {
    if (k == key) return &v;
  }
  return nullptr;
}

namespace {

class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : s_(text) {}

  std::optional<JsonValue> ParseDocument(std::string* error) {
    JsonValue v;
    if (!ParseValue(&v, 0)) {
      *error = error_ + " at byte " + std::to_string(pos_);
      return std::nullopt;
    }
    SkipSpace();
    if (pos_ != s_.size()) {
      *error = "unexpected text after the JSON value at byte " + std::to_string(pos_);
      return std::nullopt;
    }
    return v;
  }

 private:
  static constexpr int kMaxDepth = 256;

  void SkipSpace() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool Fail(const char* message) {
    error_ = message;
    return false;
  }
  bool Literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return Fail("invalid literal");
    pos_ += word.size();
    return true;
  }

  bool ParseValue(JsonValue* v, int depth) {
    if (depth > kMaxDepth) return Fail("JSON nested too deeply");
    SkipSpace();
    if (pos_ >= s_.size()) return Fail("unexpected end of JSON");
    const char c = s_[pos_];
    if (c == '{') return ParseObject(v, depth);
    if (c == '[') return ParseArray(v, depth);
    if (c == '"') {
      v->kind = JsonValue::Kind::kString;
      return ParseString(&v->string);
    }
    if (c == 't') {
      v->kind = JsonValue::Kind::kBool;
      v->boolean = true;
      return Literal("true");
    }
    if (c == 'f') {
      v->kind = JsonValue::Kind::kBool;
      return Literal("false");
    }
    if (c == 'n') {
      v->kind = JsonValue::Kind::kNull;
      return Literal("null");
    }
    if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber(v);
    return Fail("unexpected character");
  }

  bool ParseNumber(JsonValue* v) {
    const size_t start = pos_;
    if (s_[pos_] == '-') ++pos_;
    auto digits = [&] {
      const size_t d = pos_;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ > d;
    };
    if (!digits()) return Fail("invalid number");
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (!digits()) return Fail("invalid number");
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (!digits()) return Fail("invalid number");
    }
    v->kind = JsonValue::Kind::kNumber;
    v->string = std::string(s_.substr(start, pos_ - start));
    return true;
  }

  bool ParseString(std::string* out) {
    std::string error;
    if (DecodeJsonString(s_, &pos_, out, &error)) return true;
    error_ = error;
    return false;
  }

  bool ParseArray(JsonValue* v, int depth) {
    v->kind = JsonValue::Kind::kArray;
    ++pos_;
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      v->array.emplace_back();
      if (!ParseValue(&v->array.back(), depth + 1)) return false;
      SkipSpace();
      if (pos_ >= s_.size()) return Fail("unterminated array");
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (s_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return Fail("expected , or ] in array");
    }
  }

  bool ParseObject(JsonValue* v, int depth) {
    v->kind = JsonValue::Kind::kObject;
    ++pos_;
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != '"') return Fail("expected a member name");
      std::string key;
      if (!ParseString(&key)) return false;
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != ':') return Fail("expected : after member name");
      ++pos_;
      JsonValue member;
      if (!ParseValue(&member, depth + 1)) return false;
      v->object.emplace_back(std::move(key), std::move(member));
      SkipSpace();
      if (pos_ >= s_.size()) return Fail("unterminated object");
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (s_[pos_] == '}') {
        ++pos_;
        return true;
      }
      return Fail("expected , or } in object");
    }
  }

  std::string_view s_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace

namespace {

bool Hex4(std::string_view s, size_t* pos, uint32_t* value) {
  if (*pos + 4 > s.size()) return false;
  *value = 0;
  for (int i = 0; i < 4; ++i) {
    const char h = s[(*pos)++];
    *value <<= 4;
    if (h >= '0' && h <= '9') *value |= h - '0';
    else if (h >= 'a' && h <= 'f') *value |= h - 'a' + 10;
    else if (h >= 'A' && h <= 'F') *value |= h - 'A' + 10;
    else return false;
  }
  return true;
}

}  // namespace

bool DecodeJsonString(std::string_view s, size_t* pos_ptr, std::string* out,
                      std::string* error) {
  size_t& pos = *pos_ptr;
  auto fail = [&](const char* message) {
    *error = message;
    return false;
  };
  ++pos;  // opening quote
  while (pos < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c == '"') {
      ++pos;
      return true;
    }
    if (c == '\\') {
      if (++pos >= s.size()) return fail("truncated escape");
      const char e = s[pos++];
      switch (e) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          uint32_t cp;
          if (pos + 4 > s.size()) return fail("truncated \\u escape");
          if (!Hex4(s, &pos, &cp)) return fail("invalid \\u escape");
          if (cp >= 0xD800 && cp <= 0xDBFF && s.substr(pos, 2) == "\\u") {
            const size_t save = pos;
            pos += 2;
            uint32_t low;
            if (pos + 4 > s.size()) return fail("truncated \\u escape");
            if (!Hex4(s, &pos, &low)) return fail("invalid \\u escape");
            if (low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else {
              pos = save;
              cp = 0xFFFD;
            }
          } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;  // a lone surrogate cannot be UTF-8; keep the position visible
          }
          internal::AppendUtf8(static_cast<char32_t>(cp), out);
          break;
        }
        default:
          return fail("invalid escape");
      }
      continue;
    }
    if (c < 0x20) return fail("control character in string");
    // A run of plain characters (most of a document's text) is checked and copied whole.
    size_t end = pos + 1;
    while (end < s.size() && !IsJsonSpecial(static_cast<unsigned char>(s[end]))) ++end;
    const std::string_view run = s.substr(pos, end - pos);
    if (!internal::IsValidUtf8(run)) {
      // Stop at the bad sequence: the error says where it is.
      while (ValidUtf8Length(s, pos) != 0) pos += ValidUtf8Length(s, pos);
      return fail("invalid UTF-8 in string");
    }
    out->append(run);
    pos = end;
  }
  return fail("unterminated string");
}

std::optional<JsonValue> ParseJson(std::string_view text, std::string* error) {
  return JsonParser(text).ParseDocument(error);
}

void AppendJson(const JsonValue& value, std::string* out) {
  switch (value.kind) {
    case JsonValue::Kind::kNull: out->append("null"); break;
    case JsonValue::Kind::kBool: out->append(value.boolean ? "true" : "false"); break;
    case JsonValue::Kind::kNumber: out->append(value.string); break;
    case JsonValue::Kind::kString: AppendJsonString(value.string, out); break;
    case JsonValue::Kind::kArray:
      out->push_back('[');
      for (size_t i = 0; i < value.array.size(); ++i) {
        if (i) out->push_back(',');
        AppendJson(value.array[i], out);
      }
      out->push_back(']');
      break;
    case JsonValue::Kind::kObject:
      out->push_back('{');
      for (size_t i = 0; i < value.object.size(); ++i) {
        if (i) out->push_back(',');
        AppendJsonString(value.object[i].first, out);
        out->push_back(':');
        AppendJson(value.object[i].second, out);
      }
      out->push_back('}');
      break;
  }
}

std::istream* OpenInput(const std::string& path, std::ifstream* file, std::string* error) {
  if (path == "-") return &std::cin;
  file->open(path, std::ios::binary);
  if (!*file) {
    *error = path + ": " + std::strerror(errno);
    return nullptr;
  }
  return file;
}

namespace {

bool ReadError(const std::string& path, std::string* error) {
  *error = (path == "-" ? std::string("standard input") : path) + ": read error";
  return false;
}

}  // namespace

bool ForEachLine(const std::string& path, const std::function<void(std::string_view)>& fn,
                 std::string* error) {
  std::ifstream file;
  std::istream* in = OpenInput(path, &file, error);
  if (!in) return false;
  std::string line;
  while (std::getline(*in, line)) {
    std::string_view view(line);
    if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
    fn(view);
  }
  return in->bad() ? ReadError(path, error) : true;
}

bool ReadFile(const std::string& path, std::string* content, std::string* error) {
  std::ifstream file;
  std::istream* in = OpenInput(path, &file, error);
  if (!in) return false;
  content->assign(std::istreambuf_iterator<char>(*in), std::istreambuf_iterator<char>());
  return in->bad() ? ReadError(path, error) : true;
}

ArgParser::ArgParser(std::vector<std::string> valued, std::vector<std::string> flags)
    : valued_(std::move(valued)), flags_(std::move(flags)) {}

bool ArgParser::Parse(const std::vector<std::string>& args, std::string* error) {
  bool only_positional = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_positional || arg == "-" || arg.empty() || arg[0] != '-') {
      positional_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inline_value;
    const size_t eq = arg.find('=');
    if (arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    } else if (arg.size() > 2 && arg[1] != '-' &&
               std::find(valued_.begin(), valued_.end(), arg.substr(0, 2)) != valued_.end()) {
      name = arg.substr(0, 2);  // a short option with its value glued on: -j4
      inline_value = arg.substr(2);
    }
    if (std::find(flags_.begin(), flags_.end(), name) != flags_.end()) {
      if (inline_value) {
        *error = "option " + name + " takes no value";
        return false;
      }
      values_[name] = "";
      continue;
    }
    if (std::find(valued_.begin(), valued_.end(), name) != valued_.end()) {
      if (inline_value) {
        values_[name] = *inline_value;
      } else if (i + 1 < args.size()) {
        values_[name] = args[++i];
      } else {
        *error = "option " + name + " needs a value";
        return false;
      }
      all_values_[name].push_back(values_[name]);
      continue;
    }
    *error = "unknown option: " + arg;
    return false;
  }
  return true;
}

std::optional<std::string> ArgParser::Get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> ArgParser::GetAll(const std::string& name) const {
  auto it = all_values_.find(name);
  return it == all_values_.end() ? std::vector<std::string>() : it->second;
}

bool ArgParser::Has(const std::string& name) const { return values_.count(name) != 0; }

std::optional<int> StartCommand(const std::string& command, std::string_view usage,
                                const std::vector<std::string>& args, ArgParser* parser) {
  std::string error;
  if (!parser->Parse(args, &error)) {
    WriteErr("kashif " + command + ": " + error + "\nTry 'kashif " + command + " --help'.\n");
    return 2;
  }
  if (parser->Has("-h") || parser->Has("--help")) {
    WriteOut(usage);
    return 0;
  }
  return std::nullopt;
}

std::optional<bool> JsonFormatOption(const std::string& command, const ArgParser& parser) {
  const std::string format = parser.Get("--format").value_or("text");
  if (format != "text" && format != "json") {
    WriteErr("kashif " + command + ": unknown --format: " + format + "\n");
    return std::nullopt;
  }
  return format == "json";
}

namespace {

[[noreturn]] void WriteFailed(int error) {
  const std::string message = std::string("kashif: write error: ") + std::strerror(error) + "\n";
  std::fwrite(message.data(), 1, message.size(), stderr);
  std::fflush(stderr);
  // Worker threads may be running: end now, without running destructors under them.
  std::_Exit(1);
}

}  // namespace

void WriteOut(std::string_view text) {
  if (text.empty()) return;
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::ferror(stdout)) {
    WriteFailed(errno != 0 ? errno : EIO);
  }
}

int FinishOutput(int status) {
  errno = 0;
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) WriteFailed(errno != 0 ? errno : EIO);
  return status;
}
void WriteErr(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stderr); }

void ApplyTaggerOptions(const ArgParser& parser, Options* options) {
  if (parser.Has("--tagger")) options->use_tagger = true;
  if (auto file = parser.Get("--model")) {
    options->model_file = *file;
    options->use_tagger = true;
  }
  if (parser.Has("--rules-only")) options->use_tagger = false;
  if (parser.Has("--tagger-over-rules")) options->tagger_over_rules = true;
}

}  // namespace kashif::cli
