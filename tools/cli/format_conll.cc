#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "kashif/tokenizer.h"
#include "cli_util.h"
#include "view_formats.h"

namespace kashif::cli {
namespace {

bool EndsSentence(std::string_view token) {
  return token == "." || token == "!" || token == "?" || token == "\xD8\x9F" /* ؟ */ ||
         token == "..." || token == "\xE2\x80\xA6" /* … */;
}

class ConllFormat : public OutputFormat {
 public:
  void Write(const DocumentChunk& chunk, std::string* out) override {
    if (chunk.first) {
      if (documents_++ > 0) {
        EndSentence(out);
        out->append("-DOCSTART- O\n\n");
      }
      in_sentence_ = false;
    }
    // A failed document (reported on standard error by the caller) keeps its -DOCSTART-, so
    // the n-th document of the output is still the n-th input.
    if (!chunk.error.empty()) return;
    const std::string_view text = chunk.text;
    tokens_.clear();
    tokenizer_.Tokenize(text, &tokens_);
    size_t entity = 0;  // first entity that does not end before the current position
    size_t previous_end = 0;
    for (const Token& token : tokens_) {
      // A line break between tokens (an empty line in particular) ends the sentence.
      if (in_sentence_ &&
          text.substr(previous_end, token.begin - previous_end).find('\n') !=
              std::string_view::npos) {
        EndSentence(out);
      }
      previous_end = token.end;
      // Cut the token at entity boundaries inside it.
      size_t pos = token.begin;
      while (pos < token.end) {
        while (entity < chunk.entities.size() && chunk.entities[entity].end <= pos) ++entity;
        size_t piece_end = token.end;
        const char* prefix = "O";
        const Entity* inside = nullptr;
        if (entity < chunk.entities.size()) {
          const Entity& e = chunk.entities[entity];
          if (e.begin <= pos) {
            inside = &e;
            piece_end = std::min<size_t>(token.end, e.end);
            prefix = e.begin == pos ? "B-" : "I-";
          } else if (e.begin < token.end) {
            piece_end = e.begin;
          }
        }
        // Invalid bytes as U+FFFD, so the file stays UTF-8.
        AppendReplacingInvalidUtf8(text.substr(pos, piece_end - pos), "\xEF\xBF\xBD", out);
        out->push_back(' ');
        out->append(prefix);
        if (inside != nullptr) out->append(EntityTypeLabel(*inside));
        out->push_back('\n');
        in_sentence_ = true;
        pos = piece_end;
      }
      if (EndsSentence(token.text(text))) EndSentence(out);
    }
    // Text files come in chunks cut after a newline: that newline ends the sentence too.
    if (text.substr(previous_end).find('\n') != std::string_view::npos) EndSentence(out);
  }

  void End(std::string* out) override { EndSentence(out); }

 private:
  void EndSentence(std::string* out) {
    if (in_sentence_) out->push_back('\n');
    in_sentence_ = false;
  }

  const Tokenizer tokenizer_;
  std::vector<Token> tokens_;
  size_t documents_ = 0;
  bool in_sentence_ = false;
};

}  // namespace

std::unique_ptr<OutputFormat> MakeConllFormat() { return std::make_unique<ConllFormat>(); }

}  // namespace kashif::cli
