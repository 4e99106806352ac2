//! The verification QR code as rectangles, ready to be filled as one path.

use qrcode::{Color, QrCode};

/// A run of dark modules on one row, in module units from the symbol's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Run {
    pub row: usize,
    pub column: usize,
    pub length: usize,
}

/// The symbol for `text`: its width in modules and its dark modules, each row's horizontal
/// runs merged into one rectangle (a third to a quarter of the rectangles of single modules).
/// `None` when `text` is too long for any QR version; the caller then prints it only.
pub(super) fn runs(text: &str) -> Option<(usize, Vec<Run>)> {
    let code = QrCode::new(text.as_bytes()).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut runs = Vec::new();
    for (row, line) in colors.chunks(width).enumerate() {
        let mut column = 0;
        while column < width {
            if line[column] == Color::Dark {
                let length = line[column..]
                    .iter()
                    .take_while(|&&c| c == Color::Dark)
                    .count();
                runs.push(Run {
                    row,
                    column,
                    length,
                });
                column += length;
            } else {
                column += 1;
            }
        }
    }
    Some((width, runs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_exactly_the_dark_modules() {
        let text = "https://jinbao.example/verify/JB7K2M9Q4XWP";
        let code = QrCode::new(text.as_bytes()).expect("short text encodes");
        let (width, runs) = runs(text).expect("short text encodes");
        let mut dark = vec![false; width * width];
        for run in &runs {
            for c in run.column..run.column + run.length {
                assert!(!dark[run.row * width + c], "runs overlap");
                dark[run.row * width + c] = true;
            }
        }
        let expected: Vec<bool> = code.to_colors().iter().map(|&c| c == Color::Dark).collect();
        assert_eq!(dark, expected);
        // The finder pattern's top edge is one run of 7.
        assert_eq!(
            runs[0],
            Run {
                row: 0,
                column: 0,
                length: 7
            }
        );
    }

    #[test]
    fn overlong_text_has_no_symbol() {
        assert!(runs(&"x".repeat(5000)).is_none());
    }
}
