//! A grid of on/off pixels that the font renderer draws into and the cell encodings read from.

use std::convert::Infallible;

use embedded_graphics_core::Pixel;
use embedded_graphics_core::pixelcolor::BinaryColor;
use embedded_graphics_core::prelude::{DrawTarget, OriginDimensions, Point, Size};

/// A `width` x `height` grid of pixels, all off at first.
///
/// It is the `DrawTarget` handed to `u8g2_fonts::FontRenderer`: pixels drawn outside the grid are
/// dropped, so a renderer asked to draw out of bounds clips instead of failing.
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

impl OriginDimensions for Bitmap {
    fn size(&self) -> Size {
        Size::new(self.width, self.height)
    }
}

impl DrawTarget for Bitmap {
    type Color = BinaryColor;
    type Error = Infallible;

    fn draw_iter<I>(&mut self, pixels: I) -> Result<(), Self::Error>
    where
        I: IntoIterator<Item = Pixel<Self::Color>>,
    {
        for Pixel(Point { x, y }, colour) in pixels {
            if colour.is_on()
                && let (Ok(x), Ok(y)) = (u32::try_from(x), u32::try_from(y))
            {
                self.set(x, y);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pixels_outside_the_grid_are_dropped_and_read_as_off() {
        let mut bitmap = Bitmap::new(2, 2);
        bitmap
            .draw_iter([
                Pixel(Point::new(1, 1), BinaryColor::On),
                Pixel(Point::new(-1, 0), BinaryColor::On),
                Pixel(Point::new(2, 0), BinaryColor::On),
                Pixel(Point::new(0, 0), BinaryColor::Off),
            ])
            .unwrap();
        assert!(bitmap.get(1, 1));
        assert!(!bitmap.get(0, 0));
        assert!(!bitmap.get(2, 0));
        assert!(!bitmap.get(7, 7));
    }

    #[test]
    fn blit_places_pixels_at_the_offset() {
        let mut line = Bitmap::new(4, 2);
        line.blit_rows(&[0, 0b101], 1);
        assert!(line.get(1, 1) && line.get(3, 1));
        assert_eq!(line.pixels.iter().filter(|&&on| on).count(), 2);
    }
}
