// Suite handlers for numbers, ordinals and money.
#include <cstdlib>
#include <string>
#include <vector>

#include "kashif/number.h"
#include "suite_case.h"

namespace kashif::suites {
namespace {

Outcome Judge(bool pass, std::string got) {
  return Outcome{pass ? Verdict::kPass : Verdict::kFail, std::move(got)};
}

// Recognizers-Text style: every number in running text, spans in characters, End inclusive.
Outcome JudgeRunningText(const SuiteCase& c, const JsonValue& results) {
  // An expected result whose Text is not what the text holds at its Start..End cannot be met
  // by any answer (Recognizers has a few cases with a word that is not in the sentence).
  for (const JsonValue& r : results.array) {
    const JsonValue* text = r.Find("Text");
    const JsonValue* start = r.Find("Start");
    const JsonValue* end = r.Find("End");
    if (!text || !start || !end) continue;
    const size_t first = std::strtoul(start->string.c_str(), nullptr, 10);
    const size_t last = std::strtoul(end->string.c_str(), nullptr, 10);
    std::string at;
    size_t chars = 0;
    for (size_t i = 0; i < c.text.size(); ++i) {
      const bool lead = (static_cast<unsigned char>(c.text[i]) & 0xC0) != 0x80;
      if (lead && i > 0) ++chars;
      if (chars >= first && chars <= last) at += c.text[i];
    }
    if (at != text->string) {
      return Outcome{Verdict::kBadCase, "expected \"" + text->string + "\" at " + start->string +
                                            ".." + end->string + ", where the text has \"" + at +
                                            "\""};
    }
  }
  std::vector<NumberMatch> found = FindNumbers(c.text);
  bool spans_only = c.meta && c.meta->Find("ignore_resolution");
  std::string got = "[";
  for (const NumberMatch& m : found) {
    got += " " + std::to_string(CharOffset(c.text, m.begin)) + "-" +
           std::to_string(CharOffset(c.text, m.end) - 1) + ":" + m.value;
  }
  got += " ]";
  if (results.array.size() != found.size()) return Judge(false, got);
  for (size_t i = 0; i < found.size(); ++i) {
    const JsonValue& r = results.array[i];
    const JsonValue* start = r.Find("Start");
    const JsonValue* end = r.Find("End");
    if (!start || !end) return Judge(false, got);
    if (std::to_string(CharOffset(c.text, found[i].begin)) != start->string ||
        std::to_string(CharOffset(c.text, found[i].end) - 1) != end->string) {
      return Judge(false, got);
    }
    if (spans_only) continue;
    const JsonValue* resolution = r.Find("Resolution");
    const JsonValue* value = resolution ? resolution->Find("value") : nullptr;
    if (!SameNumber(found[i].value, NumberLiteral(value))) return Judge(false, got);
  }
  return Judge(true, got);
}

Outcome JudgeNumber(const SuiteCase& c, const SuiteContext&) {
  if (const JsonValue* results = c.expected->Find("results")) {
    return JudgeRunningText(c, *results);
  }
  std::optional<std::string> value = ParseNumber(c.text);
  return Judge(value && SameNumber(*value, NumberLiteral(c.expected->Find("number"))),
               value.value_or("null"));
}

// Ordinal files also list cardinals said as ordinals ("عشرون"): the value is what is judged.
Outcome JudgeOrdinal(const SuiteCase& c, const SuiteContext&) {
  std::optional<NumberMatch> m = ParseNumberExpression(c.text);
  if (!m) return Judge(false, "null");
  return Judge(SameNumber(m->value, NumberLiteral(c.expected->Find("ordinal"))),
               m->value + (m->ordinal ? " (ordinal)" : " (cardinal)"));
}

// Whether kashif's ISO code and amount meet the suite's currency notation: Duckling writes "$"
// for dollars, "£" for an unspecified pound and "cent" for an amount in cents; num2words "SR"
// for the Saudi riyal; the rest are ISO codes.
bool CurrencyMatches(const std::string& expected_currency, const std::string& expected_amount,
                     const MoneyValue& got) {
  if (expected_currency == "cent") {
    // 10 cents = 0.1 USD.
    std::string shifted = expected_amount;
    long double cents = std::strtold(expected_amount.c_str(), nullptr);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6Lf", cents / 100);
    shifted = buf;
    return got.currency == "USD" && SameNumber(got.amount, shifted);
  }
  if (!SameNumber(got.amount, expected_amount)) return false;
  if (expected_currency == "$") return got.currency == "USD";
  if (expected_currency == "£") return got.currency == "GBP" || got.currency == "EGP";
  if (expected_currency == "€") return got.currency == "EUR";
  if (expected_currency == "SR") return got.currency == "SAR";
  return got.currency == expected_currency;
}

// The entities of `text` as "[TYPE text amount[/upper] currency]" for the report, and its MONEY.
std::vector<Entity> MoneyIn(const SuiteCase& c, const SuiteContext& context, std::string* got) {
  std::vector<Entity> money;
  for (const Entity& e : context.extractor->Extract(c.text)) {
    *got += "[" + std::string(EntityTypeLabel(e.type)) + " " + std::string(e.text(c.text));
    if (e.money) {
      *got += " " + e.money->amount;
      if (!e.money->upper_amount.empty()) *got += "/" + e.money->upper_amount;
      *got += " " + e.money->currency;
    }
    *got += "] ";
    if (e.type == EntityType::kMoney && e.money) money.push_back(e);
  }
  return money;
}

// A range with both ends ("من 10 الى 20 دولار") is one MONEY entity whose amount is the low end
// and upper_amount the high one; an open bound ("اقل من 7 يورو") is out of scope (kashif gives
// the amount without the bound).
Outcome JudgeMoneyRange(const SuiteCase& c, const SuiteContext& context) {
  const JsonValue* from = c.expected->Find("from");
  const JsonValue* to = c.expected->Find("to");
  if (!from || !to) return Outcome{Verdict::kOutOfScope, "open interval"};
  const JsonValue* currency = from->Find("currency");
  std::string got;
  std::vector<Entity> money = MoneyIn(c, context, &got);
  if (money.size() != 1 || !currency) return Judge(false, got);
  MoneyValue low = *money[0].money;
  MoneyValue high{low.upper_amount, low.currency, ""};
  return Judge(!low.upper_amount.empty() &&
                   CurrencyMatches(currency->string, NumberLiteral(from->Find("amount")), low) &&
                   CurrencyMatches(currency->string, NumberLiteral(to->Find("amount")), high),
               got);
}

Outcome JudgeMoney(const SuiteCase& c, const SuiteContext& context) {
  const JsonValue* type = c.expected->Find("type");
  if ((type && type->string == "interval") || c.expected->Find("from") || c.expected->Find("to")) {
    return JudgeMoneyRange(c, context);
  }
  std::string amount = NumberLiteral(c.expected->Find("amount"));
  const JsonValue* currency = c.expected->Find("currency");
  std::string got;
  std::vector<Entity> money = MoneyIn(c, context, &got);
  if (money.size() != 1 || !currency) return Judge(false, got);
  return Judge(money[0].money->upper_amount.empty() &&
                   CurrencyMatches(currency->string, amount, *money[0].money),
               got);
}

}  // namespace

KASHIF_REGISTER_SUITE_HANDLER(number, "number", JudgeNumber);
KASHIF_REGISTER_SUITE_HANDLER(ordinal, "ordinal", JudgeOrdinal);
KASHIF_REGISTER_SUITE_HANDLER(money, "money", JudgeMoney);

}  // namespace kashif::suites
