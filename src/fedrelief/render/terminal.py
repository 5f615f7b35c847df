"""The analysis as a terminal report: disposition first, then each avenue, deadlines, questions."""
from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..engine.result import Analysis
from ..law.courts import circuit_name

STATUS_STYLE = {"available": "bold green", "unavailable": "bold red", "undetermined": "bold yellow"}
DISPOSITION_STYLE = {"deny": "red", "dismiss": "red", "transfer": "magenta", "grant": "green",
                     "grant_in_part": "green", "undetermined": "yellow"}


def render(analysis: Analysis, console: Console) -> None:
    a = analysis
    head = Text()
    head.append("Disposition: ", style="bold")
    head.append(a.disposition.upper(), style="bold " + DISPOSITION_STYLE.get(a.disposition, ""))
    head.append(f"\n{a.summary}\n", style="")
    head.append(f"{a.court_name} ({a.court}), {circuit_name(a.circuit)}", style="dim")
    head.append(f" · law as of {a.as_of}", style="dim")
    if a.case_number or a.defendant:
        head.append(f" · {a.defendant or ''} {a.case_number or ''}".rstrip(), style="dim")
    if a.vehicles:
        head.append("\nRequest treated as: " + ", ".join(a.vehicles), style="dim")
    console.print(Panel(head, title="fedrelief analysis", border_style=DISPOSITION_STYLE.get(a.disposition, "white")))

    for av in a.avenues:
        title = Text()
        title.append(f"{av.id}", style="bold")
        title.append(f"  {av.status}", style=STATUS_STYLE[av.status])
        title.append(f"  [{av.forum}]", style="dim")
        lines: list = [Text(av.title, style="italic")]
        for r in av.reasons:
            t = Text()
            t.append(f"• {r.code}: ", style="bold")
            t.append(r.text)
            for c in r.authorities:
                t.append(f"\n    {c.citation}", style="cyan" if c.weight == "binding" else "dim cyan")
                if c.weight != "binding":
                    t.append("  (persuasive)", style="dim")
            lines.append(t)
        if av.to_show and av.status == "available":
            lines.append(Text("To show: " + "; ".join(av.to_show), style="green"))
        console.print(Panel(Group(*lines), title=title, title_align="left", border_style="grey50"))

    if a.deadlines:
        table = Table(title="Deadlines", show_lines=False)
        for col in ("what", "starts", "ends", "status", "authority"):
            table.add_column(col)
        for d in a.deadlines:
            status = "unknown" if d.passed is None else ("passed" if d.passed else "open")
            table.add_row(d.what, str(d.starts_on or "?"), str(d.ends_on or "?"),
                          Text(status, style="red" if d.passed else "green"), d.authority)
        console.print(table)
    if a.questions:
        console.print(Text("Questions (facts that would decide an undetermined avenue):", style="bold yellow"))
        for q in a.questions:
            console.print(f"  • {q.field}: {q.why}" + (f"  [{q.avenue}]" if q.avenue else ""))
    for rc in a.record_checks:
        console.print(Text(f"Record check ({rc['field']}): {rc['text']}", style="yellow"))
    if a.warnings:
        console.print(Text("Warnings: " + ", ".join(a.warnings), style="yellow"))
    console.print(Text("Not legal advice. Every citation above is in fedrelief's knowledge base with its source.",
                       style="dim"))
