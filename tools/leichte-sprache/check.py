#!/usr/bin/env python3
"""Checks the Leichte Sprache bundles (i18n/*_ls.properties) against the rules a machine can check.

Usage: python3 tools/leichte-sprache/check.py [bundle ...]   (default: every *_ls.properties)
Exit code 1 on an error; warnings (passive, subjunctive, genitive, negation) are only printed.
"""
import pathlib
import re
import sys

I18N = pathlib.Path(__file__).resolve().parents[2] / "src/main/resources/i18n"

MAX_WORDS = 12
MAX_AVERAGE = 10.0
MAX_LETTERS = 14

ABBREVIATIONS = re.compile(
    r"(?<!\w)(z\.\s?B\.|bzw\.|ggf\.|usw\.|etc\.|d\.\s?h\.|ca\.|inkl\.|evtl\.|u\.\s?a\.|o\.\s?ä\.|vgl\.|bspw\.|"
    r"Nr\.|Std\.|min\.|Min\.|Art\.|Abs\.|lit\.|Tel\.|max\.|mind\.|Mio\.|Mrd\.|s\.\s?o\.|s\.\s?u\.)", re.IGNORECASE)
SPECIAL = re.compile(r"[%§&]")
NUMBER_WORDS = re.compile(
    r"\b(zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|dreißig|vierzig|fünfzig|hundert|tausend)\b",
    re.IGNORECASE)
NUMERIC_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.(\d{2,4})?\b")
TIME_WITHOUT_UHR = re.compile(r"\b\d{1,2}:\d{2}\b(?!\s*Uhr)")
FAMILIAR = re.compile(r"\b(du|dich|dir|dein|deine|deinen|deinem|deiner|euch|euer)\b")
PLACEHOLDER = re.compile(r"\{(\d)[^}]*}")

PASSIVE = re.compile(r"\b(wird|werden|wurde|wurden|worden)\b\s.*\b(ge\w+t|ge\w+en|\w+iert)\b", re.IGNORECASE)
SUBJUNCTIVE = re.compile(r"\b(würde|würden|wäre|wären|könnte|könnten|hätte|hätten|müsste|sollte|sollten|dürfte)\b",
                         re.IGNORECASE)
GENITIVE = re.compile(r"\b(des|eines|meines|Ihres|deren|dessen)\b")
NEGATION = re.compile(r"\b(nicht|kein|keine|keinen|keinem|keiner|nie|nichts|niemand|niemals)\b", re.IGNORECASE)

# Words and sentences judged correct although they raise a warning (the same list the app's admin page uses).
ALLOWED_WARNINGS = pathlib.Path(__file__).resolve().parents[2] / "src/main/resources/easy-language/allowed-warnings.txt"
_allowed = [l.strip() for l in ALLOWED_WARNINGS.read_text(encoding="utf-8").splitlines()] if ALLOWED_WARNINGS.exists() else []
ALLOWED_WORDS = [l[5:].strip() for l in _allowed if l.startswith("word:")]
ALLOWED_SENTENCES = {" ".join(l[9:].split()).lower() for l in _allowed if l.startswith("sentence:")}


def judged(sentence):
    """The sentence without allowed words, or '' when the whole sentence is allowed."""
    if " ".join(sentence.split()).lower() in ALLOWED_SENTENCES:
        return ""
    for word in ALLOWED_WORDS:
        sentence = re.sub(r"(?<![\w·])" + re.escape(word) + r"(?![\w·])", " ", sentence, flags=re.IGNORECASE)
    return sentence


# Long words that readers of Leichte Sprache know as one word; everything else gets a Mediopunkt or a hyphen.
ALLOWED_LONG = {"Datenschutzhinweis"}


def load(path):
    """A .properties file as an ordered dict: continuation lines joined, escapes resolved."""
    entries = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].lstrip()
        i += 1
        if not line or line[0] in "#!":
            continue
        while line.endswith("\\") and not line.endswith("\\\\") and i < len(lines):
            line = line[:-1] + lines[i].lstrip()
            i += 1
        key, _, value = re.split(r"(\s*[=:]\s*)", line, maxsplit=1) if re.search(r"[=:]", line) else (line, "", "")
        value = value.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")
        value = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), value)
        entries[key.strip()] = value
    return entries


def sentences(value):
    """Lines first (mails use line breaks), then sentence ends; '<br>' counts as a line break."""
    for line in re.split(r"\n|<br\s*/?>", value):
        for part in re.split(r"(?<=[.!?])\s+(?=\S)", line.strip()):
            if part.strip():
                yield part.strip()


def words(sentence):
    return [w for w in re.split(r"\s+", sentence) if re.search(r"[\w{]", w)]


def long_parts(sentence):
    for word in words(sentence):
        if word.startswith("http") or "{" in word or "@" in word:
            continue
        bare = re.sub(r"[^\w·\-]", "", word)
        if bare in ALLOWED_LONG:
            continue
        for part in re.split(r"[·\-]", bare):
            if len(re.sub(r"\d", "", part)) > MAX_LETTERS:
                yield word


def check(bundle_path):
    errors, warnings = [], []
    german_path = bundle_path.with_name(bundle_path.name.replace("_ls.properties", ".properties"))
    german = load(german_path)
    easy = load(bundle_path)
    counts = []
    for key, value in easy.items():
        where = f"{bundle_path.name} {key}"
        if key not in german:
            errors.append(f"{where}: key not in German")
            continue
        if sorted(set(PLACEHOLDER.findall(value))) != sorted(set(PLACEHOLDER.findall(german[key]))):
            errors.append(f"{where}: placeholders differ from German")
        if "'" in value or re.sub(r"\{\d[^{}]*}", "", value).count("{") or re.sub(r"\{\d[^{}]*}", "", value).count("}"):
            errors.append(f"{where}: a quote or brace that MessageFormat would misread")
        if not value.strip():
            errors.append(f"{where}: empty")
        # on the whole message, as an abbreviation's full stops would split it into sentences
        for pattern, what in ((ABBREVIATIONS, "abbreviation"), (SPECIAL, "special character")):
            m = pattern.search(value)
            if m:
                errors.append(f"{where}: {what} '{m.group(0)}'")
        for sentence in sentences(value):
            n = len(words(sentence))
            counts.append(n)
            if n > MAX_WORDS:
                errors.append(f"{where}: {n} words: {sentence}")
            for pattern, what in ((NUMBER_WORDS, "number as a word"), (NUMERIC_DATE, "date in digits"),
                                  (TIME_WITHOUT_UHR, "time without 'Uhr'"), (FAMILIAR, "'du' instead of 'Sie'")):
                m = pattern.search(sentence)
                if m:
                    errors.append(f"{where}: {what} '{m.group(0)}': {sentence}")
            for word in long_parts(sentence):
                errors.append(f"{where}: long word '{word}'")
            for pattern, what in ((PASSIVE, "passive"), (SUBJUNCTIVE, "subjunctive"), (GENITIVE, "genitive"),
                                  (NEGATION, "negation")):
                m = pattern.search(judged(sentence))
                if m:
                    warnings.append(f"{where}: {what} '{m.group(0)[:30]}'")
    average = sum(counts) / len(counts) if counts else 0
    if average > MAX_AVERAGE:
        errors.append(f"{bundle_path.name}: on average {average:.1f} words per sentence")
    return errors, warnings, len(easy), len(counts), average


def main(args):
    paths = [I18N / f"{b}_ls.properties" for b in args] if args else sorted(I18N.glob("*_ls.properties"))
    failed = False
    for path in paths:
        errors, warnings, keys, sentence_count, average = check(path)
        print(f"{path.name}: {keys} keys, {sentence_count} sentences, {average:.1f} words on average, "
              f"{len(errors)} errors, {len(warnings)} warnings")
        for e in errors:
            print("  ERROR " + e)
        if "-v" in sys.argv or "--warnings" in sys.argv:
            for w in warnings:
                print("  warn  " + w)
        failed |= bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main([a for a in sys.argv[1:] if not a.startswith("-")]))
