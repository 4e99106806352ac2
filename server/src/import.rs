//! `jinbao import contributions FILE.csv`: the monthly declarations the collection agency posts
//! (one row per person, insurance and month), written into the record as an office would.
//!
//! Every row is checked first. A bad row goes to the reject file with its line and the reason,
//! and the good rows are written in one transaction, so a failure leaves the record as it was.
//! A declared month replaces the stored one, so importing the same file twice changes nothing.
//! The employers' rosters and the record totals move by what the changed months add, in the
//! same transaction; persons whose change no difference expresses are rebuilt after, with any
//! person an earlier run changed but crashed before rebuilding.

use crate::progress::Progress;
use app::models::ids::{CreditCode, ResidentId};
use app::models::insurance::{Insurance, Month, month_index, month_of};
use app::server::services::local_rules::LocalRules;
use app::server::services::wages::WageTable;
use app::server::services::{read_model_deltas, read_models};
use app::server::store::{Applied, NewContribution, Store};
use chrono::NaiveDate;
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The first line of every declaration file.
pub const HEADER: &str =
    "resident_id,employer_credit_code,insurance,month,base,employer_part,personal_part,paid_on";

/// The first month a declaration may name: the national record begins with the 1990s reforms.
const FIRST_MONTH: Month = 199_001;

/// One row as declared, checked on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaration {
    pub resident_id: String,
    pub credit_code: String,
    pub insurance: Insurance,
    pub month: Month,
    /// Fen.
    pub base: i64,
    pub employer_part: i64,
    pub personal_part: i64,
    pub paid_on: Option<NaiveDate>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub rows: usize,
    pub rejected: usize,
    pub persons: usize,
    pub applied: Applied,
    pub rejects_file: PathBuf,
}

/// Yuan with at most two decimals, as fen.
fn fen(field: &str, name: &str) -> Result<i64, String> {
    let bad = || format!("{name} must be an amount in yuan with at most two decimals: {field:?}");
    let (whole, cents) = field.split_once('.').unwrap_or((field, ""));
    if whole.is_empty()
        || whole.len() > 9
        || cents.len() > 2
        || !whole
            .bytes()
            .chain(cents.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    let cents = format!("{cents:0<2}");
    Ok(whole.parse::<i64>().map_err(|_| bad())? * 100 + cents.parse::<i64>().map_err(|_| bad())?)
}

/// Checks one line on its own (the record is consulted later, for all rows at once).
pub fn parse_line(text: &str, today: NaiveDate) -> Result<Declaration, String> {
    let fields: Vec<&str> = text
        .split(',')
        .map(|f| f.trim().trim_matches('"'))
        .collect();
    let [
        resident_id,
        credit_code,
        insurance,
        month,
        base,
        employer_part,
        personal_part,
        paid_on,
    ] = fields[..]
    else {
        return Err(format!("8 fields expected, found {}", fields.len()));
    };
    let resident_id =
        ResidentId::parse(resident_id).map_err(|e| format!("resident_id {resident_id:?}: {e}"))?;
    let credit_code = CreditCode::parse(credit_code)
        .map_err(|e| format!("employer_credit_code {credit_code:?}: {e}"))?;
    let insurance = Insurance::from_code(insurance).map_err(|_| {
        format!("insurance must be pension, medical, work_injury, unemployment or maternity: {insurance:?}")
    })?;
    let month = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
        .map(|d| month_of(&d))
        .map_err(|_| format!("month must be YYYY-MM: {month:?}"))?;
    if month < FIRST_MONTH || month > month_of(&today) {
        return Err(format!(
            "month {month} is before 1990-01 or after this month"
        ));
    }
    let (base, employer_part, personal_part) = (
        fen(base, "base")?,
        fen(employer_part, "employer_part")?,
        fen(personal_part, "personal_part")?,
    );
    if base == 0 {
        return Err("base must be more than zero".into());
    }
    if employer_part + personal_part > base {
        return Err("the two parts together exceed the base".into());
    }
    let paid_on = match paid_on {
        "" => None,
        date => {
            let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
                .map_err(|_| format!("paid_on must be YYYY-MM-DD or empty: {date:?}"))?;
            // Paid at most a year ahead of the month, and never in the future.
            if date > today || month_index(month_of(&date)) < month_index(month) - 12 {
                return Err(format!(
                    "paid_on {date} is in the future or a year before the month"
                ));
            }
            Some(date)
        }
    };
    Ok(Declaration {
        resident_id: resident_id.as_str().to_string(),
        credit_code: credit_code.as_str().to_string(),
        insurance,
        month,
        base,
        employer_part,
        personal_part,
        paid_on,
    })
}

/// Imports `path`; rejected rows go to `rejects` (default: beside the file, `.rejects.csv`).
pub async fn run(
    store: &Store,
    path: &Path,
    rejects: Option<PathBuf>,
    today: NaiveDate,
    progress: bool,
) -> anyhow::Result<Report> {
    let text =
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let mut lines = text.trim_start_matches('\u{feff}').lines().enumerate();
    match lines.next() {
        Some((_, header)) if header.trim() == HEADER => {}
        _ => anyhow::bail!("{}: the first line must be {HEADER}", path.display()),
    }
    let mut rejected: Vec<(usize, String, &str)> = Vec::new();
    let mut rows: Vec<(usize, &str, Declaration)> = Vec::new();
    for (at, line) in lines.filter(|(_, l)| !l.trim().is_empty()) {
        match parse_line(line, today) {
            Ok(d) => rows.push((at + 1, line, d)),
            Err(reason) => rejected.push((at + 1, reason, line)),
        }
    }
    let total = rows.len() + rejected.len();

    let persons = store
        .person_ids_by_resident_ids(&distinct(&rows, |d| &d.resident_id))
        .await?;
    let codes = distinct(&rows, |d| &d.credit_code);
    let employers = store.employers_by_credit_codes(&codes).await?;

    let mut declared: BTreeMap<i64, Vec<NewContribution>> = BTreeMap::new();
    let mut first_line: HashMap<(i64, Insurance, Month), usize> = HashMap::new();
    for (line_no, line, d) in rows {
        let Some(&person_id) = persons.get(&d.resident_id) else {
            rejected.push((
                line_no,
                "no insured person has this resident ID".into(),
                line,
            ));
            continue;
        };
        let Some(employer) = employers.get(&d.credit_code) else {
            rejected.push((line_no, "no employer has this credit code".into(), line));
            continue;
        };
        match first_line.entry((person_id, d.insurance, d.month)) {
            Entry::Occupied(first) => {
                let reason = format!(
                    "the same person, insurance and month is on line {}",
                    first.get()
                );
                rejected.push((line_no, reason, line));
                continue;
            }
            Entry::Vacant(slot) => {
                slot.insert(line_no);
            }
        }
        declared
            .entry(person_id)
            .or_default()
            .push(NewContribution {
                person_id,
                insurance: d.insurance,
                month: d.month,
                months_covered: 1,
                employer_id: Some(employer.id),
                region_code: employer.region_code.clone(),
                base: d.base,
                employer_part: d.employer_part,
                personal_part: d.personal_part,
                paid_on: d.paid_on,
            });
    }

    rejected.sort_by_key(|(line_no, _, _)| *line_no);
    let rejects_file = rejects.unwrap_or_else(|| path.with_extension("rejects.csv"));
    write_rejects(&rejects_file, &rejected)?;

    let wages = WageTable::new(store.region_wages().await?);
    let rules = LocalRules::load(store).await?;
    let cx = read_model_deltas::Context {
        wages: &wages,
        rules: &rules,
        now: month_of(&today),
    };
    let mut bar = progress.then(|| Progress::new("importing", declared.len(), "persons"));
    let mut done = 0;
    let applied = store
        .apply_declarations(
            &declared,
            |changes, enrolments, ages| read_model_deltas::deltas(changes, enrolments, ages, &cx),
            |now_done| {
                if let Some(bar) = bar.as_mut() {
                    bar.advance(now_done - done);
                }
                done = now_done;
            },
        )
        .await?;
    if let Some(bar) = bar {
        bar.finish();
    }
    // The persons no difference could update, and any an earlier run left.
    read_models::rebuild_stale(store, month_of(&today)).await?;
    Ok(Report {
        rows: total,
        rejected: rejected.len(),
        persons: declared.len(),
        applied,
        rejects_file,
    })
}

/// The distinct values of one field of the rows: one look-up each.
fn distinct<'a>(
    rows: &'a [(usize, &str, Declaration)],
    field: impl Fn(&'a Declaration) -> &'a String,
) -> Vec<&'a str> {
    let mut values: Vec<&str> = rows.iter().map(|(_, _, d)| field(d).as_str()).collect();
    values.sort_unstable();
    values.dedup();
    values
}

/// `line,reason,row`, the row quoted as read; an empty file (the header) when none.
fn write_rejects(path: &Path, rejected: &[(usize, String, &str)]) -> anyhow::Result<()> {
    let mut out = String::from("line,reason,row\n");
    for (line_no, reason, line) in rejected {
        let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let _ = writeln!(out, "{line_no},{},{}", quote(reason), quote(line));
    }
    std::fs::write(path, out).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    const GOOD: &str =
        "110101199003074514,91110000MA01ABCD52,pension,2026-10,8000.00,1280,640.5,2026-11-15";

    #[test]
    fn a_good_row_in_fen() {
        let d = parse_line(GOOD, today()).unwrap();
        assert_eq!(
            (
                d.insurance,
                d.month,
                d.base,
                d.employer_part,
                d.personal_part
            ),
            (Insurance::Pension, 202610, 800_000, 128_000, 64_050)
        );
        assert_eq!(d.paid_on, NaiveDate::from_ymd_opt(2026, 11, 15));
        let unpaid = GOOD.replace(",2026-11-15", ",");
        assert_eq!(parse_line(&unpaid, today()).unwrap().paid_on, None);
    }

    #[test]
    fn every_bad_field_is_named() {
        let cases = [
            (
                GOOD.replace("110101199003074514", "110101199003074515"),
                "resident_id",
            ),
            (GOOD.replace("ABCD52", "ABCD53"), "employer_credit_code"),
            (GOOD.replace("pension", "pensions"), "insurance"),
            (GOOD.replace("2026-10", "2026-13"), "month"),
            (GOOD.replace("2026-10", "2026-12"), "after this month"),
            (GOOD.replace("8000.00", "8000.001"), "base"),
            (GOOD.replace("8000.00", "-8000"), "base"),
            (GOOD.replace("8000.00", "0"), "more than zero"),
            (GOOD.replace("1280", "9000"), "exceed the base"),
            (GOOD.replace("2026-11-15", "2026-11-31"), "paid_on"),
            (GOOD.replace("2026-11-15", "2026-12-01"), "future"),
            (format!("{GOOD},extra"), "8 fields"),
        ];
        for (line, word) in cases {
            let reason = parse_line(&line, today()).expect_err(&line);
            assert!(reason.contains(word), "{line}: {reason}");
        }
    }
}
