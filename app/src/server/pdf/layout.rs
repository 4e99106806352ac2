//! Typesetting: page geometry, text styles, and the flow of a `Document` over as many A4 pages
//! as it needs, as a display list per page (coordinates in points, y down from the page top).

use std::mem;

use super::wrap::wrap;
use super::{Align, Block, Column, Document, Table, Verification, font, qr};
use crate::i18n::Locale;

pub(super) const PAGE_WIDTH: f32 = 595.28;
pub(super) const PAGE_HEIGHT: f32 = 841.89;
const MARGIN_X: f32 = 50.0;
const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;
/// Where the body starts and must end; the footer lives below `BODY_BOTTOM`.
const BODY_TOP: f32 = 56.0;
const BODY_BOTTOM: f32 = PAGE_HEIGHT - 58.0;
const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 30.0;

/// Space between blocks, and the extra space above a section heading.
const BLOCK_GAP: f32 = 10.0;
const HEADING_GAP: f32 = 8.0;
/// Horizontal gap between the two label/value pairs of a field row.
const FIELD_GAP: f32 = 20.0;
const CELL_PADDING: f32 = 4.0;
/// The QR code's box, quiet zone included; about 90 pt of it is the symbol itself.
const QR_BOX: f32 = 108.0;
const QR_QUIET_MODULES: usize = 4;

const BORDER_GRAY: f32 = 0.6;
const RULE_GRAY: f32 = 0.75;
const HEADER_FILL_GRAY: f32 = 0.92;

/// How a run of text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Style {
    pub size: f32,
    /// Fill gray level: 0 is black.
    pub gray: f32,
    /// The font has one weight: bold is drawn as fill plus a thin stroke of the outline.
    pub bold: bool,
    /// Line height as a multiple of the size.
    leading: f32,
}

const fn style(size: f32, gray: f32, bold: bool, leading: f32) -> Style {
    Style {
        size,
        gray,
        bold,
        leading,
    }
}

const TITLE: Style = style(18.0, 0.0, true, 1.4);
const SUBTITLE: Style = style(10.5, 0.35, false, 1.5);
const HEADING: Style = style(12.0, 0.0, true, 1.5);
const BODY: Style = style(10.0, 0.0, false, 1.6);
// Labels and values share size and leading so that their baselines line up.
const LABEL: Style = style(10.0, 0.4, false, 1.5);
const VALUE: Style = style(10.0, 0.0, false, 1.5);
const CELL: Style = style(9.0, 0.0, false, 1.35);
const HEADER_CELL: Style = style(9.0, 0.0, true, 1.35);
const EMPTY_CELL: Style = style(9.0, 0.4, false, 1.35);
const NOTE: Style = style(9.0, 0.35, false, 1.5);
const URL: Style = style(9.0, 0.0, false, 1.5);
const FOOTER: Style = style(8.0, 0.4, false, 1.0);

impl Style {
    fn line_height(self) -> f32 {
        self.size * self.leading
    }

    /// The baseline of a line whose box starts at `top`, with the font's ascent + descent
    /// centred in the line box.
    fn baseline(self, top: f32) -> f32 {
        let em_box = (font::ascent() + font::descent()) * self.size;
        top + (self.line_height() - em_box) / 2.0 + font::ascent() * self.size
    }

    fn width(self, text: &str) -> f32 {
        font::width(text, self.size)
    }

    fn wrap(self, text: &str, max: f32) -> Vec<String> {
        wrap(text, self.size, max)
    }
}

/// A rectangle, `y` being its top edge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Paint {
    Fill { gray: f32 },
    Stroke { gray: f32, width: f32 },
}

/// One drawing operation of a page, in painting order.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Mark {
    Text {
        x: f32,
        baseline: f32,
        style: Style,
        text: String,
    },
    /// Rectangles painted together as one path (an empty list paints nothing).
    Rects { rects: Vec<Rect>, paint: Paint },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Page {
    pub marks: Vec<Mark>,
}

impl Page {
    /// Every text drawn on the page, for the font subset.
    pub(super) fn texts(&self) -> impl Iterator<Item = &str> {
        self.marks.iter().filter_map(|m| match m {
            Mark::Text { text, .. } => Some(text.as_str()),
            Mark::Rects { .. } => None,
        })
    }
}

/// Sets `doc` on pages, footers included.
pub(super) fn lay_out(doc: &Document) -> Vec<Page> {
    let mut flow = Flow {
        done: Vec::new(),
        page: Page::default(),
        y: BODY_TOP,
    };
    flow.centred(&doc.title, TITLE);
    if let Some(subtitle) = &doc.subtitle {
        flow.y += 2.0;
        flow.centred(subtitle, SUBTITLE);
    }
    flow.y += 6.0;
    for block in &doc.blocks {
        flow.y += BLOCK_GAP;
        match block {
            Block::Heading(text) => flow.heading(text),
            Block::Paragraph(text) => flow.paragraph(text),
            Block::Fields(pairs) => flow.fields(pairs),
            Block::Table(table) => flow.table(table),
        }
    }
    flow.y += BLOCK_GAP + 6.0;
    flow.verification(&doc.verification);
    let mut pages = flow.done;
    pages.push(flow.page);
    add_footers(&mut pages, &doc.footer, doc.locale);
    pages
}

/// The cursor of the body: pages already full, the page being filled, and how far down it is.
struct Flow {
    done: Vec<Page>,
    page: Page,
    y: f32,
}

impl Flow {
    fn new_page(&mut self) {
        self.done.push(mem::take(&mut self.page));
        self.y = BODY_TOP;
    }

    /// Moves to a new page unless `height` fits below the cursor. A page still empty takes
    /// anything: breaking again would not make a too-tall item fit.
    fn reserve(&mut self, height: f32) {
        if self.y + height > BODY_BOTTOM && !self.page.marks.is_empty() {
            self.new_page();
        }
    }

    fn fits(&self, height: f32) -> bool {
        self.y + height <= BODY_BOTTOM
    }

    fn text(&mut self, x: f32, top: f32, style: Style, text: String) {
        if !text.is_empty() {
            self.page.marks.push(Mark::Text {
                x,
                baseline: style.baseline(top),
                style,
                text,
            });
        }
    }

    /// Lines of `lines` set from `top`, each aligned in the box from `x` of `width`.
    fn lines(
        &mut self,
        lines: Vec<String>,
        x: f32,
        width: f32,
        top: f32,
        style: Style,
        align: Align,
    ) {
        for (i, line) in lines.into_iter().enumerate() {
            let free = width - style.width(&line);
            let x = match align {
                Align::Left => x,
                Align::Right => x + free,
                Align::Center => x + free / 2.0,
            };
            self.text(x, top + i as f32 * style.line_height(), style, line);
        }
    }

    /// Text flowed line by line: a page break may fall between any two lines.
    fn flowed(&mut self, text: &str, style: Style, align: Align) {
        for line in style.wrap(text, CONTENT_WIDTH) {
            self.reserve(style.line_height());
            self.lines(vec![line], MARGIN_X, CONTENT_WIDTH, self.y, style, align);
            self.y += style.line_height();
        }
    }

    fn centred(&mut self, text: &str, style: Style) {
        self.flowed(text, style, Align::Center);
    }

    fn paragraph(&mut self, text: &str) {
        self.flowed(text, BODY, Align::Left);
    }

    /// A heading with a rule under it, kept on the page of the two lines that follow it.
    fn heading(&mut self, text: &str) {
        let lines = HEADING.wrap(text, CONTENT_WIDTH);
        let height = lines.len() as f32 * HEADING.line_height() + 3.0;
        self.y += HEADING_GAP;
        self.reserve(height + 2.0 * BODY.line_height());
        self.lines(lines, MARGIN_X, CONTENT_WIDTH, self.y, HEADING, Align::Left);
        self.y += height;
        self.rule(self.y);
        self.y += 3.0;
    }

    /// A thin full-width horizontal line.
    fn rule(&mut self, y: f32) {
        self.page.marks.push(Mark::Rects {
            rects: vec![Rect {
                x: MARGIN_X,
                y,
                width: CONTENT_WIDTH,
                height: 0.6,
            }],
            paint: Paint::Fill { gray: RULE_GRAY },
        });
    }

    /// Label/value pairs, two per row; a value that would wrap in half a row takes the whole
    /// row. The labels of a block share one column width so the values line up.
    fn fields(&mut self, pairs: &[(String, String)]) {
        let half = (CONTENT_WIDTH - FIELD_GAP) / 2.0;
        let label_width = label_column(pairs.iter().map(|(l, _)| l.as_str()), half);
        let fits_half = |value: &str| VALUE.wrap(value, half - label_width).len() == 1;
        let mut pairs = pairs.iter().peekable();
        while let Some(first) = pairs.next() {
            if !fits_half(&first.1) {
                self.field_row(&[first], label_width, CONTENT_WIDTH);
                continue;
            }
            match pairs.next_if(|next| fits_half(&next.1)) {
                Some(second) => self.field_row(&[first, second], label_width, half),
                None => self.field_row(&[first], label_width, half),
            }
        }
    }

    /// One row of label/value pairs, each `width` wide; a row never splits across pages.
    fn field_row(&mut self, pairs: &[&(String, String)], label_width: f32, width: f32) {
        let cells: Vec<_> = pairs
            .iter()
            .map(|(label, value)| {
                (
                    LABEL.wrap(label, label_width - 8.0),
                    VALUE.wrap(value, width - label_width),
                )
            })
            .collect();
        let lines = cells
            .iter()
            .map(|(l, v)| l.len().max(v.len()))
            .max()
            .unwrap_or(1);
        let height = lines as f32 * VALUE.line_height();
        self.reserve(height);
        let top = self.y;
        for (i, (label, value)) in cells.into_iter().enumerate() {
            let x = MARGIN_X + i as f32 * (width + FIELD_GAP);
            self.lines(label, x, label_width, top, LABEL, Align::Left);
            let value_x = x + label_width;
            self.lines(value, value_x, width - label_width, top, VALUE, Align::Left);
        }
        self.y += height + 3.0;
    }

    /// A bordered table; a row never splits, and a table continued on a new page repeats its
    /// header row there.
    fn table(&mut self, table: &Table) {
        // A negative, NaN or infinite weight counts as none; all none share the width equally.
        let weight = |c: &Column| {
            if c.weight.is_finite() {
                c.weight.max(0.0)
            } else {
                0.0
            }
        };
        let total: f32 = table.columns.iter().map(weight).sum();
        let widths: Vec<f32> = table
            .columns
            .iter()
            .map(|c| {
                if total > 0.0 {
                    weight(c) / total * CONTENT_WIDTH
                } else {
                    CONTENT_WIDTH / table.columns.len() as f32
                }
            })
            .collect();
        let aligns: Vec<Align> = table.columns.iter().map(|c| c.align).collect();
        let titles: Vec<&str> = table.columns.iter().map(|c| c.title.as_str()).collect();
        // A table without columns has no header and shows its `empty` text.
        let header = (!titles.is_empty()).then(|| Row::new(&titles, &widths, &aligns, HEADER_CELL));
        let body: Vec<Row> = if table.rows.is_empty() || header.is_none() {
            vec![Row::new(
                &[&table.empty],
                &[CONTENT_WIDTH],
                &[Align::Center],
                EMPTY_CELL,
            )]
        } else {
            table
                .rows
                .iter()
                .map(|cells| {
                    let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
                    Row::new(&cells, &widths, &aligns, CELL)
                })
                .collect()
        };
        let header_height = header.as_ref().map_or(0.0, |h| h.height);
        // The header never stays alone at the bottom of a page.
        self.reserve(header_height + body.first().map_or(0.0, |r| r.height));
        if let Some(header) = &header {
            self.row(header, true);
        }
        for row in &body {
            if !self.fits(row.height) {
                self.new_page();
                if let Some(header) = &header {
                    self.row(header, true);
                }
            }
            self.row(row, false);
        }
    }

    fn row(&mut self, row: &Row, header: bool) {
        let top = self.y;
        if header {
            self.page.marks.push(Mark::Rects {
                rects: vec![Rect {
                    x: MARGIN_X,
                    y: top,
                    width: CONTENT_WIDTH,
                    height: row.height,
                }],
                paint: Paint::Fill {
                    gray: HEADER_FILL_GRAY,
                },
            });
        }
        let mut x = MARGIN_X;
        let mut borders = Vec::with_capacity(row.cells.len());
        let mut texts = Vec::with_capacity(row.cells.len());
        for (lines, width, align) in &row.cells {
            borders.push(Rect {
                x,
                y: top,
                width: *width,
                height: row.height,
            });
            texts.push((lines.clone(), x, *width, *align));
            x += width;
        }
        self.page.marks.push(Mark::Rects {
            rects: borders,
            paint: Paint::Stroke {
                gray: BORDER_GRAY,
                width: 0.5,
            },
        });
        for (lines, x, width, align) in texts {
            let inner = width - 2.0 * CELL_PADDING;
            self.lines(
                lines,
                x + CELL_PADDING,
                inner,
                top + CELL_PADDING,
                row.style,
                align,
            );
        }
        self.y += row.height;
    }

    /// The closing block, never split: a rule, then the lines, the URL and the note on the left
    /// and the QR code of the URL on the right.
    fn verification(&mut self, v: &Verification) {
        let symbol = qr::runs(&v.url);
        let text_width = match symbol {
            Some(_) => CONTENT_WIDTH - QR_BOX - 8.0,
            None => CONTENT_WIDTH,
        };
        let label_width = label_column(v.lines.iter().map(|(l, _)| l.as_str()), text_width);
        let rows: Vec<_> = v
            .lines
            .iter()
            .map(|(label, value)| {
                let label = LABEL.wrap(label, label_width - 8.0);
                let value = VALUE.wrap(value, text_width - label_width);
                let height = label.len().max(value.len()) as f32 * VALUE.line_height();
                (label, value, height)
            })
            .collect();
        let url = URL.wrap(&v.url, text_width);
        let note = NOTE.wrap(&v.note, text_width);
        let text_height = rows.iter().map(|r| r.2).sum::<f32>()
            + 4.0
            + (url.len() as f32) * URL.line_height()
            + (note.len() as f32) * NOTE.line_height();
        let qr_height = if symbol.is_some() { QR_BOX } else { 0.0 };
        self.reserve(10.0 + text_height.max(qr_height));

        self.rule(self.y);
        self.y += 10.0;
        let top = self.y;
        let mut y = top;
        for (label, value, height) in rows {
            self.lines(label, MARGIN_X, label_width, y, LABEL, Align::Left);
            let value_width = text_width - label_width;
            self.lines(
                value,
                MARGIN_X + label_width,
                value_width,
                y,
                VALUE,
                Align::Left,
            );
            y += height;
        }
        y += 4.0;
        let url_height = url.len() as f32 * URL.line_height();
        self.lines(url, MARGIN_X, text_width, y, URL, Align::Left);
        y += url_height;
        self.lines(note, MARGIN_X, text_width, y, NOTE, Align::Left);
        if let Some((width, runs)) = symbol {
            let module = QR_BOX / (width + 2 * QR_QUIET_MODULES) as f32;
            let origin_x = MARGIN_X + CONTENT_WIDTH - QR_BOX + QR_QUIET_MODULES as f32 * module;
            let origin_y = top + QR_QUIET_MODULES as f32 * module;
            let rects = runs
                .iter()
                .map(|run| Rect {
                    x: origin_x + run.column as f32 * module,
                    y: origin_y + run.row as f32 * module,
                    width: run.length as f32 * module,
                    height: module,
                })
                .collect();
            self.page.marks.push(Mark::Rects {
                rects,
                paint: Paint::Fill { gray: 0.0 },
            });
        }
        self.y = top + text_height.max(qr_height);
    }
}

/// A table row measured: each cell's wrapped lines, width and alignment, and the row height.
struct Row {
    cells: Vec<(Vec<String>, f32, Align)>,
    height: f32,
    style: Style,
}

impl Row {
    fn new(texts: &[&str], widths: &[f32], aligns: &[Align], style: Style) -> Self {
        let cells: Vec<_> = widths
            .iter()
            .zip(aligns)
            .enumerate()
            .map(|(i, (&width, &align))| {
                let text = texts.get(i).copied().unwrap_or("");
                (style.wrap(text, width - 2.0 * CELL_PADDING), width, align)
            })
            .collect();
        let lines = cells.iter().map(|c| c.0.len()).max().unwrap_or(1);
        Self {
            cells,
            height: lines as f32 * style.line_height() + 2.0 * CELL_PADDING,
            style,
        }
    }
}

/// Width of a label column: the widest label plus a gap, at most 40 % of `width` (longer
/// labels wrap).
fn label_column<'a>(labels: impl Iterator<Item = &'a str>, width: f32) -> f32 {
    let widest = labels.map(|l| LABEL.width(l)).fold(0.0, f32::max);
    (widest + 12.0).min(width * 0.4)
}

/// The footer of every page: the document's own text on the left, the page number on the right.
fn add_footers(pages: &mut [Page], footer: &str, locale: Locale) {
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let number = match locale {
            Locale::Zh => format!("第 {} 页 / 共 {total} 页", i + 1),
            Locale::En => format!("Page {} of {total}", i + 1),
        };
        page.marks.push(Mark::Rects {
            rects: vec![Rect {
                x: MARGIN_X,
                y: FOOTER_BASELINE - 14.0,
                width: CONTENT_WIDTH,
                height: 0.5,
            }],
            paint: Paint::Fill { gray: RULE_GRAY },
        });
        if !footer.is_empty() {
            page.marks.push(Mark::Text {
                x: MARGIN_X,
                baseline: FOOTER_BASELINE,
                style: FOOTER,
                text: footer.to_owned(),
            });
        }
        page.marks.push(Mark::Text {
            x: MARGIN_X + CONTENT_WIDTH - FOOTER.width(&number),
            baseline: FOOTER_BASELINE,
            style: FOOTER,
            text: number,
        });
    }
}
