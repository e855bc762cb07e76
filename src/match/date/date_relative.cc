#include "match/date/date_grammar.h"

namespace kashif::internal::date_grammar {

// أمس، اليوم، غدا، بعد غد، الأسبوع الماضي، هذا الشهر، العام المقبل، نهاية الأسبوع الماضي،
// الأيام الخمسة الماضية.
std::optional<Parse> Grammar::Deictic(size_t i, bool allow_proclitic) const {
  if (IsKind(i, TokenKind::kNumber)) return CountedStretch(i);
  std::optional<Parse> best;
  auto consider = [&](std::optional<Parse> p) {
    if (p && (!best || p->end_token > best->end_token)) best = std::move(p);
  };
  // "يوم بعد غد"
  {
    uint32_t skip = 0;
    size_t j = SkipDayWord(i, allow_proclitic, &skip);
    if (j != i) {
      if (auto d = Word(j, K::kDayRel); d && d->word.day_offset != 0) {
        consider(Parse{static_cast<uint32_t>(WithWeekday(d->end_token)), skip,
                       DayOffset(d->word.day_offset)});
      }
    }
  }
  if (auto d = Word(i, K::kDayRel, allow_proclitic); d && !d->word.bound) {
    // "اليوم الثاني من الزيارة" is a day of something else, not today.
    const bool today_word = d->word.day_offset == 0;
    const bool cued = !d->word.weak || CueBefore(i);  // "الغد" alone is also a name
    if (cued && (!today_word || (!NumberAt(d->end_token) && !Has(d->end_token, K::kLast)))) {
      consider(Parse{static_cast<uint32_t>(WithWeekday(d->end_token)), d->skip_bytes,
                     DayOffset(d->word.day_offset)});
    }
  }
  // [weekend_prefix] [part] unit_def (rel | ) ; this unit_def
  size_t j = i;
  uint32_t skip = 0;
  bool first = true;
  if (auto w = Word(j, K::kWeekendPrefix, allow_proclitic)) {
    skip = w->skip_bytes;
    j = w->end_token;
    first = false;
  }
  std::optional<DatePart> part;
  if (auto p = Word(j, K::kPart, first && allow_proclitic)) {
    part = p->word.part;
    if (first) skip = p->skip_bytes;
    j = p->end_token;
    first = false;
  }
  const bool had_prefix = !first;
  if (auto t = Word(j, K::kThis, first && allow_proclitic)) {
    if (auto u = Word(t->end_token, K::kUnitDef); u && u->word.count == 1) {
      if (first) skip = t->skip_bytes;
      if (auto out = UnitOffset(u->word.unit, 0, part)) {
        consider(Parse{u->end_token, skip, std::move(*out)});
      }
    }
  }
  if (auto u = Word(j, K::kUnitDef, first && allow_proclitic)) {
    if (first) skip = u->skip_bytes;
    const DateUnit unit = u->word.unit;
    if (u->word.count == 1) {
      std::optional<DateWordHit> rel = Word(u->end_token, K::kRel);
      if (rel && !AdjectiveUse(j, rel->word)) {
        if (auto out = UnitOffset(unit, rel->word.direction, part)) {
          consider(Parse{rel->end_token, skip, std::move(*out)});
        }
        if (unit == DateUnit::kWeek && !part) {
          consider(WeekDay(rel->end_token, rel->word.direction, skip));
        }
      } else if (had_prefix && unit == DateUnit::kWeek && part == DatePart::kLate) {
        // "نهاية الأسبوع": this week's weekend.
        if (auto out = UnitOffset(unit, 0, part)) {
          consider(Parse{u->end_token, skip, std::move(*out)});
        }
      }
    } else if (u->word.IsDual() && !had_prefix) {
      // "اليومين المقبلين", "العقدين الماضيين"
      if (auto rel = Word(u->end_token, K::kRel); rel && rel->word.direction != 0) {
        if (auto out = Several(unit, 2, rel->word.direction)) {
          consider(Parse{rel->end_token, skip, std::move(*out)});
        }
      }
    } else if (u->word.IsPlural() && !had_prefix) {
      // "الأيام الخمسة الماضية", "الأسابيع الثلاثة القادمة"
      std::optional<Num> n = NumberAt(u->end_token);
      if (n && n->value >= 2 && n->value <= 100) {
        if (auto rel = Word(n->end, K::kRel); rel && rel->word.direction != 0) {
          if (auto out = Several(unit, n->value, rel->word.direction)) {
            consider(Parse{rel->end_token, skip, std::move(*out)});
          }
        }
      } else if (!n) {
        // "السنوات الماضية", "الأيام الأخيرة", "الأشهر المقبلة": an unbounded stretch before or
        // after the reference date (TIMEX3 PAST_REF / FUTURE_REF; nothing to resolve).
        std::optional<int> direction;
        uint32_t end = 0;
        if (auto rel = Word(u->end_token, K::kRel); rel && rel->word.direction != 0) {
          direction = rel->word.direction;
          end = rel->end_token;
        } else if (auto last = Word(u->end_token, K::kLast)) {
          direction = -1;
          end = last->end_token;
        }
        if (direction) {
          DateOut out;
          out.timex = *direction < 0 ? "PAST_REF" : "FUTURE_REF";
          consider(Parse{end, skip, std::move(out)});
        }
      }
    }
  }
  return best;
}

// "غدا الثلاثاء", "أمس الأحد", "يوم غد الاثنين": the weekday after a relative day names the same
// day, so it joins the span (the relative day gives the value).
size_t Grammar::WithWeekday(size_t end) const {
  if (auto wd = Word(end, K::kWeekday, false, /*allow_weak=*/false)) {
    if (!Has(wd->end_token, K::kRel)) return wd->end_token;
  }
  return end;
}

// "منذ ثلاثة أيام", "قبل يومين", "بعد أسبوعين", "منذ عامين", "قبل شهر".
std::optional<Parse> Grammar::Shift(size_t i, bool allow_proclitic) const {
  auto s = Word(i, K::kShift, allow_proclitic);
  if (!s) return std::nullopt;
  size_t j = s->end_token;
  int count = 1;
  std::optional<Num> n = NumberAt(j);
  if (n) {
    if (n->ordinal || n->value < 1 || n->value > 10000) return std::nullopt;
    count = n->value;
    j = n->end;
  }
  auto u = Word(j, K::kUnit);
  if (!u) return std::nullopt;
  bool vague = false;
  if (n) {
    // A count takes a plural (3-10) or an accusative singular (11+) unit, not a dual.
    if (u->word.IsDual()) return std::nullopt;
  } else {
    if (u->word.weak) return std::nullopt;  // "بعد عقد اتفاقية": the signing
    // "منذ عام 2011", "قبل سنة 1987": the year word names the year that follows it.
    if (u->word.unit == DateUnit::kYear && YearNumber(u->end_token, true, false)) {
      return std::nullopt;
    }
    // "قبل أيام": some days ago. ("بعد أيام" mostly tells a story, "days later", and "منذ
    // أيام" is as often "for days".)
    vague = u->word.IsPlural();
    if (vague && (s->word.direction > 0 || s->word.since)) return std::nullopt;
    count = u->word.count;
  }
  size_t end = u->end_token;
  // "بعد ثلاثة أسابيع من الآن": counted from now, which joins the span.
  if (const size_t now = FromNow(end); now != end) {
    end = now;
  } else if (Has(end, K::kRangeFrom) || AnchorWord(end)) {
    // "بعد يومين من الاجتماعات" counts from an event, not from the reference date.
    return std::nullopt;
  }
  const DateUnit unit = u->word.unit;
  const int offset = s->word.direction * count;
  // Keep the arithmetic small; the result is checked against years 1-9999 below.
  static constexpr int kMaxCount[] = {10000, 10000, 10000, 10000, 1000, 100};
  if (count > kMaxCount[static_cast<int>(unit)]) return std::nullopt;
  DateOut out;
  if (!ref_ || vague) {
    out.timex = s->word.direction < 0 ? "PAST_REF" : "FUTURE_REF";
    return Parse{static_cast<uint32_t>(end), s->skip_bytes, out};
  }
  switch (unit) {
    case DateUnit::kDay:
      out = DayOffset(offset);
      break;
    case DateUnit::kWeek:
      out = DayOffset(7 * offset);
      break;
    case DateUnit::kMonth: {
      // "قبل شهرين": a month, as "قبل عشرين عاما" is a year (the day is not known).
      CivilDate d = AddMonths(*ref_, offset);
      out.timex = FormatMonth(d.year, d.month);
      out.span = MonthSpan(d.year, d.month);
      break;
    }
    case DateUnit::kYear: {
      CivilDate d = AddMonths(*ref_, 12 * offset);
      out.timex = FormatYear(d.year);
      out.span = YearSpan(d.year);
      break;
    }
    case DateUnit::kDecade:
    case DateUnit::kCentury: {
      const int years = (unit == DateUnit::kDecade ? 10 : 100) * offset;
      out.timex = FormatYear(ref_->year + years);
      out.span = YearSpan(ref_->year + years);
      break;
    }
  }
  if (out.span && (out.span->first.year < 1 || out.span->last.year > 9999)) return std::nullopt;
  return Parse{static_cast<uint32_t>(end), s->skip_bytes, std::move(out)};
}

// "الـ5 أيام الماضية", "الـ3 أشهر المقبلة": a count in digits with the article written apart,
// a unit and a direction; read at the digits, it starts at the article.
std::optional<Parse> Grammar::CountedStretch(size_t i) const {
  if (i == 0 || !doc_.tokens[i].glued_to_previous || !IsKind(i - 1, TokenKind::kArabicWord) ||
      doc_.Key(i - 1) != kArticle) {
    return std::nullopt;
  }
  std::optional<Num> n = NumberAt(i);
  if (!n || n->value < 2 || n->value > 100) return std::nullopt;
  auto u = Word(n->end, K::kUnit);
  if (!u || u->word.IsDual()) return std::nullopt;
  auto rel = Word(u->end_token, K::kRel);
  if (!rel || rel->word.direction == 0) return std::nullopt;
  std::optional<DateOut> out = Several(u->word.unit, n->value, rel->word.direction);
  if (!out) return std::nullopt;
  Parse p{rel->end_token, 0, std::move(*out)};
  p.from_previous_token = true;
  return p;
}

// "الأسبوع المقبل يوم الثلاثاء": [يوم] weekday at t names that day of the week `offset` weeks
// from the reference date's.
std::optional<Parse> Grammar::WeekDay(size_t t, int offset, uint32_t skip) const {
  uint32_t unused = 0;
  auto wd = Word(SkipDayWord(t, false, &unused), K::kWeekday, false, /*allow_weak=*/false);
  if (!wd) return std::nullopt;
  DateOut out;
  out.timex = "XXXX-WXX-" + std::to_string(wd->word.weekday);
  if (ref_) {
    const CivilDate d = AddDays(WeekStart(AddDays(*ref_, 7 * offset)), wd->word.weekday - 1);
    out.timex = FormatDay(d);
    out.span = DaySpan(d);
  }
  return Parse{wd->end_token, skip, std::move(out)};
}

// "الشهر" alone after من: the current month ("الجمعة الثانية من الشهر").
std::optional<Grammar::MonthRef> Grammar::ThisMonth(size_t t) const {
  auto w = Word(t, K::kUnitDef);
  if (!w || w->word.unit != DateUnit::kMonth || w->word.count != 1 || Has(w->end_token, K::kRel)) {
    return std::nullopt;
  }
  MonthRef r;
  r.end_token = w->end_token;
  r.month_offset = 0;
  r.with_month_word = true;
  return r;
}

// "من الآن" / "من اليوم" at i: the end of those words, else i.
size_t Grammar::FromNow(size_t i) const {
  auto from = Word(i, K::kRangeFrom);
  if (!from || from->word.between || from->end_token != i + 1) return i;
  auto now = Word(i + 1, K::kDayRel);
  return now && now->word.day_offset == 0 ? now->end_token : i;
}

// "على" after "بعد يومين": also an event anchor ("بعد يومين على الهجوم").
bool Grammar::AnchorWord(size_t i) const {
  if (i >= Size()) return false;
  static const std::string kAla = [] {
    std::string k;
    Analyzer().AppendMatchForm("على", &k);
    return k;
  }();
  return doc_.Key(i) == kAla;
}

// "يوم الخميس", "الخميس الماضي", "احد الأسبوع الماضي", "الاثنين 18 شباط",
// "يوم الثلاثاء الموافق 5 / 8 / 2008", "السبت السادس عشر", "الثلاثاء الثالث من شهر أيلول".
std::optional<Parse> Grammar::WeekdayExpr(size_t i, bool allow_proclitic) const {
  uint32_t skip = 0;
  size_t j = i;
  // "هذا الاثنين": this one, as the bias points.
  if (auto t = Word(i, K::kThis, allow_proclitic)) {
    skip = t->skip_bytes;
    j = t->end_token;
  }
  const bool this_word = j != i;
  j = SkipDayWord(j, allow_proclitic && !this_word, this_word ? &unused_ : &skip);
  const bool day_word = j != i;
  std::optional<DateWordHit> wd = Word(j, K::kWeekday, allow_proclitic && !day_word);
  if (!wd) return std::nullopt;
  if (!this_word && i > 0 && Has(i - 1, K::kNotBeforeWeekday, true)) {
    return std::nullopt;  // "سوق الجمعة", "صلاة الجمعة", "كل يوم جمعة"
  }
  if (!day_word) skip = wd->skip_bytes;
  const int weekday = wd->word.weekday;
  size_t k = wd->end_token;
  const bool weak = wd->word.weak;
  std::optional<Parse> best;
  auto consider = [&](std::optional<Parse> p) {
    if (p && (!best || p->end_token > best->end_token)) best = std::move(p);
  };
  // "الخميس الماضي" / "الثلاثاء القادم": the previous / next one, today excluded.
  if (auto rel = Word(k, K::kRel); rel && rel->word.direction != 0) {
    DateOut out;
    out.timex = "XXXX-WXX-" + std::to_string(weekday);
    if (ref_) {
      CivilDate d = WeekdayNear(*ref_, weekday, rel->word.direction > 0, true);
      out.timex = FormatDay(d);
      out.span = DaySpan(d);
    }
    consider(Parse{rel->end_token, skip, std::move(out)});
  }
  // "أحد الأسبوع الماضي", "الخميس من الأسبوع المقبل", "جمعة هذا الأسبوع".
  {
    size_t m = k;
    if (auto f = Word(m, K::kRangeFrom); f && f->end_token == m + 1) ++m;
    std::optional<int> offset;
    size_t end = 0;
    if (auto u = Word(m, K::kUnitDef); u && u->word.unit == DateUnit::kWeek && u->word.count == 1) {
      if (auto rel = Word(u->end_token, K::kRel)) {
        offset = rel->word.direction;
        end = rel->end_token;
      }
    } else if (auto t = Word(m, K::kThis)) {
      if (auto u2 = Word(t->end_token, K::kUnitDef); u2 && u2->word.unit == DateUnit::kWeek) {
        offset = 0;
        end = u2->end_token;
      }
    }
    if (offset) {
      DateOut out;
      out.timex = "XXXX-WXX-" + std::to_string(weekday);
      if (ref_) {
        CivilDate d = AddDays(WeekStart(AddDays(*ref_, 7 * *offset)), weekday - 1);
        out.timex = FormatDay(d);
        out.span = DaySpan(d);
      }
      consider(Parse{static_cast<uint32_t>(end), skip, std::move(out)});
    }
  }
  // A calendar date after the weekday: "الاثنين 18 شباط", "الخميس، 27 فبراير 2025",
  // "يوم الثلاثاء الموافق 5 / 8 / 2008", "يوم السبت 21/09".
  // (A word ordinal right after the weekday is the ordinal branch's below.)
  if (std::optional<Num> o = NumberAt(k); !(o && o->ordinal)) {
    size_t m = k;
    if (IsComma(m)) ++m;
    if (Has(m, K::kDateCue)) ++m;
    std::optional<AbsParse> date = DayMonth(m, false);
    if (auto n = Numeric(m, false, /*allow_two=*/true);
        n && (!date || n->end_token > date->end_token)) {
      date = n;
    }
    if (date) {
      date->abs.day_weekday = weekday;
      if (auto p = ToParse(*date)) consider(Parse{p->end_token, skip, std::move(p->out)});
    }
  }
  // An ordinal after the weekday: "السبت السادس عشر" (the 16th), "الثلاثاء الثالث من شهر
  // أيلول" (the third Tuesday, unless the 3rd of that month is a Tuesday).
  if (std::optional<Num> n = NumberAt(k); n && n->ordinal && n->value >= 1 && n->value <= 31) {
    size_t m = n->end;
    std::optional<MonthRef> month;
    if (auto f = Word(m, K::kRangeFrom); f && f->end_token == m + 1) {
      month = Month(m + 1, false);
      if (!month) month = ThisMonth(m + 1);  // "الجمعة الثانية من الشهر"
    }
    if (month && month->calendar == Calendar::kGregorian) {
      Abs a;
      a.month = month->month;
      a.month_offset = month->month_offset;
      size_t end = month->end_token;
      if (auto y = TrailingYear(end)) {
        ApplyYear(*y, &a);
        end = y->end_token;
      }
      Abs as_day = a;
      as_day.day = n->value;
      std::optional<DateOut> day_out = Finalize(as_day);
      bool day_fits = day_out && day_out->span && IsoWeekday(day_out->span->first) == weekday;
      if (!day_fits && n->value <= 5) {
        Abs as_nth = a;
        as_nth.weekday = weekday;
        as_nth.nth = n->value;
        if (auto out = Finalize(as_nth)) {
          consider(Parse{static_cast<uint32_t>(end), skip, std::move(*out)});
        }
      } else if (day_out) {
        consider(Parse{static_cast<uint32_t>(end), skip, std::move(*day_out)});
      }
    } else if (!month) {
      // "السبت السادس عشر": that day of the month nearest the reference date that falls on
      // that weekday; without a reference, the day of an unknown month.
      DateOut out;
      out.timex = "XXXX-XX-" + Pad2(n->value);
      if (ref_) {
        for (int back = 0; back < 24; ++back) {
          const int step = Future() ? back : -back;
          CivilDate m1 = AddMonths(CivilDate{ref_->year, ref_->month, 1}, step);
          if (n->value > DaysInMonth(m1.year, m1.month)) continue;
          CivilDate d{m1.year, m1.month, n->value};
          if (IsoWeekday(d) != weekday) continue;
          if (Future() ? DaysBetween(*ref_, d) < 0 : DaysBetween(d, *ref_) < 0) continue;
          out.timex = FormatDay(d);
          out.span = DaySpan(d);
          break;
        }
      }
      consider(Parse{n->end, skip, std::move(out)});
    }
  }
  // "آخر / الأخير"? — handled by NthExpr. A bare weekday, with the bias.
  if (!weak || day_word) {
    Abs a;
    a.weekday = weekday;
    if (auto out = Finalize(a)) consider(Parse{static_cast<uint32_t>(k), skip, std::move(*out)});
  }
  return best;
}

// "ثالث ثلاثاء في أيلول 2014", "آخر اثنين من شهر آذار", "آخر يوم بشهر عشرة سنة 2015",
// "آخر أسبوع في سبتمبر لعام 2014", "الثلاثاء الأخير من شهر مارس", "اليوم الأخير من شهر
// عشرة", "الأسبوع الأخير في الشهر التاسع".
std::optional<Parse> Grammar::NthExpr(size_t i, bool allow_proclitic) const {
  int nth = 0;
  int weekday = 0;
  bool day = false;
  bool week = false;
  size_t j = i;
  uint32_t skip = 0;
  if (auto n = Word(i, K::kNth, allow_proclitic)) {
    nth = n->word.nth;
    skip = n->skip_bytes;
    j = n->end_token;
    uint32_t s2 = 0;
    size_t k = SkipDayWord(j, false, &s2);
    if (auto wd = Word(k, K::kWeekday)) {
      weekday = wd->word.weekday;
      j = wd->end_token;
    } else if (k != j) {
      day = true;
      j = k;
    } else if (auto w = Word(j, K::kWeekWord)) {
      week = true;
      j = w->end_token;
    } else if (auto u = Word(j, K::kUnit);
               u && nth > 0 && u->word.unit == DateUnit::kDay && u->word.IsPlural()) {
      // "ثاني أيام عيد الأضحى": the nth day of a holiday.
      std::optional<Parse> p = Holiday(u->end_token, false, nth - 1);
      if (p) p->skip_bytes = skip;
      return p;
    } else {
      return std::nullopt;
    }
  } else {
    // weekday / day / week followed by الأخير
    std::optional<DateWordHit> head = Word(i, K::kWeekday, allow_proclitic, false);
    if (head) {
      weekday = head->word.weekday;
    } else if ((head = Word(i, K::kUnitDef, allow_proclitic)) && head->word.count == 1 &&
               (head->word.unit == DateUnit::kDay || head->word.unit == DateUnit::kWeek)) {
      day = head->word.unit == DateUnit::kDay;
      week = !day;
    } else {
      return std::nullopt;
    }
    skip = head->skip_bytes;
    if (auto last = Word(head->end_token, K::kLast)) {
      nth = -1;
      j = last->end_token;
    } else if (std::optional<Num> n = NumberAt(head->end_token);
               week && n && n->ordinal && n->value >= 1 && n->value <= 5) {
      // "الأسبوع الثاني من مارس"
      nth = n->value;
      j = n->end;
    } else {
      return std::nullopt;
    }
  }
  // "ثالث ثلاثاء بعد كريسماس 2014", "أول جمعة بعد عيد الفطر": counted from a day.
  if (weekday != 0 && nth > 0) {
    if (auto shift = Word(j, K::kShift); shift && shift->end_token == j + 1) {
      if (std::optional<Parse> anchor = Single(j + 1, false);
          anchor && anchor->out.span && anchor->out.span->first == anchor->out.span->last) {
        const CivilDate from = anchor->out.span->first;
        const bool after = shift->word.direction > 0;
        CivilDate d = WeekdayNear(from, weekday, after, /*strict=*/true);
        d = AddDays(d, (after ? 7 : -7) * (nth - 1));
        DateOut out;
        out.timex = FormatDay(d);
        out.span = DaySpan(d);
        return Parse{anchor->end_token, skip, std::move(out)};
      }
    }
  }
  // (من | في | ب) month
  std::optional<MonthRef> month;
  if (auto f = Word(j, K::kRangeFrom); f && f->end_token == j + 1) {
    month = Month(j + 1, false);
  } else if (auto c = Word(j, K::kCue); c && c->end_token == j + 1) {
    month = Month(j + 1, false);
  } else {
    month = Month(j, true);
  }
  if (!month && j + 1 < Size()) month = ThisMonth(j + 1);  // "من الشهر"
  if (!month || month->calendar != Calendar::kGregorian) return std::nullopt;
  Abs a;
  size_t end = MonthAndYear(*month, &a);
  // "آخر أسبوع في سبتمبر لعام 2014": the year after a preposition.
  auto c = end == month->end_token ? Word(end, K::kCue) : std::nullopt;
  if (c && c->end_token == end + 1) {
    if (auto y2 = Year(end + 1, true, true)) {
      ApplyYear(*y2, &a);
      end = y2->end_token;
    }
  }
  if (weekday != 0) {
    a.weekday = weekday;
    a.nth = nth;
  } else if (day) {
    // "آخر يوم من الشهر", "رابع يوم من شهر آب"
    if (nth == -1) {
      a.last_day = true;
    } else {
      a.day = nth;
    }
  } else if (week) {
    a.week_of_month = nth;
  }
  std::optional<DateOut> out = Finalize(a);
  if (!out) return std::nullopt;
  return Parse{static_cast<uint32_t>(end), skip, std::move(*out)};
}

}  // namespace kashif::internal::date_grammar
