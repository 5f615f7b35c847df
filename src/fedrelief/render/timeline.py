"""The deadlines of an analysis as a timeline: plain text for the terminal, and a picture.

One model (`Timeline`, built by `build_timeline`) feeds both renderings, so the text and the
picture always show the same windows and markers:

* markers: sentence imposed / judgment entered (`sentence.imposed_on`, `judgment_entered_on`),
  finality (the `starts_on` of the § 2255(f)(1) deadline), the request's filing date
  (`request.filed_on`) and the analysis date (`as_of`);
* windows: every deadline of `analysis.deadlines` with both ends known, as a bar from `starts_on`
  to `ends_on`, marked passed / open / not started / unknown. A deadline whose end (or start) is
  unknown is not drawn; the timeline says so in a note instead.

Spans of years and windows of a week share one linear axis (issue 4 asked for nothing fancier):
a window too short to see is drawn at a minimum visible width and labelled with its dates and its
length in days, so it cannot be missed or misread.

The picture uses matplotlib's object API (`Figure`, no pyplot: no global state, no display).
PNG files are always `PNG_SIZE_PX` = 1600 x 900 pixels (8 x 4.5 inches at 200 dpi), whatever the
number of windows; SVG files are 8 x 4.5 inches.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..engine.result import Analysis, Deadline

FIG_SIZE_IN = (8.0, 4.5)
PNG_DPI = 200
PNG_SIZE_PX = (int(FIG_SIZE_IN[0] * PNG_DPI), int(FIG_SIZE_IN[1] * PNG_DPI))  # (1600, 900)

# Status words, as in the terminal report's deadline table, plus "not started".
PASSED, OPEN, NOT_STARTED, UNKNOWN = "passed", "open", "not started", "unknown"
STATUS_COLOUR = {PASSED: "#c0504d", OPEN: "#2e8b57", NOT_STARTED: "#4f81bd", UNKNOWN: "#9e9e9e"}
MARKER_STYLE = {  # kind -> (colour, line style)
    "imposed": ("#555555", ":"),
    "judgment": ("#555555", "--"),
    "final": ("#7b3f98", "-."),
    "filed": ("#1f5fbf", "-"),
    "as_of": ("#000000", "-"),
}
TEXT_LABEL_WIDTH = 28
LABEL_SPAN = 0.24  # share of the plot's width a marker's name may take above the plot


@dataclass(frozen=True)
class Marker:
    kind: str   # imposed | judgment | final | filed | as_of
    label: str
    on: date


@dataclass(frozen=True)
class Window:
    what: str           # the deadline's full name; `short_label` shortens it for a row
    deadline: Deadline
    status: str         # passed | open | not started | unknown

    @property
    def starts_on(self) -> date:
        assert self.deadline.starts_on is not None
        return self.deadline.starts_on

    @property
    def ends_on(self) -> date:
        assert self.deadline.ends_on is not None
        return self.deadline.ends_on

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days


@dataclass(frozen=True)
class Timeline:
    title: str
    subtitle: str
    as_of: date
    markers: tuple[Marker, ...]
    windows: tuple[Window, ...]
    notes: tuple[str, ...] = field(default=())

    def span(self) -> tuple[date, date]:
        """First and last date shown (at least 30 days apart, so one date still has an axis)."""
        days = [m.on for m in self.markers]
        days += [d for w in self.windows for d in (w.starts_on, w.ends_on)]
        first, last = min(days), max(days)
        if (last - first).days < 30:
            pad = timedelta(days=(30 - (last - first).days + 1) // 2)
            first, last = first - pad, last + pad
        return first, last


# ----------------------------------------------------------------------------- the model

def status_of(deadline: Deadline, as_of: date) -> str:
    """`passed` comes from the analysis (the end is before as_of); a window whose start is still
    ahead is `not started` rather than `open`."""
    if deadline.passed is None:
        return UNKNOWN
    if deadline.passed:
        return PASSED
    if deadline.starts_on is not None and as_of < deadline.starts_on:
        return NOT_STARTED
    return OPEN


def short_label(what: str, width: int = 40) -> str:
    """The deadline's name up to its first colon ("Rule 35(a)", "§ 2255(f)(1)"); else its text with
    the rule abbreviated, then without a trailing parenthesis if still longer than `width`, then
    cut to `width` characters."""
    head = what.split(":", 1)[0].strip() if ":" in what else what.strip()
    head = head.replace("Fed. R. App. P. ", "FRAP ").replace("Fed. R. Crim. P. ", "Rule ")
    if len(head) > width and head.endswith(")") and " (" in head:
        head = head[: head.rindex(" (")].rstrip()
    return head if len(head) <= width else head[: width - 1].rstrip() + "…"


def case_title(analysis: Analysis, case: Any | None = None) -> str:
    defendant = analysis.defendant or getattr(case, "defendant", None)
    name = f"United States v. {defendant}" if defendant else "United States"
    number = analysis.case_number or getattr(case, "case_number", None)
    return f"{name}, No. {number}" if number else name


def finality_date(analysis: Analysis) -> date | None:
    """The date the conviction became final: the start of the § 2255(f)(1) deadline."""
    for d in analysis.deadlines:
        if d.avenue == "s2255" and d.starts_on is not None:
            return d.starts_on
    return None


def build_timeline(analysis: Analysis, case: Any) -> Timeline:
    """Markers and windows for `analysis` of `case` (the case file the analysis was run on)."""
    markers: list[Marker] = []
    sentence = getattr(case, "sentence", None)
    imposed = getattr(sentence, "imposed_on", None)
    entered = getattr(sentence, "judgment_entered_on", None)
    if imposed and entered and entered != imposed:
        markers.append(Marker("imposed", "sentence imposed", imposed))
        markers.append(Marker("judgment", "judgment entered", entered))
    elif imposed or entered:
        markers.append(Marker("judgment", "judgment (sentence imposed)", imposed or entered))
    final = finality_date(analysis)
    if final is not None:
        markers.append(Marker("final", "conviction final", final))
    notes: list[str] = []
    filed = getattr(getattr(case, "request", None), "filed_on", None)
    if filed is not None:
        markers.append(Marker("filed", "request filed", filed))
    else:
        notes.append("The request's filing date is not in the case file.")
    markers.append(Marker("as_of", "as of", analysis.as_of))

    windows: list[Window] = []
    for d in analysis.deadlines:
        if d.ends_on is None or d.starts_on is None:
            missing = "end" if d.ends_on is None else "start"
            notes.append(f"Not drawn ({missing} date unknown): {d.what}.")
            continue
        windows.append(Window(d.what, d, status_of(d, analysis.as_of)))
    if not analysis.deadlines:
        notes.append("No dated deadline in this analysis.")
    counts = ", ".join(f"{sum(w.status == s for w in windows)} {s}"
                       for s in (PASSED, OPEN, NOT_STARTED, UNKNOWN) if any(w.status == s for w in windows))
    subtitle = (f"{analysis.court_name} · deadlines as of {analysis.as_of.isoformat()}"
                + (f" · {counts}" if counts else ""))
    return Timeline(case_title(analysis, case), subtitle, analysis.as_of, tuple(markers),
                    tuple(windows), tuple(notes))


def _length(days: int) -> str:
    """A window's span in calendar days (a 7-day Rule 35(a) period under the old rule can span
    11), or in years once it is two years or more."""
    if days >= 730:
        return f"{days / 365.25:.1f} years"
    return f"{days} calendar day" + ("" if days == 1 else "s")


# ----------------------------------------------------------------------------- text

def timeline_text(analysis: Analysis, case: Any, columns: int = 120) -> str:
    """A plain-text timeline about `columns` characters wide: one row per window with its dates,
    status and a bar drawn to scale (`▒` passed, `█` open or not started, `│` the as-of date),
    then the markers on the same scale and a key. A window too short to show its length on this
    scale gets its length in calendar days after the bar."""
    tl = build_timeline(analysis, case)
    first, last = tl.span()
    total = max((last - first).days, 1)
    fixed = TEXT_LABEL_WIDTH + 2 + 23 + 2 + 11 + 1
    width = max(24, columns - fixed - 12)

    def col(d: date) -> int:
        return min(width - 1, max(0, round((d - first).days / total * (width - 1))))

    as_of_col = col(tl.as_of)
    lines = [tl.title, tl.subtitle, ""]
    axis = [" "] * width
    left, right = first.isoformat(), last.isoformat()
    axis[: len(left)] = left
    axis[width - len(right):] = right
    lines.append(" " * (fixed + 1) + "".join(axis))
    for w in tl.windows:
        bar = [" "] * width
        fill = "▒" if w.status == PASSED else ("·" if w.status == UNKNOWN else "█")
        for c in range(col(w.starts_on), col(w.ends_on) + 1):
            bar[c] = fill
        bar[as_of_col] = "│"
        label = short_label(w.what, TEXT_LABEL_WIDTH)
        dates = f"{w.starts_on.isoformat()} → {w.ends_on.isoformat()}"
        short = col(w.ends_on) - col(w.starts_on) < 2
        lines.append(f"{label:<{TEXT_LABEL_WIDTH}}  {dates}  {w.status:<11} |{''.join(bar)}|"
                     + (f" ← {_length(w.days)}" if short else ""))
    for m in tl.markers:  # one row each: markers days apart would share a column
        row = [" "] * width
        row[col(m.on)] = "▲"
        lines.append(f"{short_label(m.label, TEXT_LABEL_WIDTH):<{TEXT_LABEL_WIDTH}}  "
                     f"{m.on.isoformat():<23}  {'':<11} |{''.join(row)}|")
    lines.append("")
    lines.append("  ▒ passed   █ open or not started   │ as of   ▲ event")
    lines.extend(f"  Note: {n}" for n in tl.notes)
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- picture

def timeline_figure(analysis: Analysis, case: Any):
    """A matplotlib `Figure` (Agg canvas, never shown) of the same timeline: one horizontal bar per
    window coloured by status and labelled with its dates, length and status; vertical lines for
    judgment, finality, the request's filing date and as_of; dates on the x axis; the case in the
    title; notes (deadlines not drawn, facts missing) at the foot."""
    import matplotlib.dates as mdates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
    from matplotlib.transforms import blended_transform_factory

    tl = build_timeline(analysis, case)
    first, last = tl.span()
    total = max((last - first).days, 1)
    pad = timedelta(days=max(2, round(total * 0.03)))
    x0, x1 = first - pad, last + pad
    shown = (x1 - x0).days
    min_width = shown * 0.006  # days: a one-week window on a ten-year axis stays visible

    fig = Figure(figsize=FIG_SIZE_IN, dpi=PNG_DPI, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    fig.suptitle(f"{tl.title}\n", fontsize=11, fontweight="bold", x=0.01, ha="left")
    fig.text(0.01, 1.0, f"\n\n{tl.subtitle}", fontsize=8, color="#444444", ha="left", va="top")

    n = len(tl.windows)
    ys = list(range(n - 1, -1, -1))  # first deadline at the top
    for y, w in zip(ys, tl.windows):
        start = mdates.date2num(w.starts_on)
        width = max(w.days, min_width)
        colour = STATUS_COLOUR[w.status]
        ax.barh(y, width, left=start, height=0.5, color=colour, edgecolor=colour, alpha=0.9, zorder=2)
        text = f"{w.starts_on.isoformat()} → {w.ends_on.isoformat()} · {_length(w.days)} · {w.status}"
        start_frac = (w.starts_on - x0).days / shown
        end_frac = start_frac + width / shown
        gap = shown * 0.01
        if end_frac < 0.6:  # room on the right
            ax.text(start + width + gap, y, text, va="center", ha="left", fontsize=6.5, zorder=4)
        elif start_frac > 0.45:  # room on the left
            ax.text(start - gap, y, text, va="center", ha="right", fontsize=6.5, zorder=4)
        else:  # a long bar: write inside it
            ax.text(start + width / 2, y, text, va="center", ha="center", fontsize=6.5,
                    color="white", fontweight="bold", zorder=4)

    on_top = blended_transform_factory(ax.transData, ax.transAxes)
    for m in tl.markers:
        colour, style = MARKER_STYLE[m.kind]
        x = mdates.date2num(m.on)
        ax.axvline(x, color=colour, linestyle=style, zorder=3,
                   linewidth=1.6 if m.kind in ("as_of", "filed") else 1.1)
    # Name each line right above the plot, so the eye need not go to the legend.
    for m, row in _top_labels(tl, x0, shown):
        frac = (m.on - x0).days / shown
        ax.text(mdates.date2num(m.on), 1.01 + 0.05 * row, f"{m.label} {m.on.isoformat()}",
                transform=on_top, fontsize=6.5, color=MARKER_STYLE[m.kind][0], va="bottom",
                ha="right" if frac > 0.5 else "left",
                fontweight="bold" if m.kind in ("as_of", "filed") else "normal")

    ax.set_yticks(ys, [textwrap.fill(short_label(w.what), 24) for w in tl.windows], fontsize=7)
    ax.set_ylim(-0.7, max(n, 1) - 0.3)
    ax.set_xlim(mdates.date2num(x0), mdates.date2num(x1))
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=8))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d" if shown <= 180 else "%b %Y"))
    ax.tick_params(axis="x", labelsize=7)
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)

    notes = list(tl.notes)
    if not tl.windows:
        ax.set_yticks([])
        ax.text(0.5, 0.5, "No dated deadline to draw", transform=ax.transAxes, ha="center",
                va="center", fontsize=10, color="#666666", zorder=5,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 4})
        notes = [n for n in notes if not n.startswith("No dated deadline")]
    statuses = [s for s in (PASSED, OPEN, NOT_STARTED, UNKNOWN) if any(w.status == s for w in tl.windows)]
    if statuses:  # the lines are named above the plot; the legend only keys the colours
        ax.legend(handles=[Patch(color=STATUS_COLOUR[s], label=f"window {s}") for s in statuses],
                  loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=len(statuses),
                  fontsize=6.5, frameon=False)
    if notes:
        fig.supxlabel("\n".join(textwrap.fill(n, 150) for n in notes), fontsize=6, color="#555555",
                      x=0.01, ha="left")
    return fig


def _top_labels(tl: Timeline, x0: date, shown: int) -> list[tuple[Marker, int]]:
    """Every marker, named above the plot: each label takes the lowest row (0, 1, ...) where it
    does not run into another. A label is taken to be `LABEL_SPAN` of the axis wide, written to
    the right of its line in the left half of the plot and to the left of it in the right half."""
    taken: dict[int, list[tuple[float, float]]] = {}
    out: list[tuple[Marker, int]] = []
    for m in sorted(tl.markers, key=lambda m: m.on):
        frac = (m.on - x0).days / shown
        span = (frac, frac + LABEL_SPAN) if frac <= 0.5 else (frac - LABEL_SPAN, frac)
        row = 0
        while any(a < span[1] and span[0] < b for a, b in taken.get(row, [])):
            row += 1
        taken.setdefault(row, []).append(span)
        out.append((m, row))
    return out


def save_timeline(analysis: Analysis, case: Any, path: str | Path) -> Path:
    """Write the timeline picture to `path`: SVG for `.svg`, PNG for `.png` (always
    1600 x 900 px, see `PNG_SIZE_PX`). Any other suffix is a ValueError."""
    path = Path(path)
    kind = path.suffix.lower().lstrip(".")
    if kind not in ("svg", "png"):
        raise ValueError(f"{path}: expected a file name ending .svg or .png")
    import matplotlib

    fig = timeline_figure(analysis, case)
    # SVG keeps its words as <text> (searchable, selectable) instead of outlines.
    # No bbox_inches="tight": it would change the pixel size.
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        fig.savefig(path, format=kind, dpi=PNG_DPI, metadata=_metadata(kind))
    return path


def _metadata(kind: str) -> dict[str, Any]:
    # Reproducible files: no creation date (SVG) / no software stamp that varies (PNG).
    return {"Date": None} if kind == "svg" else {"Software": None}
