#!/usr/bin/env python3
"""Generates a news-like Arabic corpus for benchmarks and stress tests.

Every word comes from the templates and vocabulary below (written for kashif; no outside text),
combined at random with a fixed seed, so the same command always makes the same bytes:

  tools/corpus/make_corpus.py --mb 30 > /tmp/kashif_corpus.txt          # paragraphs, one per line
  tools/corpus/make_corpus.py --mb 100 --format text > big.txt
  tools/corpus/make_corpus.py --lines 1000000 --short --format jsonl > docs.jsonl  # {"id","text"}

The mix is what a news feed looks like to the extractor: people with titles, organizations,
places with proclitics (وبالقاهرة), money in digits and words, Gregorian and Hijri dates, and
plenty of running text between them, with some diacritics, tatweel and Arabic-Indic digits.
"""
import argparse
import json
import random
import sys

GIVEN = ["محمد", "أحمد", "خالد", "سلمى", "فاطمة", "عمر", "يوسف", "ليلى", "حسن", "مريم", "طارق",
         "نادية", "سامي", "هالة", "عبد الله", "عبد الرحمن", "إبراهيم", "رانيا", "ماجد", "زينب"]
FAMILY = ["الحداد", "النجار", "العطار", "الخطيب", "المصري", "الشامي", "البغدادي", "الزين",
          "السعدي", "القاسم", "منصور", "عثمان", "الراشد", "الفارس", "بن علي", "درويش"]
TITLES = ["الرئيس", "وزير الخارجية", "وزيرة الصحة", "رئيس الوزراء", "المتحدث باسم الحكومة",
          "محافظ البنك المركزي", "الأمين العام", "السفير", "الدكتور", "المهندس", "الكاتب"]
PLACES = ["القاهرة", "الرياض", "دبي", "بيروت", "عمّان", "بغداد", "دمشق", "الدوحة", "الكويت",
          "مسقط", "تونس", "الجزائر", "الرباط", "الخرطوم", "صنعاء", "طرابلس", "القدس", "غزة",
          "الإسكندرية", "جدة", "مكة المكرمة", "باريس", "لندن", "واشنطن", "موسكو", "بكين",
          "برلين", "أنقرة", "طهران", "مصر", "السعودية", "الإمارات", "الأردن", "العراق", "سوريا",
          "لبنان", "المغرب", "اليمن", "روسيا", "الصين", "فرنسا", "الولايات المتحدة", "تركيا"]
ORGS = ["الأمم المتحدة", "جامعة الدول العربية", "البنك الدولي", "صندوق النقد الدولي",
        "منظمة الصحة العالمية", "الاتحاد الأوروبي", "مجلس الأمن", "البنك المركزي المصري",
        "شركة أرامكو", "جامعة القاهرة", "الهلال الأحمر", "منظمة أوبك", "مجلس التعاون الخليجي",
        "شركة النيل للتأمين", "بنك مسقط", "وكالة الأنباء الرسمية"]
CURRENCIES = ["دولار", "دينار", "درهم", "ريال", "جنيه", "يورو", "ليرة", "دولار أمريكي",
              "جنيه مصري", "ريال سعودي", "دينار كويتي", "درهم إماراتي"]
SCALES = ["ألف", "مليون", "مليار"]
NUMBER_WORDS = ["ثلاثة", "خمسة", "عشرة", "عشرين", "مائة", "ثلاثمائة", "نصف", "ربع", "سبعة"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
          "أكتوبر", "نوفمبر", "ديسمبر", "كانون الثاني", "شباط", "آذار", "نيسان"]
HIJRI = ["محرم", "صفر", "ربيع الأول", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]
WEEKDAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]
VERBS = ["أعلن", "أكد", "قال", "أوضح", "كشف", "نفى", "أشار", "صرّح", "حذّر", "رحّب"]
EVENTS = ["زيارة رسمية", "اجتماع طارئ", "مؤتمر صحفي", "قمة اقتصادية", "جولة مفاوضات",
          "منتدى الاستثمار", "معرض الكتاب", "اتفاقية تعاون", "حملة تطعيم", "مشروع سكني"]
FILLER = [
    "وجاء ذلك في بيان صدر عقب الاجتماع الذي استمر عدة ساعات",
    "وأضاف أن الحكومة تعمل على تحسين الخدمات العامة وتوفير فرص العمل للشباب",
    "في حين دعا عدد من النواب إلى مراجعة الموازنة قبل إقرارها بشكل نهائي",
    "وتشهد المنطقة منذ أشهر تحركات دبلوماسية مكثفة لاحتواء الأزمة",
    "كما تناول اللقاء سبل تعزيز التعاون الثنائي في مجالات الطاقة والتعليم والصحة",
    "وأشارت التقارير إلى أن معدلات التضخم تراجعت خلال الربع الأخير من العام",
    "ولفت إلى أهمية الحوار بين الأطراف كافة للوصول إلى حلول دائمة",
    "وَقَالَ مُرَاقِبُونَ إِنَّ الْقَرَارَ يَعْكِسُ تَحَوُّلاً فِي السِّيَاسَةِ الاقْتِصَادِيَّةِ",
    "وتـــأتي هذه الخطوة في إطار خطة شاملة للإصلاح الإداري",
    "ومن المنتظر أن تصدر النتائج الرسمية خلال الأيام القليلة المقبلة",
]
PROCLITICS = ["", "", "", "و", "ب", "ل"]


def arabic_indic(n):
    return str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def c(self, seq):
        return self.r.choice(seq)

    def person(self):
        return f"{self.c(TITLES)} {self.c(GIVEN)} {self.c(FAMILY)}"

    def place(self):
        p = self.c(PLACES)
        prefix = self.c(PROCLITICS)
        if prefix in ("ب", "ل") and p.startswith("ال"):
            return prefix + ("ل" + p[1:] if prefix == "ل" else p)
        return prefix + p

    def money(self):
        r = self.r.random()
        if r < 0.4:
            return f"{self.r.randint(2, 999)} {self.c(SCALES)} {self.c(CURRENCIES)}"
        if r < 0.6:
            return f"{self.r.randint(1, 99)},{self.r.randint(0, 999):03d},000 {self.c(CURRENCIES)}"
        if r < 0.8:
            return f"{arabic_indic(self.r.randint(2, 500))} {self.c(SCALES)} {self.c(CURRENCIES)}"
        return f"{self.c(NUMBER_WORDS)} {self.c(['ملايين', 'آلاف', 'مليارات'])} {self.c(CURRENCIES)}"

    def date(self):
        r = self.r.random()
        if r < 0.3:
            return f"{self.r.randint(1, 28)} {self.c(MONTHS)} {self.r.randint(1990, 2026)}"
        if r < 0.45:
            return f"{self.r.randint(1, 28)}/{self.r.randint(1, 12)}/{self.r.randint(2000, 2026)}"
        if r < 0.6:
            return f"{arabic_indic(self.r.randint(1, 29))} {self.c(HIJRI)} {arabic_indic(self.r.randint(1400, 1447))} هـ"
        if r < 0.8:
            return f"يوم {self.c(WEEKDAYS)}"
        return f"{self.c(['أمس', 'اليوم', 'الأسبوع الماضي', 'الشهر المقبل', 'العام الماضي'])}"

    def sentence(self):
        kind = self.r.randint(0, 5)
        if kind == 0:
            return f"{self.c(VERBS)} {self.person()} {self.date()} أن {self.c(ORGS)} خصصت {self.money()} لدعم {self.c(EVENTS)} في {self.place()}."
        if kind == 1:
            return f"وصل {self.person()} إلى {self.place()} {self.date()} في {self.c(EVENTS)} تستغرق {self.c(NUMBER_WORDS)} أيام، والتقى {self.person()}."
        if kind == 2:
            return f"{self.c(FILLER)}، {self.c(FILLER)}."
        if kind == 3:
            return f"وبحسب {self.c(ORGS)} فإن قيمة الصادرات من {self.place()} إلى {self.place()} بلغت {self.money()} حتى {self.date()}."
        if kind == 4:
            return f"{self.c(VERBS)} متحدث باسم {self.c(ORGS)} أن {self.c(EVENTS)} سيعقد {self.date()} بمشاركة وفود من {self.place()} و{self.place()}."
        return f"{self.c(FILLER)} {self.place()}، {self.c(FILLER)}."

    def paragraph(self, sentences):
        low, high = sentences
        return " ".join(self.sentence() for _ in range(self.r.randint(low, high)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, help="stop after this many MB of text")
    ap.add_argument("--lines", type=int, help="stop after this many lines (documents)")
    ap.add_argument("--format", choices=["text", "jsonl"], default="text")
    ap.add_argument("--seed", type=int, default=20250403)
    ap.add_argument("--short", action="store_true",
                    help="1-2 sentences per line (short documents, e.g. for a million-line JSONL)")
    args = ap.parse_args()
    if args.mb is None and args.lines is None:
        args.mb = 30
    limit = None if args.mb is None else int(args.mb * 1024 * 1024)
    gen = Gen(args.seed)
    out = sys.stdout.buffer
    written = 0
    line = 0
    while (limit is None or written < limit) and (args.lines is None or line < args.lines):
        text = gen.paragraph((1, 2) if args.short else (3, 8))
        if args.format == "jsonl":
            data = json.dumps({"id": line, "text": text}, ensure_ascii=False) + "\n"
        else:
            data = text + "\n"
        b = data.encode("utf-8")
        out.write(b)
        written += len(b)
        line += 1


if __name__ == "__main__":
    main()
