"""CPU time of the pruning and the breadcrumb search beside another revision's, in one process, same inputs.

    python benchmarks/stage_speed.py --corpus ../shared/corpora/trafilatura-eval --limit 400 [--base main]
    python benchmarks/stage_speed.py --corpus ../shared/corpora/fundus-dev --whole

The base revision's prune.py and section.py are loaded from git (`git show BASE:...`) as modules beside
the working tree's. Every page is extracted with the working tree's code; where it calls prune_boilerplate
and find_section, both versions run on the same input (the pruning each on its own copy of the tree), in
alternating order, timed with time.process_time, so that other processes' load does not count. Their
results are compared too: a difference is printed. The first round warms up and is not counted.

--whole times whole extract_article with the base's two stages swapped in, with the working tree's, and
trafilatura's bare_extraction, interleaved page by page (CPU time): the ratio issue 12 asks for.
"""

from __future__ import annotations

import argparse
import copy
import gc
import importlib.util
import subprocess
import sys
import time
from pathlib import Path

from extract_speed import baseline, load_pages, ours
from lxml import etree

from newsroom_scraper.extract import header, mainbody, prune, section
from newsroom_scraper.extract.text import LinkTexts


def base_module(name: str, base: str):
    """The module newsroom_scraper.extract.`name` as it is at git revision `base`, loaded beside the current one."""
    source = subprocess.check_output(["git", "show", f"{base}:newsroom_scraper/extract/{name}.py"])
    spec = importlib.util.spec_from_loader(f"newsroom_scraper.extract._base_{name}", loader=None)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "newsroom_scraper.extract"
    sys.modules[spec.name] = module  # dataclasses look their module up there
    exec(compile(source, f"{base}:{name}.py", "exec"), module.__dict__)  # noqa: S102 - our own code at `base`
    return module


class Timed:
    """Runs a stage's base and current version on each call, in alternating order, adding up their CPU time."""

    def __init__(self, versions: dict) -> None:
        self.versions = versions
        self.spent = dict.fromkeys(versions, 0.0)
        self.calls = 0
        self.differ = 0
        self.counting = False

    def run(self, inputs, outcome) -> dict:
        names = list(self.versions)
        if self.calls % 2:
            names.reverse()
        self.calls += self.counting
        results = {}
        for name in names:
            arguments = inputs()  # made right before the call: each version finds its input as fresh
            gc.disable()  # a collection falls to whichever version happens to allocate past the threshold
            start = time.process_time()
            results[name] = self.versions[name](*arguments)
            spent = time.process_time() - start
            gc.enable()
            if self.counting:
                self.spent[name] += spent
            results[name] = outcome(results[name], arguments)
        if len(set(results.values())) > 1:
            self.differ += 1
            print("differs:", {name: str(result)[:300] for name, result in results.items()}, file=sys.stderr)
        return results


def pruned_outcome(result, arguments) -> tuple:
    return tuple(sorted(result.items())), etree.tostring(arguments[0])


def section_outcome(result, arguments) -> tuple:
    section_name, element, source = result
    return section_name, None if element is None else arguments[0].getroottree().getpath(element), source


def tree_copy(tree, headline):
    """A copy of the tree, and the headline's copy in it (None when the headline is not in the tree)."""
    copied = copy.deepcopy(tree)
    if headline is None or headline.getroottree().getroot() is not tree.getroottree().getroot():
        return copied, None
    found = copied.getroottree().xpath(tree.getroottree().getpath(headline))
    return copied, found[0] if found else None


def install(timers: dict) -> None:
    """Wrap the two stages where the extraction calls them, so that each call times both versions."""
    real_prune, real_section = mainbody.prune_boilerplate, header.find_section

    def timed_prune(tree, headline, drops=()):
        timers["prune"].run(lambda: (*tree_copy(tree, headline), drops), pruned_outcome)
        return real_prune(tree, headline, drops)

    def timed_section(tree, meta, title, url="", link_texts=None):
        timers["section"].run(lambda: (tree, meta, title, url, LinkTexts(link_texts or {})), section_outcome)
        return real_section(tree, meta, title, url, link_texts)

    mainbody.prune_boilerplate, header.find_section = timed_prune, timed_section


def stages(pages, base: str, rounds: int) -> None:
    bases = {name: base_module(name, base) for name in ("prune", "section")}
    timers = {
        "prune": Timed({"base": bases["prune"].prune_boilerplate, "new": prune.prune_boilerplate}),
        "section": Timed({"base": bases["section"].find_section, "new": section.find_section}),
    }
    install(timers)
    for round_number in range(rounds + 1):
        for timer in timers.values():
            timer.counting = round_number > 0
        for url, html in pages:
            ours(url, html)
    per_page = 1000 / (len(pages) * rounds)
    for name, timer in timers.items():
        spent = {version: seconds * per_page for version, seconds in timer.spent.items()}
        print(
            f"  {name:8} base {spent['base']:6.2f}  new {spent['new']:6.2f} ms/page CPU"
            f"  new/base {spent['new'] / spent['base']:.3f}  calls differing: {timer.differ}"
        )


def whole(pages, base: str, rounds: int) -> None:
    """extract_article with the base's stages, with the current ones, and bare_extraction, CPU time interleaved."""
    bases = {name: base_module(name, base) for name in ("prune", "section")}
    current = {"prune": mainbody.prune_boilerplate, "section": header.find_section}
    old = {"prune": bases["prune"].prune_boilerplate, "section": bases["section"].find_section}

    def with_stages(functions):
        def run(url, html):
            mainbody.prune_boilerplate, header.find_section = functions["prune"], functions["section"]
            return ours(url, html)

        return run

    runs = {"base": with_stages(old), "new": with_stages(current), "trafilatura": baseline}
    spent = dict.fromkeys(runs, 0.0)
    for round_number in range(rounds + 1):
        for index, (url, html) in enumerate(pages):
            names = list(runs)
            names = names[index % 3 :] + names[: index % 3]
            for name in names:
                start = time.process_time()
                runs[name](url, html)
                if round_number:
                    spent[name] += time.process_time() - start
    per_page = {name: seconds * 1000 / (len(pages) * rounds) for name, seconds in spent.items()}
    print("  ms/page CPU: " + "  ".join(f"{name} {value:.2f}" for name, value in per_page.items()))
    for name in ("base", "new"):
        print(f"  {name}: speed ratio to bare_extraction {per_page['trafilatura'] / per_page[name]:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--pages", type=Path, default=Path("fixtures/pages"))
    parser.add_argument("--limit", type=int)
    parser.add_argument("--base", default="main")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--whole", action="store_true")
    args = parser.parse_args(argv)
    pages = load_pages(args)
    print(f"{len(pages)} pages from {args.corpus or args.pages}, base {args.base}, {args.rounds} rounds")
    (whole if args.whole else stages)(pages, args.base, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
