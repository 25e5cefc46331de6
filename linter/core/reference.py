"""The rule reference: a Markdown page listing every shipped rule with what
it checks, why, an example and the fix, generated from the rule files
(``copydesk docs``); a test keeps the committed page up to date."""

from __future__ import annotations

from linter.core.rule import Rule
from linter.article.scopes import QUOTES_INSIDE, QUOTES_OUTSIDE, UNIT_PARAGRAPH


def _one_line(text: str) -> str:
    """An example as one list item: its lines joined, blank lines dropped."""
    return " / ".join(line.strip() for line in text.strip().splitlines() if line.strip())

HEADER = """# copydesk rule reference

Generated from the rule files by `copydesk docs --output docs/rules.md`;
do not edit by hand. Packs other than `core` are off until a config names
them under `packs:`; a rule marked *off by default* runs only when `select`
names it.
"""


def reference(rules: list[Rule]) -> str:
    parts = [HEADER]
    for pack in dict.fromkeys(rule.pack for rule in rules):
        pack_rules = sorted((r for r in rules if r.pack == pack), key=lambda r: r.id)
        parts.append(f"\n## Pack `{pack}` ({len(pack_rules)} rules)\n\n| rule | severity | summary |\n| --- | --- | --- |")
        parts += [f"| [`{r.id}`](#{r.id.replace('.', '')}) | {r.severity} | {r.summary} |" for r in pack_rules]
        for rule in pack_rules:
            parts.append(_rule(rule))
    return "\n".join(parts) + "\n"


def _rule(rule: Rule) -> str:
    reads = ", ".join(rule.scope)
    if rule.unit != UNIT_PARAGRAPH:
        reads += f", by {rule.unit}"
    if rule.quotations == QUOTES_OUTSIDE:
        reads += ", never quoted speech"
    elif rule.quotations == QUOTES_INSIDE:
        reads += ", only quoted speech"
    off = "" if rule.default else ", *off by default*"
    lines = [f"\n### {rule.id}\n", f"*{rule.severity}*{off}, check type `{rule.check}`, reads {reads}.\n", rule.summary]
    for key, heading in (("what", "What it checks"), ("why", "Why"), ("example", "Example"), ("fix", "Fix")):
        text = rule.docs.get(key)
        if not text:
            continue
        if key == "example":
            lines.append(f"\n**{heading}**\n\n```text\n{text.strip()}\n```")
        else:
            lines.append(f"\n**{heading}.** {' '.join(text.split())}")
    for key, heading in (("bad", "Flagged"), ("good", "Fine")):
        texts = rule.examples.get(key, ())
        if texts:
            lines.append(f"\n**{heading}:**\n")
            lines += [f"- {_one_line(t)}" for t in texts]
    return "\n".join(lines)
