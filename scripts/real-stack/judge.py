#!/usr/bin/python3
"""Judges screenshots of the real terminal stack by their pixels.

The bench (scripts/real-stack-test) drives the kiosk with real key events and calls this for
every look at the screen. Nothing here asks the kiosk what it drew: each verdict comes from
the picture alone, so a fault in the terminal, the fonts or the compositor shows too.

  judge.py wait OUT --display :N [--differs-from PNG] [--quiet S] [--timeout S]
  judge.py grid PNG COLS ROWS          the cell grid, as GRID: cols rows x0 y0 width height
  judge.py measure PNG GRID            ink share and large-glyph share of the screen
  judge.py contrast PNG MIN GRID       every text colour pair, failing below MIN:1
  judge.py same A B                    whether two screenshots are the same picture

The grid is found once, on a screen in the default theme, and given to the other commands:
a theme whose header bar has the colour of the terminal's border would hide it.
"""

import re
import subprocess
import sys
import tempfile
import time

from PIL import Image, ImageChops, ImageFilter

# The share of pixels that may differ between two screenshots of the same screen (a stray
# anti-aliased pixel): 0.02%, about 400 pixels at 1920x1080, less than one cell of text.
SAME_TOLERANCE = 0.0002

# The longest stroke, in cells, a large glyph has: a glyph of the largest size is 16 cells wide.
LONGEST_STROKE = 20


def shoot(display, path):
    """One screenshot of the whole X screen, as RGB."""
    subprocess.run(
        ["import", "-display", display, "-window", "root", path],
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return Image.open(path).convert("RGB")


def differing_share(a, b):
    """The share of pixels that differ between two pictures of the same size."""
    if a.size != b.size:
        return 1.0
    if a.tobytes() == b.tobytes():
        return 0.0
    r, g, b = ImageChops.difference(a, b).split()
    largest = ImageChops.lighter(ImageChops.lighter(r, g), b)
    total = a.size[0] * a.size[1]
    return (total - largest.histogram()[0]) / total


def wait(args):
    """Polls screenshots until the screen has stayed the same for a quiet spell.

    With --differs-from, the settled screen must also differ from that picture (the key
    changed something); the last frame is saved either way so a failure can be looked at.
    """
    out = args[0]
    opts = dict(zip(args[1::2], args[2::2]))
    display = opts["--display"]
    quiet = float(opts.get("--quiet", "0.4"))
    timeout = float(opts.get("--timeout", "5"))
    before = Image.open(opts["--differs-from"]).convert("RGB") if "--differs-from" in opts else None
    deadline = time.monotonic() + timeout
    last, since = None, time.monotonic()
    with tempfile.NamedTemporaryFile(suffix=".png") as tmp:
        while True:
            frame = shoot(display, tmp.name)
            now = time.monotonic()
            if last is None or frame.tobytes() != last.tobytes():
                last, since = frame, now
            settled = now - since >= quiet
            changed = before is None or differing_share(frame, before) > SAME_TOLERANCE
            if settled and changed:
                frame.save(out)
                return 0
            if now > deadline:
                frame.save(out)
                what = "did not change" if settled else "did not settle"
                print(f"the screen {what} within {timeout:g} s ({out})", file=sys.stderr)
                return 1
            time.sleep(0.1)


def grid(image, cols, rows):
    """Finds the cell grid from the kiosk's header bar, the first row of the screen.

    The terminal's own borders (foot's pad, xterm's border and internal border) run the whole
    height of the window; the bar is the first colour on the diagonal from the top left corner
    that runs down for less than a quarter of it. Its top left corner is the grid's origin,
    its height a cell's height, and its width over the column count a cell's width.
    """
    w, h = image.size
    px = image.load()

    def run(x, y, dx, dy):
        colour, n = px[x, y], 0
        while x < w and y < h and px[x, y] == colour:
            x, y, n = x + dx, y + dy, n + 1
        return n

    for i in range(min(w, h) // 4):
        height = run(i, i, 0, 1)
        if height < h / 4:
            x0 = y0 = i
            break
    else:
        raise SystemExit("no header bar at the top left of the screen")
    cw = run(x0, y0, 1, 0) / cols
    ch = height
    if abs(cw - round(cw)) > 0.01 or ch * rows > h:
        raise SystemExit(f"no {cols}x{rows} grid under a header bar: bar {cw * cols:g}x{ch} px")
    return x0, y0, round(cw), ch


def mask_of(image, colour):
    """An L image, 255 where the picture has exactly this colour."""
    bands = [
        band.point(lambda v, c=c: 255 if v == c else 0) for band, c in zip(image.split(), colour)
    ]
    out = bands[0]
    for band in bands[1:]:
        out = Image.composite(band, Image.new("L", out.size, 0), out)
    return out


def measure(image, cells):
    """The share of the screen in ink (not the background) and in large glyphs.

    Large glyphs are drawn with whole or half cells, so their strokes are many pixels thick;
    text in the terminal's font has strokes of two or three. A pixel of a large glyph is one
    whose square neighbourhood, half a cell across, is all of its colour (an erosion). Bars
    (header, footer, the terminal's margins) are left out: a glyph's stroke is at most a
    glyph wide, so a thick run longer than LONGEST_STROKE cells is not part of one. Only the
    body counts: the header and footer rows hold key caps and bars, never large glyphs.
    """
    cols, rows, x0, y0, cw, ch = cells
    w, h = image.size
    total = w * h
    colours = sorted(image.getcolors(total), reverse=True)
    background = colours[0][1]
    ink = total - colours[0][0]
    body = image.crop((x0, y0 + ch, x0 + cols * cw, y0 + (rows - 1) * ch))
    w, h = body.size
    colours = sorted(body.getcolors(w * h), reverse=True)
    size = max(5, int(min(cw, ch / 2) * 0.6)) | 1
    longest = LONGEST_STROKE * cw
    large = 0
    for count, colour in colours[1:]:
        if count < total * 0.002:
            break
        fat = mask_of(body, colour).filter(ImageFilter.MinFilter(size)).tobytes()
        for y in range(h):
            for run in re.finditer(rb"\xff+", fat[y * w : (y + 1) * w]):
                if run.end() - run.start() <= longest:
                    large += run.end() - run.start()
    return {"background": background, "ink": ink / total, "large": large / total}


def luminance(colour):
    """WCAG relative luminance of an sRGB colour."""

    def lin(v):
        v /= 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a, b):
    """WCAG contrast ratio of two colours."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_pairs(image, cells):
    """Each (background, text colour) pair drawn, with the cells that show it.

    In each cell the commonest colour is the background; anti-aliasing only blends text into
    its background, so the text colour is the one that differs most from it among those with
    pixels of their own (a twenty-fifth of the cell: fewer are the anti-aliased edge of a glyph
    in the next cell, or a seam). Cells of one colour hold no text.
    """
    cols, rows, x0, y0, cw, ch = cells
    least = max(3, cw * ch // 25)
    pairs = {}
    for row in range(rows):
        for col in range(cols):
            # One pixel in from each side: what is there belongs to the neighbours as much as
            # to this cell (the anti-aliased edge of a block glyph drawn one pixel wide).
            left, top = x0 + col * cw, y0 + row * ch
            box = (left + 1, top + 1, left + cw - 1, top + ch - 1)
            colours = sorted(image.crop(box).getcolors(cw * ch), reverse=True)
            background = colours[0][1]
            inks = [c for n, c in colours[1:] if n >= least]
            if not inks:
                continue
            text = max(inks, key=lambda c: ratio(c, background))
            if ratio(text, background) < 1.1:
                continue
            pairs.setdefault((background, text), []).append((col, row))
    return pairs


def hexed(colour):
    return "#%02x%02x%02x" % colour


def contrast(image, cells, least):
    """Prints every text colour pair with its contrast; fails if one is below `least`."""
    failed = False
    for (background, text), cells in sorted(
        text_pairs(image, cells).items(), key=lambda kv: ratio(*kv[0])
    ):
        r = ratio(background, text)
        # A pair seen in one cell alone is an edge of something else (a glyph that runs into
        # the next cell), not a colour the kiosk chose for text.
        if len(cells) < 2:
            continue
        low = r < least
        failed |= low
        col, row = cells[0]
        print(
            f"  {'LOW ' if low else ''}{hexed(text)} on {hexed(background)}: {r:.1f}:1"
            f" in {len(cells)} cells, first at column {col} row {row}"
        )
    return 1 if failed else 0


def main(argv):
    command, args = argv[1], argv[2:]
    if command == "wait":
        return wait(args)
    if command == "same":
        a, b = (Image.open(p).convert("RGB") for p in args)
        share = differing_share(a, b)
        print(f"{share * 100:.3f}% of pixels differ")
        return 0 if share <= SAME_TOLERANCE else 1
    image = Image.open(args[0]).convert("RGB")
    if command == "grid":
        cols, rows = int(args[1]), int(args[2])
        print(cols, rows, *grid(image, cols, rows))
        return 0
    if command == "measure":
        m = measure(image, [int(a) for a in args[1:7]])
        print(f"background={hexed(m['background'])} ink={m['ink']:.4f} large={m['large']:.4f}")
        return 0
    if command == "contrast":
        return contrast(image, [int(a) for a in args[2:8]], float(args[1]))
    raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
