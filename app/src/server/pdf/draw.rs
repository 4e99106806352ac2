//! Paints a laid-out page into a PDF content stream, setting each graphics-state value only
//! when it changes so the stream stays small.

use pdf_writer::types::TextRenderingMode;
use pdf_writer::{Content, Name, Rect, Str, TextStr};

use super::font::Subset;
use super::layout::{Mark, PAGE_HEIGHT, PAGE_WIDTH, Page, Paint, Style};
use super::watermark::{self, Watermark};

/// Resource name of the font in every page's resources.
pub(super) const FONT: Name<'static> = Name(b"F1");

/// Stroke width of bold text, per point of font size: thickens the outline by about 3 %.
const BOLD_STROKE: f32 = 0.03;

/// The content stream of `page`, over the watermark when there is one.
pub(super) fn page(page: &Page, font: &Subset, watermark: Option<&Watermark>) -> Vec<u8> {
    let mut painter = Painter {
        content: Content::new(),
        font,
        in_text: false,
        size: None,
        fill: None,
        stroke: None,
        line_width: None,
        bold: false,
    };
    if let Some(watermark) = watermark {
        // Self-contained (it saves and restores the state), so the tracking starts after it.
        let page_area = Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT);
        watermark.paint(&mut painter.content, watermark::NAME, page_area);
    }
    for mark in &page.marks {
        match mark {
            Mark::Text {
                x,
                baseline,
                style,
                text,
            } => painter.text(*x, PAGE_HEIGHT - baseline, *style, text),
            // A paint operator without a path would make the content stream invalid.
            Mark::Rects { rects, .. } if rects.is_empty() => {}
            Mark::Rects { rects, paint } => {
                painter.end_text();
                // State first: nothing may come between a path and its painting operator.
                match *paint {
                    Paint::Fill { gray } => painter.fill(gray),
                    Paint::Stroke { gray, width } => painter.stroke(gray, width),
                }
                for r in rects {
                    painter
                        .content
                        .rect(r.x, PAGE_HEIGHT - r.y - r.height, r.width, r.height);
                }
                match paint {
                    Paint::Fill { .. } => painter.content.fill_nonzero(),
                    Paint::Stroke { .. } => painter.content.stroke(),
                };
            }
        }
    }
    painter.end_text();
    painter.content.finish().into_vec()
}

/// A content stream and the state last set in it (`None`: not set yet).
struct Painter<'a> {
    content: Content,
    font: &'a Subset,
    in_text: bool,
    size: Option<f32>,
    fill: Option<f32>,
    stroke: Option<f32>,
    line_width: Option<f32>,
    /// The text rendering mode: fill and stroke when true, fill only (the default) otherwise.
    bold: bool,
}

impl Painter<'_> {
    fn fill(&mut self, gray: f32) {
        if self.fill != Some(gray) {
            self.content.set_fill_gray(gray);
            self.fill = Some(gray);
        }
    }

    fn stroke(&mut self, gray: f32, width: f32) {
        if self.stroke != Some(gray) {
            self.content.set_stroke_gray(gray);
            self.stroke = Some(gray);
        }
        if self.line_width != Some(width) {
            self.content.set_line_width(width);
            self.line_width = Some(width);
        }
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.content.end_text();
            self.in_text = false;
        }
    }

    /// `text` with its baseline starting at (`x`, `y`) in PDF coordinates (y up).
    fn text(&mut self, x: f32, y: f32, style: Style, text: &str) {
        // Consecutive texts share one text object: state operators are allowed inside it.
        if !self.in_text {
            self.content.begin_text();
            self.in_text = true;
        }
        if self.size != Some(style.size) {
            self.content.set_font(FONT, style.size);
            self.size = Some(style.size);
        }
        self.fill(style.gray);
        if style.bold {
            self.stroke(style.gray, style.size * BOLD_STROKE);
        }
        if self.bold != style.bold {
            self.content.set_text_rendering_mode(if style.bold {
                TextRenderingMode::FillStroke
            } else {
                TextRenderingMode::Fill
            });
            self.bold = style.bold;
        }
        self.content.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, y]);
        self.show(text);
    }

    /// Shows `text` in the subset's encoding. A character whose glyph extracts as another
    /// character (see `Subset::code`) is wrapped in an ActualText span so copy and search still
    /// see it.
    fn show(&mut self, text: &str) {
        let mut run = Vec::with_capacity(2 * text.len());
        for c in text.chars() {
            let (code, shared) = self.font.code(c);
            if !shared {
                run.extend_from_slice(&code);
                continue;
            }
            if !run.is_empty() {
                self.content.show(Str(&run));
                run.clear();
            }
            let mut buf = [0; 4];
            self.content
                .begin_marked_content_with_properties(Name(b"Span"))
                .properties()
                .actual_text(TextStr(c.encode_utf8(&mut buf)));
            self.content.show(Str(&code));
            self.content.end_marked_content();
        }
        if !run.is_empty() {
            self.content.show(Str(&run));
        }
    }
}
