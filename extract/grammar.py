"""Closed-class grammar: the function words the rules are written around, as named constants.

English does not grow its determiners, pronouns, anaphors or prepositions, and a rule that reads one of
these sets is built on it rather than tuned by it, so they live here, in code, as spaCy keeps dependency
labels in ``syntax_iterators``. Open vocabulary (survey verbs, people nouns, organisations, ...) and the
tables of how numbers are written are data (``data/lexicon.json``, ``numbers.json``,
``qualifiers.jsonl``), which a user edits and a pipeline saves. Each set is here once; a rule that needs
one imports it by name.
"""
from __future__ import annotations

# ------------------------------------------------------------------ determiners
# Dropped at the front of a phrase: 'all the respondents' -> 'respondents', 'each of the 500'.
LEADING_DROP_WORDS = frozenset({"all", "both", "the", "a", "an", "of", "each", "every"})
# Kept at the front of a group phrase: 'this group' names a group ('these' is trimmed by the scorer).
NAMING_DETERMINERS = frozenset({"this", "that", "these", "those"})
# Between the two numbers of a count of a whole: 'Five of the eight critics', 'two of its three plants'.
COUNT_OF_DETERMINERS = frozenset({"the", "those", "these", "its", "their"})
# 'those', 'these': as a head they stand for people ('those who said ...', 'these polled').
PLURAL_DEMONSTRATIVES = frozenset({"those", "these"})
# Determiners that point back with a noun ('these leaders', 'those respondents', 'such firms'): the phrase refers
# to a mention with the same noun.
DEMONSTRATIVE_OPENERS = frozenset({"these", "those", "such"})

# ------------------------------------------------------------------ pronouns and anaphors
# Pronouns that stand for people: as the head of a phrase they count people.
PEOPLE_PRONOUNS = frozenset({"they", "them", "those", "these", "we", "us", "you", "he", "she", "who", "others"})
# A phrase of one of these words points back to a group named earlier ('them', 'these', 'both'); 'IT' in
# capitals is a name, not 'it'; 'whom' ('the general population - 50% of whom think') and 'which' ('900 retailers,
# 27% of which reported losses') point back to the phrase they follow.
ANAPHORS = frozenset({"they", "them", "these", "those", "this", "it", "we", "us", "you", "both", "either", "whom",
                      "which"})
# They open a short phrase that points back ('these leaders', 'both groups', 'such firms'); not 'those
# surveyed', which names the respondents.
ANAPHORIC_OPENERS = frozenset({"these", "those", "both", "such"})
# Whole phrases that point back to two groups named before.
ANAPHORIC_PHRASES = frozenset({"the two", "two", "the latter", "the former", "groups"})
# Phrases that stand for the two groups compared before, not for one of them ('both', 'both groups', 'the two'):
# such an anaphor points to no one mention; in a sentence, one of more than a word ('both groups', 'the two')
# makes its pair of figures the two sides of the comparison in force.
BOTH_SIDES = frozenset({"both", "both groups", "both sides", "the two", "two"})
# In a sentence that holds a figure, they make the sentence before worth parsing: it names the group.
BACK_REFERENCES = frozenset({"they", "them", "these", "those", "both", "the two", "the latter", "the former",
                             "this group"})

# Subjects that refer to the two groups last compared ('They are also more likely ...', 'Both ...', 'These ...').
FRAME_ANAPHORS = frozenset({"they", "both", "these"})
# Sentence openers that refer back to the figure before ('That was up from 24% in 2022', 'This compares with ...').
BACK_REFERENCE_OPENERS = frozenset({"that", "this", "it", "which", "the"})
# Possessive pronouns: a noun they own in a sentence ('their kids', 'their children') is who the respondents
# speak about, not a group to carry to them.
POSSESSIVE_PRONOUNS = frozenset({"her", "his", "my", "our", "their", "your"})

# Pronouns for the whole sample in 'N of them': '312 of them work in retail'; the relative ones name a part in a
# clause hung on the sample ('..., 37 of which were from healthcare companies', '..., of whom 500 are parents').
PART_PRONOUNS = frozenset({"them", "those", "these"})
RELATIVE_PART_PRONOUNS = frozenset({"which", "whom"})
# Words that open a part of a sample named right after the whole: 'a survey of 2,000 adults (including 500 parents)',
# 'of 1,200 nurses, among them 300 midwives', '2,000 adults, of whom 500 are parents'.
SAMPLE_PART_OPENERS = frozenset({"including", "among", "whom", "which"})

# The auxiliaries, as lemmas: every kind of clause has one, so a figure that is their subject is not thereby
# reporting an answer ('12% are ...' is not '12% say ...').
AUXILIARY_VERBS = frozenset({"be", "have", "do"})
# The object of a verb, never part of who answered: a word that takes one is the clause's verb.
REFLEXIVES = frozenset({"themselves", "himself", "herself", "itself", "ourselves", "myself", "yourselves", "oneself"})

# ------------------------------------------------------------------ conjunctions and comparison
# Coordinating conjunctions: a phrase does not end on one; a group continues after one ('marketers and IT types').
COORDINATORS = frozenset({"and", "or"})
# Words that order periods: "between the third and fourth quarters of 2004", "in the last two weeks".
ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "last", "past", "previous", "next", "latest"})
# Nouns after which "with" and a count name the people spoken to ('telephone interviews with 1,500 parents'), not a
# size that defines them ('firms with 500 employees') nor company kept ('shared a survey with 300 colleagues').
INTERVIEW_NOUNS = frozenset({"interview", "interviews", "conversation", "conversations", "discussion", "discussions"})
# Words after "a", "an" or "the" that make the figure one more of a list of shares, not a noun's modifier:
# "a further 25 per cent see merits", "an additional 32 percent say", "the remaining 40% cite cost".
ADDITIVE_WORDS = frozenset({"further", "additional", "extra", "remaining", "other"})

# Words after a comma that end a statement ('..., while 30% ...', '..., compared with ...').
STATEMENT_BREAK_WORDS = frozenset({"while", "whereas", "but", "compared", "and", "versus"})
# Particles of a comparison ('three times as many as those who ...', 'more than those ...'): the phrase after
# them is the compared side, not the group before a bracket.
COMPARISON_PARTICLES = frozenset({"as", "than"})
# Words that set one side of a comparison against the other ('compared to people who ...', 'than those ...'): a
# bracket on the compared side keeps its own group.
COMPARING_WORDS = frozenset({"compared", "than", "versus", "vs", "vs."})
# Conjunctions of contrast: a list after one is not a breakdown of the total before it ('720 executives, while
# 537 ...').
CONTRAST_WORDS = frozenset({"while", "but", "whereas"})
# Words and dashes after a number that make it one end of a range ('25 to 34', '18-24'), not a count.
RANGE_WORDS = frozenset({"-", "to", "\u2013"})
# What opens a clause that a figure can lead: '..., while 19 percent go to ...', '; 8% think ...'.
CLAUSE_OPENERS = frozenset({",", ";", ":", "and", "while", "but", "whereas", "\u2014", "\u2013"})
# Punctuation that closes a clause set off inside a sentence ('..., 37 of which were from healthcare companies, found').
CLAUSE_CLOSERS = frozenset({",", ";", ":", ")", "\u2014", "\u2013"})
# Words that introduce examples ('companies such as Coca-Cola', 'including Barclaycard'): what follows says where
# people work, not who they are.
EXAMPLE_WORDS = frozenset({"such", "including", "like"})

# ------------------------------------------------------------------ prepositions
# Before a survey noun: 'in the Sunday Times poll', 'for the study' name the survey, not who answered.
SURVEY_PHRASE_PREPS = frozenset({"in", "for", "by", "from", "of", "to"})
# Before a place name ('in Britain', 'across Europe') or the world ('around the world'): they place the survey.
REGION_PREPS = frozenset({"in", "across", "throughout"})
WORLD_PREPS = frozenset({"around", "across", "throughout", "in"})
# After a group, whom the survey was for or by: '110 pupils for education watchdog Ofsted'.
SPONSOR_PREPS = frozenset({"for", "by"})
# Prepositions that give what people were asked or told about, not who they are: "40 CIOs about their budgets",
# "2,000 adults regarding their savings".
TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
# A preposition that can stand with its object left out, as the other side of one just named: 'those with children
# under 18 ... than those without'.
ELLIPTIC_PREPS = frozenset({"without"})
# After 'from', spreading people over places: 'CEOs from across North America'.
SPREAD_PREPS = frozenset({"across", "around"})
# After 'those', they say who: 'those with a very effective relationship', 'those in the West', 'those aged 18-24'.
DEFINING_PREPS = frozenset({"with", "without", "in", "at", "from", "aged", "over", "under", "between", "on"})
# 'registered voters online between Friday and Monday', 'adults from June 1 to June 5': when the survey was in the
# field, not who answered, when the object is a day or a month.
FIELDWORK_PREPS = frozenset({"between", "from", "on", "during"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# 'over 65s', 'under 25s': before a number they name an age group, and stay in the phrase.
AGE_BOUND_WORDS = frozenset({"over", "under"})
# They leave people out of the figures: 'excluding those who would not vote'.
EXCLUDING_WORDS = frozenset({"excluding", "except", "excepting", "barring"})
# After an opinion measure, what the opinion is about: 'trust in X', 'satisfaction with Y'.
OPINION_OBJECT_PREPS = frozenset({"in", "with", "for", "of"})
# After a survey noun, before its org: 'a survey by Gallup', 'research from Merkle'; after 'according to a
# survey': 'according to a survey by Gallup'.
SURVEY_ORG_PREPS = frozenset({"by", "from", "of", "for"})
ACCORDING_SURVEY_PREPS = frozenset({"by", "from"})
# A title goes on after its title word with one of these, in lower case: 'Study on Marketing', 'Survey of
# Consumer Finances'.
TITLE_TAIL_PREPS = frozenset({"on", "of"})
# Right before 'N to M%' they make it no range: after 'from' the start of a change, after 'by' its size.
RANGE_CHANGE_PREPS = frozenset({"from", "by"})
# They cannot be the noun counted in 'A NOUN out of B' ('39 nations out of 65').
RATIO_NON_NOUNS = frozenset({"in", "of", "out", "per"})
# Prepositions that can set the group of a clause: fronted 'Among those who ...', 'Of these organizations ...',
# 'In British Columbia, ...', or 'among Republicans' after the figure.
GROUP_SETTING_PREPS = frozenset({"among", "of", "in", "within"})
# Words that close an age band after its number ('65 and over', '44 and under', '18 or older').
AGE_BAND_TAILS = frozenset({"older", "over", "above", "up", "under", "younger"})
# Prepositions of a fronted place or band of a breakdown ('In British Columbia, 69% support', 'Within Quebec,
# ...', 'In the 18 to 34 category, ...').
BREAKDOWN_PLACE_PREPS = frozenset({"in", "within"})
# Words between the two numbers of a ratio written before its noun ('four in five consumers', 'two of three
# voters', 'nine out of 10').
RATIO_BASE_PREPS = frozenset({"in", "of"})
# Prepositions that tie a figure to a change or an amount ('rose by 5%', 'running at 50%', 'a rate of 20%').
RATE_PREPS = frozenset({"by", "to", "from", "at", "of", "on", "around", "about", "between"})
# 'ahead', 'behind': after a figure a lead over a rival, unless a choice follows ('71 per cent behind leaving').
RIVAL_POSITION_WORDS = frozenset({"behind", "ahead"})
# Prepositions that set people at a place ('25,000 undergraduates at 49 colleges'): the count at the place is not
# the people.
PLACE_PREPS = frozenset({"at", "in", "across", "from", "throughout"})
# Prepositions of a place phrase after a population that may say more than where ('across 12 industries at
# companies with ...').
PLACE_TAIL_PREPS = frozenset({"across", "from", "at", "in"})
# Prepositions after a survey noun before its sample ('a poll of 1,313 people', 'interviews with 500', 'a survey
# among 2,000').
SURVEY_NOUN_PREPS = frozenset({"of", "with", "among"})
# The prepositions of a verb of speaking whose object is who was spoken to: "spoke to 1,000 adults", "spoke with 136
# IT workers".
CONTACT_PREPS = frozenset({"to", "with"})
# Prepositions that set a survey among its people ('conducted online among 2,521 adults').
CONDUCTED_AMONG_PREPS = frozenset({"among", "with"})
# Prepositions that give who answered ('responses from 420 finance leaders', 'answers of 300 CIOs').
RESPONSE_SOURCE_PREPS = frozenset({"from", "of", "by"})
# Prepositions that name whose level a figure is: 'rose to 40% for pharmacists', 'Among CFOs ..., the share rose
# to'.
LEVEL_GROUP_PREPS = frozenset({"for", "among"})
# Right after a figure, they introduce its own group: 'compared to 69 percent for marketers'.
OWN_GROUP_PREPS = frozenset({"for", "among", "of", "at"})
# After a lead (gap, edge), the group it is among: 'a lead among men', 'a lead with independents'.
LEAD_PREPS = frozenset({"among", "with"})
# Words a line of prose does not end on: a line break right after one is a hard wrap, whatever the next line
# starts with ('a survey of\n2,521 adults', 'marketers and\nIT leaders').
LINE_CONTINUING_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "to", "in", "for", "with", "by", "on", "at",
                                   "from", "than", "that", "among", "between", "about", "who", "which", "whose"})
