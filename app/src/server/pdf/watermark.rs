//! The watermark: the text's glyph outlines drawn once into a form XObject, then painted rotated
//! in a staggered grid over an area (a page), so that any cut of a print-out carries it.
//! Outlines rather than text: the watermark stays out of text extraction and search, and cannot
//! be selected and deleted as text.

use pdf_writer::{Content, Filter, Name, Pdf, Rect, Ref};
use ttf_parser::OutlineBuilder;

use super::deflate;
use super::font;

/// Resource name of the form in the resources of a page the portal typesets.
pub(super) const NAME: Name<'static> = Name(b"Wm");

const SIZE: f32 = 28.0;
/// 30°, counter-clockwise from the horizontal.
const ANGLE: f32 = std::f32::consts::PI / 6.0;
/// Space between neighbouring copies along the text, and distance between rows across it.
const GAP: f32 = 70.0;
const ROW_STEP: f32 = 120.0;

pub(super) struct Watermark {
    /// The form's content stream: the filled outlines, baseline at y = 0.
    outlines: Vec<u8>,
    width: f32,
}

impl Watermark {
    /// `text` filled in `gray` (0 black, 1 white).
    pub(super) fn new(text: &str, gray: f32) -> Self {
        let mut path = Path {
            content: Content::new(),
            x: 0.0,
            last: (0.0, 0.0),
        };
        path.content.set_fill_gray(gray);
        for c in text.chars().filter(|c| !c.is_control()) {
            font::outline(c, &mut path);
            path.x += font::advance(c) * SIZE;
        }
        let width = path.x;
        path.content.fill_nonzero();
        Self {
            outlines: path.content.finish().into_vec(),
            width,
        }
    }

    /// Writes the form XObject as object `id`.
    pub(super) fn write(&self, pdf: &mut Pdf, id: Ref) {
        let outlines = self.form_content();
        let mut form = pdf.form_xobject(id, &outlines);
        form.bbox(self.bbox());
        form.filter(Filter::FlateDecode);
    }

    /// The form's content stream, deflated.
    pub(super) fn form_content(&self) -> Vec<u8> {
        deflate(&self.outlines)
    }

    /// The form's bounding box: the text's advance, from the descender to the ascender.
    pub(super) fn bbox(&self) -> Rect {
        Rect::new(
            0.0,
            -font::descent() * SIZE,
            self.width,
            font::ascent() * SIZE,
        )
    }

    /// Paints the copies covering `area` into `content`, the form named `name` in the
    /// resources, leaving the graphics state as it was. The copies sit on a grid in the rotated
    /// frame (u along the text, v across it), centred on the area, every other row shifted by
    /// half a step: they never overlap, whatever the length of the text.
    pub(super) fn paint(&self, content: &mut Content, name: Name, area: Rect) {
        let (sin, cos) = ANGLE.sin_cos();
        let text_height = (font::ascent() + font::descent()) * SIZE;
        // Half the axis-aligned extent of one rotated copy, to skip copies off the area.
        let half_x = (self.width * cos + text_height * sin) / 2.0;
        let half_y = (self.width * sin + text_height * cos) / 2.0;
        // From a copy's centre back to its baseline origin, in the rotated frame.
        let to_origin = (
            -self.width / 2.0,
            -(font::ascent() - font::descent()) * SIZE / 2.0,
        );
        let step_u = self.width + GAP;
        let (width, height) = (area.x2 - area.x1, area.y2 - area.y1);
        let centre = (area.x1 + width / 2.0, area.y1 + height / 2.0);
        // The area, seen from its centre in the rotated frame, bounds the grid.
        let (reach_u, reach_v) = (
            (width * cos + height * sin) / 2.0,
            (width * sin + height * cos) / 2.0,
        );
        let rows = (reach_v / ROW_STEP).ceil() as i32 + 1;
        let columns = (reach_u / step_u).ceil() as i32 + 1;
        for row in -rows..=rows {
            let v = row as f32 * ROW_STEP;
            let shift = if row.rem_euclid(2) == 0 {
                0.0
            } else {
                step_u / 2.0
            };
            for column in -columns..=columns {
                let u = column as f32 * step_u + shift;
                let cx = centre.0 + u * cos - v * sin;
                let cy = centre.1 + u * sin + v * cos;
                if cx + half_x < area.x1
                    || cx - half_x > area.x2
                    || cy + half_y < area.y1
                    || cy - half_y > area.y2
                {
                    continue;
                }
                let tx = cx + cos * to_origin.0 - sin * to_origin.1;
                let ty = cy + sin * to_origin.0 + cos * to_origin.1;
                content
                    .save_state()
                    .transform([cos, sin, -sin, cos, tx, ty])
                    .x_object(name)
                    .restore_state();
            }
        }
    }
}

/// Turns glyph outlines (font units, y up) into PDF path operators at `SIZE`, the glyph's
/// origin moved to `x`.
struct Path {
    content: Content,
    x: f32,
    /// The current point, needed to raise TrueType's quadratic curves to cubic ones.
    last: (f32, f32),
}

impl Path {
    fn point(&self, x: f32, y: f32) -> (f32, f32) {
        let scale = SIZE / font::units_per_em();
        (self.x + x * scale, y * scale)
    }
}

impl OutlineBuilder for Path {
    fn move_to(&mut self, x: f32, y: f32) {
        let p = self.point(x, y);
        self.content.move_to(p.0, p.1);
        self.last = p;
    }

    fn line_to(&mut self, x: f32, y: f32) {
        let p = self.point(x, y);
        self.content.line_to(p.0, p.1);
        self.last = p;
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (q, p) = (self.point(x1, y1), self.point(x, y));
        let c1 = (
            self.last.0 + 2.0 / 3.0 * (q.0 - self.last.0),
            self.last.1 + 2.0 / 3.0 * (q.1 - self.last.1),
        );
        let c2 = (p.0 + 2.0 / 3.0 * (q.0 - p.0), p.1 + 2.0 / 3.0 * (q.1 - p.1));
        self.content.cubic_to(c1.0, c1.1, c2.0, c2.1, p.0, p.1);
        self.last = p;
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (c1, c2, p) = (self.point(x1, y1), self.point(x2, y2), self.point(x, y));
        self.content.cubic_to(c1.0, c1.1, c2.0, c2.1, p.0, p.1);
        self.last = p;
    }

    fn close(&mut self) {
        self.content.close_path();
    }
}
