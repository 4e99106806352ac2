//! Command line: `serve` (default), `migrate`, `seed`, `user add`.

use crate::config::Settings;
use crate::startup::{Application, open_store};
use app::models::auth::Role;
use app::models::ids::CreditCode;
use app::models::insurance::Agency;
use app::server::clock::Clock;
use app::server::store::{NewUser, RoleGrant};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::BufRead;

#[derive(Parser, Debug)]
#[command(
    name = "jinbao",
    version,
    about = "金保 Jinbao: the social insurance self-service portal"
)]
#[command(
    after_help = "Settings come from defaults, then jinbao.toml (or $JINBAO_CONFIG), then JINBAO_* variables;\n\
DATABASE_URL (sqlite://PATH or postgres://...) and LEPTOS_SITE_ADDR are read as well."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the portal (the default): migrates the database, then serves on LEPTOS_SITE_ADDR.
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Fill an empty database with deterministic demo data and the demo accounts.
    Seed {
        /// Number of insured persons, including the two demo citizens.
        #[arg(long, default_value_t = 1000)]
        persons: usize,
        /// Random seed: the same seed gives the same data.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Current staff of the demo employer (default: persons / 20, at least 8).
        #[arg(long)]
        employer_staff: Option<usize>,
        /// Delete existing persons, employers and accounts first.
        #[arg(long)]
        reset: bool,
    },
    /// Import the collection agency's monthly declarations (CSV, header
    /// resident_id,employer_credit_code,insurance,month,base,employer_part,personal_part,paid_on;
    /// amounts in yuan, month YYYY-MM, paid_on YYYY-MM-DD or empty while unpaid). Bad rows go to
    /// the reject file and the command exits with an error after importing the rest.
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Recompute the read models (employers' staff rosters, record totals) from the record, after
    /// a migration or an import.
    #[command(alias = "rebuild-rosters")]
    RebuildReadModels,
    /// Set a city's own rules where the national rules leave them to it; an option left out
    /// returns to the usual rule.
    RegionRule {
        /// GB/T 2260 city code, e.g. 440300.
        city: String,
        /// How many days before today an admission may lie for an out-of-area filing
        /// (usually 180).
        #[arg(long)]
        retroactive_days: Option<i32>,
        /// The city lets insurances use different contribution bases (usually one base).
        #[arg(long)]
        separate_bases: bool,
    },
    /// Manage staff and employer accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
}

#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// Monthly contributions, one row per person, insurance and month.
    Contributions {
        /// The declaration file.
        file: std::path::PathBuf,
        /// Where rejected rows go (default: FILE with the extension .rejects.csv).
        #[arg(long)]
        rejects: Option<std::path::PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create a staff or employer account; the password is read from standard input.
    Add {
        /// Sign-in name (letters, digits, '-', '_', '.').
        #[arg(long)]
        username: String,
        /// Name shown in the portal and in access logs.
        #[arg(long)]
        name: String,
        #[arg(long, value_enum)]
        role: StaffRole,
        /// Employer's unified social credit code (role employer).
        #[arg(long)]
        employer: Option<String>,
        /// GB/T 2260 city code of the reviewer's office (role reviewer), e.g. 110100.
        #[arg(long)]
        office_region: Option<String>,
        /// Agency of the reviewer's office: hrss (人社) or nhsa (医保).
        #[arg(long, default_value = "hrss")]
        agency: String,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum StaffRole {
    Employer,
    Helpdesk,
    Reviewer,
    Admin,
}

pub async fn run(cli: Cli, settings: Settings) -> anyhow::Result<()> {
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings).await,
        Command::Migrate => {
            let started = std::time::Instant::now();
            let store = open_store(&settings).await?;
            store.close().await;
            eprintln!(
                "migrations up to date ({:.1}s)",
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Seed {
            persons,
            seed,
            employer_staff,
            reset,
        } => {
            let store = open_store(&settings).await?;
            if reset {
                store.delete_seeded_data().await?;
            }
            let started = std::time::Instant::now();
            let options = crate::seed::SeedOptions {
                persons,
                seed,
                employer_staff,
                progress: true,
            };
            let key = crate::config::SecretKey::load_or_create(&settings.secret_key_file)?;
            let sealer = app::server::auth::sealed::SecretBox::new(&key.0);
            match crate::seed::run(&store, &options, &sealer).await? {
                Some(r) => eprintln!(
                    "seeded {} persons, {} employers, {} monthly contributions in {:.1}s",
                    r.persons,
                    r.employers,
                    r.contributions,
                    started.elapsed().as_secs_f64()
                ),
                None => eprintln!(
                    "the database already holds persons; nothing seeded (use --reset to start over)"
                ),
            }
            store.close().await;
            Ok(())
        }
        Command::Import {
            what: ImportCommand::Contributions { file, rejects },
        } => {
            let started = std::time::Instant::now();
            let store = open_store(&settings).await?;
            let today = chrono::Utc::now().date_naive();
            let report = crate::import::run(&store, &file, rejects, today, true).await;
            store.close().await;
            let report = report?;
            let seconds = started.elapsed().as_secs_f64();
            eprintln!(
                "{} rows in {seconds:.1}s ({:.0} rows/s): {} persons declared, {} of them changed ({} rebuilt from the record), {} months written as {} runs, {} rows rejected",
                report.rows,
                report.rows as f64 / seconds,
                report.persons,
                report.applied.persons_changed,
                report.applied.persons_rebuilt,
                report.applied.months_changed,
                report.applied.runs_written,
                report.rejected,
            );
            if report.rejected > 0 {
                anyhow::bail!(
                    "{} rows rejected, the rest imported: see {}",
                    report.rejected,
                    report.rejects_file.display()
                );
            }
            Ok(())
        }
        Command::RebuildReadModels => {
            let started = std::time::Instant::now();
            let store = open_store(&settings).await?;
            let now = app::server::services::staff_roster::month_of(chrono::Utc::now());
            let rebuilt =
                app::server::services::read_models::rebuild_all(&store, 1000, now).await?;
            store.close().await;
            eprintln!(
                "rebuilt {} roster rows and {} record totals in {:.1}s",
                rebuilt.roster_rows,
                rebuilt.record_totals,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::RegionRule {
            city,
            retroactive_days,
            separate_bases,
        } => {
            if retroactive_days.is_some_and(|d| !(0..=3650).contains(&d)) {
                anyhow::bail!("--retroactive-days must be between 0 and 3650");
            }
            let store = open_store(&settings).await?;
            let rule = app::server::store::RegionRule {
                region_code: city.clone(),
                retroactive_filing_days: retroactive_days,
                single_contribution_base: separate_bases.then_some(false),
            };
            let set = store.set_region_rule(&rule).await?;
            store.close().await;
            if !set {
                anyhow::bail!("no city with the code {city}");
            }
            eprintln!("rules of {city} set; run `jinbao rebuild-read-models` for the staff checks");
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Add {
                    username,
                    name,
                    role,
                    employer,
                    office_region,
                    agency,
                },
        } => {
            let store = open_store(&settings).await?;
            let username = username.trim().to_ascii_lowercase();
            anyhow::ensure!(
                !username.is_empty()
                    && username.len() <= 64
                    && username
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
                "username: use 1-64 letters, digits, '-', '_' or '.'"
            );
            anyhow::ensure!(
                !store.username_exists(&username).await?,
                "username {username} is taken"
            );
            let grant = match role {
                StaffRole::Employer => {
                    let code =
                        CreditCode::parse(employer.as_deref().unwrap_or("")).map_err(|e| {
                            anyhow::anyhow!("--employer: not a valid credit code ({e})")
                        })?;
                    let id = store
                        .employer_id_by_credit_code(code.as_str())
                        .await?
                        .ok_or_else(|| {
                            anyhow::anyhow!("no employer with credit code {}", code.as_str())
                        })?;
                    RoleGrant {
                        role: Role::Employer,
                        employer_id: Some(id),
                        office_id: None,
                    }
                }
                StaffRole::Reviewer => {
                    let region = office_region.ok_or_else(|| {
                        anyhow::anyhow!("--office-region is required for reviewers")
                    })?;
                    let office = store
                        .office_for(&region, Agency::from_code(&agency)?)
                        .await?
                        .ok_or_else(|| anyhow::anyhow!("no {agency} office for region {region}"))?;
                    RoleGrant {
                        role: Role::Reviewer,
                        employer_id: None,
                        office_id: Some(office.id),
                    }
                }
                StaffRole::Helpdesk => RoleGrant {
                    role: Role::Helpdesk,
                    employer_id: None,
                    office_id: None,
                },
                StaffRole::Admin => RoleGrant {
                    role: Role::Admin,
                    employer_id: None,
                    office_id: None,
                },
            };
            let role_code = grant.role.code();
            eprintln!("password for {username} (12 characters or more), then Enter:");
            let mut password = String::new();
            std::io::stdin().lock().read_line(&mut password)?;
            let password = password.trim_end_matches(['\r', '\n']).to_string();
            anyhow::ensure!(
                password.chars().count() >= 12,
                "password: use 12 characters or more"
            );
            let hash = app::server::auth::password::hash_now(&password)?;
            let id = store
                .create_user(&NewUser {
                    username: Some(&username),
                    person_id: None,
                    display_name: name.trim(),
                    password_hash: &hash,
                    password_expired: false,
                    grants: &[grant],
                })
                .await?;
            eprintln!("created user {username} (id {id}) with role {role_code}");
            store.close().await;
            Ok(())
        }
    }
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let app = Application::build(&settings, Clock::system()).await?;
    app.spawn_janitor();
    if !settings.metrics_addr.is_empty() {
        let addr: std::net::SocketAddr = settings
            .metrics_addr
            .parse()
            .map_err(|e| anyhow::anyhow!("metrics_addr {:?}: {e}", settings.metrics_addr))?;
        let store = app.state().store.clone();
        let metrics = app.metrics().clone();
        tokio::spawn(async move {
            if let Err(e) = crate::http::metrics::serve(addr, store, metrics).await {
                tracing::error!(error = %e, "metrics listener failed");
            }
        });
    }
    tracing::info!(addr = %settings.site_addr, "Jinbao listening on http://{}", settings.site_addr);
    app.run_until_stopped().await?;
    Ok(())
}
