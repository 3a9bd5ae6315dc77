//! Issues 4 and 5 in the real window: publish a version, sign off the review cycle against it,
//! export its PDF from the Versions page, and find the sign-off on the PDF's sign-off page.

use std::process::Command;

use e2e::Session;

#[tokio::test]
async fn a_sign_off_given_in_the_app_appears_on_the_exported_pdfs_sign_off_page() {
    let starter = governance_core::starter::starter_framework();
    let signatory = starter.parties.iter().find(|p| p.id == starter.review_schedule.required_signatories[1]).unwrap();
    let exports = tempfile::tempdir().unwrap();
    let export_dir = exports.path().to_str().unwrap().to_owned();
    let s = Session::start_with_env(tempfile::tempdir().unwrap(), &[("GOVERNANCE_EXPORT_DIR", &export_dir)]).await;
    s.text("[data-testid=app-ready]").await;

    s.click("[data-testid=publish-button]").await;
    let summary = s.find("[data-testid=publish-summary]").await;
    summary.send_keys("First version for the quarterly review.").await.unwrap();
    s.click("[data-testid=publish-confirm]").await;
    let result = s.text("[data-testid=publish-result]").await;
    assert!(result.contains("version 1"), "{result}");
    s.screenshot("20-published").await;
    s.click("[data-testid=dialog-cancel]").await;

    s.click("[data-testid=nav-reviews]").await;
    s.choose("[data-testid=signoff-party]", &signatory.id).await;
    s.choose("[data-testid=signoff-version]", "1").await;
    s.choose("[data-testid=signoff-decision]", "approved_with_comments").await;
    s.fill("[data-testid=signoff-comment]", "Approved; clause 4 to be revisited next quarter.").await;
    s.click("[data-testid=signoff-submit]").await;
    s.text("[data-testid=signoff-result]").await;
    s.screenshot("21-reviews-after-sign-off").await;

    s.click("[data-testid=nav-versions]").await;
    s.click("[data-testid=version-export-1]").await;
    s.text("[data-testid=pdf-result]").await;
    s.screenshot("22-versions-pdf-exported").await;
    let pdf = exports.path().join(format!("{}-v1.pdf", starter.id));
    assert!(pdf.exists(), "the PDF was written to the export folder");

    let pages = String::from_utf8(Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout).unwrap();
    let count: String =
        pages.lines().find(|l| l.starts_with("Pages:")).unwrap().split_whitespace().nth(1).unwrap().into();
    let last = Command::new("pdftotext").args(["-f", &count, "-l", &count]).arg(&pdf).arg("-").output().unwrap();
    let last = String::from_utf8_lossy(&last.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(last.contains("Sign-off"), "{last}");
    assert!(last.contains(&signatory.name), "{last}");
    assert!(last.contains("Approved with comments"), "{last}");
    assert!(last.contains("clause 4 to be revisited"), "{last}");
    s.close().await;
}
