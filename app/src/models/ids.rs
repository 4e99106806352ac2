//! Validated identifiers shared by browser and server: the resident ID (GB 11643) and the
//! unified social credit code (GB 32100). Forms and server functions parse with the same code.
//! Never log or `Display` a resident ID in full outside the person's own views: use `masked()`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum IdError {
    #[error("wrong length")]
    Length,
    #[error("invalid character")]
    Character,
    #[error("invalid birth date")]
    BirthDate,
    #[error("check character does not match")]
    Checksum,
    /// The organisation code inside a credit code fails its own check (GB 11714).
    #[error("organisation code check character does not match")]
    OrganisationChecksum,
}

/// A resident identity number (居民身份证号码), GB 11643-1999.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ResidentId(String);

/// ISO 7064 MOD 11-2 weights for the first 17 digits (GB 11643 §7).
const RESIDENT_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for remainder 0..=10.
const RESIDENT_CHECK: [u8; 11] = *b"10X98765432";

impl ResidentId {
    /// Parses an 18-character resident ID; accepts a lower-case `x` check character.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let s = input.trim().to_ascii_uppercase();
        if s.len() != 18 {
            return Err(IdError::Length);
        }
        let bytes = s.as_bytes();
        if !bytes[..17].iter().all(u8::is_ascii_digit)
            || !(bytes[17].is_ascii_digit() || bytes[17] == b'X')
        {
            return Err(IdError::Character);
        }
        if Self::birth_date_of(&s).is_none() {
            return Err(IdError::BirthDate);
        }
        if bytes[17] != Self::check_char(&bytes[..17]) {
            return Err(IdError::Checksum);
        }
        Ok(Self(s))
    }

    /// The check character for the first 17 digits (which must be ASCII digits).
    pub fn check_char(first17: &[u8]) -> u8 {
        let sum: u32 = first17
            .iter()
            .zip(RESIDENT_WEIGHTS)
            .map(|(d, w)| u32::from(d - b'0') * w)
            .sum();
        RESIDENT_CHECK[(sum % 11) as usize]
    }

    /// Builds a valid ID from its parts (used by the demo seed and tests).
    pub fn from_parts(region: &str, birth: NaiveDate, sequence: u16) -> Result<Self, IdError> {
        let body = format!("{region}{}{:03}", birth.format("%Y%m%d"), sequence % 1000);
        if body.len() != 17 || !body.bytes().all(|b| b.is_ascii_digit()) {
            return Err(IdError::Character);
        }
        let check = Self::check_char(body.as_bytes()) as char;
        Self::parse(&format!("{body}{check}"))
    }

    fn birth_date_of(s: &str) -> Option<NaiveDate> {
        let d = NaiveDate::parse_from_str(&s[6..14], "%Y%m%d").ok()?;
        (d.year_ce().1 >= 1900).then_some(d)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn region_code(&self) -> &str {
        &self.0[..6]
    }

    pub fn birth_date(&self) -> NaiveDate {
        Self::birth_date_of(&self.0).expect("validated at parse")
    }

    /// Odd sequence digit = male (GB 11643 §6.3).
    pub fn is_male(&self) -> bool {
        (self.0.as_bytes()[16] - b'0') % 2 == 1
    }

    /// `110101********4514`: enough for a person to recognise their own number.
    pub fn masked(&self) -> String {
        format!("{}********{}", &self.0[..6], &self.0[14..])
    }
}

use chrono::Datelike;

impl fmt::Debug for ResidentId {
    // Debug output ends up in logs: never print the full number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ResidentId({})", self.masked())
    }
}

/// A mainland mobile number as people type it: 11 digits starting with 1.
pub fn is_mobile_number(s: &str) -> bool {
    s.len() == 11 && s.starts_with('1') && s.bytes().all(|b| b.is_ascii_digit())
}

/// A unified social credit code (统一社会信用代码), GB 32100-2015.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CreditCode(String);

/// The 31 characters of the code alphabet (no I, O, Z, S, V), in value order.
const CREDIT_ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

impl CreditCode {
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let s = input.trim().to_ascii_uppercase();
        if s.len() != 18 {
            return Err(IdError::Length);
        }
        let values: Option<Vec<u32>> = s.bytes().map(Self::value_of).collect();
        let values = values.ok_or(IdError::Character)?;
        if Self::check_value(&values[..17]) != values[17] {
            return Err(IdError::Checksum);
        }
        if organisation_check(&s.as_bytes()[8..16]) != s.as_bytes()[16] {
            return Err(IdError::OrganisationChecksum);
        }
        Ok(Self(s))
    }

    fn value_of(c: u8) -> Option<u32> {
        CREDIT_ALPHABET
            .iter()
            .position(|&a| a == c)
            .map(|p| p as u32)
    }

    fn check_value(first17: &[u32]) -> u32 {
        let sum: u32 = first17.iter().zip(CREDIT_WEIGHTS).map(|(v, w)| v * w).sum();
        (31 - sum % 31) % 31
    }

    /// Completes 16 code characters with the organisation code's check character and the
    /// code's own (demo seed and tests).
    pub fn complete(first16: &str) -> Result<Self, IdError> {
        let org_check = first16
            .as_bytes()
            .get(8..16)
            .map(organisation_check)
            .ok_or(IdError::Length)?;
        let first17 = format!("{first16}{}", org_check as char);
        let values: Option<Vec<u32>> = first17.bytes().map(Self::value_of).collect();
        let values = values.ok_or(IdError::Character)?;
        if values.len() != 17 {
            return Err(IdError::Length);
        }
        let check = CREDIT_ALPHABET[Self::check_value(&values) as usize] as char;
        Self::parse(&format!("{first17}{check}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The check character of the organisation code (characters 9–17 of a credit code), GB 11714:
/// weights 3 7 9 10 5 8 4 2 over the first eight (digits as themselves, letters A = 10 ...
/// Z = 35), then 11 − sum mod 11, where 10 is written X and 11 is written 0.
fn organisation_check(body: &[u8]) -> u8 {
    const WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let value = |c: u8| match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        _ => u32::from(c.to_ascii_uppercase().saturating_sub(b'A')) + 10,
    };
    let sum: u32 = body.iter().zip(WEIGHTS).map(|(&c, w)| value(c) * w).sum();
    match 11 - sum % 11 {
        10 => b'X',
        11 => b'0',
        n => b'0' + n as u8,
    }
}

/// The key a form carries so that posting it twice does one thing: 16 to 64 letters, digits
/// or dashes, as the server handed it out.
pub fn is_request_key(key: &str) -> bool {
    (16..=64).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn demo_ids_are_valid() {
        let a = ResidentId::parse("110101199003074514").unwrap();
        assert_eq!(a.region_code(), "110101");
        assert_eq!(a.birth_date(), NaiveDate::from_ymd_opt(1990, 3, 7).unwrap());
        assert!(a.is_male());
        let b = ResidentId::parse("510107196211033927").unwrap();
        assert!(!b.is_male());
        assert_eq!(b.masked(), "510107********3927");
    }

    #[test]
    fn worked_check_character() {
        // 11010519491231002: sum of digit×weight = 167, 167 mod 11 = 2 → 'X'.
        assert_eq!(ResidentId::check_char(b"11010519491231002"), b'X');
        assert!(ResidentId::parse("11010519491231002x").is_ok());
    }

    #[test]
    fn refusals() {
        assert_eq!(ResidentId::parse("11010119900307451"), Err(IdError::Length));
        assert_eq!(
            ResidentId::parse("11010119900307451A"),
            Err(IdError::Character)
        );
        assert_eq!(
            ResidentId::parse("110101199002304517"),
            Err(IdError::BirthDate)
        );
        assert_eq!(
            ResidentId::parse("110101199003074515"),
            Err(IdError::Checksum)
        );
        assert_eq!(
            CreditCode::parse("91110000MA01ABCD1I"),
            Err(IdError::Character)
        );
        assert_eq!(
            CreditCode::parse("91110000MA01ABCD1N"),
            Err(IdError::Checksum)
        );
        // The code's own check holds, but the organisation code's does not (its check is 5).
        assert_eq!(
            CreditCode::parse("91110000MA01ABCD1M"),
            Err(IdError::OrganisationChecksum)
        );
    }

    #[test]
    fn organisation_code_check_of_gb_11714() {
        // M000100Y: 22×3 + 0 + 0 + 0 + 1×5 + 0 + 0 + 34×2 = 139; 139 mod 11 = 7; 11 − 7 = 4.
        assert_eq!(organisation_check(b"M000100Y"), b'4');
        assert!(CreditCode::parse("91350100M000100Y43").is_ok());
        // Remainder 1 gives 10, written X; remainder 0 gives 11, written 0.
        assert_eq!(organisation_check(b"MA6CD000"), b'X');
        assert_eq!(organisation_check(b"00000000"), b'0');
    }

    #[test]
    fn demo_credit_code_is_valid() {
        assert!(CreditCode::parse("91110000MA01ABCD52").is_ok());
        assert!(CreditCode::parse("91110000ma01abcd52").is_ok());
    }

    fn birth() -> impl Strategy<Value = NaiveDate> {
        (1930i32..2020, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    proptest! {
        #[test]
        fn built_ids_roundtrip(region in 110000u32..660000, b in birth(), seq in 0u16..1000) {
            let id = ResidentId::from_parts(&region.to_string(), b, seq).unwrap();
            let again = ResidentId::parse(&id.as_str().to_lowercase()).unwrap();
            prop_assert_eq!(again.birth_date(), b);
            prop_assert_eq!(again.is_male(), seq % 2 == 1);
        }

        #[test]
        fn any_single_digit_change_is_caught(b in birth(), seq in 0u16..1000, pos in 0usize..17, delta in 1u8..10) {
            let id = ResidentId::from_parts("440305", b, seq).unwrap();
            let mut bytes = id.as_str().as_bytes().to_vec();
            bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
            let changed = String::from_utf8(bytes).unwrap();
            prop_assert!(ResidentId::parse(&changed).is_err());
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,24}") {
            let _ = ResidentId::parse(&s);
            let _ = CreditCode::parse(&s);
        }

        #[test]
        fn credit_codes_roundtrip_and_catch_changes(body in "[0-9A-HJ-NP-RTUW-Y]{16}", pos in 0usize..17, delta in 1usize..31) {
            let code = CreditCode::complete(&body).unwrap();
            prop_assert!(CreditCode::parse(code.as_str()).is_ok());
            let mut bytes = code.as_str().as_bytes().to_vec();
            let v = CREDIT_ALPHABET.iter().position(|&a| a == bytes[pos]).unwrap();
            bytes[pos] = CREDIT_ALPHABET[(v + delta) % 31];
            prop_assert!(CreditCode::parse(std::str::from_utf8(&bytes).unwrap()).is_err());
        }
    }
}
