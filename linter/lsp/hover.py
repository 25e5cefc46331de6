"""What hovering over a finding shows: its rule's summary and docs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linter.results.findings import Finding

if TYPE_CHECKING:  # pragma: no cover
    from linter.core.rule import Rule

def rule_docs_url(rule_id: str, template: str) -> str:
    """Where a rule's documentation lives, from the config's ``docs_url``
    template; "" when the config names no such place (no dead link)."""
    return template.format(rule=rule_id) if template else ""


_DOC_SECTIONS = (("what", "What it checks"), ("why", "Why"), ("example", "Example"), ("fix", "Fix"))


def hover_markdown(finding: Finding, rule: "Rule | None", docs_url: str = "") -> str:
    """A rule's id, summary and docs, as Markdown."""
    if rule is None:
        return f"**{finding.rule}** ({finding.severity})\n\n{finding.message}"
    parts = [f"**{rule.id}** ({finding.severity}): {rule.summary}"]
    for key, heading in _DOC_SECTIONS:
        body = rule.docs.get(key, "").strip()
        if not body:
            continue
        if key == "example":
            fence = "````" if "```" in body else "```"
            parts.append(f"**{heading}**\n\n{fence}text\n{body}\n{fence}")
        else:
            parts.append(f"**{heading}:** {body}")
    if docs_url:
        parts.append(f"[Documentation of {rule.id}]({rule_docs_url(rule.id, docs_url)})")
    return "\n\n".join(parts)
