//! `governance`: work with a Governance Workbench database from the command line.

mod verify;

/// The allocator the benchmarks measure exports with (see the workspace Cargo.toml).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod oscal;
mod signing;
mod team;
use governance_core::edit::EditRequest;
use governance_core::review::CycleState;
use governance_core::{interchange, paths, validate, Error, Severity, Store};

#[derive(Parser)]
#[command(name = "governance", version, about = "Governance Workbench from the command line")]
struct Cli {
    /// The database: a file, or a team database postgres://user@host:port/database
    /// [default: $GOVERNANCE_DB, else a file in the user's data folder]
    #[arg(long, global = true, value_name = "PATH|URL")]
    db: Option<String>,
    /// Who is making the change, for the audit log [default: $USER]
    #[arg(long, global = true, value_name = "NAME")]
    actor: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the frameworks in the database.
    List,
    /// Import a framework file; replaces the working draft of the framework with the same id.
    Import {
        /// The JSON interchange file.
        file: PathBuf,
    },
    /// Export a framework's working draft as JSON.
    ExportJson {
        /// The framework id (needed when the database holds several).
        #[arg(long)]
        framework: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Apply one edit, given as an EditRequest JSON object (see docs/interchange.md).
    Edit {
        /// The request, e.g. {"framework":"f","edit":{"op":"set_letter",...},"expected_version":3}.
        json: String,
    },
    /// Team databases on a PostgreSQL server.
    Team {
        #[command(subcommand)]
        command: team::TeamCommand,
    },
    /// Copy everything in one database (frameworks, drafts, published versions, sign-offs, the
    /// audit log) into an empty one: a file to a team database or back. The copy is checked row
    /// for row and every version's hash and chain are verified.
    Copy {
        /// The database to copy [default: --db]
        #[arg(long, value_name = "PATH|URL")]
        from: Option<String>,
        /// The empty database to copy into (a new file, or a team database after `team init`).
        #[arg(long, value_name = "PATH|URL")]
        to: String,
    },
    /// Undo the newest edit of a framework.
    Undo {
        #[arg(long)]
        framework: Option<String>,
    },
    /// Publish the draft as the next version; refused while validation errors remain.
    Publish {
        #[arg(long)]
        framework: Option<String>,
        /// What changed in this version and why.
        #[arg(long)]
        summary: String,
    },
    /// Export a published version as a PDF for legal counsel and auditors.
    ExportPdf {
        #[arg(long)]
        framework: Option<String>,
        #[arg(long)]
        version: u32,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Also sign the PDF as a PDF (PAdES) with your key file, as the person who exported it.
        #[arg(long, value_name = "KEYFILE")]
        key: Option<PathBuf>,
    },
    /// Export a published version as an OSCAL 1.1.3 component definition (the obligations its parts
    /// answer, as implemented requirements); with --catalogs, also every shipped obligation
    /// catalogue as an OSCAL catalog, named by the definition relative to its own folder.
    ExportOscal {
        #[arg(long)]
        framework: Option<String>,
        #[arg(long)]
        version: u32,
        #[arg(long, value_name = "FILE.json")]
        out: PathBuf,
        /// Write the catalogs to this folder as <catalogue id>.json [default: not written; the
        /// definition names them as <id>.json beside itself]
        #[arg(long, value_name = "DIR")]
        catalogs: Option<PathBuf>,
    },
    /// Check an exported PDF without a database: its attached snapshot against its hash, its
    /// sign-offs, and its pages against a fresh rendering of its attached data, byte for byte.
    /// With --db, also the version, the hash chain and the changes in that database. Exit code 0
    /// only when VERIFIED, 1 otherwise.
    Verify {
        /// The PDF file.
        file: PathBuf,
    },
    /// List the published versions.
    Versions {
        #[arg(long)]
        framework: Option<String>,
    },
    /// Field-level changes from version N to version M.
    Diff {
        #[arg(long)]
        framework: Option<String>,
        n: u32,
        m: u32,
    },
    /// Show the open review cycle; exit code 2 when it is overdue (for cron or CI).
    ReviewStatus {
        #[arg(long)]
        framework: Option<String>,
    },
    /// Signing keys: make one, import an organisation's PKCS#12, register a certificate, show one.
    Key {
        #[command(subcommand)]
        command: signing::KeyCommand,
    },
    /// Sign a report PDF as a signatory, on any machine and without a database: the PDF must
    /// verify; writes the PDF with your sign-off added and signed by you, and a `.signoff` file.
    Sign {
        /// The report PDF to sign.
        file: PathBuf,
        /// Your key file (`governance key new`).
        #[arg(long, value_name = "KEYFILE")]
        key: PathBuf,
        #[arg(long, value_parser = ["approved", "approved_with_comments", "rejected"])]
        decision: String,
        #[arg(long, default_value = "")]
        comment: String,
        /// Where to write the signed PDF; the `.signoff` file goes beside it.
        #[arg(long, value_name = "SIGNED.pdf")]
        out: PathBuf,
    },
    /// Record signed sign-offs from a `.signoff` file or a signed report PDF, once their
    /// signatures, certificates, versions and review cycle hold. The same sign-off is kept once.
    ImportSignoff {
        /// The `.signoff` file or signed PDF.
        file: PathBuf,
    },
    /// Write the next review due dates (and the next kill-switch test) as an iCalendar file.
    ExportIcs {
        #[arg(long)]
        framework: Option<String>,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Write the data-quality standards as an Open Data Contract Standard (ODCS v3) YAML file.
    ExportOdcs {
        #[arg(long)]
        framework: Option<String>,
        /// A published version; without it, the working draft.
        #[arg(long)]
        version: Option<u32>,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Recheck every published version's hash and the hash chain; exit code 1 on any problem.
    VerifyDb,
    /// Check a framework against the rules; exit code 1 when there are errors.
    Validate {
        #[arg(long)]
        framework: Option<String>,
        /// Print the findings as JSON.
        #[arg(long)]
        json: bool,
    },
}

fn actor(cli: &Cli) -> String {
    cli.actor.clone().filter(|s| !s.trim().is_empty()).unwrap_or_else(paths::os_user)
}

fn framework_id(store: &Store, given: &Option<String>) -> Result<String, Error> {
    match given {
        Some(id) => Ok(id.clone()),
        None => store.sole_framework(),
    }
}

fn run(cli: &Cli) -> Result<ExitCode, Error> {
    // These need no database: they open one only when --db is given.
    match &cli.command {
        Command::Key { command } => return signing::key(command, cli.db.as_deref(), &actor(cli)),
        Command::Team { command } => return team::run(command).map(|_| ExitCode::SUCCESS),
        Command::Verify { file } => return verify::run(file, cli.db.as_deref()),
        Command::Sign { file, key, decision, comment, out } => {
            let decision = serde_json::from_value(serde_json::Value::String(decision.clone()))
                .expect("clap allows only the decisions");
            let decided = governance_core::signoff::Decided { decision, comment: comment.clone() };
            return signing::sign(&signing::SignArgs { file, key, decided, out });
        }
        _ => {}
    }
    let location = cli.db.clone().unwrap_or_else(paths::default_location);
    if let Command::Copy { from, to } = &cli.command {
        return team::copy(from.as_deref().unwrap_or(&location), to).map(|_| ExitCode::SUCCESS);
    }
    let mut store = team::open(&location)?;
    match &cli.command {
        Command::List => {
            let mut out = std::io::stdout().lock();
            for f in store.list_frameworks()? {
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{} platforms\t{} capabilities",
                    f.id, f.name, f.organisation, f.platforms, f.capabilities
                );
            }
        }
        Command::Import { file } => {
            let bytes = std::fs::read(file).map_err(|e| Error::Io(format!("cannot read {}: {e}", file.display())))?;
            let framework = interchange::parse(&bytes).map_err(|e| Error::Parse(format!("{}: {e}", file.display())))?;
            let outcome = store.import(&framework, &actor(cli))?;
            if outcome.created {
                println!("imported framework \"{}\" ({}) as a new framework", framework.name, outcome.framework);
            } else if outcome.changes == 0 {
                println!("framework \"{}\" ({}) is unchanged", framework.name, outcome.framework);
            } else {
                println!(
                    "updated framework \"{}\" ({}): {} change(s) recorded in the audit log",
                    framework.name, outcome.framework, outcome.changes
                );
            }
        }
        Command::ExportJson { framework, out } => {
            let id = framework_id(&store, framework)?;
            match out {
                Some(path) => store.export_file(&id, path)?,
                None => {
                    let json = interchange::to_pretty_json(&store.load(&id)?);
                    let mut o = std::io::stdout().lock();
                    o.write_all(json.as_bytes()).and_then(|_| o.flush()).map_err(|e| Error::Io(e.to_string()))?;
                }
            }
        }
        Command::Edit { json } => {
            let req: EditRequest = serde_json::from_str(json)
                .map_err(|e| Error::Parse(format!("the edit is not a valid request: {e}")))?;
            let out = store.apply(&req, &actor(cli))?;
            println!("{} ({} change(s) saved)", out.label, out.changes);
        }
        Command::Undo { framework } => {
            let id = framework_id(&store, framework)?;
            println!("{}", store.undo(&id, &actor(cli))?.label);
        }
        Command::Publish { framework, summary } => {
            let id = framework_id(&store, framework)?;
            let v = store.publish(&id, summary, &actor(cli), chrono::Local::now().date_naive())?.version;
            println!("published {} version {} ({}), SHA-256 {}", v.framework, v.number, v.published_at, v.sha256);
        }
        Command::ExportPdf { framework, version, out, key } => {
            let id = framework_id(&store, framework)?;
            let data = store.report_data(&id, *version)?;
            let r = governance_report::render_version(&data)
                .map_err(|e| Error::Io(format!("the PDF could not be made: {e}")))?;
            let pdf = match key {
                Some(key) => signing::sign_export(&r.pdf, key, *version)?,
                None => r.pdf.clone(),
            };
            governance_core::fsutil::write_atomically(out, &pdf)?;
            println!(
                "wrote {} ({} pages, {} KB), version {} of {id}, SHA-256 {}",
                out.display(),
                r.pages,
                r.pdf.len() / 1024,
                version,
                data.info.sha256
            );
            if !r.missing_glyphs.is_empty() {
                let chars: String = r.missing_glyphs.iter().collect();
                eprintln!("warning: no shipped font has these characters, printed as \u{FFFD}: {chars}");
                eprintln!("  used in: {}", r.missing_in.join(", "));
            }
        }
        Command::ExportOscal { framework, version, out, catalogs } => {
            let id = framework_id(&store, framework)?;
            let args = oscal::Args { framework: &id, version: *version, out, catalogs: catalogs.as_deref() };
            oscal::export(&store, &args)?;
        }
        Command::Verify { .. } => unreachable!("verify returns above, without opening the default database"),
        Command::Versions { framework } => {
            let id = framework_id(&store, framework)?;
            for v in store.versions(&id)? {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    v.number,
                    v.published_at,
                    v.author,
                    &v.sha256[..12],
                    v.summary.lines().next().unwrap_or("")
                );
            }
        }
        Command::Diff { framework, n, m } => {
            let id = framework_id(&store, framework)?;
            let changes = store.diff_versions(&id, *n, *m)?;
            if changes.is_empty() {
                println!("no changes from version {n} to version {m}");
            }
            for c in changes {
                let show = |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string()).unwrap_or_default();
                match c.kind {
                    governance_core::diff::ChangeKind::Added => println!("added    {}: {}", c.path, show(&c.new)),
                    governance_core::diff::ChangeKind::Removed => println!("removed  {}: {}", c.path, show(&c.old)),
                    governance_core::diff::ChangeKind::Changed => {
                        println!("changed  {}: {} -> {}", c.path, show(&c.old), show(&c.new))
                    }
                }
            }
        }
        Command::ReviewStatus { framework } => {
            let id = framework_id(&store, framework)?;
            let st = store.review_status(&id, chrono::Local::now().date_naive())?;
            let state = match st.state {
                CycleState::Upcoming => "upcoming",
                CycleState::Due => "due",
                CycleState::Overdue => "OVERDUE",
            };
            let when = match st.days_until_due {
                0 => "today".to_owned(),
                d if d > 0 => format!("in {d} day(s)"),
                d => format!("{} day(s) ago", -d),
            };
            println!("{id}: review due {} ({when}): {state}", st.due);
            if let Some(v) = st.latest_version {
                println!("  newest published version: {v}");
            }
            for s in &st.signoffs {
                println!(
                    "  {} ({}): {} version {} on {}{}",
                    s.party_name,
                    s.party_title,
                    s.decision.label(),
                    s.version_number,
                    &s.signed_at[..10],
                    if s.comment.is_empty() { String::new() } else { format!(": {}", s.comment) }
                );
            }
            if !st.waiting_for.is_empty() {
                println!("  waiting for: {}", st.waiting_for.join(", "));
            }
            if let Some(c) = &st.last_completed {
                println!("  last completed cycle: due {}, version {}", c.due, c.version_number);
            }
            if st.state == CycleState::Overdue {
                return Ok(ExitCode::from(2));
            }
        }
        Command::Key { .. } | Command::Sign { .. } | Command::Team { .. } | Command::Copy { .. } => {
            unreachable!("handled without opening the database")
        }
        Command::ImportSignoff { file } => return signing::import_signoff(&mut store, file),
        Command::ExportIcs { framework, out } => {
            let id = framework_id(&store, framework)?;
            let ics = store.calendar_ics(&id, chrono::Local::now().date_naive(), chrono::Utc::now())?;
            write_out(out.as_deref(), ics.as_bytes())?;
        }
        Command::ExportOdcs { framework, version, out } => {
            let id = framework_id(&store, framework)?;
            write_out(out.as_deref(), store.odcs_yaml(&id, *version)?.as_bytes())?;
        }
        Command::VerifyDb => {
            let problems = store.verify_versions()?;
            if problems.is_empty() {
                println!("every published version matches its hash and the hash chain is intact");
            } else {
                for p in &problems {
                    println!("{} version {}: {}", p.framework, p.number, p.message);
                }
                return Ok(ExitCode::from(1));
            }
        }
        Command::Validate { framework, json } => {
            let id = framework_id(&store, framework)?;
            let fw = store.load(&id)?;
            let findings = validate(&fw, chrono::Local::now().date_naive());
            let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
            if *json {
                println!("{}", serde_json::to_string_pretty(&findings).expect("findings serialise"));
            } else {
                for f in &findings {
                    println!("{f}");
                }
                println!("{}: {errors} error(s), {} warning(s)", fw.name, findings.len() - errors);
            }
            if errors > 0 {
                return Ok(ExitCode::from(1));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes to the file (atomically) or, without one, to standard output.
fn write_out(out: Option<&std::path::Path>, bytes: &[u8]) -> Result<(), Error> {
    match out {
        Some(path) => governance_core::fsutil::write_atomically(path, bytes),
        None => {
            let mut o = std::io::stdout().lock();
            o.write_all(bytes).and_then(|_| o.flush()).map_err(|e| Error::Io(e.to_string()))
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
