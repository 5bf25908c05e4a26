"""Sources: articles in, as the editor gave them (files, saved pages, addresses).

``articles`` reads an article's front matter, body and publication date (the DCT);
``add`` brings a saved page, a pasted text or an address into ``content/articles/``;
``textfiles`` reads a user's file safely (size, encoding, the line of a bad byte).
"""
