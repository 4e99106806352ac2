//! The watermark over every page of a PDF the portal did not write. Each page gets the watermark
//! form and an opacity state in its own resources (under names no resource of the page uses),
//! and its content is wrapped: `q`, the page's own streams, `Q`, then the watermark, so that
//! whatever state the page leaves behind does not move or hide it.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, dictionary};
use pdf_writer::{Name, Rect};

use super::super::deflate;
use super::super::layout::{PAGE_HEIGHT, PAGE_WIDTH};
use super::super::watermark::Watermark;
use super::{FORM_NAME, OPACITY, OPACITY_NAME, StampError, overlay};

/// How far up the page tree an inherited attribute is looked for.
const MAX_DEPTH: usize = 32;

pub(super) fn stamp(bytes: &[u8], watermark: &Watermark) -> Result<Vec<u8>, StampError> {
    let unreadable = |e: lopdf::Error| StampError::Unreadable(e.to_string());
    let mut doc = Document::load_mem(bytes).map_err(unreadable)?;
    if doc.is_encrypted() {
        return Err(StampError::Encrypted);
    }
    let pages: Vec<ObjectId> = doc.page_iter().collect();
    if pages.is_empty() {
        return Err(StampError::Unreadable("no pages".into()));
    }
    let bbox = watermark.bbox();
    let form = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![bbox.x1.into(), bbox.y1.into(), bbox.x2.into(), bbox.y2.into()],
            "Filter" => "FlateDecode",
        },
        watermark.form_content(),
    ));
    let opacity = doc.add_object(dictionary! { "Type" => "ExtGState", "ca" => OPACITY });
    let open = doc.add_object(Stream::new(Dictionary::new(), b"q\n".to_vec()));
    for page in pages {
        // A page that names no size is left to the viewer; A4 is the likely one here.
        let area =
            media_box(&doc, page).unwrap_or_else(|| Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT));
        let mut resources = inherited(&doc, page, b"Resources")
            .and_then(|r| r.as_dict().ok())
            .cloned()
            .unwrap_or_default();
        let form_name = add_resource(&doc, &mut resources, b"XObject", FORM_NAME, form);
        let gs_name = add_resource(&doc, &mut resources, b"ExtGState", OPACITY_NAME, opacity);
        let mut ops = b"Q\n".to_vec();
        ops.extend(
            overlay(watermark, Name(&form_name), Name(&gs_name), area)
                .finish()
                .as_slice(),
        );
        let close = doc.add_object(Stream::new(
            dictionary! { "Filter" => "FlateDecode" },
            deflate(&ops),
        ));
        let mut contents = vec![Object::Reference(open)];
        contents.extend(
            doc.get_page_contents(page)
                .into_iter()
                .map(Object::Reference),
        );
        contents.push(Object::Reference(close));
        let dict = doc.get_dictionary_mut(page).map_err(unreadable)?;
        dict.set("Resources", resources);
        dict.set("Contents", contents);
    }
    let mut out = Vec::with_capacity(bytes.len() + 16 * 1024);
    doc.save_to(&mut out)
        .map_err(|e| StampError::Unreadable(e.to_string()))?;
    Ok(out)
}

/// `key` of the page, or of the nearest ancestor that has it (page attributes inherit), resolved.
fn inherited<'a>(doc: &'a Document, page: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..MAX_DEPTH {
        if let Ok(value) = node.get(key) {
            return doc.dereference(value).ok().map(|(_, v)| v);
        }
        let parent = node.get(b"Parent").and_then(Object::as_reference).ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

fn media_box(doc: &Document, page: ObjectId) -> Option<Rect> {
    let numbers: Vec<f32> = inherited(doc, page, b"MediaBox")?
        .as_array()
        .ok()?
        .iter()
        .map(|n| doc.dereference(n).ok()?.1.as_float().ok())
        .collect::<Option<_>>()?;
    let [x1, y1, x2, y2] = numbers[..] else {
        return None;
    };
    // Corners may come in either order.
    let area = Rect::new(x1.min(x2), y1.min(y2), x1.max(x2), y1.max(y2));
    (area.x2 > area.x1 && area.y2 > area.y1).then_some(area)
}

/// Adds `id` to the `category` dictionary of `resources` under `name`, or under `name` with a
/// number when the page already uses that name; returns the name used.
fn add_resource(
    doc: &Document,
    resources: &mut Dictionary,
    category: &[u8],
    name: &str,
    id: ObjectId,
) -> Vec<u8> {
    let mut entries = resources
        .get(category)
        .ok()
        .and_then(|d| doc.dereference(d).ok())
        .and_then(|(_, d)| d.as_dict().ok())
        .cloned()
        .unwrap_or_default();
    let mut free = name.to_owned();
    for n in 1.. {
        if !entries.has(free.as_bytes()) {
            break;
        }
        free = format!("{name}{n}");
    }
    let free = free.into_bytes();
    entries.set(free.clone(), Object::Reference(id));
    resources.set(category, entries);
    free
}
