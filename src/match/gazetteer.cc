#include "match/gazetteer.h"

#include "kashif/tokenizer.h"

namespace kashif::internal {

uint32_t Gazetteer::Child(uint32_t node, uint32_t word) const {
  if (node == 0) return word < root_children_.size() ? root_children_[word] : 0;
  auto it = edges_.find((uint64_t{node} << 32) | word);
  return it == edges_.end() ? 0 : it->second;
}

bool Gazetteer::Add(std::string_view name, EntityType type, std::string_view canonical,
                    int32_t priority) {
  // Scratch kept between calls: thousands of names are added at creation, each a few words.
  std::vector<Token>& tokens = add_tokens_;
  tokens.clear();
  Tokenizer().Tokenize(name, &tokens);
  uint32_t node = 0;
  std::string& key = add_key_;
  size_t words = 0;
  for (const Token& token : tokens) {
    key.clear();
    analyzer_->AppendMatchForm(token.text(name), &key);
    if (key.empty()) continue;  // a lone mark or format character
    if (words == 0) first_words_.Add(key);
    ++words;
    const uint32_t word = words_.Insert(key);
    const uint32_t next_node = static_cast<uint32_t>(node_payload_.size());
    if (node == 0) {
      if (root_children_.size() <= word) root_children_.resize(word + 1, 0);
      uint32_t& child = root_children_[word];
      if (child == 0) {
        child = next_node;
        node_payload_.push_back(kNoPayload);
      }
      node = child;
    } else {
      auto [edge_it, inserted_edge] = edges_.try_emplace((uint64_t{node} << 32) | word, next_node);
      if (inserted_edge) node_payload_.push_back(kNoPayload);
      node = edge_it->second;
    }
  }
  if (words == 0) return false;
  uint32_t& slot = node_payload_[node];
  if (slot != kNoPayload && payloads_[slot].priority >= priority) return true;
  canonicals_.emplace_back(canonical.empty() ? name : canonical);
  const Payload payload{type, priority, static_cast<uint32_t>(canonicals_.size() - 1)};
  if (slot == kNoPayload) {
    slot = static_cast<uint32_t>(payloads_.size());
    payloads_.push_back(payload);
    ++entry_count_;
  } else {
    payloads_[slot] = payload;
  }
  return true;
}

const Gazetteer::Payload* Gazetteer::Find(std::string_view name) const {
  std::vector<Token> tokens;
  Tokenizer().Tokenize(name, &tokens);
  uint32_t node = 0;
  std::string key;
  for (const Token& token : tokens) {
    key.clear();
    analyzer_->AppendMatchForm(token.text(name), &key);
    if (key.empty()) continue;
    const uint32_t word = words_.Find(key);
    if (word == 0) return nullptr;
    node = Child(node, word);
    if (node == 0) return nullptr;
  }
  if (node == 0 || node_payload_[node] == kNoPayload) return nullptr;
  return &payloads_[node_payload_[node]];
}

bool Gazetteer::LongestMatch(const Document& doc, size_t start, Match* match) const {
  const TokenAnalysis& first = doc.analyses[start];
  bool found = false;
  const size_t n = doc.tokens.size();
  for (uint8_t r = 0; r < first.reading_count; ++r) {
    // The analyzer hashed every reading; the word table uses that hash. (Propose tested the
    // first-word filter already: a second test cost about as much as the probe it saves.)
    const TokenReading& reading = first.readings[r];
    const uint32_t word = words_.Find(doc.Slice(reading.key), reading.hash);
    if (word == 0) continue;
    uint32_t node = Child(0, word);
    size_t next = start + 1;
    while (node != 0) {
      if (node_payload_[node] != kNoPayload &&
          (!found || next > match->end_token)) {  // longer wins; equal keeps the earlier reading
        found = true;
        match->end_token = static_cast<uint32_t>(next);
        match->reading = r;
        match->payload = &payloads_[node_payload_[node]];
      }
      if (next >= n) break;
      const TokenReading& whole = doc.analyses[next].readings[0];
      const uint32_t w = words_.Find(doc.Slice(whole.key), whole.hash);
      if (w == 0) break;
      node = Child(node, w);
      ++next;
    }
  }
  return found;
}

void GazetteerMatcher::Propose(const Document& doc, const Options& options,
                               std::vector<Candidate>* out) const {
  const size_t n = doc.tokens.size();
  // Read through local pointers: the loop calls out of line, after which members would be
  // loaded again for every token.
  const Token* const tokens = doc.tokens.data();
  const TokenAnalysis* const analyses = doc.analyses.data();
  const Gazetteer& gazetteer = *gazetteer_;
  Gazetteer::Match m;
  for (size_t i = 0; i < n; ++i) {
    const TokenKind kind = tokens[i].kind;
    if (kind != TokenKind::kArabicWord && kind != TokenKind::kLatinWord) continue;
    if (!gazetteer.MayStart(analyses[i]) || !gazetteer.LongestMatch(doc, i, &m)) continue;
    Candidate c;
    c.type = m.payload->type;
    c.first_token = static_cast<uint32_t>(i);
    c.end_token = m.end_token;
    c.begin = doc.tokens[i].begin + doc.analyses[i].readings[m.reading].skip_bytes;
    c.end = doc.tokens[m.end_token - 1].end;
    c.priority = m.payload->priority;
    c.canonical = gazetteer_->canonical(*m.payload);
    out->push_back(std::move(c));
  }
}

}  // namespace kashif::internal
