#include "match/date/date_grammar.h"

namespace kashif::internal::date_grammar {

void Grammar::Run(std::vector<Candidate>* out) {
  const size_t n = doc_.tokens.size();
  size_t i = 0;
  const Token* const tokens = doc_.tokens.data();
  const TokenAnalysis* const analyses = doc_.analyses.data();
  while (i < n) {
    // Punctuation and the words of neither lexicon (nearly every token), which MayStart()
    // turns away, are passed over in a loop of a few instructions a token.
    while (i < n && tokens[i].kind != TokenKind::kNumber &&
           (tokens[i].kind != TokenKind::kArabicWord ||
            (analyses[i].lexicons & (kLexDate | kLexNumber)) == 0)) {
      ++i;
    }
    if (i == n) break;
    // Test first, declare after: an empty std::optional<Parse> per token was zero-filled
    // with `rep stos`, a third of this loop's time on running text.
    if (!MayStart(i)) {
      ++i;
      continue;
    }
    std::optional<Parse> best = Best(i);
    if (!best) {
      ++i;
      continue;
    }
    Candidate c;
    c.type = EntityType::kDate;
    if (best->from_previous_token) --i;
    c.first_token = static_cast<uint32_t>(i);
    c.end_token = best->end_token;
    c.begin = doc_.tokens[i].begin + best->skip_bytes;
    c.end = doc_.tokens[best->end_token - 1].end;
    c.priority = kDatePriority;
    c.canonical = std::string(doc_.text.substr(c.begin, c.end - c.begin));
    DateValue v;
    v.timex = std::move(best->out.timex);
    v.calendar = best->out.calendar;
    if (best->out.span && Resolvable(*best->out.span, v.timex)) {
      v.resolved = FormatSpan(*best->out.span);
    }
    c.date = std::move(v);
    out->push_back(std::move(c));
    i = best->end_token;
  }
}

// Every expression starts with a digit token or with a date word or number word (read with
// its proclitics set aside); most tokens of running text are neither, and are skipped cheaply.
bool Grammar::MayStart(size_t i) const {
  const TokenKind kind = doc_.tokens[i].kind;
  if (kind == TokenKind::kNumber) return DigitsMayStart(i);
  if (kind != TokenKind::kArabicWord) return false;
  return (doc_.analyses[i].lexicons & (kLexDate | kLexNumber)) != 0 && WordMayStart(i);
}

// A necessary condition for a parse at word i, read off the grammar below: the word is a date
// word that can open an expression alone, or one that opens one only before certain words
// (what each kind needs right after it), or a number word that can be a day of the month.
// The common words among the date words (من، إلى، في، قبل، هذا، العام...) mostly fail it, so
// the grammar runs at few of them.
bool Grammar::WordMayStart(size_t i) const {
  constexpr uint32_t kAlone = Bit(K::kDayRel) | Bit(K::kWeekendPrefix) | Bit(K::kWeekday) |
                              Bit(K::kMonth) | Bit(K::kHijriMonth) | Bit(K::kDecade) |
                              Bit(K::kCenturyWord) | Bit(K::kHoliday) | Bit(K::kSeason) |
                              Bit(K::kMillenniumWord);
  const uint32_t lexicons = doc_.analyses[i].lexicons;
  if ((lexicons & (kLexDate | kLexNumber)) == 0) return false;
  // The kinds tested below. A word whose phrases are of none of them ("في", "إلى", "و", the
  // most common date words) and is no number word is answered by its ids, its hits unread.
  constexpr uint32_t kOpening = kAlone | Bit(K::kDayWord) | Bit(K::kPart) | Bit(K::kThis) |
                                Bit(K::kUnitDef) | Bit(K::kShift) | Bit(K::kNth) |
                                Bit(K::kMonthWord) | Bit(K::kYearWord) | Bit(K::kYearFraction) |
                                Bit(K::kRangeFrom);
  if ((lexicons & kLexNumber) == 0 && (lex_.FirstWordKinds(doc_, i) & kOpening) == 0) {
    return false;
  }
  const auto [first, count] = HitsAt(i, true);
  for (uint32_t k = first; k < first + count; ++k) {
    const DateWordHit& h = hit_pool_[k];
    const size_t e = h.end_token;
    bool ok = false;
    switch (h.word.kind) {
      case K::kDayWord:  // "يوم الخميس", "يوم 5 ...", "يوم بعد غد"
        ok = KindsAt(e) & (Bit(K::kDayRel) | Bit(K::kWeekday)) || NumberLike(e);
        break;
      case K::kPart:  // "نهاية العام", "أوائل مارس", "منتصف 2019", "منتصف ( 2019 )"
        ok = KindsAt(e) & (Bit(K::kThis) | Bit(K::kUnitDef) | Bit(K::kMonthWord) | Bit(K::kMonth) |
                           Bit(K::kHijriMonth) | Bit(K::kYearWord) | Bit(K::kCenturyWord) |
                           Bit(K::kMillenniumWord)) ||
             IsKind(e, TokenKind::kNumber) || IsPunct(e, "(");
        break;
      case K::kThis:  // "هذا العام", "هذا الاثنين", "هذا يوم الاثنين"
        ok = KindsAt(e) & (Bit(K::kUnitDef) | Bit(K::kDayWord) | Bit(K::kWeekday));
        break;
      case K::kUnitDef:  // "العام المقبل", "اليوم الأخير", "الأيام الخمسة الماضية"
        ok = KindsAt(e) & (Bit(K::kRel) | Bit(K::kLast)) || NumberLike(e);
        break;
      case K::kShift:  // "منذ ثلاثة أيام", "قبل يومين"
        ok = KindsAt(e) & Bit(K::kUnit) || NumberLike(e);
        break;
      case K::kNth:  // "ثالث ثلاثاء", "آخر يوم", "آخر أسبوع"
        ok = KindsAt(e) & (Bit(K::kDayWord) | Bit(K::kWeekday) | Bit(K::kWeekWord) |
                           Bit(K::kUnit));  // "ثاني أيام العيد"
        break;
      case K::kMonthWord:  // "شهر رمضان", "الشهر القادم", "شهر 3"
        ok = KindsAt(e) & (Bit(K::kRel) | Bit(K::kMonth) | Bit(K::kHijriMonth)) || NumberLike(e);
        break;
      case K::kYearWord:  // "عام 2022", "عام ( 1948 )", "عامي 2001 و2005", "عام ألفين"
        ok = NumberLike(e) || IsPunct(e, "(");
        break;
      case K::kYearFraction:  // "الربع الأول"
        ok = NumberLike(e);
        break;
      case K::kRangeFrom:  // "من 13 ...", "بين عامي ...", "من يناير ...": a date must follow
        ok = KindsAt(e) &
                 (Bit(K::kDayWord) | Bit(K::kMonthWord) | Bit(K::kMonth) | Bit(K::kHijriMonth) |
                  Bit(K::kYearWord) | Bit(K::kUnitDef) | Bit(K::kThis) | Bit(K::kPart)) ||
             (NumberLike(e) && (h.word.between || !IsKind(e, TokenKind::kNumber) ||
                                DigitsAfterFromMayStart(e)));
        break;
      case K::kWeekday:  // "الخميس", "أحد الأسبوع الماضي", "الأحد 5 ..."
        ok = !h.word.weak || WeakWeekdayMayStart(e);
        break;
      case K::kDayRel:  // "أمس", "غدا"; a bound one ("الآن") only after "من" (Deictic())
        ok = !h.word.bound;
        break;
      default:
        // A bound month ("آب", "صفر") opens an expression only with what follows it (a year, a
        // day, "( 10 / 8 / 1945 )", "عام 1936", "الماضي"), never before a word of neither lexicon.
        ok = (Bit(h.word.kind) & kAlone) != 0 && (!h.word.bound || !PlainWord(e));
        break;
    }
    if (ok) return true;
  }
  // A number word starts only a day of the month before a month ("الرابع من أبريل", "الحادي
  // والعشرين من شهر ...") or "الجاري" ("الخامس عشر الجاري"): DayMonth() reads the month right
  // after the number or after من. No day of the month takes more than a few words, so the month
  // is near.
  // (Most number words of running text, "من" and "على", open no number: told by their ids,
  // before the month is looked for.)
  if ((lexicons & kLexNumber) == 0 || !numbers_.MayStartAt(doc_, i, NumberOptions(true)) ||
      !MonthOrRelWithin(i + 1, kDayWordsSpan + 2)) {
    return false;
  }
  return DayNumber(i, true).has_value();
}

// A weak weekday ("أحد" is also "someone") at the start opens an expression only with what
// WeekdayExpr() reads after it (a bare weak weekday is no date; NthExpr() and WeekdayRange() take
// no weak weekday): a direction ("الماضي"), a week ("من الأسبوع المقبل", "هذا الأسبوع"), a
// number or a calendar date (after a comma or "الموافق"), a day word ("اليوم الأول من ...").
bool Grammar::WeakWeekdayMayStart(size_t e) const {
  return (KindsAt(e) & (Bit(K::kRel) | Bit(K::kRangeFrom) | Bit(K::kUnitDef) | Bit(K::kThis) |
                        Bit(K::kDateCue) | Bit(K::kDayWord))) != 0 ||
         NumberLike(e) || IsComma(e);
}

// After من (not بين) at digit token e, Range() reads a date at e (DigitsMayStart()), or a day of
// the month in digits before a connector ("من 13 إلى 15 تموز", "من 3 - 5 ..."); "من 50 شخصا"
// is neither.
bool Grammar::DigitsAfterFromMayStart(size_t e) const {
  if (DigitsMayStart(e)) return true;
  return doc_.Key(e).size() <= 2 &&
         ((KindsAt(e + 1) & (Bit(K::kRangeTo) | Bit(K::kRangeAnd))) != 0 || IsDash(e + 1));
}

// Whether a month name, month word or direction word is among the `count` tokens from t: what
// ends a day of the month ("27 فبراير", "الرابع من شهر ...", "20 الجاري").
bool Grammar::MonthOrRelWithin(size_t t, size_t count) const {
  constexpr uint32_t kMonthKinds =
      Bit(K::kMonth) | Bit(K::kHijriMonth) | Bit(K::kMonthWord) | Bit(K::kRel);
  const size_t end = std::min(Size(), t + count);
  for (; t < end; ++t) {
    if (KindsAt(t) & kMonthKinds) return true;
  }
  return false;
}

// A necessary condition for a parse at digit token i: a numeric date ("27/2/2025", "15 / 1 /
// 1959"), a year ("2022", "1445 هـ", "331 ق.م"), a day before a month ("27 فبراير", "5 /
// شعبان", "4 من ابريل", "20 الجاري") or a range of days ("13 إلى 15 تموز"); other numbers are
// counts and amounts.
bool Grammar::DigitsMayStart(size_t i) const {
  const std::string_view key = doc_.Key(i);
  // "الـ5 أيام الماضية": the count glued to the article before it (CountedStretch()).
  if (doc_.tokens[i].glued_to_previous && (KindsAt(i + 1) & Bit(K::kUnit))) return true;
  if (key.find_first_of("/-.") != std::string_view::npos || key.size() == 4) return true;
  if ((KindsAt(i + 1) & Bit(K::kEra)) != 0) return true;
  // Spaced parts (Numeric()): "15 / 1 / 1959", "15 - 1 - 1959", "في 17/6"; a dash between two
  // numbers and nothing more is a score or a range of counts ("2 - 1").
  if ((IsSlash(i + 1) || IsDash(i + 1)) && IsKind(i + 2, TokenKind::kNumber) &&
      (IsSlash(i + 1) || IsSlash(i + 3) || IsDash(i + 3))) {
    return true;
  }
  // "27 فبراير", "4 من ابريل", "20 الجاري"; "13 إلى 15 تموز" (GeneralRange()'s bare days).
  return key.size() <= 2 &&
         (MonthOrRelWithin(i + 1, 3) || (KindsAt(i + 1) & Bit(K::kRangeTo)) != 0);
}

void Grammar::LookUpHits(size_t i, HitSlot* to) const {
  HitSlot& slot = *to;
  const uint32_t first = static_cast<uint32_t>(hit_pool_.size());
  slot.begin = first;
  slot.plain = 0;
  slot.kinds = 0;
  const TokenAnalysis& a = doc_.analyses[i];
  // A word no date phrase starts with (its bits say so) has no reading to look up.
  const bool word =
      doc_.tokens[i].kind == TokenKind::kArabicWord || doc_.tokens[i].kind == TokenKind::kLatinWord;
  const int readings = word && (a.lexicons & kLexDate) == 0 ? 0 : a.reading_count;
  // Room for the hits of a typical document at once: growing from empty reallocated several
  // times per document.
  if (readings > 0 && hit_pool_.capacity() == 0) hit_pool_.reserve(kHitPoolStart);
  for (int r = 0; r < readings; ++r) {
    lex_.AppendHits(doc_, i, r, &hit_pool_);
    if (r == 0) slot.plain = static_cast<uint16_t>(hit_pool_.size() - first);
  }
  slot.all = static_cast<uint16_t>(hit_pool_.size() - first);
  for (uint32_t k = first; k < first + slot.all; ++k) {
    slot.kinds |= Bit(hit_pool_[k].word.kind);
  }
}

std::optional<DateWordHit> Grammar::BestHit(uint32_t first, uint32_t count, K kind,
                                            bool allow_weak) const {
  const DateWordHit* best = nullptr;
  for (uint32_t k = first; k < first + count; ++k) {
    const DateWordHit& h = hit_pool_[k];
    if (h.word.kind != kind || (h.word.weak && !allow_weak)) continue;
    if (best == nullptr || h.end_token > best->end_token ||
        (h.end_token == best->end_token && h.skip_bytes < best->skip_bytes)) {
      best = &h;
    }
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

std::optional<Grammar::Num> Grammar::ParseNumberAt(size_t i, bool allow_proclitic) const {
  if (auto d = DigitToken(i)) return Num{*d, static_cast<uint32_t>(i + 1), 0, false, false};
  if (!IsKind(i, TokenKind::kArabicWord)) return std::nullopt;
  std::optional<NumberParse> p = numbers_.ParseAt(doc_, i, NumberOptions(allow_proclitic));
  if (!p || p->has_digits) return std::nullopt;
  std::optional<int64_t> v = p->value.IsInteger() ? p->value.ToInt64() : std::nullopt;
  if (!v || *v < 0 || *v > 100000) return std::nullopt;
  return Num{static_cast<int>(*v), p->end_token, p->begin - doc_.tokens[i].begin, p->ordinal, true};
}

// A day of the month: 1..31 in digits (one or two of them) or as an ordinal / cardinal word.
std::optional<Grammar::Num> Grammar::DayNumber(size_t i, bool allow_proclitic) const {
  if (auto d = DigitToken(i)) {
    if (doc_.Key(i).size() > 2 || *d < 1 || *d > 31) return std::nullopt;
    return Num{*d, static_cast<uint32_t>(i + 1), 0, false, false};
  }
  std::optional<Num> n = NumberAt(i, allow_proclitic);
  if (!n || n->value < 1 || n->value > 31) return std::nullopt;
  return n;
}

// The longest date expression starting at token i.
std::optional<Parse> Grammar::Best(size_t i) const {
  std::optional<Parse> best;
  auto consider = [&](std::optional<Parse> p) {
    if (p && (!best || p->end_token > best->end_token)) best = std::move(p);
  };
  consider(Range(i));
  consider(Single(i, /*allow_proclitic=*/true));
  return best;
}

// A single date expression (no range) starting at i.
std::optional<Parse> Grammar::Single(size_t i, bool allow_proclitic) const {
  std::optional<Parse> best;
  auto consider = [&](std::optional<Parse> p) {
    if (p && (!best || p->end_token > best->end_token)) best = std::move(p);
  };
  consider(Deictic(i, allow_proclitic));
  consider(Shift(i, allow_proclitic));
  consider(WeekdayExpr(i, allow_proclitic));
  consider(NthExpr(i, allow_proclitic));
  if (auto a = CalendarDate(i, allow_proclitic)) consider(ToParse(*a));
  consider(DecadeOrCentury(i, allow_proclitic));
  consider(YearFraction(i, allow_proclitic));
  consider(Holiday(i, allow_proclitic));
  consider(SeasonExpr(i, allow_proclitic));
  return best;
}

std::optional<Parse> Grammar::ToParse(const AbsParse& a) const {
  std::optional<DateOut> out = Finalize(a.abs);
  if (!out) return std::nullopt;
  return Parse{a.end_token, a.skip_bytes, std::move(*out)};
}

// "يوم" / "اليوم" in front of a day or weekday.
size_t Grammar::SkipDayWord(size_t i, bool allow_proclitic, uint32_t* skip) const {
  if (auto w = Word(i, K::kDayWord, allow_proclitic)) {
    *skip = w->skip_bytes;
    return w->end_token;
  }
  return i;
}

}  // namespace kashif::internal::date_grammar
