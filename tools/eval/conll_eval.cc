#include "conll_eval.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

namespace kashif::eval {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::vector<std::string_view> SplitFields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && IsSpace(line[i])) ++i;
    size_t start = i;
    while (i < line.size() && !IsSpace(line[i])) ++i;
    if (i > start) fields.push_back(line.substr(start, i - start));
  }
  return fields;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

const std::vector<EntityType>& AllTypes() {
  static const std::vector<EntityType> kAll = {EntityType::kPerson, EntityType::kOrganization,
                                               EntityType::kPlace, EntityType::kMoney,
                                               EntityType::kDate};
  return kAll;
}

// Builds entities for one sentence from per-token tag lists. Nested layers: for each type the
// open entities are kept outermost first; a token's I-X tags continue that many of them (the
// outermost), the rest close, and its B-X tags open new ones.
class SentenceSpanBuilder {
 public:
  explicit SentenceSpanBuilder(std::vector<TokenSpan>* out) : out_(out) {}

  void AddToken(uint32_t token, const std::array<int, kEntityTypeCount>& begins,
                const std::array<int, kEntityTypeCount>& insides) {
    for (int t = 0; t < kEntityTypeCount; ++t) {
      std::vector<uint32_t>& open = open_[t];
      size_t keep = std::min<size_t>(open.size(), static_cast<size_t>(insides[t]));
      for (size_t k = keep; k < open.size(); ++k) Emit(t, open[k], token);
      open.resize(keep);
      // An I-X with nothing to continue starts an entity (IOB1 and sloppy IOB2).
      int starts = begins[t] + (insides[t] - static_cast<int>(keep));
      for (int k = 0; k < starts; ++k) open.push_back(token);
    }
  }

  void Finish(uint32_t end_token) {
    for (int t = 0; t < kEntityTypeCount; ++t) {
      for (uint32_t first : open_[t]) Emit(t, first, end_token);
      open_[t].clear();
    }
  }

 private:
  void Emit(int type, uint32_t first, uint32_t end) {
    out_->push_back(TokenSpan{static_cast<EntityType>(type), first, end});
  }

  std::vector<TokenSpan>* out_;
  std::array<std::vector<uint32_t>, kEntityTypeCount> open_;
};

std::string Percent(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%5.1f", value * 100.0);
  return buffer;
}

std::string JoinTokens(const ConllCorpus& corpus, uint32_t first, uint32_t end) {
  std::string out;
  for (uint32_t i = first; i < end && i < corpus.tokens.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += corpus.tokens[i];
  }
  return out;
}

}  // namespace

bool MapCorpusTag(std::string_view tag, EntityType* type) {
  const std::string upper = Upper(tag);
  if (upper == "PER" || upper == "PERS") {
    *type = EntityType::kPerson;
  } else if (upper == "LOC" || upper == "GPE") {
    *type = EntityType::kPlace;
  } else if (upper == "ORG") {
    *type = EntityType::kOrganization;
  } else if (upper == "MONEY") {
    *type = EntityType::kMoney;
  } else if (upper == "DATE") {
    *type = EntityType::kDate;
  } else {
    return false;
  }
  return true;
}

StatusOr<ConllCorpus> ParseConll(std::string_view content, std::string_view source_name) {
  ConllCorpus corpus;
  SentenceSpanBuilder builder(&corpus.gold);
  bool in_sentence = false;
  bool document_pending = true;
  auto end_sentence = [&]() {
    if (!in_sentence) return;
    builder.Finish(static_cast<uint32_t>(corpus.tokens.size()));
    in_sentence = false;
  };

  size_t line_number = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t newline = content.find('\n', pos);
    if (newline == std::string_view::npos) newline = content.size();
    std::string_view line = content.substr(pos, newline - pos);
    pos = newline + 1;
    ++line_number;
    std::vector<std::string_view> fields = SplitFields(line);
    if (fields.empty()) {
      end_sentence();
      continue;
    }
    if (fields[0] == "-DOCSTART-") {
      end_sentence();
      document_pending = true;
      continue;
    }
    std::array<int, kEntityTypeCount> begins{};
    std::array<int, kEntityTypeCount> insides{};
    for (size_t f = 1; f < fields.size(); ++f) {
      std::string_view tag = fields[f];
      if (tag == "O") continue;
      if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') {
        return Status(StatusCode::kInvalidArgument,
                      std::string(source_name) + ":" + std::to_string(line_number) + ": tag '" +
                          std::string(tag) + "' is not O, B-X or I-X");
      }
      EntityType type;
      if (!MapCorpusTag(tag.substr(2), &type)) continue;
      (tag[0] == 'B' ? begins : insides)[static_cast<int>(type)]++;
    }
    uint32_t index = static_cast<uint32_t>(corpus.tokens.size());
    if (!in_sentence) {
      if (document_pending) {
        corpus.document_starts.push_back(static_cast<uint32_t>(corpus.sentence_starts.size()));
        document_pending = false;
      }
      corpus.sentence_starts.push_back(index);
      in_sentence = true;
    }
    corpus.tokens.emplace_back(fields[0]);
    builder.AddToken(index, begins, insides);
  }
  end_sentence();
  std::sort(corpus.gold.begin(), corpus.gold.end());
  corpus.gold.erase(std::unique(corpus.gold.begin(), corpus.gold.end()), corpus.gold.end());
  return corpus;
}

StatusOr<ConllCorpus> LoadConllFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kNotFound, path + ": cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status(StatusCode::kIoError, path + ": read error");
  return ParseConll(buffer.str(), path);
}

std::vector<EvalDocument> BuildDocuments(const ConllCorpus& corpus,
                                         int max_sentences_per_document) {
  std::vector<EvalDocument> documents;
  const uint32_t sentence_count = static_cast<uint32_t>(corpus.sentence_starts.size());
  size_t next_doc = 0;
  int sentences_in_doc = 0;
  for (uint32_t s = 0; s < sentence_count; ++s) {
    bool new_doc = documents.empty();
    if (next_doc < corpus.document_starts.size() && corpus.document_starts[next_doc] == s) {
      new_doc = true;
      ++next_doc;
    }
    if (max_sentences_per_document > 0 && sentences_in_doc >= max_sentences_per_document) {
      new_doc = true;
    }
    uint32_t first = corpus.sentence_starts[s];
    uint32_t end = s + 1 < sentence_count ? corpus.sentence_starts[s + 1]
                                          : static_cast<uint32_t>(corpus.tokens.size());
    if (new_doc) {
      documents.emplace_back();
      documents.back().first_token = first;
      sentences_in_doc = 0;
    }
    EvalDocument& doc = documents.back();
    if (!doc.text.empty()) doc.text += '\n';
    for (uint32_t t = first; t < end; ++t) {
      if (t > first) doc.text += ' ';
      uint32_t begin = static_cast<uint32_t>(doc.text.size());
      doc.text += corpus.tokens[t];
      doc.token_bytes.emplace_back(begin, static_cast<uint32_t>(doc.text.size()));
    }
    ++sentences_in_doc;
  }
  return documents;
}

std::vector<TokenSpan> ProjectEntities(const EvalDocument& document,
                                       const std::vector<Entity>& entities,
                                       const std::vector<EntityType>& types) {
  std::vector<TokenSpan> spans;
  const auto& bytes = document.token_bytes;
  for (const Entity& entity : entities) {
    if (!types.empty() && std::find(types.begin(), types.end(), entity.type) == types.end()) {
      continue;
    }
    // First token ending after the entity begins, up to the last token starting before it ends.
    auto first = std::partition_point(bytes.begin(), bytes.end(),
                                      [&](const auto& b) { return b.second <= entity.begin; });
    auto last = std::partition_point(first, bytes.end(),
                                     [&](const auto& b) { return b.first < entity.end; });
    if (first == last) continue;
    spans.push_back(TokenSpan{entity.type,
                              document.first_token + static_cast<uint32_t>(first - bytes.begin()),
                              document.first_token + static_cast<uint32_t>(last - bytes.begin())});
  }
  return spans;
}

double TypeCounts::Precision() const {
  int found = true_positives + false_positives;
  return found == 0 ? 0.0 : static_cast<double>(true_positives) / found;
}

double TypeCounts::Recall() const {
  int gold = true_positives + false_negatives;
  return gold == 0 ? 0.0 : static_cast<double>(true_positives) / gold;
}

double TypeCounts::F1() const {
  double p = Precision(), r = Recall();
  return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
}

void Score(const std::vector<TokenSpan>& gold, const std::vector<TokenSpan>& predicted,
           const std::vector<EntityType>& types, EvalReport* report) {
  const std::vector<EntityType>& scored = types.empty() ? AllTypes() : types;
  report->types = scored;
  auto wanted = [&](EntityType type) {
    return std::find(scored.begin(), scored.end(), type) != scored.end();
  };
  std::set<TokenSpan> gold_set;
  for (const TokenSpan& span : gold) {
    if (wanted(span.type)) gold_set.insert(span);
  }
  std::set<TokenSpan> found;
  std::vector<TokenSpan> matched;
  for (const TokenSpan& span : predicted) {
    if (!wanted(span.type) || !found.insert(span).second) continue;
    TypeCounts& counts = report->by_type[static_cast<int>(span.type)];
    if (gold_set.count(span) != 0) {
      ++counts.true_positives;
      ++report->micro.true_positives;
      matched.push_back(span);
    } else {
      ++counts.false_positives;
      ++report->micro.false_positives;
      report->false_alarms.push_back(span);
    }
  }
  std::sort(matched.begin(), matched.end());
  for (const TokenSpan& span : gold_set) {
    if (found.count(span) != 0) continue;
    // A nested alternative of a span the system got right is not a miss.
    bool shadowed = std::any_of(matched.begin(), matched.end(), [&](const TokenSpan& m) {
      return m.first_token < span.end_token && span.first_token < m.end_token;
    });
    if (shadowed) continue;
    ++report->by_type[static_cast<int>(span.type)].false_negatives;
    ++report->micro.false_negatives;
    report->misses.push_back(span);
  }
}

EvalReport Evaluate(const ConllCorpus& corpus, const ExtractFn& extract,
                    const std::vector<EntityType>& types, int max_sentences_per_document) {
  std::vector<TokenSpan> predicted;
  for (const EvalDocument& doc : BuildDocuments(corpus, max_sentences_per_document)) {
    std::vector<TokenSpan> spans = ProjectEntities(doc, extract(doc.text), types);
    predicted.insert(predicted.end(), spans.begin(), spans.end());
  }
  EvalReport report;
  Score(corpus.gold, predicted, types, &report);
  return report;
}

void AddCounts(const EvalReport& from, EvalReport* total) {
  auto add = [](const TypeCounts& a, TypeCounts* b) {
    b->true_positives += a.true_positives;
    b->false_positives += a.false_positives;
    b->false_negatives += a.false_negatives;
  };
  for (int t = 0; t < kEntityTypeCount; ++t) add(from.by_type[t], &total->by_type[t]);
  add(from.micro, &total->micro);
  total->types = from.types;
}

std::string FormatReport(const EvalReport& report) {
  std::string out = "type      gold  found   tp      P      R     F1\n";
  auto row = [&](const std::string& name, const TypeCounts& c) {
    char buffer[160];
    std::snprintf(buffer, sizeof(buffer), "%-7s %6d %6d %5d  %s  %s  %s\n", name.c_str(),
                  c.true_positives + c.false_negatives, c.true_positives + c.false_positives,
                  c.true_positives, Percent(c.Precision()).c_str(), Percent(c.Recall()).c_str(),
                  Percent(c.F1()).c_str());
    out += buffer;
  };
  for (EntityType type : report.types) {
    row(EntityTypeLabel(type), report.by_type[static_cast<int>(type)]);
  }
  row("micro", report.micro);
  return out;
}

std::string FormatErrors(const ConllCorpus& corpus, const EvalReport& report) {
  std::vector<std::pair<TokenSpan, std::string>> lines;
  auto context = [&](const TokenSpan& span) {
    uint32_t from = span.first_token >= 4 ? span.first_token - 4 : 0;
    uint32_t to =
        std::min<uint32_t>(span.end_token + 4, static_cast<uint32_t>(corpus.tokens.size()));
    return JoinTokens(corpus, from, span.first_token) + " [" +
           JoinTokens(corpus, span.first_token, span.end_token) + "] " +
           JoinTokens(corpus, span.end_token, to);
  };
  std::set<std::pair<uint32_t, uint32_t>> confused;
  for (const TokenSpan& fa : report.false_alarms) {
    for (const TokenSpan& miss : report.misses) {
      if (miss.first_token == fa.first_token && miss.end_token == fa.end_token) {
        confused.insert({fa.first_token, fa.end_token});
        lines.push_back({fa, std::string("TYPE ") + EntityTypeLabel(miss.type) + "->" +
                                 EntityTypeLabel(fa.type) + " " +
                                 JoinTokens(corpus, fa.first_token, fa.end_token) + " | " +
                                 context(fa)});
      }
    }
  }
  for (const TokenSpan& miss : report.misses) {
    if (confused.count({miss.first_token, miss.end_token})) continue;
    lines.push_back({miss, std::string("MISS ") + EntityTypeLabel(miss.type) + " " +
                               JoinTokens(corpus, miss.first_token, miss.end_token) + " | " +
                               context(miss)});
  }
  for (const TokenSpan& fa : report.false_alarms) {
    if (confused.count({fa.first_token, fa.end_token})) continue;
    lines.push_back({fa, std::string("FALSE ") + EntityTypeLabel(fa.type) + " " +
                             JoinTokens(corpus, fa.first_token, fa.end_token) + " | " +
                             context(fa)});
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out;
  for (const auto& line : lines) out += line.second + "\n";
  return out;
}

}  // namespace kashif::eval
