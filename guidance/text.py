"""Policy text: Markdown rendered to sanitised HTML, and readable diffs.

Editors write Markdown; nh3 (the Rust html5ever sanitiser) keeps only the tags a
policy text needs, so a script tag or a javascript: link in the source never
reaches a page.
"""

import difflib
import re
from dataclasses import dataclass

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "h2", "h3", "h4", "p", "br", "hr", "ul", "ol", "li", "strong", "em", "a",
    "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def render_markdown(source: str) -> SafeString:
    """Markdown to HTML that is safe to show. The page title is the only h1, so
    a ``#`` heading in the text becomes an h2."""
    html = markdown.markdown(source, extensions=["sane_lists", "tables"], output_format="html")
    html = re.sub(r"<(/?)h1>", r"<\1h2>", html)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above


@dataclass(frozen=True)
class DiffPart:
    """A run of text in a changed paragraph: kept, inserted or deleted."""

    kind: str  # "same", "ins", "del"
    text: str


@dataclass(frozen=True)
class DiffBlock:
    """One paragraph of the source, unchanged, added, removed or changed."""

    kind: str  # "same", "added", "removed", "changed"
    parts: tuple[DiffPart, ...]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]


def diff_blocks(old: str, new: str) -> list[DiffBlock]:
    """Paragraph by paragraph, with changed paragraphs diffed word by word.

    The result is plain data; the template escapes every part, so markup in
    either text is shown as text.
    """
    old_paras, new_paras = _paragraphs(old), _paragraphs(new)
    blocks: list[DiffBlock] = []
    matcher = difflib.SequenceMatcher(a=old_paras, b=new_paras, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            blocks += [DiffBlock("same", (DiffPart("same", p),)) for p in old_paras[i1:i2]]
        else:
            blocks += _replaced(old_paras[i1:i2], new_paras[j1:j2])
    return blocks


def _replaced(old: list[str], new: list[str]) -> list[DiffBlock]:
    """Pair replaced paragraphs in order; a pair that shares little is shown
    as one removed and one added paragraph rather than a confetti of words."""
    blocks: list[DiffBlock] = []
    for index in range(max(len(old), len(new))):
        a = old[index] if index < len(old) else None
        b = new[index] if index < len(new) else None
        if a is not None and b is not None and _similar(a, b):
            blocks.append(_changed(a, b))
            continue
        if a is not None:
            blocks.append(DiffBlock("removed", (DiffPart("del", a),)))
        if b is not None:
            blocks.append(DiffBlock("added", (DiffPart("ins", b),)))
    return blocks


def _similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(a=a.split(), b=b.split(), autojunk=False).ratio() >= 0.4


def _words(text: str) -> list[str]:
    """Words and line breaks, so a sentence per line stays a line per sentence."""
    return re.findall(r"\n|[^\s]+", text)


def _join(words: list[str]) -> str:
    return " ".join(words).replace(" \n ", "\n").replace("\n ", "\n").replace(" \n", "\n")


def _changed(old: str, new: str) -> DiffBlock:
    old_words, new_words = _words(old), _words(new)
    parts: list[DiffPart] = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(DiffPart("same", _join(old_words[i1:i2])))
            continue
        if i2 > i1:
            parts.append(DiffPart("del", _join(old_words[i1:i2])))
        if j2 > j1:
            parts.append(DiffPart("ins", _join(new_words[j1:j2])))
    return DiffBlock("changed", tuple(parts))
