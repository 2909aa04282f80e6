"""The loopback newsroom the crawl benchmarks share: article pages, listings linking them, and /proc readings.

A site of `count` article URLs under /a/N.html, filled from the real pages of
a corpus folder (every *.gz below it, decompressed), each page repeated under
as many URLs as `count` asks (hard links: a 20,000-URL site takes the disk of
its distinct pages), or from generated pages when the folder has none. The
listings under /news/ link `per_listing` articles each and, when there are
more, the next listing with a "Next" link, as a newsroom's archive does. Both
crawl benchmarks (crawl_scale.py, crawl_throughput.py) build it here, and
read their processes' memory with the functions below.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path


def corpus_files(corpus: Path | None) -> list[Path]:
    """The gzipped pages below `corpus`, in a stable order (none when it is not a folder)."""
    return sorted(corpus.rglob("*.gz")) if corpus is not None and corpus.is_dir() else []


def generated_page(n: int) -> bytes:
    words = " ".join(f"word{(n * 7 + i) % 997}" for i in range(60))
    paragraphs = "".join(f"<p>Paragraph {i} of story {n}: {words}.</p>" for i in range(8))
    return (f"<html lang='en'><head><title>Story {n}</title></head><body><nav><a href='/'>Home</a></nav><article>"
            f"<h1>Story number {n} about the city</h1><p>March {n % 28 + 1}, 2024</p>{paragraphs}</article>"
            "</body></html>").encode()  # fmt: skip


def write_articles(root: Path, count: int, corpus: Path | None) -> list[str]:
    """/a/N.html for N < count; returns, per N, the corpus file it repeats ("" for a generated page)."""
    articles = root / "a"
    articles.mkdir(parents=True, exist_ok=True)
    files = corpus_files(corpus)
    origins = []
    for n in range(count):
        path = articles / f"{n}.html"
        if not files:
            path.write_bytes(generated_page(n))
            origins.append("")
        elif n < len(files):
            path.write_bytes(gzip.decompress(files[n].read_bytes()))
            origins.append(str(files[n]))
        else:
            os.link(articles / f"{n % len(files)}.html", path)
            origins.append(str(files[n % len(files)]))
    return origins


def write_listings(root: Path, count: int, per_listing: int) -> int:
    """/news/index.html, /news/2.html ...: `per_listing` article links each, then "Next"; returns how many."""
    (root / "news").mkdir(parents=True, exist_ok=True)
    listings = max(1, -(-count // per_listing))
    for page in range(1, listings + 1):
        first = (page - 1) * per_listing
        links = "".join(f'<li><a href="/a/{n}.html">Article {n}</a></li>'
                        for n in range(first, min(first + per_listing, count)))  # fmt: skip
        more = f'<a rel="next" href="/news/{page + 1}.html">Next</a>' if page < listings else ""
        name = "index.html" if page == 1 else f"{page}.html"
        html = f"<html><head><title>News, page {page}</title></head><body><ul>{links}</ul>{more}</body></html>"
        (root / "news" / name).write_text(html, "utf-8")
    return listings


def build_site(root: Path, count: int, corpus: Path | None, per_listing: int | None = None) -> tuple[str, list[str]]:
    """Write the site (one listing of everything unless `per_listing`); says where its pages come from."""
    origins = write_articles(root, count, corpus)
    write_listings(root, count, per_listing or count)
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", "utf-8")
    distinct = len(corpus_files(corpus))
    where = f"{min(distinct, count)} real pages below {corpus}" if distinct else "generated pages"
    return where + (f", repeated under {count} URLs" if distinct and count > distinct else ""), origins


def family(pid: int) -> list[int]:
    """`pid` and its children (the crawl and its extraction workers)."""
    children = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as listing:
                children += [int(child) for child in listing.read().split()]
    except OSError:
        return []
    return [pid, *children]


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS (now) and VmHWM (peak) of one process, in KiB; empty once it has gone."""
    values = {}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    values[line.split(":")[0]] = int(line.split()[1])
    except OSError:
        return {}
    return values


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of one process so far (None once it has gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def role(pid: int, crawl_pid: int) -> str:
    """ "crawl", "worker" (an extraction process) or "helper" (multiprocessing's resource tracker)."""
    if pid == crawl_pid:
        return "crawl"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return "helper" if b"resource_tracker" in cmdline.read() else "worker"
    except OSError:
        return "gone"


def family_peak_kib(pid: int, peaks: dict[int, int], cpu: dict[int, float] | None = None) -> None:
    """Note the peak RSS (VmHWM) of `pid` and of its children so far, and their CPU seconds into `cpu`."""
    for member in family(pid):
        peak = memory_kib(member).get("VmHWM")
        if peak is not None:
            peaks[member] = max(peaks.get(member, 0), peak)
        seconds = cpu_seconds(member) if cpu is not None else None
        if seconds is not None:
            cpu[member] = seconds
