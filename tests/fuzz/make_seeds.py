#!/usr/bin/env python3
"""Writes the fuzz seed corpora (corpus/<target>/) and dictionaries (dict/<target>.dict).

The sentences are written for kashif (news-style Arabic on politics, economy and dates); the
dictionaries list Arabic proclitics, suffixes, enclitics, number words, date and money markers,
digits of three scripts and currency signs. libFuzzer dictionaries only take printable ASCII, so
every entry is written with \\xNN escapes and the readable form in a comment.

Run from anywhere: python3 tests/fuzz/make_seeds.py (rewrites the files in place).
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

SENTENCES = [
    "أعلن وزير المالية المصري في القاهرة يوم الأحد ٢٧ فبراير ٢٠٢٢ أن الحكومة خصصت ٣٢٤ مليار دولار لمشروعات البنية التحتية.",
    "وصل الرئيس الفرنسي إلى الرياض أمس في زيارة رسمية تستغرق ثلاثة أيام، والتقى ولي العهد السعودي.",
    "قال متحدث باسم الأمم المتحدة إن المساعدات الإنسانية لغزة تجاوزت 1,250,000 دولار خلال الأسبوع الماضي.",
    "ارتفع سعر صرف الجنيه أمام الدولار إلى 30.9 جنيه، بينما سجل الذهب زيادة قدرها ٢٫٥٪ في تعاملات الخميس.",
    "وَقَّعَتْ شَرِكَةُ أَرَامْكُو اتِّفَاقِيَّةً بِقِيمَةِ خَمْسَةِ مَلَايِينَ رِيَالٍ فِي الخَامِسِ مِنْ رَمَضَانَ ١٤٤٥ هـ.",
    "الـــقـــاهـــرة عاصمة جمهورية مصر العربية وأكبر مدنها.",
    "ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ ﻭﺭﺣﻤﺔ ﺍﻟﻠﻪ ﻻ ﺇﻟﻪ",
    "افتتحت Google مكتبها في دبي عام 2019 باستثمار قدره €20 مليون، وتوسعت في G20.",
    "کتاب یک مدرسه در تهران",
    "عُقد الاجتماع في 15/03/2024 ثم في 2025-02-27 وأخيراً في العاشر من محرم 1446هـ.",
    "دفع المستثمر ١٢ ألف دينار كويتي و٥٠٠ درهم إماراتي و٣٠ ر.س و$100 و£50 و¥1000 و﷼ 20.",
    "وبالقاهرة ولروسيا وللولايات المتحدة فالجزائر كالعادة سيسافر وفد من بيروت إلى عمّان.",
    "\u200fالرياض\u200f \u200cمي\u200cخواهم \u2067دمشق\u2069 \ufeffبغداد",
    "أكد البنك المركزي الأردني أن الاحتياطيات بلغت ثلاثمائة وأربعة وعشرين مليون دينار في نهاية العام الماضي.",
    "التقى الأمين العام لجامعة الدول العربية بوزير الخارجية العماني في مسقط يوم الثلاثاء الموافق 3 أبريل.",
    "سجلت بورصة الدار البيضاء ارتفاعاً بنسبة 1.5% ليصل حجم التداول إلى ٧٥٠ مليون درهم مغربي.",
]

NUMBERS = [
    "ثلاثمائة وأربعة وعشرون", "خمسة ملايين ونصف مليون", "الحادي عشر", "٢٫٥ مليار", "1.5 تريليون",
    "ألفان وخمسمائة", "حداشر", "تلتمية", "ميتين", "ثلاثة أرباع", "١٬٠٠٠", "1,250,000", "3.75",
    "5 ملايين", "العشرون", "الحادي والعشرون", "مئتان وخمسون ألفاً", "دفع ١٢ ألف دينار",
    "بلغ عدد السكان ۱۲۳۴ نسمة", "0.5", "007", "1،5", "وخمسة عشر", "ربع مليون", "تسعمائة وتسعة وتسعون",
]

STEMMER_WORDS = [
    "والمعلمون وبمدرستها فسيكتبونها الجزائر موسكو وزير كان بين للمدينة بالمدينتين",
    "وللولايات كمدرسة فبيته سيذهبون المعلمات مدينتها كتابهما وبالقلم لكم",
    "وَالْمُعَلِّمُونَ بِالْمَدِينَةِ الـمـدرسـة ﻭﺍﻟﻜﺘﺎﺏ أإآٱ",
    "ووووووووالالالالال لللللل ببببب هاهاها",
    "Google 2019 ٢٠٢٢ القاهرة\xff",
]

GAZETTEER_FILES = [
    "# شركات وأشخاص\nجولدمان ساكس\tORG\nمحمد بن سلمان\tPER\tمحمد بن سلمان آل سعود\nوادي حضرموت\tLOC\n",
    "\ufeffبنك مسقط\torg\r\nسلمى الحداد\tpers\r\n\r\nجبل طارق\tGPE\t جبل طارق \r\n",
    "شركة النيل للتأمين\tORG\nمدينة العاشر من رمضان\tLOC\n  # ليست تعليقاً\tPER\n",
    "خالد\tMONEY\n",
    "عمر المختار\n",
    "\tPER\n",
    "دبي\tLOC\tدبي\tزائد\n",
    "القاهرة\xff\tLOC\n",
]

# Seeds for the extractor: 5 option bytes (types mask, flavour, reference date) then the text.
EXTRACTOR_PREFIXES = [
    b"\x00\x00\x7d\x03\x1a",  # all types, built-in data, past bias
    b"\x1f\x01\x7d\x0b\x00",  # all types listed, future bias
    b"\x18\x02\x40\x00\x00",  # MONEY + DATE, civil Hijri calendar
    b"\x07\x08\xff\x0b\x1e",  # PER ORG LOC, far year
    b"\x00\x04\x7d\x03\x1a",  # user entries only (from the text's first lines)
]

DICT_WORDS = {
    "proclitics": ["و", "ف", "ب", "ل", "ك", "س", "ال", "لل", "وال", "بال", "فال", "كال", "وبال", "ولل"],
    "suffixes": ["ة", "ات", "ان", "ين", "ون", "تان", "تين", "ية", "يين", "يون"],
    "enclitics": ["ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ي", "نا"],
    "marks": ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u064c", "\u064d",
              "\u0670", "\u0640", "\u200c", "\u200d", "\u200f", "\ufeff", "\u00ad"],
    "letters": ["أ", "إ", "آ", "ٱ", "ى", "ة", "ؤ", "ئ", "ء", "ک", "ی", "ە", "ﻻ", "ﺍ", "ﷲ", "ﷺ"],
    "digits": ["٠", "١", "٢", "٥", "٩", "۰", "۴", "۹", "٫", "٬", "،", "٪", "؛", "؟"],
    "numbers": ["ألف", "آلاف", "ألفان", "مليون", "ملايين", "مليار", "بليون", "تريليون", "مائة",
                "مئة", "مئتان", "ثلاث", "ثلاثة", "عشرون", "عشرين", "نصف", "ربع", "ثلث", "أرباع",
                "الحادي", "عشر", "الأول", "حداشر", "تلتمية", "ميتين"],
    "money": ["دولار", "دينار", "درهم", "ريال", "جنيه", "ليرة", "يورو", "د.إ", "ر.س", "ج.م",
              "$", "€", "£", "¥", "﷼", "USD", "EGP"],
    "dates": ["يناير", "فبراير", "أبريل", "كانون", "محرم", "رمضان", "ذو الحجة", "هـ", "م", "الأحد",
              "الخميس", "أمس", "غدا", "الماضي", "المقبل", "الأسبوع", "عام", "سنة", "يوم"],
    "entities": ["القاهرة", "الرياض", "الأمم المتحدة", "وزير", "الرئيس", "شركة", "بنك", "جامعة"],
    "syntax": ["\t", "\n", "\r\n", "PER", "ORG", "LOC", "GPE", "#", " ", "/", "-", ".", ","],
    "json": ["{", "}", "[", "]", ":", ",", '"', '"id"', '"text"', '"reference_date"', '"2025-04-03"',
             "null", "true", "false", "-0.5e+3", "007", "\\u", "\\ud83d\\ude00", "\\ud800", "\\udc00",
             '\\"', "\\\\", "\\n", "\ufeff", "\n", "\r\n"],
}

TARGET_DICTS = {
    "normalizer": ["proclitics", "marks", "letters", "digits"],
    "tokenizer": ["marks", "letters", "digits", "money", "syntax"],
    "stemmer": ["proclitics", "suffixes", "enclitics", "marks", "letters"],
    "number": ["proclitics", "numbers", "digits", "marks"],
    # "letters" has the ligatures that expand to several words (ﷺ، ﷲ): with a proclitic before
    # one they overran the analyzer's buffer, a bug only the gazetteer target's dictionary found.
    "extractor": ["proclitics", "suffixes", "numbers", "money", "dates", "entities", "digits", "marks",
                  "letters"],
    "gazetteer_tsv": ["syntax", "entities", "proclitics", "letters"],
    "jsonl": ["json", "entities"],
    "windows": ["proclitics", "numbers", "money", "dates", "entities", "syntax"],
}

# JSONL streams for the jsonl target; the first byte chooses --max-line-bytes (see
# jsonl_fuzzer.cc: 255 is the CLI's default, other values small limits).
JSONL_FILES = [
    (255, '{"id": 1, "text": "وصل الوفد إلى القاهرة أمس", "reference_date": "2025-04-03"}\n'
          '{"id": "b", "text": 5}\nnot json\n\n{"id": [3, {"k": null}], "text": "x"}\n'),
    (255, '\ufeff{"meta": {"a": [1, [2, {"b": null}], "\\u0041"]}, "text": "لا", "text": "نعم"}\r\n'
          '{"id": 007, "text": "x"}\n{"id": tru, "text": "x"}\n{"text": "x"} trailing\n'),
    (3, '{"id": "\\ud83d\\ude00\\ud800\\/\\t", "text": "في موسكو"}\n{"text": "short"}\n{"text": "a"}'),
    (255, '{"id": 2, "text": "abc \udcff"}\n{"id": 3, "text": "\udced\udca0\udc80"}\n'
          '{"id": {"deep": [[[[[[[[1]]]]]]]]}, "text": "ok", "reference_date": null}\n'),
]


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8", "surrogateescape"))


def enc(s):
    # "\xff" in the lists stands for an invalid byte: encode through surrogateescape.
    return s.encode("utf-8", "surrogateescape") if "\udcff" in s else s.replace("\xff", "\udcff").encode("utf-8", "surrogateescape")


def tagger_model(version=1, features=3, labels=7, bits=8, weights=((5, 300), (9, -7), (1700, 32767)),
                 transitions=None):
    """A tagger model file (src/match/ner/tagger_model.h): header, transitions, sparse weights."""
    import struct

    def varint(v):
        out = bytearray()
        while v >= 0x80:
            out.append((v & 0x7F) | 0x80)
            v >>= 7
        out.append(v)
        return bytes(out)

    if transitions is None:
        transitions = [((i * 37) % 200) - 100 for i in range(8 * 7)]
    payload = b"".join(struct.pack("<h", t) for t in transitions)
    last = None
    for index, value in weights:
        payload += varint(index if last is None else index - last)
        payload += varint(((value << 1) ^ (value >> 31)) & 0xFFFFFFFF)
        last = index
    checksum = 2166136261
    for b in payload:
        checksum = ((checksum ^ b) * 16777619) & 0xFFFFFFFF
    header = b"KASHIFTG" + struct.pack("<IIIIfII", version, features, labels, bits, 0.001,
                                       len(payload), checksum)
    return header + payload


def main():
    corpus = os.path.join(HERE, "corpus")
    for i, s in enumerate(SENTENCES):
        write(f"{corpus}/normalizer/sentence_{i:02d}", bytes([0xFF, 0x03]) + enc(s))
        write(f"{corpus}/tokenizer/sentence_{i:02d}", enc(s))
        prefix = EXTRACTOR_PREFIXES[i % len(EXTRACTOR_PREFIXES)]
        write(f"{corpus}/extractor/sentence_{i:02d}", prefix + enc(s))
    write(f"{corpus}/normalizer/all_off", bytes([0x00, 0x00]) + enc(SENTENCES[4]))
    write(f"{corpus}/normalizer/hamza_teh_lower", bytes([0x7F, 0x07]) + enc("مؤتمر رئيس القمة GOOGLE"))
    write(f"{corpus}/tokenizer/invalid_utf8",
          enc("القاهرة") + b"\xff\xfe " + b"\xed\xa0\x80" + enc(" دبي ") + b"\xc0\xaf\xf4\x90\x80\x80\xe2\x82")
    write(f"{corpus}/tokenizer/numbers", enc("1,000 3.5 ٢٧٫٥ 27/2/2025 2025-02-27 1،5 ١٬٠٠٠ 5− 10%"))
    write(f"{corpus}/extractor/user_entries",
          EXTRACTOR_PREFIXES[4] + enc("شركة الواحة الخضراء\tORG\nسلمى الحداد\tPER\n\nقالت سلمى الحداد إن شركة الواحة الخضراء ستفتح فرعاً في وللواحة."))
    write(f"{corpus}/extractor/ligatures",
          EXTRACTOR_PREFIXES[0] + enc("قال النبي ﷺ وللﷺ في مكة، بسم ﷲ، ﻻ لا"))
    write(f"{corpus}/extractor/invalid_utf8",
          EXTRACTOR_PREFIXES[0] + enc("زار وفد من ") + b"\xed\xa0\x80" + enc("القاهرة ") + b"\xff" + enc("دبي في ٣ مارس"))
    for i, s in enumerate(NUMBERS):
        write(f"{corpus}/number/number_{i:02d}", enc(s))
    for i, s in enumerate(STEMMER_WORDS):
        write(f"{corpus}/stemmer/words_{i:02d}", bytes([i % 2]) + enc(s))
    for i, s in enumerate(GAZETTEER_FILES):
        write(f"{corpus}/gazetteer_tsv/file_{i:02d}", enc(s))
    # windows: byte 0 the window size, byte 1 the joint (odd: a line break); the text repeated.
    for i in (0, 4, 9, 11, 14):
        write(f"{corpus}/windows/sentence_{i:02d}", bytes([i, i % 2]) + enc(SENTENCES[i]))
    write(f"{corpus}/windows/paragraph", bytes([3, 1]) + enc(" ".join(SENTENCES[:6])))
    for i, (limit, s) in enumerate(JSONL_FILES):
        write(f"{corpus}/jsonl/stream_{i:02d}", bytes([limit]) + enc(s))

    model = tagger_model()
    write(f"{corpus}/tagger_model/valid", model)
    write(f"{corpus}/tagger_model/truncated_header", model[:20])
    write(f"{corpus}/tagger_model/truncated_payload", model[:-3])
    write(f"{corpus}/tagger_model/corrupt", model[:60] + bytes([model[60] ^ 0x40]) + model[61:])
    write(f"{corpus}/tagger_model/other_version", tagger_model(version=2))
    write(f"{corpus}/tagger_model/other_features", tagger_model(features=1))
    write(f"{corpus}/tagger_model/wide_table", tagger_model(bits=12, weights=((0, 1), (28671, -1))))
    write(f"{corpus}/tagger_model/outside_table", tagger_model(weights=((1792, 4),)))

    for target, groups in TARGET_DICTS.items():
        lines = [f"# {target}: generated by tests/fuzz/make_seeds.py"]
        seen = set()
        for group in groups:
            for word in DICT_WORDS[group]:
                if word in seen:
                    continue
                seen.add(word)
                escaped = "".join(f"\\x{b:02X}" for b in word.encode("utf-8"))
                readable = word.encode("unicode_escape").decode("ascii") if not word.isprintable() else word
                lines.append(f"# {group}: {readable}")
                lines.append(f'"{escaped}"')
        write(os.path.join(HERE, "dict", f"{target}.dict"), "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
