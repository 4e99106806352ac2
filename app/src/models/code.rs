//! Stored codes: one declaration per enum gives its stable code (the text stored in the
//! database, written in URLs and forms, and its serde name), the parse that refuses an unknown
//! code instead of guessing, and, on the server, the sqlx encoding and decoding, so rows carry
//! the enum and an unknown stored value fails the query rather than becoming a default.

/// A code that names no variant: a bad URL or form value, or a stored row this build does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} code {code:?}")]
pub struct UnknownCode {
    pub kind: &'static str,
    pub code: String,
}

/// Declares an enum whose variants are written `Variant = "code"`. Attributes and doc comments
/// pass through; the enum always derives `Debug, Clone, Copy, PartialEq, Eq, Hash`.
///
/// Deserializing also accepts the variant's name: JSON stored before the codes became serde
/// names (certificate content, drafts and request details) spells the variant.
macro_rules! coded {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $code:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            pub const ALL: [Self; [$($code),+].len()] = [$(Self::$variant),+];

            pub const fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code),+
                }
            }

            pub fn from_code(code: &str) -> Result<Self, $crate::models::code::UnknownCode> {
                match code {
                    $($code => Ok(Self::$variant),)+
                    _ => Err($crate::models::code::UnknownCode {
                        kind: stringify!($name),
                        code: code.to_string(),
                    }),
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                Self::from_code(&text).or_else(|unknown| {
                    $(if text == stringify!($variant) {
                        return Ok(Self::$variant);
                    })+
                    Err(serde::de::Error::custom(unknown))
                })
            }
        }

        #[cfg(feature = "ssr")]
        impl<DB: sqlx::Database> sqlx::Type<DB> for $name
        where
            str: sqlx::Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <str as sqlx::Type<DB>>::type_info()
            }

            fn compatible(ty: &DB::TypeInfo) -> bool {
                <str as sqlx::Type<DB>>::compatible(ty)
            }
        }

        #[cfg(feature = "ssr")]
        impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for $name
        where
            &'r str: sqlx::Decode<'r, DB>,
        {
            fn decode(value: DB::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                let code = <&'r str as sqlx::Decode<'r, DB>>::decode(value)?;
                Ok(Self::from_code(code)?)
            }
        }

        #[cfg(feature = "ssr")]
        impl<'q, DB: sqlx::Database> sqlx::Encode<'q, DB> for $name
        where
            &'q str: sqlx::Encode<'q, DB>,
        {
            fn encode_by_ref(
                &self,
                buf: &mut DB::ArgumentBuffer<'q>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <&'q str as sqlx::Encode<'q, DB>>::encode(self.code(), buf)
            }
        }
    };
}
pub(crate) use coded;

#[cfg(test)]
mod tests {
    coded! {
        enum Colour {
            DeepRed = "deep_red",
            Blue = "blue",
        }
    }

    #[test]
    fn a_code_is_the_stored_text_and_the_serde_name() {
        assert_eq!(Colour::ALL, [Colour::DeepRed, Colour::Blue]);
        assert_eq!(Colour::from_code("deep_red"), Ok(Colour::DeepRed));
        assert_eq!(
            serde_json::to_string(&Colour::DeepRed).unwrap(),
            "\"deep_red\""
        );
        assert_eq!(
            serde_json::from_str::<Colour>("\"blue\"").unwrap(),
            Colour::Blue
        );
    }

    #[test]
    fn an_unknown_code_is_an_error_never_a_variant() {
        let unknown = Colour::from_code("green").unwrap_err();
        assert_eq!(unknown.to_string(), "unknown Colour code \"green\"");
        assert!(
            Colour::from_code("DeepRed").is_err(),
            "a name is not a code"
        );
        assert!(serde_json::from_str::<Colour>("\"green\"").is_err());
    }

    #[test]
    fn stored_json_that_spells_the_variant_still_reads() {
        assert_eq!(
            serde_json::from_str::<Colour>("\"DeepRed\"").unwrap(),
            Colour::DeepRed
        );
    }
}
