"""Sample sizes: how many people (or firms, or call centres) a survey asked, and who they are.

A count is a sample size only when the sentence ties it to asking (``asked``): the
object of a survey verb ("surveyed 131 U.S. executives"), the object of a survey
noun ("a poll of 1,313 people"), a group that "were interviewed", or respondents
by name. Counts of countries, industries, money and years never qualify.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterable, Optional

import numpy
from spacy.attrs import LIKE_NUM, POS
from spacy.symbols import NUM
from spacy.tokens import Doc, Span, Token

from .. import grammar
from ..extensions import doc_text
from ..lexicon import Lexicon
from ..percentages.component import DEFAULT_SPANS_KEY as PERCENT_KEY
from ..phrases import extend_defining_tail, is_break, is_people, trim_phrase
from .asked import after_survey_of, asked, people_after, quantified_head, subject_lemma
from .patterns import N_EQUALS, Sample, SamplePatterns

# What every 'a 5,000-physician survey' holds (patterns.COUNT_COMPOUND): a digit, a hyphen, a
# lower-case letter. Found in a fraction of the time the full pattern takes to scan a text.
COMPOUND_HINT = re.compile(r"\d-[a-z]")


def _in_age_band(doc: Doc, sent: Span, tok: Token, patterns: SamplePatterns) -> bool:
    """Is the number one end of an age band: 'ages 18-34', 'aged 18 to 24', 'age 65 or older'?"""
    ages = patterns.lex.word_set("age_words")
    first = next((t.i for t in doc[max(sent.start, tok.i - 3):tok.i] if t.lower_ in ages), None)
    return first is not None and all(t.lower_ in ages or t.like_num or t.text in grammar.RANGE_WORDS
                                     or t.lower_ in grammar.COORDINATORS for t in doc[first + 1:tok.i])


def _numerator(doc: Doc, tok: Token, patterns: SamplePatterns) -> bool:
    """'More than two-thirds (67%)', 'Nearly three-quarters': the number is the top of a fraction whose digits
    come in brackets, not a count of people."""
    j = tok.i + 1
    if j < len(doc) and doc[j].text in ("-", "\u2013"):
        j += 1
    return j < len(doc) and doc[j].lower_ in patterns.lex.denominators


def _threshold(doc: Doc, tok: Token, sent: Span, patterns: SamplePatterns) -> bool:
    """A size or age that defines who is meant, not how many answered: 'organizations with over 500 employees',
    'firms with 25 staff or fewer', 'a national sample of 1,910 18 to 34 year-olds', 'children aged 10 or
    younger'. The family: a count after 'with' (a qualifier may stand between), or a count followed by 'or
    more/fewer/less/older/younger', or the low end of a range of years of age."""
    qualifiers = patterns.lex.word_set("threshold_qualifiers")
    before = [t for t in doc[max(sent.start, tok.i - 3):tok.i] if t.lower_ not in qualifiers]
    if before and before[-1].lower_ == "with" and not _interviews_with(doc, before[-1], patterns):
        return True
    words = [t.lower_ for t in doc[tok.i + 1:min(sent.end, tok.i + 5)]]
    # "25 staff or fewer", "1,000 or more employees": the comparative may follow the count or its noun.
    for k in range(min(3, len(words) - 1)):
        if words[k] == "or" and words[k + 1] in patterns.lex.word_set("threshold_comparatives"):
            return True
    # "18 to 34 year-olds" (the low end of an age band), "24 year olds" (the high end)
    return _opens_age_band(doc, tok.i, patterns) or _years_of_age(words)


def _interviews_with(doc: Doc, with_: Token, patterns: SamplePatterns) -> bool:
    """'telephone interviews with 1,500 parents', 'conversations with 45 CEOs', 'spoke with 136 IT workers': 'with'
    after an interview or a verb of speaking says whom it spoke to, not a size that defines them."""
    before = doc[with_.i - 1] if with_.i > 0 else None
    return before is not None and (before.lower_ in grammar.INTERVIEW_NOUNS
                                   or before.lemma_.lower() in patterns.lex.word_set("contact_verbs"))


def _opens_age_band(doc: Doc, i: int, patterns: SamplePatterns) -> bool:
    """'1,910 [18 to 34 year-olds]': the first number of an age band stays in the population."""
    if not doc[i].like_num or i + 3 >= len(doc) or doc[i + 1].lower_ not in grammar.RANGE_WORDS:
        return False
    return doc[i + 2].like_num and _years_of_age([t.lower_ for t in doc[i + 3:i + 6]])


def _years_of_age(words: list[str]) -> bool:
    """'year-olds', 'year olds', 'years old': the words after a number that make it an age."""
    return bool(words) and (words[0] in ("year-olds", "year-old") or words[0] in ("year", "years") and len(words) > 1
                            and words[1] in ("-", "olds", "old") or words[:3] == ["year", "-", "olds"])


def _numeric_tokens(doc: Doc) -> list[int]:
    """Offsets of the tokens that look like a number or are tagged one, read off the token arrays once
    per document (the sentences' other tokens are never a count)."""
    arr = doc.to_array([LIKE_NUM, POS])
    return numpy.flatnonzero((arr[:, 0] != 0) | (arr[:, 1] == NUM)).tolist()


def _number_tokens(doc: Doc, sent: Span, percent_tokens: set[int], patterns: SamplePatterns,
                   numeric: Optional[list[int]] = None) -> list[Token]:
    """Counts that could be a sample size; ``numeric``: ``_numeric_tokens(doc)``, when the caller has it."""
    out = []
    numeric = _numeric_tokens(doc) if numeric is None else numeric
    lex = patterns.lex
    currency, magnitudes = lex.word_set("currency_symbols"), lex.word_set("magnitudes")
    months = lex.word_set("month_names")
    for i in numeric[bisect_left(numeric, sent.start):bisect_left(numeric, sent.end)]:
        tok = doc[i]
        if tok.i in percent_tokens:
            continue
        value = patterns.percent.number_value(tok.text)
        if value is None or value < 2 or value != int(value):
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if prev is not None and prev.text.lower() in currency:
            continue
        if nxt is not None and nxt.lower_ in magnitudes and prev is not None and prev.text.lower() in currency:
            continue
        if "," not in tok.text and 1900 <= value <= 2100 and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN")):
            continue  # a year
        if value <= 31 and any(t.lower_.rstrip(".") in months
                               for t in doc[max(sent.start, tok.i - 3):min(sent.end, tok.i + 4)]):
            continue  # a day: "between June 22 and 30, 2009", "Feb. 25 to March 8", "between 11 and 27 February"
        if value <= 120 and _in_age_band(doc, sent, tok, patterns):
            continue  # an age: "2,000 adults (ages 18-34)", "aged 18 to 24", "age 65 or older"
        if _numerator(doc, tok, patterns) or _threshold(doc, tok, sent, patterns):
            continue
        out.append(tok)
    return out


def find_samples(doc: Doc, sentences: Iterable[tuple[int, int]], patterns: SamplePatterns,
                 percent_key: str = PERCENT_KEY) -> list[Sample]:
    """Sample sizes in the given sentences (token offsets), in reading order."""
    percent_tokens = frozenset(i for span in doc.spans.get(percent_key, []) for i in range(span.start, span.end))
    found: list[Sample] = []
    numeric = _numeric_tokens(doc)
    for s, e in sentences:
        sent = doc[s:e]
        accepted: dict[int, Sample] = {}
        numbers = _number_tokens(doc, sent, percent_tokens, patterns, numeric)  # read by both passes
        for num in numbers:
            head = quantified_head(num) or people_after(doc, num, patterns)
            if head is None:
                bare = _bare_count(doc, num, patterns, (s, e))
                if bare is not None:
                    accepted[num.i] = bare
                continue
            if _counts_no_people(head, patterns.lex):
                continue
            if not (asked(head, patterns, percent_tokens) or after_survey_of(doc, num, head, patterns)):
                continue
            accepted[num.i] = _make_sample(doc, num, head, patterns, (s, e), stops=percent_tokens)
        # "401 people before ... and 601 afterwards", "400 senior marketing and 250 IT executives"
        for num in numbers:
            if num.i in accepted:
                continue
            partner = next((accepted[t.i] for t in (num.head, *num.head.children) if t.i in accepted and t.i != num.i), None)
            if partner is None and num.dep_ == "conj" and num.head.i in accepted:
                partner = accepted[num.head.i]
            own = quantified_head(num)
            if partner is None and own is None and num.i > 0 and doc[num.i - 1].lower_ in ("and", ","):
                # "interviewed 401 people before ... and 601 afterwards"
                partner = next((accepted[i] for i in sorted(accepted, reverse=True) if i < num.i), None)
            if partner is None and own is not None and is_people(own, patterns.lex):
                # "The survey of 1,000 UK workers and 500 HR managers": a count of people coordinated right after a
                # sample's population, however the parser hung it, is a sub-sample side by side with it
                partner = _coordinated_after(doc, num, accepted)
            if partner is None and own is not None and is_people(own, patterns.lex) and _breakdown_after(doc, num, accepted, patterns):
                # "surveyed 720 senior business technology executives; 537 CIOs/VPs of IT and 182 corporate managers"
                partner = next(accepted[i] for i in sorted(accepted, reverse=True) if i < num.i)
            if partner is None and own is not None and is_people(own, patterns.lex) and _fronted_base(doc, num, own, s, percent_tokens, patterns):
                accepted[num.i] = _make_sample(doc, num, own, patterns, (s, e), stops=percent_tokens)
                continue
            if partner is None:
                continue
            if own is not None and _counts_no_people(own, patterns.lex):
                continue
            accepted[num.i] = _make_sample(doc, num, own, patterns, (s, e), fallback=partner.population,
                                           stops=percent_tokens)
        found.extend(sorted(accepted.values(), key=lambda x: x.start))
    _split_shared_heads(doc, found)
    return found


def _names_no_people(word: str, lex: Lexicon) -> bool:
    """Places, amounts and times ('24 countries', '500 stores', '$5 million', '10 years'): a count of them is
    not a count of the people asked."""
    return (word in lex.word_set("non_respondent_count_nouns") or word in lex.word_set("amount_nouns")
            or word in lex.word_set("time_nouns"))


def _counts_no_people(noun: Token, lex: Lexicon) -> bool:
    """``_names_no_people`` of the noun a number counts, as written or as its lemma."""
    return _names_no_people(noun.lemma_.lower(), lex) or _names_no_people(noun.lower_, lex)


def _coordinated_after(doc: Doc, num: Token, accepted: dict[int, Sample]) -> Optional[Sample]:
    """The sample whose population ends right before the 'and' that opens ``num``'s phrase: '1,000 UK workers
    and 500 HR managers'."""
    if num.i < 2 or doc[num.i - 1].lower_ != "and":
        return None
    return next((smp for smp in accepted.values() if smp.population is not None and smp.population[1] == num.i - 1),
                None)


def _breakdown_after(doc: Doc, num: Token, accepted: dict[int, Sample], patterns: SamplePatterns) -> bool:
    """Is this count part of a list that breaks down a total stated just before it, after a ';', ':' or
    dash ('720 executives; 537 CIOs and 182 managers', '2,000 adults - 1,000 men and 1,000 women')?"""
    earlier = [i for i in accepted if i < num.i]
    if not earlier:
        return False
    between = doc[max(earlier):num.i]
    return any(t.text in (";", ":", "\u2014", "\u2013", "-", "(") for t in between) and not any(
        t.lower_ in grammar.CONTRAST_WORDS for t in between)


def _fronted_base(doc: Doc, num: Token, head: Token, start: int, figure_tokens: frozenset[int],
                  patterns: SamplePatterns) -> bool:
    """'of 1,806 retailers across 10 categories, 61% say ...': a base set up front for the figure."""
    of = head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    if of is None:
        return False
    # ("of the 145 companies reporting, 76% ...": an article, or a qualifier, between 'of' and the count)
    between = [t.lower_ for t in doc[of.i + 1:num.i]]
    base = patterns.lex.word_set("base_qualifiers")
    if len(between) > 3 or not all(w in base or w in ("the", "all", "those") for w in between):
        return False
    comma = next((t.i for t in doc[head.i:min(len(doc), head.i + 12)] if t.text == ","), None)
    return comma is not None and any(comma < i <= comma + 4 for i in figure_tokens) and (
        of.i == start or doc[of.i - 1].lower_ in ("that", "which") or doc[of.i - 1].lower_ in grammar.CLAUSE_OPENERS)


def written_counts(doc: Doc, taken: set[int], patterns: SamplePatterns) -> list[Sample]:
    """Bases written 'n = 1,024' or into the survey's name ('a 5,000-physician survey'), anywhere in
    the text (no parse needed)."""
    out = []
    text = doc_text(doc)
    # Each pattern runs only on a text that holds what it cannot match without ('=', a digit glued to a
    # word by a hyphen): most articles hold neither, and a scan of the whole text is the cost.
    passes = [p for p, needed in ((N_EQUALS, "=" in text), (patterns.count_compound, bool(COMPOUND_HINT.search(text))))
              if needed]
    for pattern in passes:
        for m in pattern.finditer(text):
            span = doc.char_span(m.start("num"), m.end("num"), alignment_mode="expand")
            if span is None or span.start in taken:
                continue
            pop = doc.char_span(m.start("pop"), m.end("pop"), alignment_mode="expand") if "pop" in m.groupdict() else None
            if pop is not None and (_names_no_people(pop.text.lower(), patterns.lex)
                                    or _names_no_people(pop.text.lower() + "s", patterns.lex)):
                continue  # "a 24-state survey": states were not asked
            out.append(Sample(span.start, span.end, int(m.group("num").replace(",", "")), "exact",
                              (pop.start, pop.end) if pop is not None else None))
            taken.add(span.start)
    return out


def _bare_count(doc: Doc, num: Token, patterns: SamplePatterns, limit: tuple[int, int]) -> Optional[Sample]:
    """Counts with no noun of their own.

    - a sample named by its survey word: "a sample of 2,000", "a poll of 1,000", "surveys of 1,647 and 844";
    - a base stated as a value: "the respondent base for all questions is 159", "the sample size was 1,000";
    - a part of the sample as a clause: "312 of them work in retail", "40 of those polled run agencies",
      "..., 37 of which were from healthcare companies", "..., of whom 500 are parents" (population: what the
      clause says of the part).
    """
    gov, lex = num.head, patterns.lex
    bases, survey_nouns = lex.word_set("sample_base_nouns"), lex.word_set("survey_nouns")
    if num.dep_ == "pobj" and gov.lower_ == "of" and gov.head.lemma_.lower() in bases:
        return _make_sample(doc, num, None, patterns, limit)
    if num.dep_ in ("attr", "acomp") and gov.lemma_.lower() in lex.word_set("copula_verbs") \
            and subject_lemma(gov) in bases:
        return _make_sample(doc, num, None, patterns, limit)
    taking_part = gov.lemma_.lower() == "return" or gov.lemma_.lower() in lex.word_set("taking_part_verbs")
    if num.dep_ == "nsubj" and taking_part and any(t.lemma_.lower() in survey_nouns for t in doc[limit[0]:limit[1]]):
        return _make_sample(doc, num, None, patterns, limit)  # "... sent questionnaires and 1,957 returned them"
    relative = _relative_part(doc, num, lex, limit)
    if relative is not None:
        return _make_sample(doc, num, None, patterns, limit, fallback=relative)
    verb = _part_clause(num, lex)
    return _make_sample(doc, num, None, patterns, limit, fallback=_predicate(doc, verb)) if verb is not None else None


def _relative_part(doc: Doc, num: Token, lex: Lexicon, limit: tuple[int, int]) -> Optional[tuple[int, int]]:
    """'..., 37 of which were from healthcare companies', '..., of whom 500 are parents': a part of the sample in a
    relative clause hung on it. Read from the words, not the parse, which hangs the "of" on the count, the verb or
    nothing, and may take the verb for a noun ('500 of whom work in retail'). The population is the rest of the
    clause, up to its comma."""
    def word(i: int) -> str:
        return doc[i].lower_ if limit[0] <= i < limit[1] else ""

    relatives = grammar.RELATIVE_PART_PRONOUNS
    if word(num.i + 1) == "of" and word(num.i + 2) in relatives:  # "37 of which were ..."
        start, opened, pronoun = num.i + 3, num.i, word(num.i + 2)
    elif word(num.i - 2) == "of" and word(num.i - 1) in relatives:  # "of whom 500 are ..."
        start, opened, pronoun = num.i + 1, num.i - 2, word(num.i - 1)
    else:
        return None
    # "whom" is people; "which" only after them ('3,000 firms, 40 of which are in Asia' counts firms, not who answered)
    antecedent = doc[opened - 2] if opened - 2 >= limit[0] and doc[opened - 1].text == "," else None
    if pronoun != "whom" and (antecedent is None or not is_people(antecedent, lex)):
        return None
    end = start
    while end < limit[1] and not (doc[end].text in grammar.CLAUSE_CLOSERS or is_break(doc, end)):
        end += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return (start, end) if end > start else None


def _part_clause(num: Token, lex: Lexicon) -> Optional[Token]:
    """The verb of a clause that says what part of the sample a count is, whose predicate is then its population:
    "312 of them work in retail", "40 of the participants run agencies"."""
    if num.dep_ not in ("nsubj", "nsubjpass"):
        return None
    of_part = next((c for c in num.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of_part.children if c.dep_ == "pobj"), None) if of_part is not None else None
    if whole is not None and (whole.lower_ in grammar.PART_PRONOUNS
                              or whole.lemma_.lower() in lex.word_set("respondent_heads")):
        return num.head
    return None


def _predicate(doc: Doc, verb: Token) -> Optional[tuple[int, int]]:
    """'(312 of them) work in retail', '(15 respondents) were based in the U.S.': what a part is."""
    start = min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i])
    end = verb.right_edge.i + 1
    for i in range(verb.i + 1, end):
        if is_break(doc, i) or doc[i].dep_ in ("cc", "conj") and doc[i].head.i == verb.i:
            end = i
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if end > start else None


def _make_sample(doc: Doc, num: Token, head: Optional[Token], patterns: SamplePatterns, limit: tuple[int, int],
                 fallback: Optional[tuple[int, int]] = None, stops: frozenset[int] = frozenset()) -> Sample:
    bound = patterns.percent.bound_at(doc_text(doc), num.idx, num.idx + len(num.text))
    value = int(patterns.percent.number_value(num.text) or 0)
    population = fallback
    if head is not None and head.lemma_.lower() in patterns.lex.word_set("response_nouns"):
        # "1,000 responses from marketers": who responded, not the responses.
        source = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in grammar.RESPONSE_SOURCE_PREPS), None)
        obj = next((c for c in source.children if c.dep_ == "pobj"), None) if source is not None else None
        population = trim_phrase(doc, obj, patterns.lex, limit=limit) if obj is not None else None
    elif head is not None and head.i > num.i:
        # "surveyed more than 400 teachers and 70% said": a figure is never part of who was asked
        phrase = trim_phrase(doc, head, patterns.lex, drop_tokens={num.i}, stop_tokens=stops, limit=limit)
        if phrase is not None:
            while phrase[0] < head.i and (doc[phrase[0]].like_num or doc[phrase[0]].dep_ == "cc") \
                    and not _opens_age_band(doc, phrase[0], patterns):
                phrase = (phrase[0] + 1, phrase[1])  # "1,647 and 844 adults": the other count is not who
            population = extend_defining_tail(doc, _verb_attached_modifier(doc, head, phrase, patterns), limit)
        if head.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in patterns.lex.word_set("respondent_heads") \
                and head.head.lemma_.lower() in patterns.lex.word_set("subsample_verbs"):
            # "only 15 respondents were based in the U.S.": a part of the sample, described by its clause.
            population = _predicate(doc, head.head) or population
    return Sample(num.i, num.i + 1, value, bound, population)


def _verb_attached_modifier(doc: Doc, head: Token, phrase: tuple[int, int], patterns: SamplePatterns) -> tuple[int, int]:
    """'interviewed 131 U.S. executives with a title of director or higher': the parser often hangs
    the 'with' (or 'aged', 'who') phrase on the verb or the survey word; it still says who was asked."""
    end = phrase[1]
    if end >= len(doc):
        return phrase
    nxt = doc[end]
    hosts = {head.i, head.head.i, head.head.head.i}  # the noun, its "of", the survey word or verb
    defining = nxt.lower_ in patterns.lex.word_set("defining_tail_words")
    # "across 12 industries at companies with at least $250 million": more than a place, it says who;
    # names alone are places ("from across North America, Europe, Asia and Australia").
    places = patterns.lex.word_set("non_respondent_count_nouns")
    longer_than_a_place = nxt.lower_ in grammar.PLACE_TAIL_PREPS and any(
        t.pos_ == "NOUN" and t.lower_ not in places for t in nxt.subtree)
    if nxt.head.i not in hosts or not (defining or longer_than_a_place) or _opens_a_date(doc, end, patterns):
        return phrase
    if any(t.lower_ in grammar.EXAMPLE_WORDS for t in doc[end + 1:min(len(doc), end + 5)]):
        return phrase  # "from companies including Barclaycard, ...": examples of where they work, not who
    new_end = doc[end].right_edge.i + 1
    for i in range(end, new_end):
        if is_break(doc, i):
            new_end = i
            break
    return (phrase[0], new_end) if new_end > end + 1 else phrase


DAYS_REACH = 6  # words after a preposition read for the days before a month ('between 3 and 4 June')
DAY_LINKS = frozenset({"and", "to", "-", "\u2013", "th", "st", "nd", "rd"})


def _opens_a_date(doc: Doc, i: int, patterns: SamplePatterns) -> bool:
    """'questioned 600 owners between January 27 and Februar 20, 2009', 'surveyed 333 executives between March 26
    and April 2', 'questioned 1,741 adults between 3 and 4 June': when they were asked, not who they are; a month
    or a year within two words of the preposition, or after the days that come before it."""
    months = patterns.lex.word_set("month_names")

    def dated(t: Token) -> bool:
        return t.lower_.rstrip(".") in months or (t.like_num and len(t.text) == 4 and t.text[:2] in ("19", "20"))
    if any(dated(t) for t in doc[i + 1:min(len(doc), i + 3)]):
        return True
    # "between 3 and 4 June", "between 24 and 26 October 2017": days, a range word, days, then the month
    j = i + 1
    while j < min(len(doc), i + DAYS_REACH) and (doc[j].like_num and len(doc[j].text) <= 2 or doc[j].lower_ in DAY_LINKS):
        j += 1
    return j > i + 1 and j < len(doc) and dated(doc[j])


def _split_shared_heads(doc: Doc, samples: list[Sample]) -> None:
    """Two counts in one phrase ("400 senior marketing and 250 IT executives") each take their own part."""
    for i, smp in enumerate(samples):
        if smp.population is None:
            continue
        ps, pe = smp.population
        inner = [o for o in samples if o is not smp and ps <= o.start < pe and o.start > smp.start]
        if not inner:
            continue
        cut = min(o.start for o in inner)
        end = cut
        while end > ps and (doc[end - 1].dep_ == "cc" or doc[end - 1].is_punct):
            end -= 1
        if end > ps:
            samples[i] = Sample(smp.start, smp.end, smp.value, smp.bound, (ps, end))
