#include <string>
#include <string_view>

#include "cli_util.h"
#include "view_formats.h"

namespace kashif::cli {
namespace {

// The colours follow displaCy's, so the page looks familiar to spaCy users.
constexpr char kHead[] = R"(<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kashif">
<title>kashif</title>
<style>
body { font-family: "Noto Naskh Arabic", "Amiri", "Noto Sans Arabic", "DejaVu Sans", sans-serif;
       margin: 2em auto; max-width: 60em; padding: 0 1em; color: #222; background: #fff; }
header { font-size: 0.9em; margin-bottom: 1.5em; display: flex; gap: 0.6em; flex-wrap: wrap; }
header .key { padding: 0.1em 0.6em; border-radius: 0.35em; }
header .count { font-weight: bold; margin-inline-start: 0.3em; }
article { direction: rtl; unicode-bidi: plaintext; text-align: right; white-space: pre-wrap;
          line-height: 2.5; font-size: 1.25em; border-top: 1px solid #ddd; padding: 1em 0; }
article h2 { font-size: 0.7em; color: #777; margin: 0; direction: ltr; text-align: left;
             white-space: normal; font-family: monospace; }
article .error { color: #b00; direction: ltr; text-align: left; font-size: 0.8em; }
mark.entity { position: relative; padding: 0.25em 0.4em; margin: 0 0.15em; border-radius: 0.35em;
              line-height: 1; box-decoration-break: clone; -webkit-box-decoration-break: clone;
              color: inherit; cursor: help; }
mark.entity .label { font-size: 0.55em; font-weight: bold; font-family: sans-serif;
                     text-transform: uppercase; vertical-align: middle;
                     margin-inline-start: 0.5em; direction: ltr; unicode-bidi: isolate; }
mark.entity:hover { outline: 2px solid #444; }
.PER { background: #aa9cfc; }
.ORG { background: #7aecec; }
.LOC { background: #ff9561; }
.MONEY { background: #e4e7d2; }
.DATE { background: #bfe1d9; }
.PERCENT { background: #e4e7d2; }
.TIME { background: #bfe1d9; }
</style>
</head>
<body>
<header><span class="key PER">PER</span><span class="key ORG">ORG</span><span class="key LOC">LOC</span><span class="key MONEY">MONEY</span><span class="key DATE">DATE</span><span class="key PERCENT">PERCENT</span><span class="key TIME">TIME</span></header>
)";

// Counts the highlighted entities per type and shows the counts in the legend.
constexpr char kTail[] = R"(<script>
for (const key of document.querySelectorAll("header .key")) {
  const type = key.textContent;
  const n = document.querySelectorAll("mark.entity." + type).length;
  const count = document.createElement("span");
  count.className = "count";
  count.textContent = String(n);
  key.appendChild(count);
  key.dataset.count = String(n);
}
document.body.dataset.entities = String(document.querySelectorAll("mark.entity").length);
</script>
</body>
</html>
)";

// Escapes text for HTML content and attribute values; invalid UTF-8 becomes U+FFFD.
void AppendHtml(std::string_view text, std::string* out) {
  // Bytes HTML needs written otherwise: markup characters and control characters other than
  // line breaks and tabs.
  auto special = [](unsigned char c) {
    return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' ||
           (c < 0x20 && c != '\n' && c != '\t');
  };
  for (size_t i = 0; i < text.size();) {
    size_t end = i;
    while (end < text.size() && !special(static_cast<unsigned char>(text[end]))) ++end;
    if (end > i) {
      AppendReplacingInvalidUtf8(text.substr(i, end - i), "\xEF\xBF\xBD", out);
      i = end;
      continue;
    }
    switch (text[i]) {
      case '&': out->append("&amp;"); break;
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '"': out->append("&quot;"); break;
      case '\'': out->append("&#39;"); break;
      case '\r': break;  // \r\n shows as one line break
      default: out->append("\xEF\xBF\xBD");  // a control character
    }
    ++i;
  }
}

// What the hover shows (the title tooltip; data-value keeps the same text for scripts): the
// canonical form, and the value for money, dates, percentages and times.
std::string HoverText(const Entity& e) {
  std::string hover = EntityTypeLabel(e);
  hover += ": ";
  hover += e.canonical;
  if (e.money) {
    hover += "\namount: " + (e.money->amount.empty() ? std::string("?") : e.money->amount);
    if (!e.money->upper_amount.empty()) hover += " to " + e.money->upper_amount;
    if (!e.money->currency.empty()) hover += " " + e.money->currency;
  }
  if (e.date) {
    hover += "\ntimex: " + e.date->timex;
    if (e.date->calendar == Calendar::kHijri) hover += " (hijri)";
    if (!e.date->resolved.empty()) hover += "\nresolved: " + e.date->resolved;
  }
  if (e.percent) {
    hover += "\npercent: " + e.percent->value;
    if (!e.percent->upper_value.empty()) hover += " to " + e.percent->upper_value;
  }
  if (e.time) {
    hover += "\ntimex: " + e.time->timex;
    if (!e.time->zone.empty()) hover += "\nzone: " + e.time->zone;
  }
  return hover;
}

class HtmlFormat : public OutputFormat {
 public:
  void Begin(std::string* out) override { out->append(kHead); }

  void Write(const DocumentChunk& chunk, std::string* out) override {
    if (chunk.first) {
      // No line break inside <article>: its text is white-space: pre-wrap.
      out->append("<article><h2>");
      AppendHtml(chunk.id_json, out);
      out->append("</h2>");
    }
    if (!chunk.error.empty()) {
      out->append("<p class=\"error\">");
      AppendHtml(chunk.error, out);
      out->append("</p>");
    }
    const std::string_view text = chunk.text;
    size_t pos = 0;
    for (const Entity& e : chunk.entities) {
      if (e.begin < pos || e.end > text.size()) continue;  // entities never overlap; be safe
      AppendHtml(text.substr(pos, e.begin - pos), out);
      const char* label = EntityTypeLabel(e);
      out->append("<mark class=\"entity ");
      out->append(label);
      out->append("\" data-type=\"");
      out->append(label);
      out->append("\" data-start=\"");
      out->append(std::to_string(chunk.base_offset + e.begin));
      out->append("\" data-end=\"");
      out->append(std::to_string(chunk.base_offset + e.end));
      out->append("\" data-canonical=\"");
      AppendHtml(e.canonical, out);
      out->append("\" data-value=\"");
      const std::string hover = HoverText(e);
      AppendHtml(hover, out);
      out->append("\" title=\"");
      AppendHtml(hover, out);
      out->append("\"><span class=\"text\">");
      AppendHtml(e.text(text), out);
      out->append("</span><span class=\"label\">");
      out->append(label);
      out->append("</span></mark>");
      pos = e.end;
    }
    AppendHtml(text.substr(pos), out);
    if (chunk.last) out->append("</article>\n");
  }

  void End(std::string* out) override { out->append(kTail); }
};

}  // namespace

std::unique_ptr<OutputFormat> MakeHtmlFormat() { return std::make_unique<HtmlFormat>(); }

}  // namespace kashif::cli
