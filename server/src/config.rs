//! Typed settings: defaults, then an optional TOML file (`JINBAO_CONFIG`, default `jinbao.toml`
//! if present), then environment (`JINBAO_*`, plus `DATABASE_URL` and `LEPTOS_SITE_ADDR`).
//! The secret key is read from a file and never printed.

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Settings {
    /// `sqlite://PATH` (created and migrated on start) or `postgres://...`.
    pub database_url: String,
    pub database_max_connections: u32,
    /// Where the portal listens.
    pub site_addr: SocketAddr,
    /// The address people reach the portal at (`https://jinbao.example.cn`), printed in the QR
    /// code of every certificate; empty means `http://` + the address listened on.
    pub public_url: String,
    /// Built site (wasm, JS, CSS, assets) served under `/pkg` and `/`.
    pub site_root: String,
    /// Whether the built files' names carry content hashes (cargo-leptos `hash-files`); unset
    /// means "if the build wrote `hash.txt` beside this binary", which is where Leptos reads
    /// the names from (it cannot render a page when this is true and the file is missing).
    pub hash_files: Option<bool>,
    /// Prometheus metrics listen address (`host:port`); empty to disable.
    pub metrics_addr: String,
    pub session_idle_minutes: i64,
    pub session_absolute_hours: i64,
    /// Assisted sessions end after this many idle minutes, and after the maximum in any case.
    pub assist_idle_minutes: i64,
    pub assist_max_minutes: i64,
    /// Set when the portal is served over TLS (adds `Secure` cookies and HSTS).
    pub secure_cookies: bool,
    pub max_concurrent_hashes: usize,
    pub login_window_minutes: i64,
    pub login_max_failures_per_account: i64,
    pub login_max_failures_per_address: i64,
    /// Proxies (CIDR blocks or addresses) whose `Forwarded`/`X-Forwarded-For` name the client;
    /// empty: the peer is the client. Set it to the TLS proxy in front of the portal, or every
    /// client shares the proxy's address (and its sign-in throttle).
    pub trusted_proxies: Vec<String>,
    /// File holding the server secret (generated on first start if missing).
    pub secret_key_file: PathBuf,
    pub body_limit_bytes: usize,
    /// Filing uploads (up to 25 MB each) read at once; more are refused with 503.
    pub max_concurrent_uploads: usize,
    /// `text` or `json`.
    pub log_format: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            database_url: "sqlite://data/jinbao.db".into(),
            database_max_connections: 16,
            site_addr: "127.0.0.1:3000".parse().expect("static address"),
            public_url: String::new(),
            site_root: "target/site".into(),
            hash_files: None,
            metrics_addr: "127.0.0.1:9464".into(),
            session_idle_minutes: 30,
            session_absolute_hours: 12,
            assist_idle_minutes: 10,
            assist_max_minutes: 30,
            secure_cookies: false,
            max_concurrent_hashes: 4,
            login_window_minutes: 15,
            login_max_failures_per_account: 5,
            login_max_failures_per_address: 30,
            trusted_proxies: Vec::new(),
            secret_key_file: "data/secret.key".into(),
            body_limit_bytes: 64 * 1024,
            max_concurrent_uploads: 8,
            log_format: "text".into(),
        }
    }
}

impl Settings {
    pub fn load() -> Result<Self, Box<figment::Error>> {
        let file = std::env::var("JINBAO_CONFIG").unwrap_or_else(|_| "jinbao.toml".into());
        Figment::from(Serialized::defaults(Settings::default()))
            .merge(Toml::file(file))
            .merge(Env::prefixed("JINBAO_"))
            .merge(
                Env::raw()
                    .only(&[
                        "DATABASE_URL",
                        "LEPTOS_SITE_ADDR",
                        "LEPTOS_SITE_ROOT",
                        "LEPTOS_HASH_FILES",
                    ])
                    .map(|k| match k.as_str() {
                        "LEPTOS_SITE_ADDR" => "site_addr".into(),
                        "LEPTOS_SITE_ROOT" => "site_root".into(),
                        "LEPTOS_HASH_FILES" => "hash_files".into(),
                        _ => k.as_str().to_ascii_lowercase().into(),
                    }),
            )
            .extract()
            .map_err(Box::new)
    }
}

impl Settings {
    /// The effective `hash_files`: the setting, else whether `hash.txt` (the name Leptos reads)
    /// lies beside the running binary.
    pub fn built_files_hashed(&self) -> bool {
        self.hash_files.unwrap_or_else(|| {
            std::env::current_exe()
                .ok()
                .and_then(|exe| Some(exe.parent()?.join("hash.txt").exists()))
                .unwrap_or(false)
        })
    }
}

/// The server secret; `Debug` and `Display` never show it.
#[derive(Clone)]
pub struct SecretKey(pub Vec<u8>);

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

impl SecretKey {
    /// Reads the key file, or creates it with 32 random bytes (mode 0600) on first start.
    pub fn load_or_create(path: &Path) -> std::io::Result<Self> {
        use rand::RngCore;
        match std::fs::read_to_string(path) {
            Ok(hex) => decode_hex(hex.trim()).map(SecretKey).ok_or_else(|| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "secret key file is not hex",
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut key = vec![0u8; 32];
                rand::rngs::OsRng.fill_bytes(&mut key);
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir)?;
                }
                let hex = data_encoding::HEXLOWER.encode(&key);
                write_private(path, &hex)?;
                tracing::info!(path = %path.display(), "generated a new server secret key");
                Ok(SecretKey(key))
            }
            Err(e) => Err(e),
        }
    }
}

/// The key's bytes from its hex text (either case); at least 16 bytes.
fn decode_hex(s: &str) -> Option<Vec<u8>> {
    data_encoding::HEXLOWER_PERMISSIVE
        .decode(s.as_bytes())
        .ok()
        .filter(|key| key.len() >= 16)
}

#[cfg(unix)]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(contents.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    std::fs::write(path, contents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // Jail's closure returns figment's own (large) error type.
    #[allow(clippy::result_large_err)]
    fn trusted_proxies_come_from_the_file_or_the_environment() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("jinbao.toml", r#"trusted_proxies = ["10.0.0.0/8"]"#)?;
            assert_eq!(Settings::load().unwrap().trusted_proxies, ["10.0.0.0/8"]);
            jail.set_env("JINBAO_TRUSTED_PROXIES", "[10.0.0.0/8, 192.0.2.1]");
            let s = Settings::load().unwrap();
            assert_eq!(s.trusted_proxies, ["10.0.0.0/8", "192.0.2.1"]);
            Ok(())
        });
    }

    #[test]
    fn a_key_file_is_hex_of_at_least_16_bytes() {
        let key: Vec<u8> = (0..32).collect();
        let hex = data_encoding::HEXLOWER.encode(&key);
        assert_eq!(decode_hex(&hex), Some(key.clone()));
        assert_eq!(decode_hex(&hex.to_uppercase()), Some(key));
        assert_eq!(decode_hex(&"ab".repeat(15)), None, "too short");
        assert_eq!(decode_hex(&"zz".repeat(16)), None, "not hex");
        assert_eq!(decode_hex(&"é".repeat(16)), None, "not ASCII");
    }
}
