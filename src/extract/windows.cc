#include "extract/windows.h"

#include <algorithm>
#include <atomic>

namespace kashif::internal {
namespace {

// Bytes tokenized at a time while a window fills.
constexpr size_t kPieceBytes = 16 << 10;
// The tokenizer looks at most this many bytes past a token's end (a separator and a digit, a
// format character and a letter: two characters) to decide where the token ends.
constexpr size_t kTokenizerLookahead = 8;

std::atomic<size_t> g_window_tokens{kWindowTokens};
std::atomic<size_t> g_margin_tokens{kMarginTokens};

bool IsSentenceEnd(std::string_view token) {
  return token == "." || token == "!" || token == "?" || token == "\xD8\x9F" /* ؟ */ ||
         token == "\xE2\x80\xA6" /* … */;
}

// The token where a window's core ends: `target`, or, within `reach` tokens before it, the
// first token of a line, else the token after a sentence end.
size_t CoreEnd(std::string_view text, const std::vector<Token>& tokens, size_t target,
               size_t reach) {
  const size_t lowest = target > reach ? target - reach : 1;
  for (size_t i = target; i >= lowest && i > 0; --i) {
    const std::string_view gap = text.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end);
    if (gap.find('\n') != std::string_view::npos) return i;
  }
  for (size_t i = target; i >= lowest && i > 0; --i) {
    if (IsSentenceEnd(tokens[i - 1].text(text))) return i;
  }
  return target;
}

}  // namespace

WindowLimits CurrentWindowLimits() {
  return WindowLimits{g_window_tokens.load(std::memory_order_relaxed),
                      g_margin_tokens.load(std::memory_order_relaxed)};
}

void SetWindowLimitsForTesting(size_t window, size_t margin) {
  if (window == 0) {
    window = kWindowTokens;
    margin = kMarginTokens;
  }
  g_window_tokens.store(std::max(window, 4 * margin + 4), std::memory_order_relaxed);
  g_margin_tokens.store(margin, std::memory_order_relaxed);
}

size_t TokenizeWindow(const Tokenizer& tokenizer, std::string_view text, size_t begin,
                      size_t base, size_t max_tokens, bool first_glued,
                      std::vector<Token>* tokens) {
  size_t pos = begin;
  bool glued = first_glued;
  size_t piece = kPieceBytes;
  while (pos < text.size() && tokens->size() < max_tokens) {
    size_t end = std::min(text.size(), pos + piece);
    while (end < text.size() && end > pos &&
           (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;  // on a character boundary
    }
    const size_t first = tokens->size();
    tokenizer.Tokenize(text.substr(pos, end - pos), tokens);
    size_t kept = tokens->size();
    if (end < text.size()) {
      while (kept > first && (*tokens)[kept - 1].end + kTokenizerLookahead > end - pos) --kept;
      // The next piece starts where the tokenizer saw a token begin, never inside a gap (where
      // whether white space came before would be unknown).
      if (kept == tokens->size() && kept > first) --kept;
      if (kept == first) {  // one token longer than the piece: a longer piece
        tokens->resize(first);
        piece *= 2;
        continue;
      }
    }
    const size_t next = kept < tokens->size() ? pos + (*tokens)[kept].begin : text.size();
    const bool next_glued = kept < tokens->size() && (*tokens)[kept].glued_to_previous;
    tokens->resize(kept);
    if (kept > first) (*tokens)[first].glued_to_previous = glued;
    if (pos != base) {
      const auto shift = static_cast<uint32_t>(pos - base);
      for (size_t i = first; i < kept; ++i) {
        (*tokens)[i].begin += shift;
        (*tokens)[i].end += shift;
      }
    }
    pos = next;
    glued = next_glued;
    piece = kPieceBytes;
  }
  return pos;
}

void ExtractInWindows(std::string_view text, const Tokenizer& tokenizer, Document* doc,
                      const std::function<void(Document*, std::vector<Entity>*)>& run,
                      std::vector<Entity>* part, std::vector<Entity>* entities) {
  const WindowLimits limits = CurrentWindowLimits();
  size_t context_begin = 0, core_begin = 0;
  bool glued = false;
  const std::optional<CivilDate> reference_date = doc->reference_date;
  while (true) {
    doc->Clear();
    doc->reference_date = reference_date;
    const size_t context_end = TokenizeWindow(tokenizer, text, context_begin, context_begin,
                                              limits.window_tokens, glued, &doc->tokens);
    doc->text = text.substr(context_begin, context_end - context_begin);
    const bool last = context_end >= text.size();
    if (last && core_begin == 0) {  // the text fits one window: processed whole
      run(doc, entities);
      return;
    }
    size_t core_end = text.size();
    size_t next_first = 0;  // the next window's first token
    if (!last) {
      const size_t n = doc->tokens.size();
      const size_t cut = CoreEnd(doc->text, doc->tokens, n - limits.margin_tokens,
                                 limits.margin_tokens);
      core_end = context_begin + doc->tokens[cut].begin;
      next_first = cut - limits.margin_tokens;
    }
    part->clear();
    run(doc, part);
    for (Entity& e : *part) {
      e.begin += context_begin;
      e.end += context_begin;
      if (e.begin >= core_begin && e.begin < core_end) entities->push_back(std::move(e));
    }
    if (last) return;
    glued = doc->tokens[next_first].glued_to_previous;
    context_begin += doc->tokens[next_first].begin;
    core_begin = core_end;
  }
}

namespace {

bool HasLineBreak(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= '\n' && c <= '\r') return true;  // \n \v \f \r
    if (c == 0xC2 && i + 1 < s.size() && s[i + 1] == '\x85') return true;
    if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' &&
        (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
      return true;
    }
  }
  return false;
}

}  // namespace

LineBreaks::LineBreaks(const Document& doc) {
  const Token* const tokens = doc.tokens.data();
  const size_t n = doc.tokens.size();
  const char* const text = doc.text.data();
  // Whether the gap before token i holds a line break. Most gaps are one space: no line
  // break, without a look at the bytes.
  auto break_before = [&](size_t i) {
    const uint32_t gap = tokens[i].begin - tokens[i - 1].end;
    return gap != 0 && !(gap == 1 && text[tokens[i - 1].end] == ' ') &&
           HasLineBreak(doc.text.substr(tokens[i - 1].end, gap));
  };
  // The first break, in a loop that stores nothing (most documents have none).
  size_t i = 1;
  while (i < n && !break_before(i)) ++i;
  if (i >= n) return;
  line_.assign(n, 0);  // lines matter
  uint32_t line = 0;
  for (; i < n; ++i) {
    if (break_before(i)) ++line;
    line_[i] = line;
  }
}

void LineBreaks::Drop(std::vector<Candidate>* candidates) const {
  if (line_.empty()) return;
  auto crosses = [&](const Candidate& c) {
    return c.end_token > c.first_token + 1 && c.end_token <= line_.size() &&
           line_[c.first_token] != line_[c.end_token - 1];
  };
  // Moving candidates (their strings) costs more than the test: only when one must go.
  if (std::none_of(candidates->begin(), candidates->end(), crosses)) return;
  candidates->erase(std::remove_if(candidates->begin(), candidates->end(), crosses),
                    candidates->end());
}

}  // namespace kashif::internal
