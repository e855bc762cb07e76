#include "match/money/money_matcher.h"

#include <unicode/ucurr.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "kashif/tokenizer.h"
#include "number/decimal.h"
#include "number/number_parser.h"
#include "number/number_range.h"
#include "data/embedded_data.h"
#include "core/lexicon_ids.h"
#include "text/lines.h"
#include "text/strings.h"

KASHIF_DECLARE_EMBEDDED(currencies);
KASHIF_DECLARE_EMBEDDED(currency_subunits);

namespace kashif::internal {

namespace {

enum class CurrencyKind : uint8_t { kName, kDual, kSub };

// The article and the conjunction in match form; the money grammar owns these two affixes.
constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال
constexpr std::string_view kWaw = "\xD9\x88";              // و

// The masculine singular stem of a qualifying adjective in match form: "الأمريكية" →
// "امريكي", "سعودياً" → "سعودي", "مغربيان" → "مغربي". These adjective endings are a closed set.
std::string QualifierStem(std::string_view form) {
  if (StartsWith(form, kArticle) && form.size() > kArticle.size() + 4) {
    form.remove_prefix(kArticle.size());
  }
  static constexpr std::string_view kYa = "\xD9\x8A";  // ي
  static constexpr std::string_view kEndings[] = {
      "\xD9\x8A\xD9\x86",  // ين
      "\xD9\x88\xD9\x86",  // ون
      "\xD8\xA7\xD9\x86",  // ان
      "\xD9\x87",          // ه (folded ة)
      "\xD8\xA7",          // ا (accusative)
  };
  for (std::string_view ending : kEndings) {
    if (EndsWith(form, ending) && form.size() > ending.size() + kYa.size()) {
      std::string_view rest = form.substr(0, form.size() - ending.size());
      if (EndsWith(rest, kYa)) {
        form = rest;
        break;
      }
    }
  }
  return std::string(form);
}

// Decimal places of an ISO 4217 currency (ICU), e.g. USD 2, KWD 3, JPY 0.
int FractionDigits(const std::string& code) {
  if (code.size() != 3) return 2;
  UChar iso[4] = {static_cast<UChar>(code[0]), static_cast<UChar>(code[1]),
                  static_cast<UChar>(code[2]), 0};
  UErrorCode status = U_ZERO_ERROR;
  int32_t digits = ucurr_getDefaultFractionDigits(iso, &status);
  return U_SUCCESS(status) ? digits : 2;
}

}  // namespace

struct MoneyMatcher::Lexicon {
  struct Entry {
    std::vector<std::string> forms;  // per token: match form (words) or text (symbols)
    std::string code;                // empty: no single currency
    CurrencyKind kind = CurrencyKind::kName;
    bool dual = false;
    bool glued = false;  // an abbreviation or symbol: its tokens are written without spaces
    int sub_digits = 2;  // kSub: places when the main currency is unknown
    std::string lemma;   // match form of the lemma its qualifiers attach to
  };
  std::vector<Entry> entries;
  absl::flat_hash_map<std::string, std::vector<size_t>> by_first;  // longest first
  // (lemma, qualifier stem) → code, from two-word names: "دينار كويتي" → KWD.
  std::map<std::pair<std::string, std::string>, std::string> qualified;
  std::unordered_map<std::string, int> digits;  // code → decimal places
  // (main code, subunit match form) → subunits per unit, from data/currency_subunits.tsv: a
  // subunit whose worth depends on the currency before it ("درهم" of QAR, "فلس" of AED).
  std::map<std::pair<std::string, std::string>, int64_t> country_subunits;
  // The first forms shorter than two Arabic letters ("ر" of "ر.س", "$"), with the article.
  // The analyzer looks a reading up without its article only when two letters follow it, so
  // these go into the vocabulary whole ("الر") for the lexicon bit to cover them.
  std::vector<std::string> short_firsts_with_article;

  FirstBytePairs first_pairs;  // of the keys of by_first

  const std::vector<size_t>* FindFirst(std::string_view form) const {
    if (!first_pairs.MayContain(form)) return nullptr;
    auto it = by_first.find(absl::string_view(form.data(), form.size()));
    return it == by_first.end() ? nullptr : &it->second;
  }

  // by_first by the vocabulary id on each reading (MoneyMatcher::Bind()), so a word of running
  // text is tried without hashing it. The article forms of the short first words carry
  // kLexCurrency too (AddWordsTo), so the lexicon bits speak for every form.
  LexiconIds<std::vector<size_t>> ids;
};

namespace {

// How a document token is compared with lexicon forms: its key for words and numbers, its
// text for punctuation and symbols (whose key is empty).
std::string_view TokenForm(const Document& doc, size_t i) {
  std::string_view key = doc.Key(i);
  return key.empty() ? doc.TokenText(i) : key;
}

// A symbol or a sign-like punctuation mark that does not end a phrase: "#", "$", "@", "*".
bool IsSignRun(const Document& doc, size_t i) {
  const Token& t = doc.tokens[i];
  if (t.kind == TokenKind::kSymbol) return true;
  if (t.kind != TokenKind::kPunctuation) return false;
  std::string_view text = doc.TokenText(i);
  return text == "#" || text == "@" || text == "*" || text == "&" || text == "\\";
}

// Whether the lexicon bits of word token i tell every form CurrencyAt tries there: not for a
// token with an empty match form, whose text CurrencyAt reads. (A reading that is the article
// and one letter, "الر" before ".س", whose article-less form the analyzer does not look up,
// is in the vocabulary itself: see AddWordsTo.)
bool CurrencyBitsSpeakFor(const Document& doc, size_t i) { return doc.analyses[i].key.size != 0; }

struct CurrencyHit {
  size_t end_token = 0;
  std::string code;
  CurrencyKind kind = CurrencyKind::kName;
  bool dual = false;  // the word itself says two ("هللتان")
  int sub_digits = 2;
  // A qualifier settled the currency, after the name or in a name of several words
  // ("دينارا ليبيا").
  bool qualified = false;
};

}  // namespace

// The lexicon of `tsv`; an empty one (and *error) on a malformed line.
std::shared_ptr<MoneyMatcher::Lexicon> MoneyMatcher::CompileLexicon(const Analyzer& analyzer,
                                                                    std::string_view tsv,
                                                                    std::string* error) {
  auto built = std::make_shared<Lexicon>();
  Tokenizer tokenizer;
  Lexicon& lex = *built;
  auto form_of = [&](std::string_view text, const Token& token) {
    std::string form;
    if (token.kind == TokenKind::kPunctuation || token.kind == TokenKind::kSymbol) {
      form = std::string(token.text(text));
    } else {
      analyzer.AppendMatchForm(token.text(text), &form);
    }
    return form;
  };
  std::unordered_map<std::string, std::string> lemma_of;  // single-word form → lemma
  LineReader lines(tsv);
  std::string_view line;
  while (lines.NextData(&line)) {
    const std::vector<std::string_view> fields = SplitFields(line);
    auto fail = [&](const std::string& why) {
      if (error) *error = "currencies.tsv:" + std::to_string(lines.line_number()) + ": " + why;
      return std::make_shared<Lexicon>();
    };
    if (fields.size() < 3 || fields.size() > 4) {
      return fail("expected 3 or 4 fields");
    }
    Lexicon::Entry entry;
    entry.code = fields[1] == "-" ? std::string() : std::string(fields[1]);
    if (fields[2] == "name") {
      entry.kind = CurrencyKind::kName;
    } else if (fields[2] == "dual") {
      entry.kind = CurrencyKind::kDual;
      entry.dual = true;
    } else if (fields[2] == "sub" || fields[2] == "subdual") {
      entry.kind = CurrencyKind::kSub;
      entry.dual = fields[2] == "subdual";
      if (fields.size() < 4 || fields[3].size() != 1 || fields[3][0] < '0' || fields[3][0] > '9') {
        return fail("a subunit needs its decimal places");
      }
      entry.sub_digits = fields[3][0] - '0';
    } else {
      return fail("unknown kind '" + std::string(fields[2]) + "'");
    }
    std::vector<Token> tokens = tokenizer.Tokenize(fields[0]);
    if (tokens.empty()) {
      return fail("empty name");
    }
    for (const Token& t : tokens) {
      entry.forms.push_back(form_of(fields[0], t));
      if (t.kind == TokenKind::kPunctuation || t.kind == TokenKind::kSymbol) entry.glued = true;
    }
    if (entry.kind != CurrencyKind::kSub && fields.size() == 4) {
      analyzer.AppendMatchForm(fields[3], &entry.lemma);
      lemma_of[entry.forms[0]] = entry.lemma;
    }
    // Many rows share a code; ICU is asked once per code.
    if (!entry.code.empty() && lex.digits.count(entry.code) == 0) {
      lex.digits.emplace(entry.code, FractionDigits(entry.code));
    }
    lex.entries.push_back(entry);
    // Abbreviations are written with or without their final dot: "ج.م." and "ج.م".
    if (entry.forms.size() > 1 && entry.forms.back() == ".") {
      entry.forms.pop_back();
      lex.entries.push_back(std::move(entry));
    }
  }
  for (size_t i = 0; i < lex.entries.size(); ++i) {
    const std::string& first = lex.entries[i].forms[0];
    lex.by_first[first].push_back(i);
    lex.first_pairs.Add(first);
  }
  for (const auto& [first, list] : lex.by_first) {
    if (first.size() < kArticle.size()) {
      lex.short_firsts_with_article.push_back(std::string(kArticle) + first);
    }
  }
  for (auto& [first, list] : lex.by_first) {
    std::stable_sort(list.begin(), list.end(), [&](size_t a, size_t b) {
      return lex.entries[a].forms.size() > lex.entries[b].forms.size();
    });
  }
  for (const Lexicon::Entry& e : lex.entries) {
    if (e.forms.size() != 2 || e.code.empty() || e.kind == CurrencyKind::kSub) continue;
    auto it = lemma_of.find(e.forms[0]);
    const std::string& lemma = it == lemma_of.end() ? e.forms[0] : it->second;
    lex.qualified.emplace(std::make_pair(lemma, QualifierStem(e.forms[1])), e.code);
  }
  // Subunits by country: always the embedded table (a user currency file names main units).
  LineReader subunit_lines(KASHIF_EMBEDDED(currency_subunits));
  while (subunit_lines.NextData(&line)) {
    const std::vector<std::string_view> fields = SplitFields(line);
    int64_t per_unit = 0;
    for (char c : fields.size() == 3 ? fields[2] : std::string_view()) {
      per_unit = c >= '0' && c <= '9' && per_unit < 100000 ? per_unit * 10 + (c - '0') : -1;
    }
    if (per_unit <= 1) continue;  // a malformed row; data_test checks the file
    std::string form;
    analyzer.AppendMatchForm(fields[0], &form);
    lex.country_subunits[{std::string(fields[1]), form}] = per_unit;
  }
  // The lemma of every single-word form, so "ريالات قطرية" finds (ريال, قطري).
  for (Lexicon::Entry& e : lex.entries) {
    if (e.lemma.empty() && e.forms.size() == 1) {
      auto it = lemma_of.find(e.forms[0]);
      if (it != lemma_of.end()) e.lemma = it->second;
    }
  }
  return built;
}

std::shared_ptr<MoneyMatcher::Lexicon> MoneyMatcher::CompileDefaultLexicon(
    const Analyzer& analyzer) {
  return CompileLexicon(analyzer, KASHIF_EMBEDDED(currencies), nullptr);
}

void MoneyMatcher::Bind(const Vocabulary& vocabulary, Lexicon* lexicon) {
  lexicon->ids = LexiconIds<std::vector<size_t>>(vocabulary, lexicon->by_first);
}

MoneyMatcher::MoneyMatcher(const Analyzer& analyzer, const NumberParser& numbers,
                           std::shared_ptr<const Lexicon> lexicon)
    : lexicon_(std::move(lexicon)), analyzer_(&analyzer), numbers_(&numbers) {}

MoneyMatcher::~MoneyMatcher() = default;

namespace {

class MoneyGrammar {
 public:
  MoneyGrammar(const MoneyMatcher::Lexicon& lex, const NumberParser& numbers, const Document& doc)
      : lex_(lex), numbers_(numbers), doc_(doc) {}

  // The longest currency at token `j`.
  // `first_form` overrides token j's form (a reading with its proclitics set aside).
  std::optional<CurrencyHit> CurrencyAt(size_t j,
                                        std::optional<std::string_view> first_form = {}) const {
    const size_t n = doc_.tokens.size();
    if (j >= n) return std::nullopt;
    std::string_view first = first_form ? *first_form : TokenForm(doc_, j);
    // The reading of token j whose key `first` is: its word ids stand for the forms.
    const TokenReading* reading = nullptr;
    const Token& token = doc_.tokens[j];
    if (token.kind == TokenKind::kArabicWord || token.kind == TokenKind::kLatinWord) {
      const TokenAnalysis& a = doc_.analyses[j];
      for (int r = 0; r < a.reading_count; ++r) {
        const ArenaSlice slice = a.readings[r].key;
        if (first.size() == slice.size && first.data() == doc_.arena.data() + slice.offset) {
          reading = &a.readings[r];
          break;
        }
      }
    }
    const MoneyMatcher::Lexicon::Entry* found = nullptr;
    size_t end = 0;
    auto try_first = [&](const std::vector<size_t>* list) {
      if (list == nullptr) return;
      for (size_t idx : *list) {
        const auto& e = lex_.entries[idx];
        if (j + e.forms.size() > n) continue;
        bool ok = true;
        for (size_t k = 1; k < e.forms.size() && ok; ++k) {
          ok = TokenForm(doc_, j + k) == e.forms[k] &&
               (!e.glued || doc_.tokens[j + k].glued_to_previous);
        }
        if (ok) {
          found = &e;
          end = j + e.forms.size();
          return;
        }
      }
    };
    try_first(reading ? lex_.ids.Find(reading->word) : lex_.FindFirst(first));
    // "الدولار", "الجنيهات": the article before a currency word. The analyzer looked up the
    // article-less form of a reading when at least two letters follow the article.
    if (!found && StartsWith(first, kArticle)) {
      const std::string_view bare = first.substr(kArticle.size());
      // (Two letters take as many bytes as the article.)
      const bool bare_looked_up = reading && bare.size() >= kArticle.size();
      try_first(bare_looked_up ? lex_.ids.Find(reading->bare_word) : lex_.FindFirst(bare));
    }
    if (!found) return std::nullopt;
    // A sign inside a run of signs ("$#$", a corpus marker) is not a currency.
    if (doc_.tokens[j].kind != TokenKind::kArabicWord &&
        doc_.tokens[j].kind != TokenKind::kLatinWord &&
        ((j > 0 && doc_.tokens[j].glued_to_previous && IsSignRun(doc_, j - 1)) ||
         (end < n && doc_.tokens[end].glued_to_previous && IsSignRun(doc_, end)))) {
      return std::nullopt;
    }
    CurrencyHit hit;
    hit.end_token = end;
    hit.code = found->code;
    hit.kind = found->kind;
    hit.dual = found->dual;
    hit.sub_digits = found->sub_digits;
    hit.qualified = found->forms.size() > 1 && !found->glued;  // "دينارا ليبيا" as one name
    // A qualifier after a one-word name: "ريالات قطرية", "الدولار الأمريكي".
    if (found->forms.size() == 1 && !found->lemma.empty() && end < n &&
        doc_.tokens[end].kind == TokenKind::kArabicWord) {
      auto q = lex_.qualified.find({found->lemma, QualifierStem(doc_.Key(end))});
      if (q != lex_.qualified.end()) {
        hit.code = q->second;
        hit.end_token = end + 1;
        hit.qualified = true;
      }
    }
    return hit;
  }

  // Whether CurrencyAt(j) may find a currency, with or without a first form of its own (a
  // reading of token j): a word with a match form only when its lexicon bits have
  // kLexCurrency, as every form CurrencyAt tries there is in the vocabulary with that bit
  // (MatchAt's currency-first test relies on the same); any other token only when its form,
  // or that form without the article, is a first form of the lexicon (the two lookups
  // CurrencyAt makes for a token without a reading).
  bool MayStartCurrency(size_t j) const {
    const TokenKind kind = doc_.tokens[j].kind;
    if ((kind == TokenKind::kArabicWord || kind == TokenKind::kLatinWord) &&
        CurrencyBitsSpeakFor(doc_, j)) {
      return (doc_.Lexicons(j) & kLexCurrency) != 0;
    }
    const std::string_view form = TokenForm(doc_, j);
    return lex_.FindFirst(form) != nullptr ||
           (StartsWith(form, kArticle) && lex_.FindFirst(form.substr(kArticle.size())) != nullptr);
  }

  int DigitsOf(const std::string& code, int fallback) const {
    auto it = lex_.digits.find(code);
    return it == lex_.digits.end() ? fallback : it->second;
  }

  // amount / 10^places
  static std::optional<Decimal> Scaled(const Decimal& amount, int places) {
    return amount.DividedBy(Decimal::PowerOfTen(places));
  }

  // A subunit amount after a main amount: "و43 سنت", "وإحدى عشرة هللة", "و 43c".
  // Adds it to *amount and returns the token after it.
  std::optional<size_t> SubunitTail(size_t k, const std::string& code, Decimal* amount,
                                    std::string* out_code) const {
    const size_t n = doc_.tokens.size();
    if (k >= n) return std::nullopt;
    const NumberParser& parser = numbers_;
    const NumberParseOptions options = AmountParseOptions();
    std::optional<NumberParse> q;
    if (doc_.Key(k) == kWaw && k + 1 < n) {
      q = parser.ParseAt(doc_, k + 1, options);
    } else if (StartsWith(doc_.Key(k), kWaw)) {
      q = parser.ParseAt(doc_, k, options);
      if (q && !q->skipped_proclitic) q.reset();
    } else if (doc_.tokens[k].kind == TokenKind::kNumber) {
      q = parser.ParseAt(doc_, k, options);  // "20$ 43c": the subunit right after
    }
    std::optional<CurrencyHit> sub;
    Decimal count;
    size_t after = 0;
    if (q && !code.empty() && q->value.IsInteger() && !q->value.IsNegative() && q->end_token < n) {
      // "وخمسة عشر درهما" after riyals of Qatar: the subunit by the currency it follows.
      auto it = lex_.country_subunits.find({code, std::string(TokenForm(doc_, q->end_token))});
      if (it != lex_.country_subunits.end()) {
        auto part = q->value.DividedBy(Decimal::FromInt(it->second));
        auto sum = part && *part < Decimal::FromInt(1) ? amount->Plus(*part) : std::nullopt;
        if (!sum) return std::nullopt;
        *amount = *sum;
        *out_code = code;
        return q->end_token + 1;
      }
    }
    if (q && q->value.IsInteger() && !q->value.IsNegative()) {
      sub = CurrencyAt(q->end_token);
      count = q->value;
      after = sub ? sub->end_token : 0;
      if (sub && sub->dual) return std::nullopt;
    } else {
      // "وهللة واحدة": the subunit first, then one or two.
      std::optional<std::string_view> form;
      size_t at = k;
      if (doc_.Key(k) == kWaw) {
        at = k + 1;
      } else if (StartsWith(doc_.Key(k), kWaw)) {
        form = doc_.Key(k).substr(kWaw.size());
      }
      if (at < n) sub = CurrencyAt(at, form);
      if (sub && sub->dual) {
        count = Decimal::FromInt(2);  // "وهللتان"
        after = sub->end_token;
      } else if (sub) {
        auto one_or_two = OneOrTwoAt(sub->end_token);
        if (!one_or_two) return std::nullopt;
        count = *one_or_two;
        after = sub->end_token + 1;
      }
    }
    if (!sub || sub->kind != CurrencyKind::kSub) return std::nullopt;
    std::string use_code = !code.empty() ? code : sub->code;
    int places = !code.empty() ? DigitsOf(code, sub->sub_digits) : sub->sub_digits;
    auto part = Scaled(count, places);
    if (!part) return std::nullopt;
    // A subunit worth a whole unit or more is not a subunit of this amount.
    if (!(*part < Decimal::FromInt(1))) return std::nullopt;
    auto sum = amount->Plus(*part);
    if (!sum) return std::nullopt;
    *amount = *sum;
    *out_code = use_code;
    return after;
  }

  struct Money {
    size_t first_token = 0, end_token = 0;
    uint32_t begin = 0, end = 0;
    Decimal amount;
    std::string code;
    std::optional<Decimal> upper;  // a range's high end; `amount` is then the low end
    // The amount as the number grammar read it before the currency, when the amount came
    // first and is that number as it stands (no subunit scaled or added): a range may end it.
    std::optional<NumberParse> number;
    bool qualified = false;  // a qualifier settled the currency
  };

  std::optional<Money> MatchAt(size_t i) const {
    const size_t n = doc_.tokens.size();
    const NumberParser& parser = numbers_;
    const NumberParseOptions options = AmountParseOptions();

    // Amount first: "324 مليار دولار", "10$", "خمسون هللة".
    if (auto p = parser.ParseAt(doc_, i, options)) {
      if (auto cur = CurrencyAt(p->end_token)) {
        Money m;
        m.first_token = i;
        m.begin = p->begin;
        m.code = cur->code;
        m.amount = p->value;
        std::optional<Money> done = Complete(std::move(m), *cur, cur->end_token);
        if (done && done->amount == p->value) done->number = *p;
        return done;
      }
    } else if (doc_.tokens[i].kind == TokenKind::kNumber) {
      // "10-20 دولار": both ends of a range in one digit token.
      if (auto range = DigitRange(doc_.Key(i))) {
        if (auto cur = CurrencyAt(i + 1); cur && cur->kind != CurrencyKind::kSub) {
          Money m;
          m.first_token = i;
          m.begin = doc_.tokens[i].begin;
          m.code = cur->code;
          m.amount = range->first;
          m.upper = range->second;
          m.qualified = cur->qualified;
          m.end_token = cur->end_token;
          m.end = doc_.tokens[m.end_token - 1].end;
          return m;
        }
      }
    }

    // Currency first, the word possibly behind a proclitic ("بدولارين"). A word none of whose
    // readings the currency lexicon knows is passed over without trying them.
    if (doc_.tokens[i].kind == TokenKind::kArabicWord ||
        doc_.tokens[i].kind == TokenKind::kLatinWord) {
      if ((doc_.Lexicons(i) & kLexCurrency) == 0 && CurrencyBitsSpeakFor(doc_, i)) {
        return std::nullopt;
      }
    }
    std::optional<CurrencyHit> cur = CurrencyAt(i);
    uint32_t skip = 0;
    const TokenAnalysis& a = doc_.analyses[i];
    for (int r = 1; !cur && r < a.reading_count && r < kMaxReadings; ++r) {
      cur = CurrencyAt(i, doc_.Slice(a.readings[r].key));
      skip = a.readings[r].skip_bytes;
    }
    if (!cur) return std::nullopt;
    Money m;
    m.first_token = i;
    m.begin = doc_.tokens[i].begin + skip;
    m.code = cur->code;
    const Token& first = doc_.tokens[i];
    bool symbol = first.kind != TokenKind::kArabicWord;
    size_t end = cur->end_token;
    std::optional<NumberParse> p;
    if (end < n) p = parser.ParseAt(doc_, end, options);
    if (p && symbol && !p->skipped_proclitic) {
      m.amount = p->value;  // "$10", "US$ 5 مليارات"
      end = p->end_token;
    } else if (std::optional<Decimal> one_or_two = OneOrTwoAt(end); !symbol && one_or_two) {
      // "ريال سعودي واحد", "هللة واحدة": one and two follow the noun.
      m.amount = *one_or_two;
      end += 1;
    } else if (cur->dual) {
      m.amount = Decimal::FromInt(2);  // "دولاران", "هللتان"
    } else {
      return std::nullopt;
    }
    if (cur->kind == CurrencyKind::kSub && symbol) return std::nullopt;
    return Complete(std::move(m), *cur, end);
  }

  // Finishes a match whose amount and currency are known and whose tokens end before `end`:
  // an amount of a subunit is scaled to the main unit ("50 هللة" → 0.50); an amount of a main
  // unit may take a subunit after it ("20 دولار و43 سنت" → 20.43).
  std::optional<Money> Complete(Money m, const CurrencyHit& cur, size_t end) const {
    m.qualified = cur.qualified;
    if (cur.kind == CurrencyKind::kSub) {
      const int places = cur.code.empty() ? cur.sub_digits : DigitsOf(cur.code, cur.sub_digits);
      auto v = Scaled(m.amount, places);
      if (!v) return std::nullopt;
      m.amount = *v;
    } else {
      std::string code = m.code;
      if (auto tail = SubunitTail(end, m.code, &m.amount, &code)) {
        end = *tail;
        m.code = code;
      } else if (auto units = OneOrTwoAfterNoun(end, &m.amount)) {
        end = *units;
      }
    }
    m.end_token = end;
    m.end = doc_.tokens[end - 1].end;
    return m;
  }

  // Widens *m to the range it ends, when one does: "بين 3 و5 ملايين دولار", "من 10 إلى 15
  // مليون يورو", "بين عشرة وعشرون دولار" (the number grammar read "عشرة وعشرون" as one
  // number), "10$-20$". The range may reach back to `free_from`, the first token no earlier
  // match covers.
  void ExtendToRange(Money* m, size_t free_from) const {
    const NumberParseOptions options = AmountParseOptions();
    if (m->number && !m->upper) {
      if (std::optional<size_t> high = HighEndInside(numbers_, doc_, *m->number, options)) {
        std::optional<Money> rest = MatchAt(*high);
        if (rest && rest->number && rest->end_token == m->end_token) *m = *rest;
      }
      std::optional<NumberRange> range = RangeBefore(numbers_, doc_, *m->number, options);
      if (range && range->first_token >= free_from) {
        m->upper = m->amount;
        m->amount = range->low;
        m->first_token = range->first_token;
        m->begin = range->begin;
        return;
      }
    }
    // "10$-20$": two amounts of one currency joined by a dash.
    const size_t dash = m->end_token;
    if (m->upper || dash + 1 >= doc_.tokens.size() || !doc_.tokens[dash].glued_to_previous ||
        !doc_.tokens[dash + 1].glued_to_previous ||
        !(doc_.TokenText(dash) == "-" || doc_.TokenText(dash) == "\xE2\x80\x93")) {
      return;
    }
    std::optional<Money> high = MatchAt(dash + 1);
    if (high && !high->upper && high->code == m->code && m->amount < high->amount) {
      m->upper = high->amount;
      m->end_token = high->end_token;
      m->end = high->end;
    }
  }

  // "مئة ريال سعودي وواحد": one and two follow the counted noun, so a count of a hundred or
  // more may end with و and واحد / اثنان after the currency, at the end of the phrase. Adds
  // it to *amount and returns the token after it.
  std::optional<size_t> OneOrTwoAfterNoun(size_t k, Decimal* amount) const {
    const size_t n = doc_.tokens.size();
    if (k >= n || !amount->IsInteger() || *amount < Decimal::FromInt(100) ||
        !StartsWith(doc_.Key(k), kWaw)) {
      return std::nullopt;
    }
    if (k + 1 < n && doc_.tokens[k + 1].kind != TokenKind::kPunctuation) return std::nullopt;
    std::optional<NumberParse> q = numbers_.ParseAt(doc_, k, AmountParseOptions());
    if (!q || !q->skipped_proclitic || q->end_token != k + 1 ||
        !(q->value == Decimal::FromInt(1) || q->value == Decimal::FromInt(2))) {
      return std::nullopt;
    }
    auto sum = amount->Plus(q->value);
    if (!sum) return std::nullopt;
    *amount = *sum;
    return k + 1;
  }

  // The value of a lone "واحد"/"اثنان" (any gender or case) at token k.
  std::optional<Decimal> OneOrTwoAt(size_t k) const {
    if (k >= doc_.tokens.size() || doc_.tokens[k].kind != TokenKind::kArabicWord) {
      return std::nullopt;
    }
    auto v = numbers_.WordValue(doc_, k);
    if (v && (*v == Decimal::FromInt(1) || *v == Decimal::FromInt(2))) return v;
    return std::nullopt;
  }

 private:
  const MoneyMatcher::Lexicon& lex_;
  const NumberParser& numbers_;
  const Document& doc_;
};

}  // namespace

void MoneyMatcher::Propose(const Document& doc, const Options& options,
                           std::vector<Candidate>* out) const {
  if (lexicon_->entries.empty()) return;
  const NumberParser& numbers = *numbers_;
  MoneyGrammar grammar(*lexicon_, numbers, doc);
  // A match starts with an amount or a currency. The vocabulary marks every number word and
  // every currency's first word, so a word token with neither bit starts none (MatchAt would
  // find that out the slow way).
  const size_t n = doc.tokens.size();
  const Token* const tokens = doc.tokens.data();
  const TokenAnalysis* const analyses = doc.analyses.data();
  // What MatchAt() would find out the slow way: a word of neither lexicon, or a punctuation
  // mark that opens no amount (no minus sign, no decimal point) and is no currency sign.
  const NumberParseOptions amount = AmountParseOptions();
  auto starts_nothing = [&](size_t i) {
    const TokenKind kind = tokens[i].kind;
    if (kind == TokenKind::kArabicWord || kind == TokenKind::kLatinWord) {
      return (analyses[i].lexicons & (kLexNumber | kLexCurrency)) == 0 &&
             CurrencyBitsSpeakFor(doc, i);
    }
    return (kind == TokenKind::kPunctuation || kind == TokenKind::kSymbol) &&
           !numbers.MayStartAt(doc, i, amount) && lexicon_->FindFirst(TokenForm(doc, i)) == nullptr;
  };
  // Every match has its currency at or after its first token (MatchAt reads the amount, then
  // the currency, or the currency first): no match starts after the last token where a
  // currency may. Most documents name none, and their numbers are not parsed at all.
  size_t end = n;
  while (end > 0 && !grammar.MayStartCurrency(end - 1)) --end;
  size_t free_from = 0;  // the first token no earlier amount covers
  for (size_t i = 0; i < end;) {
    // Nearly every token is passed over here, in a loop of a few instructions a token.
    while (i < end && starts_nothing(i)) ++i;
    if (i == end) break;
    auto m = grammar.MatchAt(i);
    // Zero in digits is a broken number ("5.000" split into "5." and "000"), not money;
    // "صفر ريال" said in words stays.
    if (m && m->amount.IsZero() && doc.tokens[m->first_token].kind == TokenKind::kNumber) {
      m.reset();
    }
    if (!m) {
      ++i;
      continue;
    }
    grammar.ExtendToRange(&*m, free_from);
    Candidate c;
    c.type = EntityType::kMoney;
    c.first_token = static_cast<uint32_t>(m->first_token);
    c.end_token = static_cast<uint32_t>(m->end_token);
    c.begin = m->begin;
    c.end = m->end;
    // A currency that a qualifier settles is one name with it: "دينارا ليبيا" is Libyan
    // dinars, not the place ليبيا the gazetteer knows.
    c.priority = m->qualified ? kQualifiedMoneyPriority : kMoneyPriority;
    analyzer_->AppendDisplayForm(doc.text.substr(c.begin, c.end - c.begin), &c.canonical);
    c.money = MoneyValue{m->amount.ToString(), m->code, m->upper ? m->upper->ToString() : ""};
    out->push_back(std::move(c));
    i = m->end_token;
    free_from = i;
  }
}

void MoneyMatcher::AddWordsTo(const Lexicon& lexicon, VocabularyBuilder* builder) {
  for (const auto& [first, entries] : lexicon.by_first) builder->Add(first, kLexCurrency);
  for (const std::string& form : lexicon.short_firsts_with_article) {
    builder->Add(form, kLexCurrency);
  }
}

}  // namespace kashif::internal
