//! Watermarked copies of the documents a citizen uploaded, for downloads in a helpdesk session
//! (DESIGN.md: whatever leaves an assisted session says who took it). A PDF gets the watermark
//! on every page; a photo (JPEG, PNG) is placed on a page of its own under it. The watermark
//! goes over the content, not under it as on the portal's own certificates, because a scan fills
//! its page and would hide it; it is translucent, so the document stays readable.

mod jpeg;
mod pages;
mod picture;

use pdf_writer::{Content, Name, Rect};

use super::watermark::Watermark;
use crate::models::filing::DocumentType;

/// The watermark's colour and opacity over a document: on white paper it is about as light as
/// the certificates' watermark, and dark content shows through it.
const GRAY: f32 = 0.45;
const OPACITY: f32 = 0.3;

/// Resource names of the watermark form and of the opacity state: distinctive, so that they
/// rarely meet a name a document already uses (`pages` numbers them when they do).
const FORM_NAME: &str = "JinbaoWatermark";
const OPACITY_NAME: &str = "JinbaoOpacity";

#[derive(Debug, thiserror::Error)]
pub enum StampError {
    /// Damaged, or not a PDF after all.
    #[error("the PDF cannot be read: {0}")]
    Unreadable(String),
    /// Opening it needs a password the portal does not have.
    #[error("the PDF is encrypted")]
    Encrypted,
    #[error("the image cannot be read: {0}")]
    Image(String),
}

/// `bytes`, a document of type `kind`, as a PDF carrying `text` over every page.
pub fn watermarked(kind: DocumentType, bytes: &[u8], text: &str) -> Result<Vec<u8>, StampError> {
    let watermark = Watermark::new(text, GRAY);
    match kind {
        DocumentType::Pdf => pages::stamp(bytes, &watermark),
        DocumentType::Jpeg | DocumentType::Png => picture::page(kind, bytes, &watermark),
    }
}

/// The operators that paint the translucent watermark over `area`, given the resource names of
/// the watermark form and of the graphics state that sets the opacity.
fn overlay(watermark: &Watermark, form: Name, opacity: Name, area: Rect) -> Content {
    let mut content = Content::new();
    content.save_state().set_parameters(opacity);
    watermark.paint(&mut content, form, area);
    content.restore_state();
    content
}

#[cfg(test)]
mod tests;
