"""Events: from an article's dated mentions to its happenings, and reports of one merged.

``segment`` splits the body into paragraphs and sentences; ``sentence_dates/`` picks the
dates each sentence tells; ``extract`` makes an ``Event`` of each; ``headline/`` writes its
title (its strategies tried in order); ``merge`` joins the reports of one happening across
articles; ``cache`` keeps each article's events until it or the generator changes. Rule data:
``data/events.yaml`` (read and checked by ``rules_file``), ``data/segment.yaml``.
"""
