use std::process::Command;

use lopdf::{Dictionary, Object, Stream, dictionary};

use super::super::render;
use super::super::tests::{certificate, pdftotext};
use super::picture::Orientation;
use super::*;
use crate::i18n::Locale;

const TEXT: &str = "客服协助会话：由 王芳 代为导出（工单 HD-20261206-1）";

/// A photo taken with the phone held upright: stored 300 × 200 (landscape) with a black block
/// in its stored top-left corner, and EXIF orientation 6, so it is seen 200 × 300 with the
/// block top right.
const UPRIGHT_JPEG: &[u8] = include_bytes!("fixtures/phone-upright.jpg");

/// Page 1 of `pdf` rendered in grey at 36 dpi (half a point per pixel): width, height, pixels.
fn rendered(pdf: &[u8], name: &str) -> (usize, usize, Vec<u8>) {
    let dir = std::env::temp_dir().join(format!("jinbao-stamp-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir is writable");
    std::fs::write(dir.join("in.pdf"), pdf).expect("temp dir is writable");
    let output = Command::new("pdftoppm")
        .args(["-r", "36", "-gray", "-singlefile", "-f", "1", "-l", "1"])
        .arg(dir.join("in.pdf"))
        .arg(dir.join("out"))
        .output()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(output.status.success(), "pdftoppm failed: {output:?}");
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(errors.is_empty(), "pdftoppm complained: {errors}");
    let pgm = std::fs::read(dir.join("out.pgm")).expect("pdftoppm wrote the page");
    let _ = std::fs::remove_dir_all(&dir);
    // "P5\n<w> <h>\n255\n" then one byte per pixel.
    let mut header = pgm.splitn(4, |b| b.is_ascii_whitespace());
    let _magic = header.next();
    let mut number = || {
        std::str::from_utf8(header.next().expect("a PGM header field"))
            .expect("ASCII")
            .parse::<usize>()
    };
    let (width, height) = (number().expect("width"), number().expect("height"));
    let pixels = pgm[pgm.len() - width * height..].to_vec();
    (width, height, pixels)
}

/// Pixels darker than white paper: the watermark's included.
fn ink(pixels: &[u8]) -> usize {
    pixels.iter().filter(|&&p| p < 250).count()
}

/// The last content stream of each page, decoded.
fn overlays(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).expect("the stamped PDF reads back");
    doc.page_iter()
        .map(|page| {
            let last = *doc.get_page_contents(page).last().expect("content");
            let stream = doc
                .get_object(last)
                .and_then(Object::as_stream)
                .expect("a stream");
            String::from_utf8(stream.decompressed_content().expect("deflated")).expect("ASCII")
        })
        .collect()
}

#[test]
fn a_pdf_keeps_its_pages_and_text_and_every_page_gains_the_watermark() {
    let original = render(&certificate(Locale::Zh, 60, false));
    let stamped = watermarked(DocumentType::Pdf, &original, TEXT).expect("stamps");
    // Outlines, not text: what can be read or searched is unchanged, and poppler finds nothing
    // malformed.
    assert_eq!(
        pdftotext(&stamped, "stamped"),
        pdftotext(&original, "original")
    );
    let overlays = overlays(&stamped);
    assert!(overlays.len() >= 2, "a certificate of 60 months has pages");
    for overlay in &overlays {
        assert!(
            overlay.starts_with("Q\n"),
            "closes the page's own state first"
        );
        assert!(overlay.contains("/JinbaoOpacity gs"), "{overlay}");
        assert!(overlay.contains("/JinbaoWatermark Do"), "{overlay}");
    }
    let (_, _, before) = rendered(&original, "before");
    let (_, _, after) = rendered(&stamped, "after");
    assert!(
        ink(&after) > ink(&before) + before.len() / 50,
        "the watermark shows: {} → {} of {} pixels",
        ink(&before),
        ink(&after),
        before.len()
    );
}

/// A page that inherits its size and resources from the page tree and already uses the name
/// the watermark would take.
fn inheriting_pdf() -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.7");
    let tree = doc.new_object_id();
    let square = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 1.into(), 1.into()],
        },
        b"0 0 1 1 re f".to_vec(),
    ));
    // The page's own content leaves a transform and a dark fill behind, unbalanced.
    let content = doc.add_object(Stream::new(
        Dictionary::new(),
        b"q 100 0 0 100 20 20 cm /JinbaoWatermark Do Q 0 g 5 0 0 5 0 0 cm".to_vec(),
    ));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => tree, "Contents" => content,
    });
    doc.objects.insert(
        tree,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), 400.into(), 300.into()],
            "Resources" => dictionary! { "XObject" => dictionary! { "JinbaoWatermark" => square } },
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => tree });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("writes");
    bytes
}

#[test]
fn inherited_size_and_resources_are_kept_and_a_taken_name_is_not_reused() {
    let stamped = watermarked(DocumentType::Pdf, &inheriting_pdf(), TEXT).expect("stamps");
    let doc = lopdf::Document::load_mem(&stamped).expect("reads back");
    let page = doc.page_iter().next().expect("one page");
    let (resources, _) = doc.get_page_resources(page).expect("resources");
    let xobjects = resources
        .expect("the page has its own resources now")
        .get(b"XObject")
        .and_then(Object::as_dict)
        .expect("XObject");
    assert!(
        xobjects.has(b"JinbaoWatermark"),
        "the page's own form stays"
    );
    assert!(
        xobjects.has(b"JinbaoWatermark1"),
        "the watermark takes a free name"
    );
    assert!(overlays(&stamped)[0].contains("/JinbaoWatermark1 Do"));

    // The 400 × 300 page (inherited size) at 36 dpi, with its square and the watermark.
    let (width, height, pixels) = rendered(&stamped, "inheriting");
    assert_eq!((width, height), (200, 150));
    let dark = pixels.iter().filter(|&&p| p < 60).count();
    assert!(
        (2_000..=3_000).contains(&dark),
        "the 50 × 50 px square is drawn once, where it was: {dark} dark pixels"
    );
    assert!(
        ink(&pixels) > dark + pixels.len() / 50,
        "the watermark covers the page"
    );
}

/// `pdf` encrypted (RC4, 128 bits) with an owner password and the given user password.
fn encrypted(pdf: &[u8], user_password: &str) -> Vec<u8> {
    use lopdf::{EncryptionState, EncryptionVersion, Permissions};
    let mut doc = lopdf::Document::load_mem(pdf).expect("reads");
    let id = Object::string_literal(b"0123456789abcdef".to_vec());
    doc.trailer.set("ID", vec![id.clone(), id]);
    let state = EncryptionState::try_from(EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: Permissions::default(),
    })
    .expect("an encryption state");
    doc.encrypt(&state).expect("encrypts");
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("writes");
    bytes
}

#[test]
fn a_pdf_that_opens_without_a_password_is_stamped_and_one_that_needs_one_is_refused() {
    // Restrictions only (printing, copying): every viewer opens it, and so does the stamp.
    let open = encrypted(&inheriting_pdf(), "");
    assert!(open.windows(8).any(|w| w == b"/Encrypt"), "encrypted");
    let stamped = watermarked(DocumentType::Pdf, &open, TEXT).expect("stamps");
    assert!(overlays(&stamped)[0].contains("/JinbaoWatermark1 Do"));
    let locked = encrypted(&inheriting_pdf(), "secret");
    assert!(matches!(
        watermarked(DocumentType::Pdf, &locked, TEXT),
        Err(StampError::Encrypted)
    ));
}

#[test]
fn what_cannot_be_read_is_refused_not_passed_through() {
    for bytes in [
        &b"%PDF-1.7\nnot really"[..],
        b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF",
    ] {
        assert!(matches!(
            watermarked(DocumentType::Pdf, bytes, TEXT),
            Err(StampError::Unreadable(_))
        ));
    }
    let cut = &UPRIGHT_JPEG[..40];
    assert!(matches!(
        watermarked(DocumentType::Jpeg, cut, TEXT),
        Err(StampError::Image(_))
    ));
    assert!(matches!(
        watermarked(DocumentType::Png, b"\x89PNG\r\n\x1a\nshort", TEXT),
        Err(StampError::Image(_))
    ));
}

#[test]
fn an_upright_phone_photo_is_seen_upright_on_a_portrait_page() {
    let pdf = watermarked(DocumentType::Jpeg, UPRIGHT_JPEG, TEXT).expect("stamps");
    let (width, height, pixels) = rendered(&pdf, "upright");
    assert!(height > width, "portrait: {width} × {height}");
    // Seen 200 × 300 pt, centred: at 36 dpi, 100 × 150 px from (width-100)/2, (height-150)/2.
    let (left, top) = ((width - 100) / 2, (height - 150) / 2);
    let dark = |x0: usize, y0: usize| {
        let mut n = 0;
        for y in y0..y0 + 20 {
            for x in x0..x0 + 20 {
                n += usize::from(pixels[y * width + x] < 80);
            }
        }
        n
    };
    // The block (stored top left, 100 × 60 px) is seen top right, 30 × 50 px at this scale.
    assert!(dark(left + 100 - 25, top + 5) > 350, "top right is black");
    assert!(dark(left + 5, top + 5) < 20, "top left is white");
    assert!(dark(left + 5, top + 150 - 25) < 20, "bottom left is white");
    assert!(
        dark(left + 100 - 25, top + 150 - 25) < 20,
        "bottom right is white"
    );
}

#[test]
fn a_png_with_transparency_is_placed_with_its_mask() {
    let (w, h) = (80_u32, 40_u32);
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, w, h);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().expect("header");
    // Opaque black on the left half, fully transparent on the right.
    let pixels: Vec<u8> = (0..w * h)
        .flat_map(|i| {
            if i % w < w / 2 {
                [0, 0, 0, 255]
            } else {
                [0, 0, 0, 0]
            }
        })
        .collect();
    writer.write_image_data(&pixels).expect("pixels");
    writer.finish().expect("end");

    let pdf = watermarked(DocumentType::Png, &bytes, TEXT).expect("stamps");
    assert!(
        pdf.windows(6).any(|w| w == b"/SMask"),
        "the alpha channel is a soft mask"
    );
    let (width, height, pixels) = rendered(&pdf, "png");
    assert!(width > height, "a wide picture turns the page to landscape");
    let dark = pixels.iter().filter(|&&p| p < 60).count();
    // 40 × 40 pt of black at half a point per pixel: 20 × 20 px; the transparent half is paper.
    assert!((300..=500).contains(&dark), "{dark} dark pixels");
}

#[test]
fn exif_orientation_is_read_in_either_byte_order() {
    let picture = jpeg::read(UPRIGHT_JPEG).expect("reads");
    assert_eq!((picture.width, picture.height), (300, 200));
    assert_eq!(picture.orientation, Orientation(6));

    // The same EXIF written little-endian (Intel order), orientation 8.
    let little = [
        b"Exif\0\0II*\0".as_slice(),
        &8_u32.to_le_bytes(),
        &1_u16.to_le_bytes(),
        &0x0112_u16.to_le_bytes(),
        &3_u16.to_le_bytes(),
        &1_u32.to_le_bytes(),
        &8_u16.to_le_bytes(),
        &[0, 0],
    ]
    .concat();
    let app1_at = UPRIGHT_JPEG
        .windows(6)
        .position(|w| w == b"Exif\0\0")
        .expect("the fixture has EXIF")
        - 4;
    let old_length = usize::from(u16::from_be_bytes([
        UPRIGHT_JPEG[app1_at + 2],
        UPRIGHT_JPEG[app1_at + 3],
    ]));
    let new_length = u16::try_from(little.len() + 2).expect("short");
    let jpeg = [
        &UPRIGHT_JPEG[..app1_at + 2],
        &new_length.to_be_bytes(),
        &little,
        &UPRIGHT_JPEG[app1_at + 2 + old_length..],
    ]
    .concat();
    assert_eq!(
        jpeg::read(&jpeg).expect("reads").orientation,
        Orientation(8)
    );
}

#[test]
fn each_orientation_puts_the_first_stored_pixel_where_exif_says() {
    let frame = Rect::new(10.0, 20.0, 110.0, 220.0);
    // The image's first stored row and column meet at the unit square's (0, 1).
    let first_pixel = |o: u8| {
        let m = Orientation(o).placement(frame);
        (m[2] + m[4], m[3] + m[5])
    };
    let (left, right, bottom, top) = (10.0, 110.0, 20.0, 220.0);
    let expected = [
        (1, (left, top)),
        (2, (right, top)),
        (3, (right, bottom)),
        (4, (left, bottom)),
        (5, (left, top)),
        (6, (right, top)),
        (7, (right, bottom)),
        (8, (left, bottom)),
    ];
    for (o, corner) in expected {
        assert_eq!(first_pixel(o), corner, "orientation {o}");
        // Whatever the turn, the image fills the frame: its opposite corner is the frame's.
        let m = Orientation(o).placement(frame);
        let opposite = (m[0] + m[4], m[1] + m[5]);
        assert_eq!(
            (left + right - corner.0, bottom + top - corner.1),
            opposite,
            "orientation {o}"
        );
    }
}
