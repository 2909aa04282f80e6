"""The spider's `-a NAME=VALUE` arguments: a misspelt or malformed one is a mistake said in one line.

Scrapy hands every `-a` pair to the spider, which would keep an unknown one
as a stray attribute and go on: `-a start_url=...` (singular) then crawls
all the configured sources instead of the one URL meant. Here an unknown
name, or a number that is not one, raises ValueError with what to write
instead; the `crawl` command prints it as one line and exits with status 2.
"""

from __future__ import annotations

from difflib import get_close_matches

# The names `scrapy crawl newsroom -a NAME=VALUE` understands.
ARGUMENTS = ("start_urls", "sitemaps", "feeds", "source", "max_pages", "since", "mode")


def check_argument_names(kwargs: dict) -> None:
    """ValueError naming the first unknown argument; names starting with '_' (Scrapyd's `_job`) pass."""
    for name in kwargs:
        if name.startswith("_") or name in ARGUMENTS:
            continue
        close = get_close_matches(name, ARGUMENTS, n=1)
        hint = f"did you mean -a {close[0]}=...? " if close else ""
        raise ValueError(f"-a {name}: unknown argument; {hint}known: {', '.join(ARGUMENTS)}")


def positive_int(where: str, value) -> int:
    """`value` as a whole number of at least 1, or ValueError saying where it came from."""
    try:
        number = int(str(value).strip())
    except ValueError:
        number = 0
    if number < 1:
        raise ValueError(f"{where}: {value!r} is not a whole number of at least 1; give one, e.g. 5")
    return number
