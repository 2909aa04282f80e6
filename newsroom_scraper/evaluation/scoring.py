"""Scores shared by every evaluation: token precision/recall, name and text comparisons.

Body tokens are lowercased runs of word characters, except that each CJK
character is a token of its own (Chinese and Japanese have no spaces, and a
character is the unit readers and the usual metrics use).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ..extract.text import normalise_text

CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# A CJK character alone, or a run of word characters that are not CJK.
TOKEN = re.compile(rf"[{CJK_RANGES}]|[^\W{CJK_RANGES}]+", re.UNICODE)
NAME_SPLIT = re.compile(r"\s*(?:;|,|\band\b|\bund\b|\bet\b|&)\s*", re.IGNORECASE)
# Invisible characters a title may carry in one source and not in another: soft hyphen, zero-width ones, BOM.
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def tokens(text: str) -> Counter:
    return Counter(token.lower() for token in TOKEN.findall(text or ""))


@dataclass(slots=True)
class Overlap:
    """Token counts of one comparison; add them up over pages before dividing, or read one page's scores."""

    true_positive: int = 0
    extracted: int = 0
    expected: int = 0

    def add(self, got: str, want: str) -> None:
        got_tokens, want_tokens = tokens(got), tokens(want)
        self.true_positive += sum((got_tokens & want_tokens).values())
        self.extracted += sum(got_tokens.values())
        self.expected += sum(want_tokens.values())

    @property
    def precision(self) -> float:
        return self.true_positive / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def same_text(a: str | None, b: str | None) -> bool:
    return normalise_text(a or "") == normalise_text(b or "")


def folded(text: str | None) -> str:
    """A title as compared across sources: NFKC, no invisible characters, single spaces, case folded."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFKC", text or ""))
    return " ".join(text.split()).casefold()


def name_set(value, split: re.Pattern = NAME_SPLIT) -> frozenset[str]:
    """Author names as a set, from a list or a joined string ("A und B", "A; B")."""
    items = value if isinstance(value, (list, tuple)) else split.split(value or "")
    return frozenset(" ".join(str(name).split()).lower() for name in items if name and str(name).strip())


def ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0
