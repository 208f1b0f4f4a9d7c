"""The open CAMEO dictionaries of PETRARCH / Phoenix, converted into coding/lexicons/petrarch/.

The converters live in tools/ (re-runnable, deterministic); the modules here load the converted
tables once and hand them to the lexicon as fallbacks: the project's own hand-written lexicons
win wherever they say something about the same word or name. Licence and provenance:
coding/lexicons/petrarch/NOTICE.
"""
