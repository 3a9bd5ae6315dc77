//! Issue 11 in the real window: a signatory makes a signing key on the Parties page, the version
//! is published with its certificate, and they sign the review with that key file on the Reviews
//! page; a wrong passphrase is refused and records nothing; the exported PDF's sign-off page lists
//! the signed sign-off, and the PDF saved with it is signed as a PDF by legal counsel; importing
//! that PDF again keeps the sign-off once; a PDF exported with the writer's key is signed.
//! (Native dialogs cannot be driven: the key file lands in `$GOVERNANCE_EXPORT_DIR` and is read
//! back from `$GOVERNANCE_KEY_FILE`; the file to import comes from `$GOVERNANCE_SIGNOFF_FILE`.)

use std::path::{Path, PathBuf};
use std::process::Command;

use e2e::{default_db, screenshot_dir, Session};
use governance_core::review::SignOff;
use governance_core::signoff::{certificate, certificate_infos, Statement};
use governance_core::{Party, Store};

const PASSPHRASE: &str = "correct horse battery staple";
const COMMENT: &str = "Approved; clause 4 to be revisited next quarter.";

/// The sign-offs of the open review cycle, as the database holds them.
fn signoffs(db: &Path, framework: &str) -> Vec<SignOff> {
    let store = Store::open(db).unwrap();
    store.review_status(framework, chrono::Local::now().date_naive()).unwrap().signoffs
}

/// The number of pages of a PDF and the words of its last page (the sign-off page).
fn last_page(pdf: &Path) -> (u32, String) {
    let info = String::from_utf8(Command::new("pdfinfo").arg(pdf).output().unwrap().stdout).unwrap();
    let pages: u32 = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    let n = pages.to_string();
    let text = Command::new("pdftotext").args(["-f", &n, "-l", &n]).arg(pdf).arg("-").output().unwrap();
    (pages, String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The text of an input field.
async fn value(s: &Session, css: &str) -> String {
    s.find(css).await.prop("value").await.unwrap().unwrap_or_default()
}

/// Whether `bytes` contain `needle`.
fn contains(bytes: &[u8], needle: &str) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// One run of the story: the app, its database, the export folder with the key file and PDF,
/// and the party that signs (legal counsel, a required signatory of the starter framework).
struct Story {
    s: Session,
    db: PathBuf,
    exports: tempfile::TempDir,
    key_file: PathBuf,
    pdf: PathBuf,
    framework: String,
    party: Party,
}

impl Story {
    async fn start() -> Story {
        let starter = governance_core::starter::starter_framework();
        let party = starter.parties.iter().find(|p| p.id == "legal-counsel").unwrap().clone();
        assert!(starter.review_schedule.required_signatories.contains(&party.id), "legal counsel signs the reviews");
        let exports = tempfile::tempdir().unwrap();
        let key_file = exports.path().join(format!("{}-signing-key.pem", party.id));
        let pdf = exports.path().join(format!("{}-v1.pdf", starter.id));
        let env = [
            ("GOVERNANCE_EXPORT_DIR", exports.path().to_str().unwrap()),
            ("GOVERNANCE_KEY_FILE", key_file.to_str().unwrap()),
            ("GOVERNANCE_SIGNOFF_FILE", pdf.to_str().unwrap()),
        ];
        let s = Session::start_with_env(tempfile::tempdir().unwrap(), &env).await;
        let db = default_db(s.data_home.path());
        s.text("[data-testid=app-ready]").await;
        Story { s, db, exports, key_file, pdf, framework: starter.id, party }
    }

    /// Makes the party's key on the Parties page, after the form refused two passphrases that
    /// differ (in the form) and a short one (by the back end, beside the field). Returns the
    /// fingerprint of the certificate now registered.
    async fn make_key(&self) -> String {
        let (s, party) = (&self.s, &self.party);
        s.click("[data-testid=nav-parties]").await;
        s.click(&format!("[data-testid=party-{}]", party.id)).await;
        assert!(s.text("[data-testid=certificate-none]").await.contains("No signing certificate"));
        s.screenshot("40-party-without-certificate").await;
        s.click("[data-testid=certificate-create]").await;
        assert_eq!(
            value(s, "[data-testid=key-name]").await,
            party.name,
            "the certificate's name defaults to the party's"
        );

        self.type_passphrases(PASSPHRASE, "correct horse battery stapler").await;
        assert!(s.text("[data-testid=key-repeat-error]").await.contains("differ"));
        self.type_passphrases("short", "short").await;
        let short = s.text("[data-testid=key-passphrase-error]").await;
        assert!(short.contains(&governance_core::store::MIN_PASSPHRASE_CHARS.to_string()), "{short}");
        s.screenshot("41-key-form-refusals").await;
        assert!(!self.key_file.exists(), "no key file is written for a refused passphrase");

        self.type_passphrases(PASSPHRASE, PASSPHRASE).await;
        let result = s.text("[data-testid=certificate-result]").await;
        assert!(result.contains(self.key_file.to_str().unwrap()), "the form says where the key file is: {result}");
        assert!(result.contains("never in the database"), "{result}");
        let key = std::fs::read_to_string(&self.key_file).unwrap();
        assert!(key.contains("ENCRYPTED PRIVATE KEY"), "the key file holds the encrypted private key");
        for file in [self.db.clone(), self.db.with_extension("db-wal")] {
            let bytes = std::fs::read(&file).unwrap_or_default();
            assert!(!contains(&bytes, "PRIVATE KEY"), "{} holds no private key", file.display());
        }

        // The fingerprint shown is the one of the certificate now registered in the draft.
        let stored = Store::open(&self.db).unwrap().load(&self.framework).unwrap();
        let fingerprint =
            certificate_infos(&stored).remove(&party.id).expect("the certificate is registered").fingerprint;
        let shown = s.text("[data-testid=certificate-fingerprint]").await;
        let groups: Vec<&str> = shown.split_whitespace().collect();
        assert_eq!(groups.len(), 8, "eight groups of eight hex digits: {shown}");
        assert_eq!(groups.concat(), fingerprint);
        assert!(s.text("[data-testid=certificate-subject]").await.contains(&party.name));
        s.screenshot("42-party-with-certificate").await;
        fingerprint
    }

    async fn type_passphrases(&self, passphrase: &str, repeat: &str) {
        self.s.fill("[data-testid=key-passphrase]", passphrase).await;
        self.s.fill("[data-testid=key-passphrase-repeat]", repeat).await;
        self.s.click("[data-testid=key-submit]").await;
    }

    async fn publish(&self, summary: &str, number: u32) {
        let s = &self.s;
        s.click("[data-testid=publish-button]").await;
        s.find("[data-testid=publish-summary]").await.send_keys(summary).await.unwrap();
        s.click("[data-testid=publish-confirm]").await;
        assert!(s.text("[data-testid=publish-result]").await.contains(&format!("version {number}")));
        s.click("[data-testid=dialog-cancel]").await;
    }

    /// Exports version 1's PDF from the Versions page, signed with the key file when a passphrase
    /// is given; returns its page count and last page's words.
    async fn export_pdf(&self, passphrase: Option<&str>) -> (u32, String) {
        if self.pdf.exists() {
            std::fs::remove_file(&self.pdf).unwrap();
        }
        self.s.click("[data-testid=nav-versions]").await;
        if let Some(p) = passphrase {
            self.s.click("[data-testid=sign-exports-toggle]").await;
            self.s.fill("[data-testid=export-passphrase]", p).await;
        }
        self.s.click("[data-testid=version-export-1]").await;
        let result = self.s.text("[data-testid=pdf-result]").await;
        if passphrase.is_some() {
            let by = self.s.text("[data-testid=pdf-signed-by]").await;
            assert!(by.contains(&self.party.name), "{result}");
        }
        assert!(self.pdf.exists(), "the PDF was written to the export folder");
        last_page(&self.pdf)
    }

    /// A wrong passphrase is refused as a sentence in the form and records nothing.
    async fn refuse_a_wrong_passphrase(&self, fingerprint: &str) {
        let s = &self.s;
        s.click("[data-testid=nav-reviews]").await;
        let row = s.find(&format!("[data-testid=signatory-cert-{}]", self.party.id)).await;
        assert_eq!(row.attr("data-has").await.unwrap().as_deref(), Some("yes"));
        assert!(row.text().await.unwrap().contains(&fingerprint[..8]));
        s.choose("[data-testid=signoff-decision]", "approved_with_comments").await;
        s.fill("[data-testid=signoff-comment]", COMMENT).await;
        s.fill("[data-testid=signoff-passphrase]", "not my passphrase at all").await;
        s.click("[data-testid=signoff-submit]").await;
        let refusal = s.text("[data-testid=signoff-error]").await;
        assert!(refusal.contains("passphrase"), "{refusal}");
        s.screenshot("43-reviews-wrong-passphrase").await;
        assert!(signoffs(&self.db, &self.framework).is_empty(), "a refused sign-off records nothing");
    }

    /// The right passphrase signs as legal counsel: the key file's certificate says who signs.
    async fn sign(&self, fingerprint: &str) {
        let (s, party) = (&self.s, &self.party);
        s.fill("[data-testid=signoff-passphrase]", PASSPHRASE).await;
        s.click("[data-testid=signoff-submit]").await;
        let done = s.text("[data-testid=signoff-result]").await;
        assert!(done.contains(&format!("Signed by {}", party.name)), "{done}");
        assert!(done.contains(&format!("{} {}", &fingerprint[..8], &fingerprint[8..16])), "{done}");
        assert!(done.contains("not complete yet"), "two more signatories are needed: {done}");
        assert_eq!(value(s, "[data-testid=signoff-passphrase]").await, "", "the passphrase is cleared");
        let saved = s.text("[data-testid=signoff-pdf]").await;
        assert!(saved.contains(self.pdf.to_str().unwrap()), "the PDF with the sign-off is saved: {saved}");
        assert_eq!(pdf_signers(&self.pdf), vec![party.name.clone()], "it is signed as a PDF by legal counsel");
        let row = s.find(&format!("[data-testid=signatory-{}]", party.id)).await;
        assert_eq!(row.attr("data-state").await.unwrap().as_deref(), Some("approved"));
        let badge = s.text(&format!("[data-testid=signed-{}]", party.id)).await;
        assert!(badge.starts_with("Signed") && badge.contains(&fingerprint[..8]), "{badge}");
        s.screenshot("44-reviews-signed").await;
        s.scroll_into_view(&row).await;
        s.screenshot("44-reviews-signatories").await;
        let js = "const t = document.querySelector('.table-scroll'); return t.scrollWidth - t.clientWidth";
        let overflow = s.client.execute(js, vec![]).await.unwrap();
        assert_eq!(overflow.as_i64(), Some(0), "the signatories' table fits its panel");
    }

    /// Importing the signed PDF saved at signing records nothing new: the sign-off is kept once.
    async fn import_the_signed_pdf_again(&self) {
        let s = &self.s;
        s.click("[data-testid=import-signoff]").await;
        let result = s.text("[data-testid=import-signoff-result]").await;
        assert!(result.contains("Already recorded, kept once") && result.contains(&self.party.name), "{result}");
        s.screenshot("45-reviews-imported-again").await;
        assert_eq!(signoffs(&self.db, &self.framework).len(), 1, "one sign-off, kept once");
    }

    /// The database keeps the statement as signed, its signature and the signer's certificate,
    /// and the signature holds for the certificate registered in version 1.
    fn check_the_stored_sign_off(&self) {
        let list = signoffs(&self.db, &self.framework);
        let signoff = list.iter().find(|x| x.party == self.party.id).expect("legal counsel's sign-off is stored");
        let signed = signoff.signed.as_ref().expect("the sign-off is signed");
        let statement = Statement::from_bytes(signed.statement.as_bytes()).unwrap();
        assert_eq!(
            (statement.party.as_str(), statement.version, statement.comment.as_str()),
            (self.party.id.as_str(), 1, COMMENT)
        );
        let (version, snapshot) = Store::open(&self.db).unwrap().version_framework(&self.framework, 1).unwrap();
        assert_eq!(statement.snapshot_sha256, version.sha256);
        let registered = snapshot.parties.iter().find(|p| p.id == self.party.id).unwrap().certificate.clone().unwrap();
        assert_eq!(signed.verify(&certificate(&registered).unwrap()).unwrap(), statement, "the signature holds");
        verify_with_openssl(self.exports.path(), &signed.statement, &signed.signature, &registered);
    }

    /// Removing the certificate is an edit: undo brings it back; removed and published, the diff
    /// of the two versions says so in words, never with the certificate's PEM text.
    async fn remove_the_certificate_undo_and_compare(&self) {
        let s = &self.s;
        let has_certificate = || {
            let fw = Store::open(&self.db).unwrap().load(&self.framework).unwrap();
            fw.parties.iter().find(|p| p.id == self.party.id).unwrap().certificate.is_some()
        };
        s.click("[data-testid=nav-parties]").await;
        s.click(&format!("[data-testid=party-{}]", self.party.id)).await;
        s.click("[data-testid=certificate-remove]").await;
        s.text("[data-testid=certificate-none]").await;
        s.wait_saved().await;
        assert!(!has_certificate(), "the removal is stored");
        s.click("[data-testid=undo-button]").await;
        s.text("[data-testid=certificate-fingerprint]").await;
        s.wait_saved().await;
        assert!(has_certificate(), "undo registers the certificate again");
        s.click("[data-testid=certificate-remove]").await;
        s.text("[data-testid=certificate-none]").await;

        self.publish("Legal counsel's certificate withdrawn.", 2).await;
        s.click("[data-testid=nav-versions]").await;
        let path = format!("parties[{}].certificate", self.party.id);
        let change = s.find(&format!("[data-testid=diff-change][data-path=\"{path}\"]")).await;
        s.scroll_into_view(&change).await;
        let text = change.text().await.unwrap();
        assert!(text.contains("Signing certificate") && text.contains("removed"), "{text}");
        assert!(!s.page_text().await.contains("BEGIN CERTIFICATE"), "no PEM text on the page");
        s.screenshot("47-versions-diff-certificate-removed").await;
    }
}

#[tokio::test]
async fn a_signatory_makes_a_key_on_the_parties_page_and_signs_the_published_version_with_it() {
    let story = Story::start().await;
    let fingerprint = story.make_key().await;
    story.publish("First version for the quarterly review.", 1).await;
    let (_, before) = story.export_pdf(None).await;
    assert!(pdf_signers(&story.pdf).is_empty(), "an export without a key is not signed as a PDF");
    assert!(before.contains("Sign-off"), "{before}");
    assert!(!before.contains("clause 4"), "nobody has signed yet: {before}");

    story.refuse_a_wrong_passphrase(&fingerprint).await;
    story.sign(&fingerprint).await;
    story.check_the_stored_sign_off();
    story.import_the_signed_pdf_again().await;

    // The PDF exported now, with the writer's key, lists the sign-off on its sign-off page and
    // is signed as a PDF; a person looks at the page's picture.
    let (pages, last) = story.export_pdf(Some(PASSPHRASE)).await;
    assert_eq!(pdf_signers(&story.pdf), vec![story.party.name.clone()]);
    story.s.screenshot("45-versions-pdf-exported").await;
    for expected in ["Sign-off", story.party.name.as_str(), "Approved with comments", "clause 4 to be revisited"] {
        assert!(last.contains(expected), "the sign-off page shows {expected:?}: {last}");
    }
    render_page(&story.pdf, pages, "46-pdf-sign-off-page");

    story.remove_the_certificate_undo_and_compare().await;
    story.s.close().await;
}

/// The signers poppler's `pdfsig` finds in a PDF, each of whose signature it says is valid.
fn pdf_signers(pdf: &Path) -> Vec<String> {
    let out = Command::new("pdfsig").arg(pdf).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let valid = text.matches("Signature Validation: Signature is Valid.").count();
    let names: Vec<String> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- Signer Certificate Common Name: "))
        .map(str::to_owned)
        .collect();
    assert_eq!(valid, names.len(), "pdfsig says every signature is valid: {text}");
    names
}

/// Renders one page of a PDF to a PNG beside the screenshots (60 dpi).
fn render_page(pdf: &Path, page: u32, name: &str) {
    let n = page.to_string();
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-singlefile", "-f", &n, "-l", &n])
        .arg(pdf)
        .arg(screenshot_dir().join(name))
        .status()
        .unwrap();
    assert!(status.success(), "pdftoppm renders page {page}");
}

/// Checks the stored signature with OpenSSL alone, as anyone could.
fn verify_with_openssl(dir: &Path, statement: &str, signature: &str, certificate: &str) {
    use base64::Engine;
    let (content, der, cert) = (dir.join("statement.json"), dir.join("signature.der"), dir.join("certificate.pem"));
    std::fs::write(&content, statement).unwrap();
    std::fs::write(&der, base64::engine::general_purpose::STANDARD.decode(signature).unwrap()).unwrap();
    std::fs::write(&cert, certificate).unwrap();
    let out = Command::new("openssl")
        .args(["cms", "-verify", "-binary", "-inform", "DER", "-purpose", "any", "-out", "/dev/null"])
        .arg("-in")
        .arg(&der)
        .arg("-content")
        .arg(&content)
        .arg("-CAfile")
        .arg(&cert)
        .output()
        .unwrap();
    assert!(out.status.success(), "openssl cms -verify: {}", String::from_utf8_lossy(&out.stderr));
}
