//! What a JPEG's headers say that placing it on a page needs: its size and colours (the frame
//! header), whether its CMYK is stored inverted (Adobe's marker), and which way up it is seen
//! (the EXIF orientation a phone camera writes).

use pdf_writer::Filter;

use super::StampError;
use super::picture::{Colours, Orientation, Picture};

/// A JPEG as it is, with the size and colours its frame header gives. Only the baseline and
/// progressive kinds: PDF viewers do not read arithmetic-coded or lossless JPEG.
pub(super) fn read(bytes: &[u8]) -> Result<Picture, StampError> {
    let bad = |why: &str| StampError::Image(format!("JPEG: {why}"));
    let mut adobe = false;
    let mut orientation = Orientation::default();
    let mut at = 2;
    loop {
        let marker = match bytes.get(at..at + 2) {
            Some([0xFF, 0xFF]) => {
                at += 1; // fill byte
                continue;
            }
            Some([0xFF, m]) => *m,
            _ => return Err(bad("no frame header")),
        };
        if matches!(marker, 0x01 | 0xD0..=0xD8) {
            at += 2; // markers without a segment
            continue;
        }
        let length = bytes
            .get(at + 2..at + 4)
            .map(|l| usize::from(u16::from_be_bytes([l[0], l[1]])))
            .ok_or_else(|| bad("cut short"))?;
        let segment = bytes
            .get(at + 4..at + 2 + length.max(2))
            .ok_or_else(|| bad("cut short"))?;
        match marker {
            0xEE if segment.starts_with(b"Adobe") => adobe = true,
            0xE1 => orientation = exif_orientation(segment).unwrap_or(orientation),
            0xC0..=0xC2 => {
                let [_, h1, h0, w1, w0, components, ..] = *segment else {
                    return Err(bad("short frame header"));
                };
                let (height, width) = (
                    u32::from(u16::from_be_bytes([h1, h0])),
                    u32::from(u16::from_be_bytes([w1, w0])),
                );
                let colours = match components {
                    1 => Colours::Gray,
                    3 => Colours::Rgb,
                    4 => Colours::Cmyk { inverted: adobe },
                    _ => return Err(bad("unsupported colour components")),
                };
                if width == 0 || height == 0 {
                    return Err(bad("no size"));
                }
                return Ok(Picture {
                    width,
                    height,
                    colours,
                    data: bytes.to_vec(),
                    filter: Filter::DctDecode,
                    alpha: None,
                    orientation,
                });
            }
            0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                return Err(bad("arithmetic or lossless coding"));
            }
            0xDA | 0xD9 => return Err(bad("no frame header")),
            _ => {}
        }
        at += 2 + length;
    }
}

/// The EXIF orientation in an APP1 segment, when it has one: tag 0x0112 of the first image
/// directory of the TIFF structure after `Exif\0\0`, in either byte order.
fn exif_orientation(segment: &[u8]) -> Option<Orientation> {
    let tiff = segment.strip_prefix(b"Exif\0\0")?;
    let big_endian = match tiff.get(..4)? {
        b"MM\0*" => true,
        b"II*\0" => false,
        _ => return None,
    };
    let bytes = |at: usize, n: usize| tiff.get(at..at + n);
    let u16_at = |at: usize| {
        let b: [u8; 2] = bytes(at, 2)?.try_into().ok()?;
        Some(if big_endian {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        })
    };
    let b: [u8; 4] = bytes(4, 4)?.try_into().ok()?;
    let directory = usize::try_from(if big_endian {
        u32::from_be_bytes(b)
    } else {
        u32::from_le_bytes(b)
    })
    .ok()?;
    let entries = usize::from(u16_at(directory)?);
    let value = (0..entries).find_map(|n| {
        let entry = directory + 2 + 12 * n;
        (u16_at(entry)? == 0x0112)
            .then(|| u16_at(entry + 8))
            .flatten()
    })?;
    let value = u8::try_from(value).ok()?;
    (1..=8).contains(&value).then_some(Orientation(value))
}
