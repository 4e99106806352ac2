//! Views of the store bound to a scope. The store's methods that read or write one person's,
//! one employer's or one office's rows are private to this module tree; a service reaches them
//! only through a view made from a scope (`store.citizen(&scope)`), and a scope only comes from
//! a signed-in principal. So a citizen service cannot even write a query for another person,
//! nor an employer one for another employer's staff.

use super::{
    AccessFilter, AccessRecord, AccountBalance, AccountYearRow, AmountRow, AwardRow, CarriedRow,
    CertificateFormRows, CertificateRow, CheckRow, ContributionFactRow, ContributionFilter,
    DocumentFile, DocumentRow, DraftRow, EmployerOverview, EnrolmentFactRow, EnrolmentPeriod,
    EvidenceSaved, Filed, FilingRow, FilteredTotals, HistoryRow, HomeRows, Inserted, LegRow,
    MedicalCreditRow, NewCertificate, NewCheck, NewDocument, NewEvent, NewFiling, NewRequest,
    OfficeOverview, PaymentRow, PendingCheckRow, PersonProfile, PersonRecord, PlaceContribution,
    QueueRow, RecordRows, RecordTotals, RequestRow, RosterCursor, RosterInsuranceRow, RosterRow,
    RosterSearch, Store, StoreError, Submitted, TimelineRow, filings::Upload,
    notifications::NewNotification, roster::RosterCounts,
};
use crate::models::staff::{StaffQuery, StaffScope};
use crate::server::auth::{CitizenScope, EmployerScope, ReviewerScope};
use chrono::{DateTime, Utc};

impl Store {
    /// The signed-in citizen's own record, requests, filings and certificates.
    pub fn citizen(&self, scope: &CitizenScope) -> CitizenStore<'_> {
        CitizenStore {
            record: RecordView {
                store: self,
                person_id: scope.person_id(),
            },
            author: Author {
                user_id: scope.user_id(),
                assisted_session_id: scope.assisted_session(),
            },
        }
    }

    /// The employer's own staff.
    pub fn employer(&self, scope: &EmployerScope) -> EmployerStore<'_> {
        EmployerStore {
            store: self,
            employer_id: scope.employer_id(),
        }
    }

    /// The reviewer's own office and the legs routed to it.
    pub fn reviewer(&self, scope: &ReviewerScope) -> OfficeStore<'_> {
        OfficeStore {
            store: self,
            office_id: scope.office_id(),
        }
    }
}

/// One person's insurance record and requests, read-only: what the citizen sees of themselves
/// and what a reviewer may read of a request's applicant.
#[derive(Clone, Copy)]
pub struct RecordView<'a> {
    store: &'a Store,
    person_id: i64,
}

impl RecordView<'_> {
    pub async fn person(&self) -> Result<Option<PersonRecord>, StoreError> {
        self.store.person(self.person_id).await
    }
    pub async fn person_profile(&self) -> Result<Option<PersonProfile>, StoreError> {
        self.store.person_profile(self.person_id).await
    }
    pub async fn enrolment_periods(&self) -> Result<Vec<EnrolmentPeriod>, StoreError> {
        self.store.enrolment_periods(self.person_id).await
    }
    pub async fn contribution_history(&self) -> Result<Vec<HistoryRow>, StoreError> {
        self.store.contribution_history(self.person_id).await
    }
    pub async fn contribution_timeline(
        &self,
        insurance: Option<&str>,
    ) -> Result<Vec<TimelineRow>, StoreError> {
        self.store
            .contribution_timeline(self.person_id, insurance)
            .await
    }
    pub async fn contributions_totals(
        &self,
        insurance: &str,
        filter: ContributionFilter,
    ) -> Result<FilteredTotals, StoreError> {
        self.store
            .contributions_totals(self.person_id, insurance, filter)
            .await
    }
    pub async fn account_history(
        &self,
        insurance: &str,
    ) -> Result<Vec<AccountYearRow>, StoreError> {
        self.store.account_history(self.person_id, insurance).await
    }
    pub async fn account_balances(&self) -> Result<Vec<AccountBalance>, StoreError> {
        self.store.account_balances(self.person_id).await
    }
    pub async fn pension_contributions(&self) -> Result<Vec<PlaceContribution>, StoreError> {
        self.store.pension_contributions(self.person_id).await
    }
    pub async fn record_totals(&self) -> Result<Vec<RecordTotals>, StoreError> {
        self.store.record_totals(self.person_id).await
    }
    /// The person's transfer requests: the rules weigh the ones still open.
    pub async fn requests(&self) -> Result<Vec<RequestRow>, StoreError> {
        self.store.requests_of(self.person_id).await
    }
    /// The person's sign-in account, to notify them.
    pub async fn user_id(&self) -> Result<Option<i64>, StoreError> {
        self.store.user_of_person(self.person_id).await
    }
    pub async fn carried_records(&self) -> Result<Vec<CarriedRow>, StoreError> {
        self.store.carried_records(self.person_id).await
    }
    pub async fn home_rows(&self) -> Result<Option<HomeRows>, StoreError> {
        self.store.citizen_home_rows(self.person_id).await
    }
    pub async fn certificate_form_rows(&self) -> Result<Option<CertificateFormRows>, StoreError> {
        self.store.certificate_form_rows(self.person_id).await
    }
    pub async fn pension_award(&self) -> Result<Option<AwardRow>, StoreError> {
        self.store.pension_award(self.person_id).await
    }
    pub async fn pension_amounts(&self) -> Result<Vec<AmountRow>, StoreError> {
        self.store.pension_amounts(self.person_id).await
    }
    pub async fn pension_payments(
        &self,
        from: i32,
        to: i32,
    ) -> Result<Vec<PaymentRow>, StoreError> {
        self.store.pension_payments(self.person_id, from, to).await
    }
    pub async fn last_pension_payment(&self) -> Result<Option<PaymentRow>, StoreError> {
        self.store.last_pension_payment(self.person_id).await
    }
    pub async fn qualification_checks(&self) -> Result<Vec<CheckRow>, StoreError> {
        self.store.qualification_checks(self.person_id).await
    }
    pub async fn retiree_medical_credit(&self) -> Result<Option<MedicalCreditRow>, StoreError> {
        self.store.retiree_medical_credit(self.person_id).await
    }
    /// The record page's rows, with the page of contributions that `filter`, `offset` and
    /// `limit` select.
    pub async fn insurance_record_rows(
        &self,
        insurance: &str,
        filter: ContributionFilter,
        offset: i64,
        limit: i64,
    ) -> Result<Option<RecordRows>, StoreError> {
        self.store
            .insurance_record_rows(self.person_id, insurance, filter, offset, limit)
            .await
    }
}

/// The citizen's own record (read through `Deref`) and everything they start: drafts,
/// requests, filings and their documents, certificates, and the log of who read their record.
/// Every submission records the author the scope names.
pub struct CitizenStore<'a> {
    record: RecordView<'a>,
    author: Author,
}

/// Who writes a citizen's submission: their user, and the assisted session when a helpdesk
/// agent acts for them. Only the citizen's view makes one, from the scope.
#[derive(Debug, Clone, Copy)]
pub(super) struct Author {
    pub user_id: i64,
    pub assisted_session_id: Option<i64>,
}

impl<'a> std::ops::Deref for CitizenStore<'a> {
    type Target = RecordView<'a>;
    fn deref(&self) -> &RecordView<'a> {
        &self.record
    }
}

impl CitizenStore<'_> {
    fn store(&self) -> &Store {
        self.record.store
    }
    fn person_id(&self) -> i64 {
        self.record.person_id
    }
    pub async fn access_log(
        &self,
        filter: &AccessFilter,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<AccessRecord>, i64), StoreError> {
        self.store()
            .access_log(self.person_id(), filter, limit, offset)
            .await
    }

    pub async fn draft(&self, kind: &str) -> Result<Option<DraftRow>, StoreError> {
        self.store().draft(self.person_id(), kind).await
    }
    pub async fn save_draft(
        &self,
        kind: &str,
        data: &str,
        new_key: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.store()
            .save_draft(self.person_id(), kind, data, new_key, now)
            .await
    }

    /// One of the citizen's own certificates; `None` for anyone else's.
    pub async fn certificate(
        &self,
        document_no: &str,
    ) -> Result<Option<CertificateRow>, StoreError> {
        Ok(self
            .store()
            .certificate(document_no)
            .await?
            .filter(|c| c.person_id == self.person_id()))
    }
    pub async fn certificates(&self, limit: i64) -> Result<Vec<CertificateRow>, StoreError> {
        self.store().certificates_of(self.person_id(), limit).await
    }
    /// False when nothing was written: this form was sent before, or another check is pending.
    pub async fn insert_check(&self, c: &NewCheck<'_>) -> Result<bool, StoreError> {
        self.store()
            .insert_check(self.person_id(), &self.author, c)
            .await
    }
    pub async fn insert_certificate(&self, c: &NewCertificate<'_>) -> Result<Inserted, StoreError> {
        self.store()
            .insert_certificate(self.person_id(), &self.author, c)
            .await
    }
    pub async fn verification_count(&self, document_no: &str) -> Result<i64, StoreError> {
        self.store()
            .verification_count(self.person_id(), document_no)
            .await
    }
    pub async fn revoke_certificate(
        &self,
        document_no: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        self.store()
            .revoke_certificate(self.person_id(), &self.author, document_no, at)
            .await
    }

    /// One of the citizen's own requests; `None` for anyone else's.
    pub async fn request(&self, reference_no: &str) -> Result<Option<RequestRow>, StoreError> {
        Ok(self
            .store()
            .request_by_reference(reference_no)
            .await?
            .filter(|r| r.person_id == self.person_id()))
    }
    pub async fn request_by_key(&self, request_key: &str) -> Result<Option<String>, StoreError> {
        self.store()
            .request_by_key(self.person_id(), request_key)
            .await
    }
    pub async fn insert_request(
        &self,
        r: &NewRequest<'_>,
        event: &NewEvent<'_>,
        notification: &NewNotification<'_>,
    ) -> Result<Submitted, StoreError> {
        self.store()
            .insert_request(self.person_id(), &self.author, r, event, notification)
            .await
    }

    pub async fn filings(&self) -> Result<Vec<FilingRow>, StoreError> {
        self.store().filings_of(self.person_id()).await
    }
    pub async fn filing_by_key(&self, request_key: &str) -> Result<Option<String>, StoreError> {
        self.store()
            .filing_by_key(self.person_id(), request_key)
            .await
    }
    pub async fn insert_filing(
        &self,
        f: &NewFiling<'_>,
        replaces: Option<i64>,
        draft_kind: &str,
        notification: &NewNotification<'_>,
    ) -> Result<Filed, StoreError> {
        self.store()
            .insert_filing(
                self.person_id(),
                &self.author,
                f,
                replaces,
                draft_kind,
                notification,
            )
            .await
    }
    pub async fn cancel_filing(
        &self,
        reference_no: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        self.store()
            .cancel_filing(self.person_id(), &self.author, reference_no, at)
            .await
    }
    pub async fn save_filing_evidence(
        &self,
        draft_kind: &str,
        data: &str,
        new_key: &str,
        documents: &[NewDocument],
        at: DateTime<Utc>,
    ) -> Result<EvidenceSaved, StoreError> {
        let upload = Upload {
            by: self.author,
            at,
        };
        self.store()
            .save_filing_evidence(
                self.person_id(),
                draft_kind,
                data,
                new_key,
                documents,
                upload,
            )
            .await
    }
    pub async fn filing_documents(&self) -> Result<Vec<DocumentRow>, StoreError> {
        self.store().filing_documents_of(self.person_id()).await
    }
    pub async fn filing_document(&self, id: i64) -> Result<Option<DocumentFile>, StoreError> {
        self.store().filing_document(self.person_id(), id).await
    }
    pub async fn remove_draft_document(
        &self,
        draft_kind: &str,
        id: i64,
    ) -> Result<bool, StoreError> {
        self.store()
            .remove_draft_document(self.person_id(), draft_kind, id)
            .await
    }
}

/// One employer's staff: who works there and what it reports for them.
pub struct EmployerStore<'a> {
    store: &'a Store,
    employer_id: i64,
}

impl EmployerStore<'_> {
    pub async fn overview(&self) -> Result<Option<EmployerOverview>, StoreError> {
        self.store.employer_overview(self.employer_id).await
    }
    pub async fn roster_counts(&self, scope: StaffScope) -> Result<RosterCounts, StoreError> {
        self.store.roster_counts(self.employer_id, scope).await
    }
    pub async fn roster_total(
        &self,
        query: &StaffQuery,
        search: Option<&RosterSearch>,
    ) -> Result<i64, StoreError> {
        self.store
            .roster_total(self.employer_id, query, search)
            .await
    }
    pub async fn roster_page(
        &self,
        query: &StaffQuery,
        search: Option<&RosterSearch>,
        limit: i64,
    ) -> Result<Vec<RosterRow>, StoreError> {
        self.store
            .roster_page(self.employer_id, query, search, limit)
            .await
    }
    pub async fn roster_chunk(
        &self,
        query: &StaffQuery,
        search: Option<&RosterSearch>,
        after: Option<&RosterCursor>,
        limit: i64,
    ) -> Result<Vec<RosterRow>, StoreError> {
        self.store
            .roster_chunk(self.employer_id, query, search, after, limit)
            .await
    }
    pub async fn roster_insurances(
        &self,
        person_ids: &[i64],
    ) -> Result<Vec<RosterInsuranceRow>, StoreError> {
        self.store
            .roster_insurances(self.employer_id, person_ids)
            .await
    }
    pub async fn roster_arrears(&self, person_ids: &[i64]) -> Result<Vec<(i64, i32)>, StoreError> {
        self.store
            .roster_arrears(self.employer_id, person_ids)
            .await
    }
    /// One of this employer's staff; `None` for anyone else.
    pub async fn roster_member(&self, person_id: i64) -> Result<Option<RosterRow>, StoreError> {
        self.store.roster_member(self.employer_id, person_id).await
    }
    pub async fn staff_member_facts(
        &self,
        person_id: i64,
    ) -> Result<(Vec<EnrolmentFactRow>, Vec<ContributionFactRow>), StoreError> {
        self.store
            .staff_member_facts(self.employer_id, person_id)
            .await
    }
}

/// One handling office: its queue, its legs, and the record of a leg's applicant.
pub struct OfficeStore<'a> {
    store: &'a Store,
    office_id: i64,
}

/// A leg this office holds, with its request. Only `OfficeStore::own_leg` makes one, so holding
/// it proves the office may read the applicant's record.
pub struct OwnLeg {
    leg: LegRow,
    request: RequestRow,
}

impl OwnLeg {
    pub fn into_parts(self) -> (LegRow, RequestRow) {
        (self.leg, self.request)
    }
}

impl<'a> OfficeStore<'a> {
    pub async fn overview(&self) -> Result<Option<OfficeOverview>, StoreError> {
        self.store.office_overview(self.office_id).await
    }
    pub async fn queue(&self) -> Result<Vec<QueueRow>, StoreError> {
        self.store.office_queue(self.office_id).await
    }
    /// Qualification checks sent to this office, waiting for a decision.
    pub async fn pending_checks(&self) -> Result<Vec<PendingCheckRow>, StoreError> {
        self.store.pending_checks(self.office_id).await
    }
    /// Decides a pending check of this office's; the person's id, or None for any other.
    pub async fn decide_check(
        &self,
        decided: &super::qualification::CheckDecided<'_>,
    ) -> Result<Option<i64>, StoreError> {
        self.store.decide_check(self.office_id, decided).await
    }
    /// A leg of this office's, with its request; `None` for another office's, so reviewers
    /// cannot probe what other offices hold.
    pub async fn own_leg(&self, leg_id: i64) -> Result<Option<OwnLeg>, StoreError> {
        let Some(leg) = self
            .store
            .leg(leg_id)
            .await?
            .filter(|l| l.office_id == self.office_id)
        else {
            return Ok(None);
        };
        Ok(self
            .store
            .request_by_id(leg.request_id)
            .await?
            .map(|request| OwnLeg { leg, request }))
    }
    /// The record of the person who asked for a leg this office holds.
    pub fn applicant(&self, own: &OwnLeg) -> RecordView<'a> {
        RecordView {
            store: self.store,
            person_id: own.request.person_id,
        }
    }
}
