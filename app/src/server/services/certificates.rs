//! Certificates: what the issue form offers, issuing (idempotent per form), the owner's list,
//! revocation, the PDF and the public verification. The verification code is a MAC with the
//! server key over the document number and the stored content: it is never derived from the ID
//! number, and a changed row no longer verifies. Only the owner's scope reaches a document,
//! except `verify`, which needs the number and its code and shows a minimal view.

use super::certificate_content;
use super::certificate_document;
use crate::error::AppError;
use crate::models::assist::AccessKind;
use crate::models::assist::Helper;
use crate::models::certificate::{
    CODE_ALPHABET, CertificateContent, CertificateDetail, CertificateOptions, CertificateSummary,
    DOCUMENT_NO_PREFIX, IssueInput, PublicView, VerifyOutcome, masked_name, parse_code,
    parse_document_no,
};
use crate::server::auth::{AccountName, Act, CitizenScope, Principal};
use crate::server::state::AppState;
use crate::server::store::{AccessEntry, CertificateRow, Inserted, NewCertificate, Store};
use hmac::{Hmac, Mac};
use rand::Rng;
use sha2::{Digest, Sha256};

/// A person has few certificates; the list shows the newest this many.
const LIST_LIMIT: i64 = 100;

pub async fn options(
    state: &AppState,
    scope: CitizenScope,
) -> Result<CertificateOptions, AppError> {
    certificate_content::form_options(&state.store, &scope, state.clock.now(), random_code(24))
        .await
}

/// Issues the certificate the form asks for and returns its number. The same form submitted
/// twice (same request key) returns the first number.
pub async fn issue(
    state: &AppState,
    principal: &Principal,
    input: &IssueInput,
) -> Result<String, AppError> {
    let scope = principal.citizen()?;
    principal.may(Act::IssueCertificate)?;
    let request = input.parse()?;
    let now = state.clock.now();
    let facts = certificate_content::Facts::load(&state.store, &scope, now).await?;
    let content = facts.content(
        &request,
        now,
        &format!("{}/verify", state.public_url),
        principal.watermark(request.locale),
    )?;
    let json = serde_json::to_string(&content).map_err(AppError::internal)?;
    // 50 random bits per number: a collision is rare, and a second try is enough.
    for _ in 0..3 {
        let number = format!("{DOCUMENT_NO_PREFIX}{}", random_code(10));
        let inserted = state
            .store
            .citizen(&scope)
            .insert_certificate(&NewCertificate {
                document_no: &number,
                kind: request.kind.code(),
                purpose: request.purpose.code(),
                request_key: &request.request_key,
                content: &json,
                issued_at: now,
            })
            .await?;
        match inserted {
            Inserted::New(no) | Inserted::Existing(no) => return Ok(no),
            Inserted::NumberTaken => continue,
        }
    }
    Err(AppError::internal(
        "no free document number after three tries",
    ))
}

pub async fn list(store: &Store, scope: CitizenScope) -> Result<Vec<CertificateSummary>, AppError> {
    store
        .citizen(&scope)
        .certificates(LIST_LIMIT)
        .await?
        .iter()
        .map(|row| Ok(summary(row, &parse_content(row)?)))
        .collect()
}

pub async fn detail(
    state: &AppState,
    scope: CitizenScope,
    document_no: &str,
) -> Result<CertificateDetail, AppError> {
    let row = owned(&state.store, scope, document_no).await?;
    let content = parse_content(&row)?;
    let code = verification_code(&state.secret_key, &row.document_no, &row.content);
    Ok(CertificateDetail {
        summary: summary(&row, &content),
        verify_url: verify_url(&content, &row.document_no, &code),
        code,
        amounts_shown: content.purpose.fields().amounts,
        person: content.person,
        verifications: state
            .store
            .citizen(&scope)
            .verification_count(&row.document_no)
            .await?,
    })
}

pub async fn revoke(
    state: &AppState,
    principal: &Principal,
    document_no: &str,
) -> Result<(), AppError> {
    let scope = principal.citizen()?;
    principal.may(Act::RevokeCertificate)?;
    let row = owned(&state.store, scope, document_no).await?;
    if row.revoked_at.is_some() {
        return Err(AppError::Conflict);
    }
    // A revocation that lost a race to another is a conflict, not a second revocation.
    if !state
        .store
        .citizen(&scope)
        .revoke_certificate(&row.document_no, state.clock.now())
        .await?
    {
        return Err(AppError::Conflict);
    }
    Ok(())
}

/// The PDF of one of the person's certificates, regenerated from what is stored. A download
/// in an assisted session carries the session's watermark even when the certificate did not.
pub async fn pdf(
    state: &AppState,
    principal: &Principal,
    document_no: &str,
) -> Result<(String, Vec<u8>), AppError> {
    let scope = principal.citizen()?;
    let row = owned(&state.store, scope, document_no).await?;
    let content = parse_content(&row)?;
    let watermark = principal.watermark(content.locale);
    let code = verification_code(&state.secret_key, &row.document_no, &row.content);
    let document = certificate_document::document(
        &content,
        &row.document_no,
        &code,
        &verify_url(&content, &row.document_no, &code),
        watermark,
    );
    let bytes = tokio::task::spawn_blocking(move || crate::server::pdf::render(&document))
        .await
        .map_err(AppError::internal)?;
    Ok((row.document_no, bytes))
}

/// Public: anyone with the number and its code sees the minimal view. Unknown numbers and
/// wrong codes answer the same, and failures are throttled per document and per address like
/// sign-in attempts. Each success is written to the owner's access log.
pub async fn verify(
    state: &AppState,
    number: &str,
    code: &str,
    address: &str,
) -> Result<VerifyOutcome, AppError> {
    let now = state.clock.now();
    let number = parse_document_no(number);
    // Per document, so one document's code cannot be guessed quickly; a number that cannot be
    // one counts against the address that typed it, not against everyone's typos.
    let key = AccountName::Username(match &number {
        Some(n) => format!("#certificate:{n}"),
        None => format!("#certificate-typo:{address}"),
    })
    .throttle_key(&state.secret_key);
    let attempt = state
        .throttle
        .reserve(&state.store, &key, address, now)
        .await?;
    let found = match (&number, parse_code(code)) {
        (Some(number), Some(code)) => state.store.certificate(number).await?.filter(|row| {
            codes_equal(
                &verification_code(&state.secret_key, &row.document_no, &row.content),
                &code,
            )
        }),
        _ => None,
    };
    let Some(row) = found else {
        attempt.failed();
        return Ok(VerifyOutcome::NotVerified);
    };
    attempt.succeeded(&state.store).await?;
    let content = parse_content(&row)?;
    state
        .store
        .log_access(&[AccessEntry {
            person_id: row.person_id,
            at: now,
            actor_user_id: None,
            actor_role: AccessKind::Verification,
            actor_label: &row.document_no,
            action: "certificate_verified",
            purpose: content.purpose.code(),
            assisted_session: None,
        }])
        .await?;
    Ok(VerifyOutcome::Verified(PublicView {
        document_no: row.document_no.clone(),
        masked_name: masked_name(&content.person.name),
        kind: content.kind,
        period: content.period(),
        issuers: content.issuers,
        issued_at: row.issued_at,
        revoked_at: row.revoked_at,
    }))
}

/// The person's own certificate, or NotFound (also for another person's number: no hint that
/// it exists).
async fn owned(
    store: &Store,
    scope: CitizenScope,
    document_no: &str,
) -> Result<CertificateRow, AppError> {
    let number = parse_document_no(document_no).ok_or(AppError::NotFound)?;
    store
        .citizen(&scope)
        .certificate(&number)
        .await?
        .ok_or(AppError::NotFound)
}

fn parse_content(row: &CertificateRow) -> Result<CertificateContent, AppError> {
    serde_json::from_str(&row.content).map_err(AppError::internal)
}

fn summary(row: &CertificateRow, content: &CertificateContent) -> CertificateSummary {
    CertificateSummary {
        document_no: row.document_no.clone(),
        kind: content.kind,
        purpose: content.purpose,
        locale: content.locale,
        period: content.period(),
        issued_at: row.issued_at,
        revoked_at: row.revoked_at,
        helper: Helper::of(row.by_relative),
    }
}

fn verify_url(content: &CertificateContent, number: &str, code: &str) -> String {
    format!("{}?no={number}&code={code}", content.verify_page)
}

/// `len` characters of the certificate alphabet from the OS random generator.
pub(crate) fn random_code(len: usize) -> String {
    let mut rng = rand::rngs::OsRng;
    (0..len)
        .map(|_| char::from(CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())]))
        .collect()
}

/// 12 characters (60 bits) of HMAC-SHA256(server key, number, SHA-256(content)).
pub fn verification_code(key: &[u8], document_no: &str, content: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(b"jinbao certificate v1\0");
    mac.update(document_no.as_bytes());
    mac.update(b"\0");
    mac.update(&Sha256::digest(content.as_bytes()));
    let tag = mac.finalize().into_bytes();
    let bits = u64::from_be_bytes(tag[..8].try_into().expect("a SHA-256 tag has 32 bytes"));
    (0..12)
        .map(|i| char::from(CODE_ALPHABET[((bits >> (59 - 5 * i)) & 31) as usize]))
        .collect()
}

/// Compares without stopping at the first difference, so timing does not reveal a prefix.
fn codes_equal(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_bind_number_content_and_key() {
        let code = verification_code(b"key-one", "JB23456789AB", "{}");
        assert_eq!(code.len(), 12);
        assert!(parse_code(&code).is_some());
        assert_eq!(code, verification_code(b"key-one", "JB23456789AB", "{}"));
        assert_ne!(code, verification_code(b"key-two", "JB23456789AB", "{}"));
        assert_ne!(code, verification_code(b"key-one", "JB23456789AC", "{}"));
        assert_ne!(code, verification_code(b"key-one", "JB23456789AB", "{ }"));
        assert!(codes_equal(&code, &code.clone()));
        assert!(!codes_equal(&code, &code[..11]));
    }

    #[test]
    fn random_codes_use_the_alphabet() {
        let a = random_code(10);
        assert_eq!(a.len(), 10);
        assert!(a.bytes().all(|b| CODE_ALPHABET.contains(&b)));
        assert_ne!(a, random_code(10));
    }
}
