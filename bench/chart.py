"""Horizontal grouped bar chart as a standalone SVG, for the benchmark
report (no plotting library needed). One row per benchmark, one bar per
series, on a log10 axis of ratios (1 = the baseline); a series value may be
None (not measured) or "fails" (drawn as a label instead of a bar)."""
import math
from xml.sax.saxutils import escape

COLOURS = ("#7f8c8d", "#d35400", "#2980b9", "#27ae60")


def bar_chart_svg(rows, series, title):
    """rows: [(label, {series_name: ratio | None | "fails"})]."""
    label_w, plot_w, right = 210, 560, 70
    bar_h, gap = 11, 9
    row_h = bar_h * len(series) + gap
    top, bottom = 52, 44
    height = top + row_h * len(rows) + bottom
    width = label_w + plot_w + right
    values = [v for _, rel in rows for v in rel.values() if isinstance(v, (int, float)) and v > 0]
    lo = min([1.0] + values)
    hi = max([10.0] + values)
    lo_exp = math.floor(math.log10(lo))
    hi_exp = math.ceil(math.log10(hi))
    if hi_exp == lo_exp:
        hi_exp += 1

    def x_of(v):
        return label_w + plot_w * (math.log10(v) - lo_exp) / (hi_exp - lo_exp)

    out = []
    o = out.append
    o(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
      f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">')
    o(f'<rect width="{width}" height="{height}" fill="white"/>')
    o(f'<text x="{width / 2}" y="18" text-anchor="middle" font-size="13" font-weight="bold">'
      f'{escape(title)}</text>')
    for i, name in enumerate(series):
        lx = label_w + i * 130
        o(f'<rect x="{lx}" y="28" width="12" height="10" fill="{COLOURS[i % len(COLOURS)]}"/>')
        o(f'<text x="{lx + 16}" y="37">{escape(name)}</text>')
    # Grid: decades, plus 2x and 5x ticks.
    for e in range(lo_exp, hi_exp + 1):
        for m in (1, 2, 5):
            v = m * 10 ** e
            if v < 10 ** lo_exp or v > 10 ** hi_exp:
                continue
            x = x_of(v)
            colour = "#999" if m == 1 else "#ddd"
            o(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - bottom + 4}" '
              f'stroke="{colour}" stroke-width="1"/>')
            text = ("%g" % v) + "x"
            o(f'<text x="{x:.1f}" y="{height - bottom + 17}" text-anchor="middle" '
              f'fill="#555">{text}</text>')
    if lo_exp <= 0 <= hi_exp:
        x1 = x_of(1.0)
        o(f'<line x1="{x1:.1f}" y1="{top - 4}" x2="{x1:.1f}" y2="{height - bottom + 4}" '
          f'stroke="black" stroke-width="1.5"/>')
    for r, (label, rel) in enumerate(rows):
        y0 = top + r * row_h
        o(f'<text x="{label_w - 8}" y="{y0 + row_h / 2:.1f}" text-anchor="end" '
          f'dominant-baseline="middle">{escape(label)}</text>')
        for i, name in enumerate(series):
            v = rel.get(name)
            y = y0 + i * bar_h
            colour = COLOURS[i % len(COLOURS)]
            if v == "fails":
                o(f'<text x="{label_w + 4}" y="{y + bar_h - 2}" fill="#c0392b">{escape(name)} fails</text>')
                continue
            if not isinstance(v, (int, float)) or v <= 0:
                continue
            x0, x = label_w, x_of(v)
            o(f'<rect x="{x0}" y="{y}" width="{max(x - x0, 1):.1f}" height="{bar_h - 1}" '
              f'fill="{colour}"><title>{escape(label)} {escape(name)}: {v:.2f}x</title></rect>')
            o(f'<text x="{x + 4:.1f}" y="{y + bar_h - 2}" fill="#333" font-size="9">{v:.1f}x</text>')
    o(f'<text x="{label_w + plot_w / 2}" y="{height - 8}" text-anchor="middle" fill="#555">'
      f'time (or inverse throughput) relative to native; shorter is faster</text>')
    o('</svg>')
    return "\n".join(out) + "\n"
