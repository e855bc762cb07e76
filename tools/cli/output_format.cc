#include "output_format.h"

#include "cli_util.h"
#include "view_formats.h"

namespace kashif::cli {
namespace {

// `text` as a JSON string, or null when it is empty.
void AppendJsonStringOrNull(const std::string& text, std::string* out) {
  if (text.empty()) {
    out->append("null");
  } else {
    AppendJsonString(text, out);
  }
}

void AppendValueJson(const Entity& e, std::string* out) {
  if (e.money) {
    out->append(",\"value\":{\"amount\":");
    out->append(e.money->amount.empty() ? "null" : e.money->amount);
    if (!e.money->upper_amount.empty()) out->append(",\"upper_amount\":" + e.money->upper_amount);
    out->append(",\"currency\":");
    AppendJsonStringOrNull(e.money->currency, out);
    out->push_back('}');
  } else if (e.date) {
    out->append(",\"value\":{\"timex\":");
    AppendJsonString(e.date->timex, out);
    out->append(",\"calendar\":");
    out->append(e.date->calendar == Calendar::kHijri ? "\"hijri\"" : "\"gregorian\"");
    out->append(",\"resolved\":");
    AppendJsonStringOrNull(e.date->resolved, out);
    out->push_back('}');
  } else if (e.percent) {
    out->append(",\"value\":{\"value\":" + e.percent->value);
    if (!e.percent->upper_value.empty()) out->append(",\"upper_value\":" + e.percent->upper_value);
    out->push_back('}');
  } else if (e.time) {
    out->append(",\"value\":{\"timex\":");
    AppendJsonString(e.time->timex, out);
    out->append(",\"zone\":");
    AppendJsonStringOrNull(e.time->zone, out);
    out->push_back('}');
  }
}

}  // namespace

std::string ValueText(const Entity& e) {
  std::string out;
  if (e.money) {
    out = e.money->amount;
    if (!e.money->upper_amount.empty()) out += "/" + e.money->upper_amount;
    if (!e.money->currency.empty()) out += " " + e.money->currency;
  } else if (e.date) {
    out = e.date->timex;
    if (e.date->calendar == Calendar::kHijri) out += " hijri";
    if (!e.date->resolved.empty()) out += " → " + e.date->resolved;
  } else if (e.percent) {
    out = e.percent->value;
    if (!e.percent->upper_value.empty()) out += "/" + e.percent->upper_value;
    out += "%";
  } else if (e.time) {
    out = e.time->timex;
    if (!e.time->zone.empty()) out += " " + e.time->zone;
  }
  return out;
}

namespace {

// A field of the text format: a tab, line break or backslash written as \t, \n, \r, \\, so
// every entity stays one line of tab-separated fields whatever its text.
void AppendTextField(std::string_view field, std::string* out) {
  // Most fields have none of them: one test per byte (Arabic bytes are all above '\\').
  size_t first = 0;
  while (first < field.size()) {
    const unsigned char c = static_cast<unsigned char>(field[first]);
    if (c <= '\\' && (c == '\\' || c <= '\r')) break;
    ++first;
  }
  if (first == field.size()) {
    out->append(field);
    return;
  }
  size_t from = 0;
  for (size_t i = first; i < field.size(); ++i) {
    const char c = field[i];
    if (c != '\t' && c != '\n' && c != '\r' && c != '\\') continue;
    out->append(field.substr(from, i - from));
    out->push_back('\\');
    out->push_back(c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\');
    from = i + 1;
  }
  out->append(field.substr(from));
}

// One line per entity: START END TYPE TEXT CANONICAL [VALUE], tab-separated.
class TextFormat : public OutputFormat {
 public:
  void Write(const DocumentChunk& chunk, std::string* out) override {
    if (!chunk.error.empty()) return;  // reported on standard error by the caller
    for (const Entity& e : chunk.entities) {
      out->append(std::to_string(chunk.base_offset + e.begin));
      out->push_back('\t');
      out->append(std::to_string(chunk.base_offset + e.end));
      out->push_back('\t');
      out->append(EntityTypeLabel(e));
      out->push_back('\t');
      AppendTextField(e.text(chunk.text), out);
      out->push_back('\t');
      AppendTextField(e.canonical, out);
      if (e.money || e.date || e.percent || e.time) {
        out->push_back('\t');
        out->append(ValueText(e));
      }
      out->push_back('\n');
    }
  }
};

// One JSON object per document: {"file"|"id": ..., "entities": [...]}, one per line.
class JsonLinesFormat : public OutputFormat {
 public:
  void Write(const DocumentChunk& chunk, std::string* out) override {
    if (chunk.first) {
      out->append(chunk.from_file ? "{\"file\":" : "{\"id\":");
      out->append(chunk.id_json);
      if (!chunk.error.empty()) {
        out->append(",\"error\":");
        AppendJsonString(chunk.error, out);
        out->append("}");
        Separator(out);
        return;
      }
      out->append(",\"entities\":[");
      entities_written_ = 0;
    }
    for (const Entity& e : chunk.entities) {
      if (entities_written_++ > 0) out->push_back(',');
      AppendEntityJson(e, chunk.text, chunk.base_offset, out);
    }
    if (chunk.last) {
      out->append("]}");
      Separator(out);
    }
  }

 protected:
  virtual void Separator(std::string* out) { out->push_back('\n'); }
  size_t entities_written_ = 0;
};

// The JSONL objects as one JSON array.
class JsonFormat : public JsonLinesFormat {
 public:
  void Begin(std::string* out) override { out->push_back('['); }
  void Write(const DocumentChunk& chunk, std::string* out) override {
    if (chunk.first && documents_++ > 0) out->push_back(',');
    JsonLinesFormat::Write(chunk, out);
  }
  void End(std::string* out) override { out->append("]\n"); }

 protected:
  void Separator(std::string* out) override {}
  size_t documents_ = 0;
};

}  // namespace

void AppendEntityJson(const Entity& e, std::string_view text, size_t base_offset,
                      std::string* out) {
  out->append("{\"type\":\"");
  out->append(EntityTypeLabel(e));
  out->append("\",\"start\":");
  out->append(std::to_string(base_offset + e.begin));
  out->append(",\"end\":");
  out->append(std::to_string(base_offset + e.end));
  out->append(",\"text\":");
  AppendJsonString(e.text(text), out);
  out->append(",\"canonical\":");
  AppendJsonString(e.canonical, out);
  AppendValueJson(e, out);
  out->push_back('}');
}

std::unique_ptr<OutputFormat> MakeOutputFormat(const std::string& name) {
  if (name == "text") return std::make_unique<TextFormat>();
  if (name == "json") return std::make_unique<JsonFormat>();
  if (name == "jsonl") return std::make_unique<JsonLinesFormat>();
  if (name == "conll") return MakeConllFormat();
  if (name == "html") return MakeHtmlFormat();
  return nullptr;
}

}  // namespace kashif::cli
