#!/usr/bin/python3
"""Whether a glyph and its neighbour are drawn whole and apart, from the pixels.

  glyph.py check KIOSK REFERENCE X0 Y0 W H ROW COL MARK_ROW NEXT_ROW [--crop OUT]

KIOSK is a screenshot with the glyph (※) at cell COL of row ROW and its neighbour two cells
on (the glyph is given two cells: the cursor moves one, the CJK font's glyph takes two).
REFERENCE is a screenshot of the same terminal and grid (cells W x H px from X0, Y0) with the
glyph alone at (MARK_ROW, COL) and the neighbour alone at (NEXT_ROW, COL + 2), nothing around.

The ink of a region is the pixels that differ clearly from its commonest colour (text and
background colours may differ between the two screenshots). It passes when, over the four
cells COL to COL + 3:
- the glyph's pair of cells holds the glyph as drawn alone and nothing else, and the
  neighbour's pair the neighbour as drawn alone (intersection over union of the ink at least
  0.9 each): neither is clipped, and neither runs into the other's cells;
- the glyph drawn alone and the neighbour drawn alone share no ink: they cannot overlap.
With --crop, the four cells of both screenshots are saved side by side, enlarged, to OUT.
"""

import sys

from PIL import Image

LEAST_IOU = 0.9


def ink(image, box):
    """The set of (x, y) in `box`, relative to its corner, whose colour is clearly not the
    commonest colour of the box: half the way or more from it to the colour farthest from it."""
    region = image.crop(box)
    w, h = region.size
    colours = sorted(region.getcolors(w * h), reverse=True)
    background = colours[0][1]

    def distance(c):
        return sum(abs(a - b) for a, b in zip(c, background))

    far = max((distance(c) for _, c in colours), default=0)
    if far == 0:
        return set()
    px = region.load()
    return {(x, y) for y in range(h) for x in range(w) if distance(px[x, y]) * 2 >= far}


def iou(a, b):
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def shifted(points, dx):
    return {(x + dx, y) for x, y in points}


def main(argv):
    if len(argv) < 12 or argv[1] != "check":
        print(__doc__, file=sys.stderr)
        return 2
    kiosk = Image.open(argv[2]).convert("RGB")
    reference = Image.open(argv[3]).convert("RGB")
    x0, y0, cw, ch, row, col, mark_row, next_row = (int(a) for a in argv[4:12])
    crop = argv[13] if len(argv) > 13 and argv[12] == "--crop" else None

    def box(r, c, cells):
        left, top = x0 + c * cw, y0 + r * ch
        return (left, top, left + cells * cw, top + ch)

    # Each measured over the four cells, so ink that strays out of its pair is seen.
    shown = ink(kiosk, box(row, col, 4))
    mark_alone = ink(reference, box(mark_row, col, 4))
    next_alone = ink(reference, box(next_row, col, 4))
    pair = 2 * cw
    in_pair = {p for p in shown if p[0] < pair}
    in_next = {p for p in shown if p[0] >= pair}
    mark_fit = iou(in_pair, mark_alone)
    next_fit = iou(in_next, next_alone)
    shared = len(mark_alone & next_alone)
    mark_out = len({p for p in mark_alone if p[0] >= pair})
    print(
        f"glyph pair vs glyph alone: IoU {mark_fit:.3f} ({len(in_pair)} px vs {len(mark_alone)});"
        f" neighbour vs neighbour alone: IoU {next_fit:.3f};"
        f" glyph alone inked {mark_out} px past its pair; shared ink {shared} px"
    )
    if crop:
        boxes = [(kiosk, box(row, col, 4)), (reference, box(mark_row, col, 4)),
                 (reference, box(next_row, col, 4))]
        out = Image.new("RGB", (4 * cw * 3 + 2 * 4, ch), (128, 128, 128))
        for i, (image, b) in enumerate(boxes):
            out.paste(image.crop(b), (i * (4 * cw + 4), 0))
        out.resize((out.width * 3, out.height * 3), Image.NEAREST).save(crop)
    ok = mark_fit >= LEAST_IOU and next_fit >= LEAST_IOU and shared == 0 and mark_out == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
