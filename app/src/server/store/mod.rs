//! The store: database access speaking domain types, with one native sqlx pool per backend
//! (SQLite, the embedded default; PostgreSQL in production), selected by the URL scheme.
//! SQL text is shared where the dialects agree (`$n` placeholders, `RETURNING`); business rules
//! live in services, never here. Nothing outside this module sees a pool or a row type.

mod access;
mod accounts;
mod assist;
mod audit;
mod benefits;
mod bulk;
mod certificates;
mod contribution_runs;
mod declarations;
mod drafts;
mod filings;
mod lookup;
mod notifications;
mod offices;
mod page_rows;
mod qualification;
mod record_totals;
mod records;
mod region_rules;
mod relatives;
mod roster;
mod running_figures;
mod scoped;
mod staff;
mod staff_admin;
mod stale_read_models;
mod transfers;

pub use access::{AccessEntry, AccessFilter, AccessRecord};

pub use accounts::{
    FailedLogins, LoginRecord, NewSession, NewUser, RoleGrant, SessionRecord, StoredTotp, TotpState,
};
pub use assist::{AssistedAction, AssistedSessionRow, NewAssistedSession};
pub use audit::{AuditEvent, AuditFilter, AuditRecord};
pub use benefits::{AmountRow, AwardRow, MedicalCreditRow, PaymentRow, PensionBriefRow};
pub use bulk::{
    NewAccountYear, NewContribution, NewEmployer, NewEnrolment, NewMedicalCredit, NewPension,
    NewPerson, RegionWage, SeededCheck,
};
pub use certificates::{CertificateRow, HistoryRow, Inserted, NewCertificate};
pub use declarations::{Applied, DeclaringEmployer};
pub use drafts::DraftRow;
pub use filings::{
    CityRow, DocumentFile, DocumentRow, EvidenceSaved, Filed, FilingRow, NewDocument, NewFiling,
};
pub use lookup::{EmployerUser, PersonKey, PersonMatch};
pub use notifications::{NewNotification, NotificationRecord};
pub use page_rows::{CertificateFormRows, FilingInForce, HomeRows, PaidPlace, RecordRows};
pub use qualification::{CheckDecided, CheckRow, NewCheck, PendingCheckRow};
pub use record_totals::RecordTotals;
pub use records::{
    AccountBalance, AccountYearRow, ContributionFilter, ContributionRow, EnrolmentPeriod,
    FilteredTotals, OfficeRecord, PersonProfile, PersonRecord, PlaceContribution, TimelineRow,
};
pub use region_rules::RegionRule;
pub use relatives::{GrantRow, NewGrant, Offered};
pub use roster::{
    ContributionFactRow, EnrolmentFactRow, PersonAgeRow, RosterCursor, RosterEntry,
    RosterInsurance, RosterInsuranceRow, RosterRow, RosterSearch,
};
pub use running_figures::{
    Deltas, MonthChange, PersonChange, RosterDelta, RosterInsuranceDelta, TotalsDelta,
};
pub use scoped::{CitizenStore, EmployerStore, OfficeStore, RecordView};
pub use staff::{EmployerOverview, OfficeOverview};
pub use staff_admin::{StaffGrantRow, StaffSearch, StaffUserRow};
pub use transfers::{
    Carried, CarriedRow, EnrolmentChange, EventRow, LegRow, LegUpdate, NewEvent, NewLeg,
    NewRequest, QueueRow, RequestRow, Submitted, TransitionWrite,
};

/// A PostgreSQL connection idle longer than this is pinged before use.
const PING_AFTER_IDLE: Duration = Duration::from_secs(30);

/// Stays under SQLite's 32,766 bound parameters per statement (PostgreSQL allows 65,535).
const MAX_BINDS: usize = 32_000;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::str::FromStr;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported DATABASE_URL scheme (use sqlite:// or postgres://)")]
    UnsupportedUrl,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("cannot create the database directory: {0}")]
    Directory(#[from] std::io::Error),
}

impl StoreError {
    /// A UNIQUE constraint refused the write (for example, a value taken by a concurrent insert).
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, StoreError::Database(sqlx::Error::Database(db)) if db.is_unique_violation())
    }
}

#[derive(Clone, Debug)]
enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs the same generic sqlx code against whichever pool this store holds.
/// The body is compiled once per backend, so a query that does not fit one backend's types
/// fails to compile rather than at run time.
macro_rules! on_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match &$store.db {
            Db::Sqlite($pool) => $body,
            Db::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_pool;

#[derive(Clone, Debug)]
pub struct Store {
    db: Db,
    offices: std::sync::Arc<offices::OfficeCache>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

impl Store {
    /// Connects to `sqlite://PATH` (creating the file and its directory) or `postgres://...`.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, StoreError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            // JIT compilation costs ~20 ms per query and never pays off for these small keyed
            // reads; a planner misestimate (e.g. before ANALYZE) would otherwise trigger it.
            let options = PgConnectOptions::from_str(url)?.options([("jit", "off")]);
            let pool = PgPoolOptions::new()
                .max_connections(max_connections)
                .acquire_timeout(Duration::from_secs(5))
                // sqlx pings every connection it hands out by default: a round trip per query.
                // Only a connection left idle can have been cut (a server restart, a firewall).
                .test_before_acquire(false)
                .before_acquire(|conn, meta| {
                    Box::pin(async move {
                        if meta.idle_for > PING_AFTER_IDLE {
                            sqlx::Connection::ping(conn).await?;
                        }
                        Ok(true)
                    })
                })
                .connect_with(options)
                .await?;
            Ok(Self::new(Db::Postgres(pool)))
        } else if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(5))
                .foreign_keys(true);
            if let Some(dir) = options.get_filename().parent()
                && !dir.as_os_str().is_empty()
            {
                std::fs::create_dir_all(dir)?;
            }
            let pool = SqlitePoolOptions::new()
                .max_connections(max_connections)
                .acquire_timeout(Duration::from_secs(5))
                // A file cannot drop a connection: no ping (a trip to the connection's thread)
                // before each query.
                .test_before_acquire(false)
                .connect_with(options)
                .await?;
            Ok(Self::new(Db::Sqlite(pool)))
        } else {
            Err(StoreError::UnsupportedUrl)
        }
    }

    fn new(db: Db) -> Self {
        Self {
            db,
            offices: Default::default(),
        }
    }

    pub fn backend(&self) -> Backend {
        match self.db {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    fn migrator(&self) -> &'static sqlx::migrate::Migrator {
        match self.db {
            Db::Sqlite(_) => &SQLITE_MIGRATIONS,
            Db::Postgres(_) => &POSTGRES_MIGRATIONS,
        }
    }

    /// Versions and descriptions of migrations not yet applied, for progress output.
    pub async fn pending_migrations(&self) -> Result<Vec<(i64, String)>, StoreError> {
        let applied: Vec<i64> = on_pool!(self, pool => {
            let exists: Option<String> = match self.backend() {
                Backend::Sqlite => sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'").fetch_optional(pool).await?,
                Backend::Postgres => sqlx::query_scalar("SELECT CAST(to_regclass('_sqlx_migrations') AS TEXT)").fetch_one(pool).await?,
            };
            if exists.is_some() {
                sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success").fetch_all(pool).await?
            } else {
                Vec::new()
            }
        });
        Ok(self
            .migrator()
            .iter()
            .filter(|m| !applied.contains(&m.version))
            .map(|m| (m.version, m.description.to_string()))
            .collect())
    }

    pub async fn migrate(&self) -> Result<(), StoreError> {
        let migrator = self.migrator();
        on_pool!(self, pool => migrator.run(pool).await?);
        if let Db::Sqlite(pool) = &self.db {
            // Databases analysed before the samples were dropped (see `analyze`).
            drop_index_samples(pool).await?;
        }
        Ok(())
    }

    /// Cheap liveness check for `/healthz`.
    pub async fn ping(&self) -> Result<(), StoreError> {
        on_pool!(self, pool => sqlx::query("SELECT 1").execute(pool).await?.rows_affected());
        Ok(())
    }

    /// (size, idle) connections, for metrics.
    pub fn pool_stats(&self) -> (u32, usize) {
        on_pool!(self, pool => (pool.size(), pool.num_idle()))
    }

    /// Refreshes the planner's statistics after a bulk load. On PostgreSQL the roster is also
    /// vacuumed, which sets its visibility map so that counts over it can be index-only scans;
    /// the record tables are left to autovacuum (vacuuming them reads every page: minutes at a
    /// million persons, where sampling statistics takes seconds).
    pub async fn analyze(&self) -> Result<(), StoreError> {
        match &self.db {
            Db::Sqlite(pool) => {
                sqlx::query("ANALYZE").execute(pool).await?;
                drop_index_samples(pool).await?;
            }
            Db::Postgres(pool) => {
                sqlx::query("VACUUM (ANALYZE) employer_staff, employer_staff_insurances")
                    .execute(pool)
                    .await?;
                sqlx::query("ANALYZE").execute(pool).await?;
            }
        }
        Ok(())
    }

    pub async fn close(&self) {
        on_pool!(self, pool => pool.close().await)
    }
}

/// Deletes the index samples (`sqlite_stat4`) that ANALYZE writes in this SQLite build, keeping
/// the per-index statistics (`sqlite_stat1`). With samples present, SQLite recompiles every
/// statement whose bound parameter meets a sampled index, on every execution: profiled under
/// load on `/me`, a tenth of the server's time (two thirds of SQLite's) went to compiling the
/// same statements again. The portal's queries are keyed by ids and codes, where samples do
/// not change the plan.
async fn drop_index_samples(pool: &SqlitePool) -> Result<(), StoreError> {
    let has_samples: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat4')",
    )
    .fetch_one(pool)
    .await?;
    if has_samples {
        sqlx::query("DELETE FROM sqlite_stat4")
            .execute(pool)
            .await?;
        // Reloads the statistics into every connection's schema.
        sqlx::query("ANALYZE sqlite_schema").execute(pool).await?;
    }
    Ok(())
}
