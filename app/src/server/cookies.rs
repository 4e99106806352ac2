//! Reading a cookie from request headers (the session token and the language).

/// The value of the first cookie called `name`, if it is set and non-empty.
pub fn cookie_value(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, v)| *k == name && !v.is_empty())
        .map(|(_, v)| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_named_cookie() {
        let mut h = http::HeaderMap::new();
        h.insert(
            http::header::COOKIE,
            "a=1; lang=en; jb_session=".parse().unwrap(),
        );
        assert_eq!(cookie_value(&h, "lang").as_deref(), Some("en"));
        assert_eq!(cookie_value(&h, "jb_session"), None);
        assert_eq!(cookie_value(&h, "missing"), None);
    }
}
