//! Line breaking: greedy, at spaces for Latin text and between any two CJK characters, with
//! simple kinsoku (no closing punctuation at the start of a line, no opening bracket at its end).

use super::font;

/// Characters that must not start a line.
const NO_START: &str = "，。、；：？！）」』》〉】〕”’…·%,.;:?!)]}";
/// Characters that must not end a line.
const NO_END: &str = "（「『《〈【〔“‘([{";

/// Breaks `text` into lines no wider than `max` points at `size`. Explicit `'\n'` always breaks;
/// a word wider than `max` is broken anywhere. Every paragraph gives at least one (maybe empty)
/// line, so an empty text still takes one line.
pub(super) fn wrap(text: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph, size, max, &mut lines);
    }
    lines
}

fn wrap_paragraph(paragraph: &str, size: f32, max: f32, lines: &mut Vec<String>) {
    let chars: Vec<(char, f32)> = paragraph
        .chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .map(|c| (c, font::advance(c) * size))
        .collect();
    let mut start = 0;
    loop {
        let end = line_end(&chars, start, max);
        let line: String = chars[start..end].iter().map(|&(c, _)| c).collect();
        lines.push(line.trim_end().to_owned());
        start = end;
        // Spaces at a break vanish into it.
        while chars.get(start).is_some_and(|&(c, _)| c == ' ') {
            start += 1;
        }
        if start >= chars.len() {
            break;
        }
    }
}

/// Where the line beginning at `start` ends (exclusive): the last break opportunity before the
/// text overflows `max`, or the overflowing character when there is none (a too-long word).
fn line_end(chars: &[(char, f32)], start: usize, max: f32) -> usize {
    let mut width = 0.0;
    let mut last_break = None;
    for i in start..chars.len() {
        let (c, advance) = chars[i];
        if i > start && can_break(chars[i - 1].0, c) {
            last_break = Some(i);
        }
        width += advance;
        // A line always keeps its first character, or a narrow column would never progress.
        if width > max && i > start {
            return if c == ' ' { i } else { last_break.unwrap_or(i) };
        }
    }
    chars.len()
}

/// Whether a line may break between `before` and `after`.
fn can_break(before: char, after: char) -> bool {
    if after == ' ' || NO_START.contains(after) || NO_END.contains(before) {
        return false;
    }
    before == ' ' || is_wide(before) || is_wide(after)
}

/// CJK ideographs, kana, hangul and full-width forms: text without spaces between words, which
/// may break between any two characters.
fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
        | '\u{2E80}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{3FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Width of `n` ideographs at 10 pt (the font's ideographs are one em wide).
    fn ideographs(n: f32) -> f32 {
        n * 10.0 * font::advance('中')
    }

    #[test]
    fn latin_breaks_at_spaces() {
        let max = font::width("social insurance", 10.0) + 0.1;
        assert_eq!(
            wrap("social insurance contribution record", 10.0, max),
            ["social insurance", "contribution", "record"]
        );
    }

    #[test]
    fn long_word_breaks_anywhere() {
        let max = font::width("abcd", 10.0) + 0.1;
        assert_eq!(wrap("abcdefghij", 10.0, max), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn cjk_breaks_between_characters() {
        assert_eq!(
            wrap("参保缴费证明个人", 10.0, ideographs(3.0)),
            ["参保缴", "费证明", "个人"]
        );
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        // "，" would start the second line: "明" goes down with it.
        assert_eq!(
            wrap("参保缴费证明，个人", 10.0, ideographs(6.0)),
            ["参保缴费证", "明，个人"]
        );
    }

    #[test]
    fn opening_bracket_never_ends_a_line() {
        assert_eq!(
            wrap("参保缴费《证明》", 10.0, ideographs(5.0)),
            ["参保缴费", "《证明》"]
        );
    }

    #[test]
    fn mixed_text_breaks_around_latin_words() {
        let lines = wrap(
            "单位 Jinbao Co 缴费",
            10.0,
            font::width("单位 Jinbao", 10.0) + 0.1,
        );
        assert_eq!(lines, ["单位 Jinbao", "Co 缴费"]);
    }

    #[test]
    fn explicit_newlines_and_empty_text() {
        assert_eq!(wrap("a\n\nb", 10.0, 100.0), ["a", "", "b"]);
        assert_eq!(wrap("", 10.0, 100.0), [""]);
    }
}
