//! A grid of on/off pixels that a line's glyphs are placed into and the cell encodings read from.

/// A `width` x `height` grid of pixels, all off at first; pixels set outside it are dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Bitmap {
    width: u32,
    height: u32,
    pixels: Vec<bool>,
}

impl Bitmap {
    /// An empty grid of the given size in pixels.
    pub(crate) fn new(width: u32, height: u32) -> Self {
        Self {
            width,
            height,
            pixels: vec![false; width as usize * height as usize],
        }
    }

    /// The width in pixels.
    #[cfg(test)]
    pub(crate) fn width(&self) -> u32 {
        self.width
    }

    /// The height in pixels.
    #[cfg(test)]
    pub(crate) fn height(&self) -> u32 {
        self.height
    }

    /// Whether the pixel at `(x, y)` is on; pixels outside the grid are off.
    ///
    /// Reading past the edge is allowed because a cell encoding reads whole cells, and the last
    /// row of cells can reach below the font's height (16 px make 5⅓ sextant rows).
    pub(crate) fn get(&self, x: u32, y: u32) -> bool {
        x < self.width && y < self.height && self.pixels[self.index(x, y)]
    }

    /// Turns on the pixel at `(x, y)`, if it is inside the grid.
    pub(crate) fn set(&mut self, x: u32, y: u32) {
        if x < self.width && y < self.height {
            let i = self.index(x, y);
            self.pixels[i] = true;
        }
    }

    /// Turns on the pixels of a glyph's rows (bit `x` of a row is the pixel `x` from the
    /// left) that are on, `x` pixels from the left of this grid.
    pub(crate) fn blit_rows(&mut self, rows: &[u16], x: u32) {
        for (y, &row) in (0..self.height).zip(rows) {
            let mut bits = row;
            while bits != 0 {
                let column = bits.trailing_zeros();
                self.set(x + column, y);
                bits &= bits - 1;
            }
        }
    }

    fn index(&self, x: u32, y: u32) -> usize {
        y as usize * self.width as usize + x as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixels_outside_the_grid_are_dropped_and_read_as_off() {
        let mut bitmap = Bitmap::new(2, 2);
        bitmap.set(1, 1);
        bitmap.set(2, 0);
        bitmap.set(0, 2);
        assert!(bitmap.get(1, 1));
        assert!(!bitmap.get(0, 0));
        assert!(!bitmap.get(2, 0));
        assert!(!bitmap.get(7, 7));
        assert_eq!(bitmap.pixels.iter().filter(|&&on| on).count(), 1);
    }

    #[test]
    fn blit_places_pixels_at_the_offset() {
        let mut line = Bitmap::new(4, 2);
        line.blit_rows(&[0, 0b101], 1);
        assert!(line.get(1, 1) && line.get(3, 1));
        assert_eq!(line.pixels.iter().filter(|&&on| on).count(), 2);
    }
}
