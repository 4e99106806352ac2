//! The one typeface of every PDF: metrics for layout, glyph outlines for the watermark, and the
//! per-document subset embedded as a Type0 / CIDFontType2 font with a ToUnicode map.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use sha2::{Digest, Sha256};
use subsetter::GlyphRemapper;
use ttf_parser::{Face, GlyphId, OutlineBuilder};

use super::deflate;

/// WenQuanYi Micro Hei (Apache-2.0, see `app/assets/fonts/README.md`): TrueType outlines
/// covering Latin and CJK, so one font sets a certificate in either language.
static DATA: &[u8] = include_bytes!("../../../assets/fonts/WenQuanYiMicroHei.ttf");

/// PostScript name of the face (name ID 6); a unit test checks it against the file.
const POSTSCRIPT_NAME: &str = "WenQuanYiMicroHei";

/// Parsed once: parsing reads the table directory of a 4.6 MB file, too slow to repeat per PDF.
static FACE: LazyLock<Face<'static>> = LazyLock::new(|| {
    Face::parse(DATA, 0).expect("the bundled WenQuanYi Micro Hei is a valid TrueType font")
});

/// The CIDs are our own (remapped glyph IDs), so the character collection is Adobe-Identity.
const SYSTEM_INFO: SystemInfo = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};

pub(super) fn units_per_em() -> f32 {
    f32::from(FACE.units_per_em())
}

/// The glyph drawn for `c`; `.notdef` (glyph 0) when the font lacks it.
fn glyph(c: char) -> GlyphId {
    FACE.glyph_index(c).unwrap_or(GlyphId(0))
}

/// Horizontal advance of `c` as a fraction of the font size.
pub(super) fn advance(c: char) -> f32 {
    f32::from(FACE.glyph_hor_advance(glyph(c)).unwrap_or(0)) / units_per_em()
}

/// Width of `text` set at `size` points (no kerning: the font is set glyph by glyph).
pub(super) fn width(text: &str, size: f32) -> f32 {
    text.chars().map(advance).sum::<f32>() * size
}

/// Height above the baseline, as a fraction of the font size (hhea ascender).
pub(super) fn ascent() -> f32 {
    f32::from(FACE.ascender()) / units_per_em()
}

/// Depth below the baseline, as a positive fraction of the font size (hhea descender).
pub(super) fn descent() -> f32 {
    -f32::from(FACE.descender()) / units_per_em()
}

/// Feeds the outline of `c` to `builder` in font units (y up).
pub(super) fn outline(c: char, builder: &mut impl OutlineBuilder) {
    // A glyph without contours (a space) has nothing to draw, which is what `None` says.
    let _ = FACE.outline_glyph(glyph(c), builder);
}

/// The glyphs one document uses, renumbered densely, and how its text is encoded.
pub(super) struct Subset {
    /// The remapped glyph ID (= CID, with CIDToGIDMap /Identity) of every character used.
    cids: BTreeMap<char, u16>,
    /// The character each CID extracts as. Several characters can share a glyph (a missing
    /// character falls back to `.notdef`; some code points are aliases): only the first one
    /// (in code-point order) owns the CID, the others need an ActualText span.
    owners: BTreeMap<u16, char>,
    remapper: GlyphRemapper,
}

impl Subset {
    /// The subset for all the characters of `texts`.
    pub(super) fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let chars: BTreeSet<char> = texts.into_iter().flat_map(str::chars).collect();
        let glyphs: Vec<u16> = chars.iter().map(|&c| glyph(c).0).collect();
        // Sorted, so the numbering depends only on the set of glyphs, never on text order.
        let remapper = GlyphRemapper::new_from_glyphs_sorted(&glyphs);
        let mut cids = BTreeMap::new();
        let mut owners = BTreeMap::new();
        for (&c, &old) in chars.iter().zip(&glyphs) {
            let cid = remapper
                .get(old)
                .expect("every glyph was given to the remapper just above");
            cids.insert(c, cid);
            owners.entry(cid).or_insert(c);
        }
        Self {
            cids,
            owners,
            remapper,
        }
    }

    /// The 2-byte Identity-H code of `c`, and whether `c` must be wrapped in an ActualText
    /// span because its CID extracts as another character.
    pub(super) fn code(&self, c: char) -> ([u8; 2], bool) {
        // `new` saw every character that is drawn; an unseen one would draw `.notdef`.
        let cid = self.cids.get(&c).copied().unwrap_or(0);
        let shared = self.owners.get(&cid) != Some(&c);
        (cid.to_be_bytes(), shared)
    }

    /// Writes the font objects, allocating their IDs from `next`, and returns the reference of
    /// the Type0 font for the page resources.
    pub(super) fn write(&self, pdf: &mut Pdf, next: &mut Ref) -> Ref {
        let type0 = next.bump();
        let cid_font = next.bump();
        let descriptor = next.bump();
        let font_file = next.bump();
        let to_unicode = next.bump();

        let name = format!("{}+{POSTSCRIPT_NAME}", self.tag());
        let name = Name(name.as_bytes());
        let em = |v: f32| v * 1000.0 / units_per_em();

        pdf.type0_font(type0)
            .base_font(name)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_font)
            .to_unicode(to_unicode);

        let mut cid = pdf.cid_font(cid_font);
        cid.subtype(CidFontType::Type2)
            .base_font(name)
            .system_info(SYSTEM_INFO)
            .font_descriptor(descriptor)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        let widths = self
            .remapper
            .remapped_gids()
            .map(|old| em(f32::from(FACE.glyph_hor_advance(GlyphId(old)).unwrap_or(0))));
        cid.widths().consecutive(0, widths);
        cid.finish();

        let bbox = FACE.global_bounding_box();
        let ascender = em(f32::from(FACE.ascender()));
        pdf.font_descriptor(descriptor)
            .name(name)
            // Symbolic: the glyphs are addressed by CID, not by a standard Latin encoding.
            .flags(FontFlags::SYMBOLIC)
            .bbox(Rect::new(
                em(f32::from(bbox.x_min)),
                em(f32::from(bbox.y_min)),
                em(f32::from(bbox.x_max)),
                em(f32::from(bbox.y_max)),
            ))
            .italic_angle(0.0)
            .ascent(ascender)
            .descent(em(f32::from(FACE.descender())))
            .cap_height(FACE.capital_height().map_or(ascender, |h| em(f32::from(h))))
            // The font has no stem data; 80 is the usual stand-in for a regular weight.
            .stem_v(80.0)
            .font_file2(font_file);

        let data = subsetter::subset(DATA, 0, &self.remapper)
            .expect("the bundled font is a plain TrueType font, which subsetter supports");
        pdf.stream(font_file, &deflate(&data))
            .filter(Filter::FlateDecode)
            .pair(
                Name(b"Length1"),
                i32::try_from(data.len()).unwrap_or(i32::MAX),
            );

        let mut cmap = UnicodeCmap::new(Name(b"Adobe-Identity-UCS"), SYSTEM_INFO);
        for (&cid, &c) in &self.owners {
            cmap.pair(cid, c);
        }
        pdf.cmap(to_unicode, &deflate(cmap.finish().as_slice()))
            .filter(Filter::FlateDecode);

        type0
    }

    /// The six capital letters that name this subset (PDF 32000 §9.6.4), derived from the
    /// glyph set so that the same text always gives the same name.
    fn tag(&self) -> String {
        let mut hash = Sha256::new();
        for gid in self.remapper.remapped_gids() {
            hash.update(gid.to_be_bytes());
        }
        hash.finalize()[..6]
            .iter()
            .map(|b| char::from(b'A' + b % 26))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postscript_name_matches_the_font() {
        let name = FACE
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string());
        assert_eq!(name.as_deref(), Some(POSTSCRIPT_NAME));
    }

    #[test]
    fn covers_the_characters_of_a_certificate() {
        let text = "参保缴费证明个人权益记录单李明轩０１２ABCxyz，。、；：（）《》“”%¥-/·";
        let missing: String = text
            .chars()
            .filter(|&c| FACE.glyph_index(c).is_none())
            .collect();
        assert_eq!(missing, "");
    }

    #[test]
    fn shared_glyphs_keep_one_owner() {
        // Emoji are not in the font: both draw .notdef.
        let subset = Subset::new(["一\u{1F600}\u{1F601}"]);
        assert!(FACE.glyph_index('\u{1F600}').is_none());
        assert!(!subset.code('一').1);
        assert!(
            !subset.code('\u{1F600}').1,
            "first missing character owns .notdef"
        );
        assert!(
            subset.code('\u{1F601}').1,
            "second missing character needs ActualText"
        );
    }
}
