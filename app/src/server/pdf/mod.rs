//! A4 PDF documents (certificates) typeset from a typed `Document`, with a subset of the bundled
//! CJK font embedded. It owns layout and PDF encoding only: it never reads the clock, the
//! store or any randomness, so the same `Document` always gives byte-identical PDFs and a
//! certificate can be re-generated exactly from what is stored.

mod draw;
mod font;
mod layout;
mod qr;
pub mod stamp;
mod watermark;
mod wrap;

#[cfg(test)]
mod tests;

use chrono::{Datelike, Timelike};
use pdf_writer::{Date, Filter, Pdf, Rect, Ref, TextStr};
use sha2::{Digest, Sha256};

use crate::i18n::Locale;
use layout::{PAGE_HEIGHT, PAGE_WIDTH, Page};
use watermark::Watermark;

/// The certificates' watermark lies under their content, so it may be light.
const UNDER_CONTENT_GRAY: f32 = 0.85;

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Sets `/Lang` ("zh-CN" / "en") and the page-number wording of the footer.
    pub locale: Locale,
    /// Big centred title, e.g. "参保缴费证明".
    pub title: String,
    /// One smaller centred line under the title.
    pub subtitle: Option<String>,
    /// The body, flowed top to bottom over as many pages as needed.
    pub blocks: Vec<Block>,
    /// The closing block with the QR code.
    pub verification: Verification,
    /// Left part of every page's footer, e.g. "文档编号 JB7K2M9Q4XWP" (one line).
    pub footer: String,
    /// When set: light grey diagonal text repeated over every page, under the content.
    pub watermark: Option<String>,
    /// The Info dictionary's CreationDate.
    pub created: chrono::DateTime<chrono::Utc>,
    /// The document number; the PDF `/ID` is derived from it.
    pub id_seed: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Section heading, larger and bold, with a rule under it.
    Heading(String),
    /// Wrapped text.
    Paragraph(String),
    /// Label/value pairs, two per row; a value too long for half a row takes the whole row.
    Fields(Vec<(String, String)>),
    Table(Table),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    /// Each row has `columns.len()` cells (missing cells are blank, extra ones ignored).
    pub rows: Vec<Vec<String>>,
    /// Shown in one full-width row when `rows` is empty.
    pub empty: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Share of the table width.
    pub weight: f32,
    /// `Right` for numbers.
    pub align: Align,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Verification {
    /// E.g. ("文档编号", "JB7K2M9Q4XWP"), ("核验码", "4K7Q-M2XW-9PLT").
    pub lines: Vec<(String, String)>,
    /// Encoded in the QR code (omitted if too long for one) and printed under the lines.
    pub url: String,
    /// One explaining sentence.
    pub note: String,
}

/// The PDF file of `doc`.
pub fn render(doc: &Document) -> Vec<u8> {
    let pages = layout::lay_out(doc);
    let font = font::Subset::new(pages.iter().flat_map(Page::texts));

    let mut pdf = Pdf::new();
    let mut next = Ref::new(1);
    let catalog = next.bump();
    let page_tree = next.bump();
    let info = next.bump();
    let font_ref = font.write(&mut pdf, &mut next);
    let watermark = doc.watermark.as_deref().map(|text| {
        let id = next.bump();
        let watermark = Watermark::new(text, UNDER_CONTENT_GRAY);
        watermark.write(&mut pdf, id);
        (id, watermark)
    });

    let page_ids: Vec<Ref> = pages.iter().map(|_| next.bump()).collect();
    for (page, &id) in pages.iter().zip(&page_ids) {
        let content = next.bump();
        let stream = draw::page(page, &font, watermark.as_ref().map(|(_, w)| w));
        pdf.stream(content, &deflate(&stream))
            .filter(Filter::FlateDecode);
        let mut page = pdf.page(id);
        page.parent(page_tree)
            .media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT))
            .contents(content);
        let mut resources = page.resources();
        resources.fonts().pair(draw::FONT, font_ref);
        if let Some((form, _)) = &watermark {
            resources.x_objects().pair(watermark::NAME, *form);
        }
    }
    let count = i32::try_from(page_ids.len()).unwrap_or(i32::MAX);
    pdf.pages(page_tree).kids(page_ids).count(count);

    let lang = match doc.locale {
        Locale::Zh => "zh-CN",
        Locale::En => "en",
    };
    let mut catalog = pdf.catalog(catalog);
    catalog.pages(page_tree).lang(TextStr(lang));
    // Viewers show the certificate's title rather than a file name.
    catalog.viewer_preferences().display_doc_title(true);
    drop(catalog);
    pdf.document_info(info)
        .title(TextStr(&doc.title))
        .creator(TextStr("Jinbao"))
        .producer(TextStr("Jinbao"))
        .creation_date(pdf_date(doc.created));

    // Both halves equal: the first identifies the document, the second this version of it, and
    // a certificate re-generated from the same record is the same version.
    let id = file_id(&doc.id_seed);
    pdf.set_file_id((id.clone(), id));
    pdf.finish()
}

fn file_id(seed: &str) -> Vec<u8> {
    let mut hash = Sha256::new();
    hash.update(b"jinbao/pdf/id\0");
    hash.update(seed.as_bytes());
    hash.finalize()[..16].to_vec()
}

fn pdf_date(t: chrono::DateTime<chrono::Utc>) -> Date {
    // All fields fit their PDF ranges except a year beyond 0..=9999, which `Date` clamps too.
    let narrow = |v: u32| u8::try_from(v).unwrap_or(u8::MAX);
    Date::new(u16::try_from(t.year().clamp(0, 9999)).unwrap_or(9999))
        .month(narrow(t.month()))
        .day(narrow(t.day()))
        .hour(narrow(t.hour()))
        .minute(narrow(t.minute()))
        .second(narrow(t.second()))
        .utc_offset_hour(0)
}

/// Zlib (FlateDecode) compression of a stream.
fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}
