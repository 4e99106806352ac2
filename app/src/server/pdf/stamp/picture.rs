//! A photo of a document on an A4 page (turned to landscape for a wide photo), under the
//! watermark, the way up its camera recorded. A JPEG goes in as it is (PDF reads JPEG itself);
//! a PNG is decoded and its pixels compressed again, its transparency kept as a soft mask.

use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref};

use super::super::deflate;
use super::super::layout::{PAGE_HEIGHT, PAGE_WIDTH};
use super::super::watermark::Watermark;
use super::{FORM_NAME, OPACITY, OPACITY_NAME, StampError, jpeg, overlay};
use crate::models::filing::DocumentType;

const MARGIN: f32 = 36.0;
const IMAGE: Name<'static> = Name(b"Im");
const FORM: Name<'static> = Name(FORM_NAME.as_bytes());
const ALPHA: Name<'static> = Name(OPACITY_NAME.as_bytes());

/// An image ready to embed: its stream data, filter and colour layout.
pub(super) struct Picture {
    pub(super) width: u32,
    pub(super) height: u32,
    pub(super) colours: Colours,
    pub(super) data: Vec<u8>,
    pub(super) filter: Filter,
    /// A PNG's alpha channel, deflated.
    pub(super) alpha: Option<Vec<u8>>,
    pub(super) orientation: Orientation,
}

#[derive(Clone, Copy)]
pub(super) enum Colours {
    Gray,
    Rgb,
    /// Adobe's CMYK JPEGs store the channels inverted (`inverted`).
    Cmyk {
        inverted: bool,
    },
}

pub(super) fn page(
    kind: DocumentType,
    bytes: &[u8],
    watermark: &Watermark,
) -> Result<Vec<u8>, StampError> {
    let picture = match kind {
        DocumentType::Png => png(bytes)?,
        _ => jpeg::read(bytes)?,
    };
    // The photo's size as seen, which the page follows.
    let (w, h) = if picture.orientation.turns_sideways() {
        (picture.height as f32, picture.width as f32)
    } else {
        (picture.width as f32, picture.height as f32)
    };
    let area = if w > h {
        Rect::new(0.0, 0.0, PAGE_HEIGHT, PAGE_WIDTH)
    } else {
        Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT)
    };

    let mut pdf = Pdf::new();
    let mut next = Ref::new(1);
    let (catalog, tree, page, content, image, form, alpha) = (
        next.bump(),
        next.bump(),
        next.bump(),
        next.bump(),
        next.bump(),
        next.bump(),
        next.bump(),
    );
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([page]).count(1);
    let mut p = pdf.page(page);
    p.parent(tree).media_box(area).contents(content);
    let mut resources = p.resources();
    resources.x_objects().pair(IMAGE, image).pair(FORM, form);
    resources.ext_g_states().pair(ALPHA, alpha);
    resources.finish();
    p.finish();

    let mask = picture.alpha.as_ref().map(|data| {
        let id = next.bump();
        let mut mask = pdf.image_xobject(id, data);
        mask.width(picture.width as i32)
            .height(picture.height as i32)
            .bits_per_component(8)
            .filter(Filter::FlateDecode);
        mask.color_space().device_gray();
        id
    });
    let mut x = pdf.image_xobject(image, &picture.data);
    x.width(picture.width as i32)
        .height(picture.height as i32)
        .bits_per_component(8)
        .filter(picture.filter);
    match picture.colours {
        Colours::Gray => x.color_space().device_gray(),
        Colours::Rgb => x.color_space().device_rgb(),
        Colours::Cmyk { .. } => x.color_space().device_cmyk(),
    }
    if let Colours::Cmyk { inverted: true } = picture.colours {
        x.decode([1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0]);
    }
    if let Some(mask) = mask {
        x.s_mask(mask);
    }
    x.finish();
    watermark.write(&mut pdf, form);
    pdf.ext_graphics(alpha).non_stroking_alpha(OPACITY);

    // Fitted inside the margins, centred, never enlarged past one point per pixel.
    let scale = ((area.x2 - 2.0 * MARGIN) / w)
        .min((area.y2 - 2.0 * MARGIN) / h)
        .min(1.0);
    let (sw, sh) = (w * scale, h * scale);
    let mut ops = Content::new();
    ops.save_state()
        .transform(picture.orientation.placement(Rect::new(
            (area.x2 - sw) / 2.0,
            (area.y2 - sh) / 2.0,
            (area.x2 + sw) / 2.0,
            (area.y2 + sh) / 2.0,
        )))
        .x_object(IMAGE)
        .restore_state();
    let mut stream = ops.finish().into_vec();
    stream.push(b'\n');
    stream.extend(overlay(watermark, FORM, ALPHA, area).finish().as_slice());
    pdf.stream(content, &deflate(&stream))
        .filter(Filter::FlateDecode);
    Ok(pdf.finish())
}

/// A PNG decoded to 8-bit grey or RGB, its alpha split off. The decoder's memory limit (64 MiB
/// by default) refuses an image whose size would take more.
fn png(bytes: &[u8]) -> Result<Picture, StampError> {
    let bad = |e: png::DecodingError| StampError::Image(format!("PNG: {e}"));
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(bad)?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| StampError::Image("PNG: too large".into()))?;
    let mut pixels = vec![0; size];
    let frame = reader.next_frame(&mut pixels).map_err(bad)?;
    pixels.truncate(frame.buffer_size());
    let (colours, channels) = match frame.color_type {
        png::ColorType::Grayscale => (Colours::Gray, 1),
        png::ColorType::GrayscaleAlpha => (Colours::Gray, 2),
        png::ColorType::Rgb => (Colours::Rgb, 3),
        png::ColorType::Rgba => (Colours::Rgb, 4),
        // Expanded away by the transformation.
        png::ColorType::Indexed => return Err(StampError::Image("PNG: palette".into())),
    };
    let (data, alpha) = if channels % 2 == 0 {
        let colour = channels - 1;
        let mut data = Vec::with_capacity(pixels.len() / channels * colour);
        let mut alpha = Vec::with_capacity(pixels.len() / channels);
        for pixel in pixels.chunks_exact(channels) {
            data.extend_from_slice(&pixel[..colour]);
            alpha.push(pixel[colour]);
        }
        (data, Some(deflate(&alpha)))
    } else {
        (pixels, None)
    };
    Ok(Picture {
        width: frame.width,
        height: frame.height,
        colours,
        data: deflate(&data),
        filter: Filter::FlateDecode,
        alpha,
        orientation: Orientation::default(),
    })
}

/// How a camera says its picture is to be turned and flipped to be seen the right way up: the
/// EXIF orientation, 1 (as stored) to 8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Orientation(pub(super) u8);

impl Default for Orientation {
    fn default() -> Self {
        Self(1)
    }
}

impl Orientation {
    /// Whether the picture is seen turned a quarter: its stored width is then its height.
    fn turns_sideways(self) -> bool {
        (5..=8).contains(&self.0)
    }

    /// The matrix that draws the image (PDF's unit square, its first stored row at the top)
    /// the right way up into `frame`. EXIF names where the first stored row and column end up:
    /// 6 is "row 0 on the right, column 0 at the top", a phone held upright.
    pub(super) fn placement(self, frame: Rect) -> [f32; 6] {
        let (x, y) = (frame.x1, frame.y1);
        let (w, h) = (frame.x2 - frame.x1, frame.y2 - frame.y1);
        match self.0 {
            2 => [-w, 0.0, 0.0, h, x + w, y],
            3 => [-w, 0.0, 0.0, -h, x + w, y + h],
            4 => [w, 0.0, 0.0, -h, x, y + h],
            5 => [0.0, -h, -w, 0.0, x + w, y + h],
            6 => [0.0, -h, w, 0.0, x, y + h],
            7 => [0.0, h, w, 0.0, x, y],
            8 => [0.0, h, -w, 0.0, x + w, y],
            _ => [w, 0.0, 0.0, h, x, y],
        }
    }
}
