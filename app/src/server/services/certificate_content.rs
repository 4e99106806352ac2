//! What a certificate says, computed from one person's record: the issue form's options from
//! the person's places and years, and the requested document's content from the facts, the
//! whole record loaded once. Decides whether a kind applies (no benefits, not enrolled); never
//! writes anything.

use crate::error::{AppError, FieldCode};
use crate::models::benefits::PensionParts;
use crate::models::certificate::{
    AccountMovement, AnnualAmounts, AnnualLine, CertificateBody, CertificateContent,
    CertificateOptions, ContributionSpan, IssueDetail, IssueRequest, PersonShown, Sex, shown_id,
};
use crate::models::home::Named;
use crate::models::insurance::{Agency, EnrolmentStatus, Insurance, Month, Scheme, add_months};
use crate::models::time::china_offset;
use crate::server::auth::CitizenScope;
use crate::server::services::record::data_month;
use crate::server::store::{
    AccountYearRow, EnrolmentPeriod, HistoryRow, OfficeRecord, PersonRecord, Store,
};
use chrono::{DateTime, NaiveDate, Utc};

/// Who issues when no office of the person's places is on record.
fn platform() -> Named {
    Named {
        zh: "金保社会保险公共服务平台".into(),
        en: "Jinbao social insurance public service portal".into(),
    }
}

/// A pension in payment, as a certificate states it.
struct PensionNow {
    scheme: Scheme,
    region_code: String,
    since: Month,
    current: PensionParts,
    last_paid: Option<Month>,
}

pub struct Facts {
    person: PersonRecord,
    pension: Option<PensionNow>,
    sex: Sex,
    hukou_region: String,
    periods: Vec<EnrolmentPeriod>,
    history: Vec<HistoryRow>,
    accounts: Vec<(Insurance, AccountYearRow)>,
    offices: Vec<OfficeRecord>,
    today: NaiveDate,
}

impl Facts {
    pub async fn load(
        store: &Store,
        scope: &CitizenScope,
        now: DateTime<Utc>,
    ) -> Result<Self, AppError> {
        let mine = store.citizen(scope);
        let person = mine.person().await?.ok_or(AppError::NotFound)?;
        let profile = mine.person_profile().await?.ok_or(AppError::NotFound)?;
        let periods = mine.enrolment_periods().await?;
        let history = mine.contribution_history().await?;
        // Read only for a person the record shows receiving a pension.
        let pension = match periods.iter().any(|p| {
            p.insurance == Insurance::Pension && p.status == EnrolmentStatus::ReceivingBenefits
        }) {
            false => None,
            true => match mine.pension_award().await? {
                None => None,
                Some(award) => Some(PensionNow {
                    scheme: award.scheme,
                    region_code: award.region_code,
                    since: award.first_month,
                    current: mine
                        .pension_amounts()
                        .await?
                        .last()
                        .map(|a| a.parts())
                        .unwrap_or_default(),
                    last_paid: mine.last_pension_payment().await?.map(|p| p.month),
                }),
            },
        };
        let mut accounts = Vec::new();
        for insurance in Insurance::ALL
            .into_iter()
            .filter(|i| i.has_personal_account())
        {
            for row in mine.account_history(insurance.code()).await? {
                accounts.push((insurance, row));
            }
        }
        let regions = periods
            .iter()
            .map(|p| p.region_code.as_str())
            .chain(history.iter().map(|h| h.region_code.as_str()))
            .chain([profile.hukou_region.as_str()])
            .chain(pension.iter().map(|p| p.region_code.as_str()));
        let offices = offices_of(store, regions).await?;
        Ok(Self {
            person,
            pension,
            sex: if profile.sex == "F" {
                Sex::Female
            } else {
                Sex::Male
            },
            hukou_region: profile.hukou_region,
            periods,
            history,
            accounts,
            offices,
            today: china_today(now),
        })
    }

    pub fn content(
        &self,
        request: &IssueRequest,
        now: DateTime<Utc>,
        verify_page: &str,
        assisted_by: Option<String>,
    ) -> Result<CertificateContent, AppError> {
        let fields = request.purpose.fields();
        let (body, offices) = match &request.detail {
            IssueDetail::Contributions {
                region,
                insurances,
                period,
            } => {
                let rows: Vec<&HistoryRow> = self
                    .history
                    .iter()
                    .filter(|h| &h.region_code == region)
                    .collect();
                let Some(first) = rows.first() else {
                    return Err(AppError::field("region", FieldCode::Invalid));
                };
                let region_name = named(&first.region_zh, &first.region_en);
                let offices = self.offices_for(region, insurances);
                let last = offices
                    .iter()
                    .map(|o| data_month(o.data_as_of))
                    .min()
                    .unwrap_or_else(|| latest_data_month(&self.offices, self.today));
                let (from, to) = period.months(last);
                let chosen: Vec<&HistoryRow> = rows
                    .into_iter()
                    .filter(|h| insurances.contains(&h.insurance))
                    .collect();
                let spans = spans(&chosen, from, to, fields.amounts);
                if spans.is_empty() {
                    return Err(AppError::field("period", FieldCode::NoContributions));
                }
                let body = CertificateBody::Contributions {
                    region: region_name,
                    insurances: insurances.clone(),
                    from,
                    to,
                    spans,
                };
                (body, offices)
            }
            IssueDetail::AnnualStatement { year } => {
                if !self.history.iter().any(|h| h.month / 100 == *year) {
                    return Err(AppError::field("year", FieldCode::NoData));
                }
                let lines = self.annual_lines(*year, fields.amounts);
                let end = year * 100 + 12;
                let cumulative_pension_months = self
                    .history
                    .iter()
                    .filter(|h| {
                        h.insurance == Insurance::Pension && h.month <= end && h.paid_on.is_some()
                    })
                    .map(|h| i64::from(h.months_covered))
                    .sum();
                let accounts = fields.amounts.then(|| {
                    self.accounts
                        .iter()
                        .filter(|(_, a)| a.year == *year)
                        .map(|(insurance, a)| AccountMovement {
                            insurance: *insurance,
                            opening: a.opening,
                            credited: a.credited,
                            interest: a.interest,
                            withdrawn: a.withdrawn,
                            closing: a.closing,
                        })
                        .collect()
                });
                let mut regions: Vec<String> = Vec::new();
                for p in self.periods_in(*year) {
                    if !regions.contains(&p.region_code) {
                        regions.push(p.region_code.clone());
                    }
                }
                let offices = regions
                    .iter()
                    .flat_map(|r| self.offices_for(r, &Insurance::ALL))
                    .collect();
                let body = CertificateBody::AnnualStatement {
                    year: *year,
                    lines,
                    cumulative_pension_months,
                    accounts,
                };
                (body, offices)
            }
            IssueDetail::NoBenefit => {
                if !receiving(&self.periods).is_empty() {
                    return Err(AppError::field("kind", FieldCode::ReceivingBenefits));
                }
                let offices = self.offices_for(self.current_region(), &Insurance::ALL);
                (CertificateBody::NoBenefit, offices)
            }
            IssueDetail::PensionBenefit => {
                let Some(p) = &self.pension else {
                    return Err(AppError::field("kind", FieldCode::NotReceiving));
                };
                let offices = self.offices_for(&p.region_code, &[Insurance::Pension]);
                let body = CertificateBody::PensionBenefit {
                    scheme: p.scheme,
                    since: p.since,
                    monthly: fields.amounts.then_some(p.current),
                    last_paid: p.last_paid,
                };
                (body, offices)
            }
            IssueDetail::NotEnrolled { insurance } => {
                if enrolled(&self.periods, *insurance) {
                    return Err(AppError::field("insurance", FieldCode::Enrolled));
                }
                let ended = self
                    .periods
                    .iter()
                    .filter(|p| p.insurance == *insurance)
                    .map(|p| p.status_date)
                    .max();
                let offices = self.offices_for(self.current_region(), &[*insurance]);
                let body = CertificateBody::NotEnrolled {
                    insurance: *insurance,
                    ended,
                };
                (body, offices)
            }
        };
        let data_as_of = offices
            .iter()
            .map(|o| o.data_as_of)
            .min()
            .unwrap_or(self.today);
        let mut issuers: Vec<Named> = offices
            .iter()
            .map(|o| named(&o.name_zh, &o.name_en))
            .collect();
        issuers.dedup();
        if issuers.is_empty() {
            issuers.push(platform());
        }
        Ok(CertificateContent {
            kind: request.kind,
            purpose: request.purpose,
            locale: request.locale,
            person: PersonShown {
                name: self.person.name.clone(),
                id_number: shown_id(&self.person.resident_id, fields.id),
                sex: self.sex,
            },
            issuers,
            issued_at: now,
            data_as_of,
            verify_page: verify_page.to_string(),
            assisted_by,
            body,
        })
    }

    /// Where the person is insured now (the latest enrolment), else the hukou place.
    fn current_region(&self) -> &str {
        self.periods
            .iter()
            .max_by_key(|p| p.start_month)
            .map_or(self.hukou_region.as_str(), |p| p.region_code.as_str())
    }

    /// The offices that answer for these insurances in a region (人社 and/or 医保).
    fn offices_for(&self, region: &str, insurances: &[Insurance]) -> Vec<OfficeRecord> {
        let mut agencies: Vec<Agency> = insurances.iter().map(|i| i.agency()).collect();
        agencies.sort_unstable_by_key(|a| a.code());
        agencies.dedup();
        agencies
            .into_iter()
            .filter_map(|a| {
                self.offices
                    .iter()
                    .find(|o| o.region_code == region && o.agency == a)
                    .cloned()
            })
            .collect()
    }

    fn periods_in(&self, year: i32) -> impl Iterator<Item = &EnrolmentPeriod> {
        self.periods.iter().filter(move |p| {
            p.start_month <= year * 100 + 12 && p.end_month.is_none_or(|e| e > year * 100)
        })
    }

    fn annual_lines(&self, year: i32, amounts: bool) -> Vec<AnnualLine> {
        let end = year * 100 + 12;
        Insurance::ALL
            .into_iter()
            .filter_map(|insurance| {
                let rows: Vec<&HistoryRow> = self
                    .history
                    .iter()
                    .filter(|h| h.insurance == insurance && h.month / 100 == year)
                    .collect();
                // The relationship standing last in the year: open ones keep their status, one
                // that ended after the year was still paying in it.
                let standing = self
                    .periods_in(year)
                    .filter(|p| p.insurance == insurance)
                    .max_by_key(|p| p.start_month)
                    .map(|p| {
                        let status = match p.end_month {
                            Some(e) if e > end => EnrolmentStatus::Active,
                            _ => p.status,
                        };
                        (named(&p.region_zh, &p.region_en), status)
                    });
                if rows.is_empty() && standing.is_none() {
                    return None;
                }
                let months = |paid: bool| {
                    rows.iter()
                        .filter(|h| h.paid_on.is_some() == paid)
                        .map(|h| i64::from(h.months_covered))
                        .sum()
                };
                Some(AnnualLine {
                    insurance,
                    standing,
                    months_paid: months(true),
                    months_in_arrears: months(false),
                    amounts: amounts.then(|| AnnualAmounts {
                        base: rows.last().map_or(0, |h| h.base),
                        personal: rows.iter().map(|h| h.personal_part).sum(),
                        employer: rows.iter().map(|h| h.employer_part).sum(),
                    }),
                })
            })
            .collect()
    }
}

/// The issue form's options. They need the places and years the person paid in, not the
/// months: one statement, where issuing reads the whole record.
pub async fn form_options(
    store: &Store,
    scope: &CitizenScope,
    now: DateTime<Utc>,
    request_key: String,
) -> Result<CertificateOptions, AppError> {
    let rows = store
        .citizen(scope)
        .certificate_form_rows()
        .await?
        .ok_or(AppError::NotFound)?;
    let receiving = receiving(&rows.periods);
    // As `Facts::load`: the award's place counts for a person still paid a pension.
    let award_region = rows
        .award_region
        .filter(|_| receiving.contains(&Insurance::Pension));
    let regions = rows
        .periods
        .iter()
        .map(|p| p.region_code.as_str())
        .chain(rows.places.iter().map(|p| p.region_code.as_str()))
        .chain([rows.hukou_region.as_str()])
        .chain(award_region.as_deref());
    let offices = offices_of(store, regions).await?;
    // The places come newest first, so each region's first row places it: the one paid most
    // recently leads, as most people need it.
    let mut places: Vec<(String, Named, Vec<Insurance>)> = Vec::new();
    for p in &rows.places {
        match places.iter_mut().find(|r| r.0 == p.region_code) {
            Some(r) => r.2.push(p.insurance),
            None => places.push((
                p.region_code.clone(),
                named(&p.region_zh, &p.region_en),
                vec![p.insurance],
            )),
        }
    }
    for place in &mut places {
        place.2.sort();
    }
    Ok(CertificateOptions {
        request_key,
        regions: places,
        data_month: latest_data_month(&offices, china_today(now)),
        years: rows.years,
        not_enrolled: Insurance::ALL
            .into_iter()
            .filter(|i| !enrolled(&rows.periods, *i))
            .collect(),
        receiving,
    })
}

/// The offices on record for these regions, every agency of each.
async fn offices_of(
    store: &Store,
    regions: impl Iterator<Item = &str>,
) -> Result<Vec<OfficeRecord>, AppError> {
    let mut regions: Vec<&str> = regions.collect();
    regions.sort_unstable();
    regions.dedup();
    let mut offices = Vec::new();
    for region in regions {
        for agency in Agency::ALL {
            offices.extend(store.office_for(region, agency).await?);
        }
    }
    Ok(offices)
}

/// The insurances whose benefits the person receives now.
fn receiving(periods: &[EnrolmentPeriod]) -> Vec<Insurance> {
    Insurance::ALL
        .into_iter()
        .filter(|i| {
            periods
                .iter()
                .any(|p| p.insurance == *i && p.status == EnrolmentStatus::ReceivingBenefits)
        })
        .collect()
}

/// Whether any relationship in the insurance still stands (only terminated ones do not).
fn enrolled(periods: &[EnrolmentPeriod], insurance: Insurance) -> bool {
    periods
        .iter()
        .any(|p| p.insurance == insurance && p.status != EnrolmentStatus::Terminated)
}

/// The latest month the offices' data covers, or this month's data month with no office.
fn latest_data_month(offices: &[OfficeRecord], today: NaiveDate) -> Month {
    offices
        .iter()
        .map(|o| data_month(o.data_as_of))
        .max()
        .unwrap_or_else(|| data_month(today))
}

fn china_today(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&china_offset()).date_naive()
}

fn named(zh: &str, en: &str) -> Named {
    Named {
        zh: zh.into(),
        en: en.into(),
    }
}

/// Groups months into spans of one insurance with the same employer, place and base, clipped to
/// `from..=to`. A resident's yearly payment covers twelve months from its month.
pub fn spans(rows: &[&HistoryRow], from: Month, to: Month, amounts: bool) -> Vec<ContributionSpan> {
    let mut rows: Vec<&&HistoryRow> = rows.iter().collect();
    // Insurance orders as `Insurance::ALL` does.
    rows.sort_by_key(|h| (h.insurance, h.month));
    let mut out: Vec<ContributionSpan> = Vec::new();
    for h in rows {
        let insurance = h.insurance;
        let first = h.month.max(from);
        let last = add_months(h.month, h.months_covered - 1).min(to);
        if first > last {
            continue;
        }
        let covered = i64::from(
            crate::models::insurance::month_index(last)
                - crate::models::insurance::month_index(first)
                + 1,
        );
        let paid = if h.paid_on.is_some() { covered } else { 0 };
        let employer = h.employer_name.clone();
        match out.last_mut() {
            Some(s)
                if s.insurance == insurance
                    && s.employer == employer
                    && s.base == amounts.then_some(h.base)
                    && s.region.zh == h.region_zh
                    && add_months(s.to, 1) == first =>
            {
                s.to = last;
                s.months_paid += paid;
            }
            _ => out.push(ContributionSpan {
                insurance,
                employer,
                from: first,
                to: last,
                months_paid: paid,
                base: amounts.then_some(h.base),
                region: named(&h.region_zh, &h.region_en),
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        insurance: Insurance,
        month: Month,
        covered: i32,
        employer: Option<&str>,
        base: i64,
        paid: bool,
    ) -> HistoryRow {
        HistoryRow {
            insurance,
            month,
            months_covered: covered,
            region_code: "110100".into(),
            region_zh: "北京市".into(),
            region_en: "Beijing".into(),
            employer_name: employer.map(Into::into),
            base,
            employer_part: base / 10,
            personal_part: base / 20,
            paid_on: paid.then(|| NaiveDate::from_ymd_opt(2024, 1, 15).unwrap()),
        }
    }

    #[test]
    fn months_group_into_spans_by_insurance_employer_and_base() {
        let rows = [
            row(Insurance::Medical, 202401, 1, Some("甲"), 800_000, true),
            row(Insurance::Pension, 202401, 1, Some("甲"), 800_000, true),
            row(Insurance::Pension, 202402, 1, Some("甲"), 800_000, false),
            row(Insurance::Pension, 202403, 1, Some("甲"), 900_000, true),
            row(Insurance::Pension, 202405, 1, Some("甲"), 900_000, true),
            row(Insurance::Pension, 202406, 1, Some("乙"), 900_000, true),
        ];
        let refs: Vec<&HistoryRow> = rows.iter().collect();
        let s = spans(&refs, 202401, 202412, true);
        let summary: Vec<_> = s
            .iter()
            .map(|s| {
                (
                    s.insurance,
                    s.employer.clone().unwrap(),
                    s.from,
                    s.to,
                    s.months_paid,
                    s.base,
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (
                    Insurance::Pension,
                    "甲".into(),
                    202401,
                    202402,
                    1,
                    Some(800_000)
                ),
                (
                    Insurance::Pension,
                    "甲".into(),
                    202403,
                    202403,
                    1,
                    Some(900_000)
                ),
                // a gap (202404) starts a new span
                (
                    Insurance::Pension,
                    "甲".into(),
                    202405,
                    202405,
                    1,
                    Some(900_000)
                ),
                (
                    Insurance::Pension,
                    "乙".into(),
                    202406,
                    202406,
                    1,
                    Some(900_000)
                ),
                (
                    Insurance::Medical,
                    "甲".into(),
                    202401,
                    202401,
                    1,
                    Some(800_000)
                ),
            ]
        );
        // Without amounts a change of base does not split a span.
        let s = spans(&refs, 202401, 202412, false);
        assert_eq!(
            (s[0].from, s[0].to, s[0].months_paid, s[0].base),
            (202401, 202403, 2, None)
        );
    }

    #[test]
    fn yearly_payments_are_clipped_to_the_period() {
        let rows = [row(Insurance::Pension, 202301, 12, None, 300_000, true)];
        let refs: Vec<&HistoryRow> = rows.iter().collect();
        let s = spans(&refs, 202307, 202406, true);
        assert_eq!((s[0].from, s[0].to, s[0].months_paid), (202307, 202312, 6));
        assert!(spans(&refs, 202401, 202412, true).is_empty());
    }
}
