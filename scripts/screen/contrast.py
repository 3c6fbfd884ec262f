#!/usr/bin/python3
"""Contrast as drawn: every text colour pair on a screenshot of the kiosk, against its theme.

  contrast.py expect CONFIG THEME MODE     the theme's pairs as a terminal in MODE draws them
                                           (MODE: truecolor, 256 or 16), as JSON
  contrast.py grid PNG COLS ROWS           the cell grid of a COLSxROWS kiosk, as X0 Y0 W H
  contrast.py check PNG COLS ROWS EXPECT [X0 Y0 W H]
                                           judges a screenshot of a COLSxROWS kiosk against
                                           the JSON from `expect`; exit status 1 if a pair is low

Find the grid on a screen in the default theme and pass it on for the others: a header bar of
the colour of the terminal's border (white, in xterm) hides it.

`check` finds the cell grid from the header bar (the first row of the screen), then in each
cell takes the commonest colour as the background and, of the other colours with pixels of
their own, the one that differs most from it as the text (anti-aliasing only blends text into
its background). Each pair seen in two cells or more must reach the contrast of its role in
the expectations (text 7:1, secondary text 4.5:1); a pair the theme does not have (a colour the
terminal made up, such as xterm's grey for bold black) must reach 7:1. Cells wholly in the
marker's colour in the body are the highlight marker, which must reach 3:1 on the background.

Nothing here asks the kiosk what it drew: a fault in the terminal, fonts or colour mode shows.
"""

import json
import pathlib
import sys
import tomllib

from PIL import Image

# The grid and WCAG contrast are the real-stack bench's own (scripts/real-stack/judge.py), so
# both benches find cells and measure colours the same way.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "real-stack"))
from judge import grid, ratio  # noqa: E402

# xterm's 16 colours (its default palette), by the names the kiosk's settings use.
ANSI = {
    "black": (0x00, 0x00, 0x00),
    "red": (0xCD, 0x00, 0x00),
    "green": (0x00, 0xCD, 0x00),
    "yellow": (0xCD, 0xCD, 0x00),
    "blue": (0x00, 0x00, 0xEE),
    "magenta": (0xCD, 0x00, 0xCD),
    "cyan": (0x00, 0xCD, 0xCD),
    "gray": (0xE5, 0xE5, 0xE5),
    "dark-gray": (0x7F, 0x7F, 0x7F),
    "light-red": (0xFF, 0x00, 0x00),
    "light-green": (0x00, 0xFF, 0x00),
    "light-yellow": (0xFF, 0xFF, 0x00),
    "light-blue": (0x5C, 0x5C, 0xFF),
    "light-magenta": (0xFF, 0x00, 0xFF),
    "light-cyan": (0x00, 0xFF, 0xFF),
    "white": (0xFF, 0xFF, 0xFF),
}
CUBE = [0x00, 0x5F, 0x87, 0xAF, 0xD7, 0xFF]

# The roles of a palette: (name, text key, background key, least contrast).
ROLES = [
    ("body text", "foreground", "background", 7.0),
    ("headings", "accent", "background", 7.0),
    ("bars", "bar_foreground", "bar_background", 7.0),
    ("key caps", "key_foreground", "key_background", 7.0),
    ("secondary text", "muted", "background", 4.5),
]
MARKER = ("highlight marker", "bar_background", "background", 3.0)
# How far (per channel) a drawn colour may be from the expected one and still be it.
TOLERANCE = 6


def xterm_256(index):
    """The colour xterm shows for one of its 256 colours (cube and grey ramp)."""
    if index < 16:
        return list(ANSI.values())[index]
    if index < 232:
        i = index - 16
        return (CUBE[i // 36], CUBE[i // 6 % 6], CUBE[i % 6])
    grey = 8 + 10 * (index - 232)
    return (grey, grey, grey)


def nearest_256(rgb):
    """The nearest colour of xterm's cube and grey ramp, as the kiosk picks it."""
    return min(range(16, 256), key=lambda i: sum((a - b) ** 2 for a, b in zip(rgb, xterm_256(i))))


def drawn(value, mode):
    """The colour a terminal in `mode` shows for a configured colour."""
    if value.startswith("#"):
        rgb = tuple(int(value[i : i + 2], 16) for i in (1, 3, 5))
        return xterm_256(nearest_256(rgb)) if mode == "256" else rgb
    return ANSI[value]


def expect(config, theme, mode):
    """The pairs of `theme` as drawn in `mode`: exact colours or the 16-colour fallback."""
    with open(config, "rb") as f:
        themes = {t["name"]: t for t in tomllib.load(f)["themes"]}
    palette = themes[theme]["fallback" if mode == "16" else "colours"]
    pairs = []
    for role, text, background, least in ROLES + [MARKER]:
        pairs.append(
            {
                "role": role,
                "text": "#%02x%02x%02x" % drawn(palette[text], mode),
                "background": "#%02x%02x%02x" % drawn(palette[background], mode),
                "least": least,
            }
        )
    return {"theme": theme, "mode": mode, "pairs": pairs}


def parse(hexed):
    return tuple(int(hexed[i : i + 2], 16) for i in (1, 3, 5))


def hexed(colour):
    return "#%02x%02x%02x" % colour


def near(a, b):
    return all(abs(x - y) <= TOLERANCE for x, y in zip(a, b))


def cells(image, cols, rows, cell_grid):
    """Each cell's (background, text or None), row by row."""
    x0, y0, cw, ch = cell_grid
    least = max(3, cw * ch // 25)
    out = {}
    for row in range(rows):
        for col in range(cols):
            left, top = x0 + col * cw, y0 + row * ch
            # One pixel in from each side: what is there belongs to the neighbours as much.
            box = (left + 1, top + 1, left + cw - 1, top + ch - 1)
            colours = sorted(image.crop(box).getcolors(cw * ch), reverse=True)
            background = colours[0][1]
            inks = [c for n, c in colours[1:] if n >= least]
            text = max(inks, key=lambda c: ratio(c, background)) if inks else None
            if text is not None and ratio(text, background) < 1.1:
                text = None
            out[(col, row)] = (background, text)
    return out


def check(png, cols, rows, expectations, cell_grid=None):
    image = Image.open(png).convert("RGB")
    cell_grid = cell_grid or grid(image, cols, rows)
    found = cells(image, cols, rows, cell_grid)
    pairs = [
        (p["role"], parse(p["text"]), parse(p["background"]), p["least"])
        for p in expectations["pairs"]
    ]
    seen = {}
    for place, (background, text) in found.items():
        if text is not None:
            seen.setdefault((background, text), []).append(place)
    failed = False
    print(f"{png}: {cols}x{rows} cells of {cell_grid[2]}x{cell_grid[3]} px at {cell_grid[:2]}")
    for (background, text), places in sorted(seen.items(), key=lambda kv: ratio(*kv[0])):
        # A pair seen in one cell alone is an edge of something else (a glyph that runs into
        # the next cell), not a colour the kiosk chose for text.
        if len(places) < 2:
            continue
        # Either way round: the cells of large glyphs in half blocks can hold more of the
        # glyph's colour than of the background's.
        roles = [
            (role, least)
            for role, t, b, least in pairs
            if role != MARKER[0]
            and ((near(t, text) and near(b, background)) or (near(b, text) and near(t, background)))
        ]
        role, least = roles[0] if roles else ("not in the theme", 7.0)
        r = ratio(text, background)
        low = r < least
        failed |= low
        col, row = places[0]
        print(
            f"  {'LOW ' if low else 'ok  '}{role}: {hexed(text)} on {hexed(background)}"
            f" {r:.1f}:1 (at least {least:g}) in {len(places)} cells, first at {col},{row}"
        )
    marker = next(p for p in pairs if p[0] == MARKER[0])
    _, colour, background, least = marker
    solid = [
        place
        for place, (bg, text) in found.items()
        if text is None and near(bg, colour) and 0 < place[1] < rows - 1
    ]
    if solid:
        r = ratio(colour, background)
        low = r < least
        failed |= low
        print(
            f"  {'LOW ' if low else 'ok  '}highlight marker: {hexed(colour)} on"
            f" {hexed(background)} {r:.1f}:1 (at least {least:g}) in {len(solid)} cells"
        )
    return 1 if failed else 0


def main(argv):
    if len(argv) == 5 and argv[1] == "expect":
        print(json.dumps(expect(argv[2], argv[3], argv[4]), indent=1))
        return 0
    if len(argv) == 5 and argv[1] == "grid":
        image = Image.open(argv[2]).convert("RGB")
        print(*grid(image, int(argv[3]), int(argv[4])))
        return 0
    if len(argv) in (6, 10) and argv[1] == "check":
        with open(argv[5], encoding="utf-8") as f:
            expectations = json.load(f)
        cell_grid = tuple(int(a) for a in argv[6:10]) or None
        return check(argv[2], int(argv[3]), int(argv[4]), expectations, cell_grid)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
