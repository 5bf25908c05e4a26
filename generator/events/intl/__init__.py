"""Events in articles not in English: who said it (``attribution``) and the headline
(``headline``), by each language's word lists in ``generator/events/data/intl/<lang>.yaml``.

The English rules (``extract._attribution``, ``headline/``) rewrite English grammar; these
are general clause rules that hold across the Romance languages and German: a wire
dateline, a date phrase and its preposition, an opener and an attribution tail leave the
sentence, and a long one ends at its first clause boundary after a subject and a verb.
"""
