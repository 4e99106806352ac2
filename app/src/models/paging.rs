//! Page numbers in addresses (from 1, as shown). Bounded, so that an offset computed from one
//! can never overflow, and a number out of bounds is a field error rather than a silent first
//! page.

/// The last page any list may ask for: past the end of every list at its page size.
pub const MAX_PAGE: i64 = 100_000;

/// A page that is not a whole number in `1..=MAX_PAGE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadPage;

/// A page number as shown (from 1) as an index from 0; blank or absent is the first page.
pub fn page_index(raw: Option<&str>) -> Result<i64, BadPage> {
    match raw.map(str::trim).filter(|p| !p.is_empty()) {
        None => Ok(0),
        Some(p) => p
            .parse::<i64>()
            .ok()
            .filter(|p| (1..=MAX_PAGE).contains(p))
            .map(|p| p - 1)
            .ok_or(BadPage),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_count_from_one_and_stop_at_the_bound() {
        assert_eq!(page_index(None), Ok(0));
        assert_eq!(page_index(Some(" ")), Ok(0));
        assert_eq!(page_index(Some("1")), Ok(0));
        assert_eq!(page_index(Some(" 3 ")), Ok(2));
        assert_eq!(page_index(Some("100000")), Ok(MAX_PAGE - 1));
        for bad in [
            "0",
            "-1",
            "100001",
            "9223372036854775807",
            "99999999999999999999",
            "x",
        ] {
            assert_eq!(page_index(Some(bad)), Err(BadPage), "{bad}");
        }
    }
}
