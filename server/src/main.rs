//! `jinbao`: parse the command line, load settings, run.

use clap::Parser;
use server::{cli, config::Settings, telemetry};

// The default allocator let argon2's buffers grow the server to ~850 MB under a login flood.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = cli::Cli::parse();
    let settings = Settings::load().map_err(|e| anyhow::anyhow!("configuration: {e}"))?;
    telemetry::init(&settings.log_format);
    cli::run(cli, settings).await
}
