"""LIX (läsbarhetsindex), the Swedish readability index: the mean number of
words per sentence plus the percentage of words longer than six letters.
Below 30 is very easy text (children's books, lättläst), 40 ordinary
newspaper text, above 50 official prose.

Text comes in blocks (a heading, a paragraph, a list item): a block ends a
sentence even without a full stop, as a reader takes it.
"""

import re
from html.parser import HTMLParser

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "summary",
          "figcaption", "blockquote", "label", "legend", "button"}  # fmt: skip


def lix(blocks: list[str]) -> float:
    sentences, words, long_words = 0, 0, 0
    for block in blocks:
        for sentence in SENTENCE_END.split(block):
            found = WORD.findall(sentence)
            if not found:
                continue
            sentences += 1
            words += len(found)
            long_words += sum(1 for word in found if len(word) > 6)
    if not words:
        return 0.0
    return words / sentences + 100 * long_words / words


class _MainText(HTMLParser):
    """The text blocks inside ``<main>``."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # inside <main> when > 0
        self.blocks: list[str] = []
        self._current: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        elif self.depth and tag in BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag == "main":
            self._flush()
            self.depth -= 1
        elif self.depth and tag in BLOCKS:
            self._flush()

    def handle_data(self, data):
        if self.depth:
            self._current.append(data)

    def _flush(self):
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []


def main_text(html: str) -> list[str]:
    parser = _MainText()
    parser.feed(html)
    return parser.blocks
