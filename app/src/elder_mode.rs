//! Elder mode (长辈模式): larger type, high contrast, 48 px tap targets and a home of a few
//! large actions. A device remembers its own choice in a cookie; the account's choice applies on
//! any device that has made none, so a retiree who turned it on once finds it on a new phone;
//! a choice made before signing in becomes the account's at sign-in.

use leptos::prelude::*;

pub const ELDER_COOKIE: &str = "elder";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct ElderMode(pub bool);

impl ElderMode {
    /// The mode of the current request: the device's choice, else the signed-in account's.
    #[cfg(feature = "ssr")]
    pub fn current() -> Self {
        let Some(parts) = use_context::<http::request::Parts>() else {
            return Self::default();
        };
        let device = Self::device_choice(&parts.headers);
        let account = crate::server::auth::current_principal().map(|p| p.elder_mode);
        Self(device.or(account).unwrap_or(false))
    }

    /// The choice this device made, if it made one.
    #[cfg(feature = "ssr")]
    pub fn device_choice(headers: &http::HeaderMap) -> Option<bool> {
        crate::server::cookies::cookie_value(headers, ELDER_COOKIE).map(|v| v == "1")
    }

    /// In the browser, as the server rendered it on the page.
    #[cfg(not(feature = "ssr"))]
    pub fn current() -> Self {
        Self(
            document()
                .document_element()
                .and_then(|e| e.get_attribute("class"))
                .is_some_and(|c| c.split_whitespace().any(|c| c == "elder")),
        )
    }

    /// The cookie that remembers the choice on this device for a year.
    pub fn cookie(self) -> String {
        format!(
            "{ELDER_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            if self.0 { 1 } else { 0 }
        )
    }
}

/// Whether the page being rendered is in elder mode.
pub fn elder_mode() -> bool {
    use_context::<ElderMode>().unwrap_or_default().0
}
