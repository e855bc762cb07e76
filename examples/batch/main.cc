// Many documents on every core with one shared extractor, streaming JSON Lines:
//
//   batch [THREADS] < in.jsonl > out.jsonl
//
// Input: one object per line, {"id": <any JSON value>, "text": "..."}. Output: one line per
// input line, in input order, {"id": ..., "entities": [...]} or {"id": ..., "error": "..."}.
// Memory stays bounded: lines are read in blocks, each block is spread over the threads, and
// its results are written before the next block is read.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <kashif/kashif.h>

namespace {

void SkipSpace(std::string_view s, size_t* i) {
  while (*i < s.size() && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\r' || s[*i] == '\n')) ++*i;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool ParseHex4(std::string_view s, size_t i, uint32_t* value) {
  if (i + 4 > s.size()) return false;
  *value = 0;
  for (size_t k = i; k < i + 4; ++k) {
    char c = s[k];
    int digit = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
    if (digit < 0) return false;
    *value = *value * 16 + static_cast<uint32_t>(digit);
  }
  return true;
}

// Decodes the JSON string starting at s[*i] == '"'.
bool ParseString(std::string_view s, size_t* i, std::string* out) {
  ++*i;
  while (*i < s.size()) {
    char c = s[(*i)++];
    if (c == '"') return true;
    if (c != '\\') {
      out->push_back(c);
      continue;
    }
    if (*i >= s.size()) return false;
    char e = s[(*i)++];
    switch (e) {
      case '"': case '\\': case '/': out->push_back(e); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'u': {
        uint32_t cp;
        if (!ParseHex4(s, *i, &cp)) return false;
        *i += 4;
        uint32_t low;
        if (cp >= 0xD800 && cp < 0xDC00 && *i + 6 <= s.size() && s[*i] == '\\' &&
            s[*i + 1] == 'u' && ParseHex4(s, *i + 2, &low) && low >= 0xDC00 && low < 0xE000) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          *i += 6;
        } else if (cp >= 0xD800 && cp < 0xE000) {
          cp = 0xFFFD;  // a lone surrogate
        }
        AppendUtf8(cp, out);
        break;
      }
      default: return false;
    }
  }
  return false;
}

// Skips one JSON value of any kind (only "id" and "text" matter here).
bool SkipValue(std::string_view s, size_t* i) {
  SkipSpace(s, i);
  if (*i >= s.size()) return false;
  if (s[*i] == '"') {
    std::string ignored;
    return ParseString(s, i, &ignored);
  }
  int depth = 0;
  while (*i < s.size()) {
    char c = s[*i];
    if (c == '"') {
      std::string ignored;
      if (!ParseString(s, i, &ignored)) return false;
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') {
      if (depth == 0) return true;
      --depth;
    }
    if (c == ',' && depth == 0) return true;
    ++*i;
  }
  return depth == 0;
}

struct InputLine {
  std::string id = "null";  // raw JSON, copied to the output as it was written
  std::optional<std::string> text;
  std::string error;
};

InputLine ParseLine(std::string_view line) {
  InputLine in;
  size_t i = 0;
  SkipSpace(line, &i);
  if (i >= line.size() || line[i] != '{') {
    in.error = "not a JSON object";
    return in;
  }
  ++i;
  for (;;) {
    SkipSpace(line, &i);
    if (i < line.size() && line[i] == '}') break;
    std::string key;
    if (i >= line.size() || line[i] != '"' || !ParseString(line, &i, &key)) {
      in.error = "malformed JSON: expected a member name";
      return in;
    }
    SkipSpace(line, &i);
    if (i >= line.size() || line[i] != ':') {
      in.error = "malformed JSON: expected ':'";
      return in;
    }
    ++i;
    SkipSpace(line, &i);
    size_t start = i;
    if (key == "text") {
      std::string text;
      if (i >= line.size() || line[i] != '"' || !ParseString(line, &i, &text)) {
        in.error = "\"text\" must be a JSON string";
        return in;
      }
      in.text = std::move(text);
    } else if (!SkipValue(line, &i)) {
      in.error = "malformed JSON value for \"" + key + "\"";
      return in;
    } else if (key == "id") {
      size_t end = i;
      while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
      in.id = std::string(line.substr(start, end - start));
    }
    SkipSpace(line, &i);
    if (i < line.size() && line[i] == ',') {
      ++i;
      continue;
    }
    if (i < line.size() && line[i] == '}') break;
    in.error = "malformed JSON: expected ',' or '}'";
    return in;
  }
  if (!in.text) in.error = "missing \"text\"";
  return in;
}

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof(buffer), "\\u%04x", c);
          out->append(buffer);
        } else {
          // Invalid UTF-8 passes through; kashif's offsets stay byte offsets either way.
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

std::string Process(const kashif::Extractor& extractor, std::string_view line,
                    std::vector<kashif::Entity>* entities, bool* failed) {
  InputLine in = ParseLine(line);
  std::string out = "{\"id\":" + in.id;
  *failed = !in.error.empty();
  if (*failed) {
    out += ",\"error\":";
    AppendJsonString(in.error, &out);
    out += "}";
    return out;
  }
  const std::string& text = *in.text;
  extractor.Extract(text, std::nullopt, entities);  // reuses the thread's entity storage
  out += ",\"entities\":[";
  for (size_t k = 0; k < entities->size(); ++k) {
    const kashif::Entity& e = (*entities)[k];
    if (k > 0) out += ",";
    out += "{\"type\":\"";
    out += kashif::EntityTypeLabel(e.type);
    out += "\",\"start\":" + std::to_string(e.begin) + ",\"end\":" + std::to_string(e.end);
    out += ",\"text\":";
    AppendJsonString(e.text(text), &out);
    out += ",\"canonical\":";
    AppendJsonString(e.canonical, &out);
    if (e.money) {
      out += ",\"amount\":\"" + e.money->amount + "\",\"currency\":";
      if (e.money->currency.empty()) {
        out += "null";
      } else {
        AppendJsonString(e.money->currency, &out);
      }
    }
    if (e.date) {
      out += ",\"timex\":";
      AppendJsonString(e.date->timex, &out);
    }
    out += "}";
  }
  out += "]}";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  if (argc > 1) threads = static_cast<unsigned>(std::max(1, std::atoi(argv[1])));

  // One extractor, built once, shared by every thread (it is immutable and thread-safe).
  auto extractor = kashif::Extractor::Create();
  if (!extractor.ok()) {
    std::cerr << "batch: " << extractor.status().ToString() << "\n";
    return 2;
  }
  std::ios::sync_with_stdio(false);

  constexpr size_t kBlockLines = 1024;
  std::vector<std::string> lines, outputs;
  size_t documents = 0, failed = 0;
  bool more = true;
  while (more) {
    lines.clear();
    std::string line;
    while (lines.size() < kBlockLines && (more = static_cast<bool>(std::getline(std::cin, line)))) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(std::move(line));
    }
    if (lines.empty()) break;
    outputs.assign(lines.size(), std::string());
    std::vector<char> line_failed(lines.size(), 0);

    std::atomic<size_t> next{0};
    auto work = [&] {
      std::vector<kashif::Entity> entities;
      for (size_t i; (i = next.fetch_add(1)) < lines.size();) {
        bool line_error = false;
        outputs[i] = Process(*extractor, lines[i], &entities, &line_error);
        line_failed[i] = line_error;
      }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();

    for (size_t i = 0; i < outputs.size(); ++i) {
      std::cout << outputs[i] << '\n';
      failed += line_failed[i];
    }
    documents += lines.size();
  }
  std::cout.flush();
  std::cerr << "batch: " << documents << " documents, " << failed << " failed, " << threads
            << " threads\n";
  return failed == 0 ? 0 : 1;
}
